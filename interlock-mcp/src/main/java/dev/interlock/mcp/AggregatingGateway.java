package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.Effect;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Several upstream MCP servers behind one gateway. Tools are listed as {@code server__tool} (the separator is
 * configurable) and each call is routed to its server after Interlock decides it. Every id crossing the gateway is
 * its own, so requests from the client and from the servers (sampling, roots, elicitation, ping) find their way back,
 * and a cancellation names the id the server knows. {@code initialize}, {@code tools/list}, {@code resources/list},
 * {@code prompts/list} are asked of every server and merged; reading, subscribing to and unsubscribing from a
 * resource, and getting a prompt, go to the server that listed it; other requests go to the first server.
 */
public final class AggregatingGateway implements Gateway {

    private static final ObjectMapper JSON = JsonRpc.JSON;

    private final List<GatewayConfig.Upstream> configs;
    private final String separator;
    private final CallDecider decider;
    private final Consumer<String> client;
    private final PrintStream log;
    private final Map<String, Link> links = new LinkedHashMap<>();
    /** Which server listed each resource URI and prompt name: their reads, subscriptions and gets go there. */
    private final Map<String, Link> owners = new ConcurrentHashMap<>();
    /** Gateway id → where its answer goes. */
    private final Map<String, Consumer<JsonNode>> waiting = new ConcurrentHashMap<>();
    /** Client id (as text) → the server and gateway id it was forwarded as, for cancellation. */
    private final Map<String, String[]> forwarded = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ToolListing tools;
    private volatile JsonNode initializeParams;
    private volatile boolean closing;

    private final class Link {
        final GatewayConfig.Upstream config;
        Upstream process;
        int restarts;

        Link(GatewayConfig.Upstream config) {
            this.config = config;
        }
    }

    public AggregatingGateway(List<GatewayConfig.Upstream> upstreams, String separator, CallDecider decider, Consumer<String> client, PrintStream log) {
        this.configs = List.copyOf(upstreams);
        this.separator = separator;
        this.decider = decider;
        this.client = client;
        this.log = log;
        this.tools = new ToolListing(decider, log);
    }

    @Override
    public void start() throws IOException {
        for (GatewayConfig.Upstream c : configs) {
            Link link = new Link(c);
            links.put(c.name(), link);
            start(link);
        }
    }

    @Override
    public void close() {
        closing = true;
        for (Link link : links.values()) {
            synchronized (link) {
                if (link.process != null) {
                    link.process.close();
                }
            }
        }
    }

    private void start(Link link) throws IOException {
        Upstream u = Upstream.start(link.config, log);
        link.process = u;
        Thread.ofPlatform().daemon().name("interlock-mcp-" + link.config.name()).start(() -> {
            try {
                String line;
                while ((line = u.receive()) != null) {
                    fromServer(link, line);
                }
            } catch (IOException e) {
                log.println("interlock mcp: reading from " + link.config.name() + " failed: " + e.getMessage());
            }
            exited(link, u);
        });
    }

    // ---- client → servers

    @Override
    public void receive(String line) {
        JsonNode msg = JsonRpc.read(line, this::reply);
        if (msg == null || answered(msg)) {
            return;
        }
        String method = msg.path("method").asText("");
        JsonNode id = msg.get("id");
        if (id == null || id.isNull()) {
            notification(method, msg);
            return;
        }
        switch (method) {
            case "initialize" -> {
                initializeParams = msg.path("params");
                everyServer(msg, results -> reply(JsonRpc.result(id, initialized(msg.path("params"), results))));
            }
            case "tools/list" -> everyServer(msg, results -> reply(JsonRpc.result(id, merged(results, "tools", true))));
            case "resources/list" -> everyServer(msg, results -> reply(JsonRpc.result(id, merged(results, "resources", false))));
            case "resources/templates/list" -> everyServer(msg, results -> reply(JsonRpc.result(id, merged(results, "resourceTemplates", false))));
            case "prompts/list" -> everyServer(msg, results -> reply(JsonRpc.result(id, merged(results, "prompts", false))));
            case "ping" -> reply(JsonRpc.result(id, JSON.createObjectNode()));
            case "tools/call" -> call(id, msg);
            case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
                    route(owner(owners, "resource " + msg.path("params").path("uri").asText()), id, msg, null);
            case "prompts/get" -> route(owner(owners, "prompt " + msg.path("params").path("name").asText()), id, msg, null);
            default -> route(links.values().iterator().next(), id, msg, null);
        }
    }

    private void notification(String method, JsonNode msg) {
        if (method.equals("notifications/cancelled")) {
            String[] to = forwarded.get(msg.path("params").path("requestId").asText());
            if (to != null) {
                ObjectNode copy = msg.deepCopy();
                ((ObjectNode) copy.get("params")).put("requestId", to[1]);
                send(links.get(to[0]), copy.toString());
            }
            return;
        }
        for (Link link : links.values()) {
            send(link, msg.toString());
        }
    }

    private void call(JsonNode id, JsonNode msg) {
        String name = msg.path("params").path("name").asText("");
        int cut = name.indexOf(separator);
        Link link = cut > 0 ? links.get(name.substring(0, cut)) : null;
        if (link == null) {
            reply(JsonRpc.error(id, -32602, "unknown tool '" + name + "': tools are named SERVER" + separator + "TOOL, with SERVER one of " + links.keySet()));
            return;
        }
        String tool = name.substring(cut + separator.length());
        CallDecider.Verdict verdict = JsonRpc.decide(decider, link.config.name(), tool, msg.path("params").path("arguments"));
        if (verdict.effect() != Effect.ALLOW) {
            reply(JsonRpc.refusal(id, verdict.explanation()));
            return;
        }
        ObjectNode copy = msg.deepCopy();
        ((ObjectNode) copy.get("params")).put("name", tool);
        CallDecider.Verdict allowed = verdict;
        long started = System.nanoTime();
        route(link, id, copy, answer -> {
            boolean failed = answer.has("error") || answer.path("result").path("isError").asBoolean(false);
            long millis = (System.nanoTime() - started) / 1_000_000;
            Thread.ofVirtual().start(() -> {
                try {
                    decider.executed(allowed, failed, millis);
                } catch (RuntimeException e) {
                    log.println("interlock mcp: could not report a call's outcome: " + e.getMessage());
                }
            });
        });
    }

    /** Forwards one request to one server under a gateway id; its answer goes back under the client's id. */
    private void route(Link link, JsonNode clientId, JsonNode msg, Consumer<JsonNode> onAnswer) {
        String mine = "ilk-" + ids.incrementAndGet();
        forwarded.put(clientId.asText(), new String[] {link.config.name(), mine});
        waiting.put(mine, answer -> {
            forwarded.remove(clientId.asText());
            if (onAnswer != null) {
                onAnswer.accept(answer);
            }
            ObjectNode back = answer.deepCopy();
            back.set("id", clientId);
            reply(back.toString());
        });
        ObjectNode copy = msg.deepCopy();
        copy.put("id", mine);
        if (!send(link, copy.toString())) {
            waiting.remove(mine);
            forwarded.remove(clientId.asText());
            reply(JsonRpc.error(clientId, -32603, "the upstream MCP server " + link.config.name() + " is not reachable"));
        }
    }

    /** Asks every server (following each one's pages), then hands the answers over together. */
    private void everyServer(JsonNode msg, Consumer<Map<String, List<JsonNode>>> done) {
        Map<String, List<JsonNode>> results = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(links.size());
        for (Link link : links.values()) {
            ask(link, msg.path("method").asText(), msg.path("params"), new ArrayList<>(), pages -> {
                results.put(link.config.name(), pages);
                if (left.decrementAndGet() == 0) {
                    done.accept(results);
                }
            });
        }
    }

    private void ask(Link link, String method, JsonNode params, List<JsonNode> pages, Consumer<List<JsonNode>> done) {
        String mine = "ilk-" + ids.incrementAndGet();
        waiting.put(mine, answer -> {
            pages.add(answer);
            String next = answer.path("result").path("nextCursor").asText("");
            if (!next.isEmpty() && pages.size() < 100 && !method.equals("initialize")) {
                ObjectNode more = params.isObject() ? params.deepCopy() : JSON.createObjectNode();
                more.put("cursor", next);
                ask(link, method, more, pages, done);
            } else {
                done.accept(pages);
            }
        });
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", mine).put("method", method);
        if (params != null && !params.isMissingNode()) {
            request.set("params", params);
        }
        if (!send(link, request.toString())) {
            waiting.remove(mine).accept(JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", -32603)
                    .put("message", link.config.name() + " is not reachable")));
        }
    }

    private ObjectNode initialized(JsonNode params, Map<String, List<JsonNode>> results) {
        ObjectNode out = JSON.createObjectNode();
        String version = params.path("protocolVersion").asText("2025-06-18");
        ObjectNode capabilities = out.putObject("capabilities");
        StringBuilder instructions = new StringBuilder();
        for (var e : results.entrySet()) {
            JsonNode r = e.getValue().getFirst().path("result");
            String theirs = r.path("protocolVersion").asText(version);
            if (theirs.compareTo(version) < 0) {
                version = theirs;
            }
            r.path("capabilities").properties().forEach(c -> capabilities.set(c.getKey(), c.getValue()));
            if (r.has("instructions")) {
                instructions.append(instructions.isEmpty() ? "" : "\n").append(e.getKey()).append(": ").append(r.get("instructions").asText());
            }
        }
        capabilities.putObject("tools").put("listChanged", true);
        out.put("protocolVersion", version);
        out.putObject("serverInfo").put("name", "interlock-gateway").put("version", "1");
        if (!instructions.isEmpty()) {
            out.put("instructions", instructions.toString());
        }
        return out;
    }

    /** Every server's items of {@code field}; tools renamed SERVER__TOOL so that a call names where it goes. */
    private ObjectNode merged(Map<String, List<JsonNode>> results, String field, boolean rename) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode all = out.putArray(field);
        for (Link link : links.values()) {
            for (JsonNode page : results.getOrDefault(link.config.name(), List.of())) {
                JsonNode items = page.path("result").path(field);
                if (rename && items.isArray()) {
                    items = tools.visible(link.config.name(), (ArrayNode) items);
                }
                for (JsonNode item : items) {
                    ObjectNode copy = item.deepCopy();
                    if (rename) {
                        copy.put("name", link.config.name() + separator + item.path("name").asText());
                    } else if (item.hasNonNull("uri")) {
                        owners.put("resource " + item.get("uri").asText(), link);
                    } else if (field.equals("prompts") && item.hasNonNull("name")) {
                        owners.put("prompt " + item.get("name").asText(), link);
                    }
                    all.add(copy);
                }
            }
        }
        return out;
    }

    /** The server that listed {@code key} ("resource URI", "prompt NAME"); the first server when none did (yet). */
    private Link owner(Map<String, Link> known, String key) {
        Link link = known.get(key);
        return link != null ? link : links.values().iterator().next();
    }

    /** A response (to the gateway's own id): handed to whoever waits for it. True when {@code msg} was one. */
    private boolean answered(JsonNode msg) {
        JsonNode id = msg.get("id");
        if (!msg.path("method").asText("").isEmpty() || id == null) {
            return false;
        }
        Consumer<JsonNode> back = waiting.remove(id.asText());
        if (back != null) {
            back.accept(msg);
        }
        return true;
    }

    // ---- servers → client

    private void fromServer(Link link, String line) {
        JsonNode msg;
        try {
            msg = JSON.readTree(line);
        } catch (JacksonException e) {
            log.println("interlock mcp: " + link.config.name() + " wrote something that is not JSON-RPC; dropped");
            return;
        }
        if (answered(msg)) {
            return;
        }
        JsonNode id = msg.get("id");
        if (id != null && !id.isNull()) {
            // The server asks the client (sampling, roots, elicitation, ping): under a gateway id, answered back to it.
            String mine = "ilk-" + ids.incrementAndGet();
            waiting.put(mine, answer -> {
                ObjectNode back = answer.deepCopy();
                back.set("id", id);
                send(link, back.toString());
            });
            ObjectNode copy = msg.deepCopy();
            copy.put("id", mine);
            reply(copy.toString());
            return;
        }
        reply(line);
    }

    private void exited(Link link, Upstream u) {
        if (closing) {
            return;
        }
        int code = u.exitCode();
        synchronized (link) {
            if (link.process != u) {
                return;
            }
            for (var e : forwarded.entrySet()) {
                if (e.getValue()[0].equals(link.config.name())) {
                    Consumer<JsonNode> back = waiting.remove(e.getValue()[1]);
                    if (back != null) {
                        back.accept(JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", -32603)
                                .put("message", "the upstream MCP server " + link.config.name() + " exited (exit " + code + ") before answering")));
                    }
                }
            }
            if (link.restarts++ >= 5) {
                log.println("interlock mcp: " + link.config.name() + " exited " + link.restarts + " times; not restarting it");
                link.process = null;
                return;
            }
            log.println("interlock mcp: " + link.config.name() + " exited (exit " + code + "); restarting it");
            try {
                start(link);
                if (initializeParams != null) {
                    ask(link, "initialize", initializeParams, new ArrayList<>(), pages -> send(link,
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
                }
            } catch (IOException e) {
                log.println("interlock mcp: cannot restart " + link.config.name() + ": " + e.getMessage());
                link.process = null;
            }
        }
    }

    private boolean send(Link link, String line) {
        Upstream u;
        synchronized (link) {
            u = link.process;
        }
        if (u == null) {
            return false;
        }
        try {
            u.send(line);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void reply(String line) {
        client.accept(line);
    }
}
