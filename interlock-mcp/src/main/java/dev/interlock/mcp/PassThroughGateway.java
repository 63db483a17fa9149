package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.Effect;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The agent's MCP server, in front of the real one. Every message passes through unchanged — the handshake with the
 * client's real capabilities, notifications, progress, cancellation, pagination, the server's own requests
 * (sampling, elicitation, roots, ping) back to the client — except {@code tools/call}: Interlock decides it first, and
 * a call that is not allowed never reaches the upstream; the model gets a tool result with {@code isError: true} and
 * an explanation it can act on. Malformed JSON from the client is answered with a JSON-RPC error and the gateway goes
 * on; an upstream that exits fails its pending requests cleanly and is restarted (and re-initialized with the
 * client's own initialize) for the next one.
 */
public final class PassThroughGateway implements Gateway {

    private static final ObjectMapper JSON = JsonRpc.JSON;
    private static final int MAX_RESTARTS = 5;

    private final String server;
    private final GatewayConfig.Upstream config;
    private final CallDecider decider;
    private final Consumer<String> client;
    private final PrintStream log;
    private final Map<String, JsonNode> pending = new ConcurrentHashMap<>();
    /** Allowed tool calls on their way: their verdict and when they left, for the outcome report. */
    private final Map<String, Started> calls = new ConcurrentHashMap<>();
    private final java.util.Set<String> replayed = ConcurrentHashMap.newKeySet();
    /** Ids of the client's {@code tools/list} requests in flight: their answers are filtered. */
    private final java.util.Set<String> listings = ConcurrentHashMap.newKeySet();
    private final ToolListing tools;
    private final AtomicLong ownIds = new AtomicLong();
    private Upstream upstream;
    private String initialize;
    private String initialized;
    private int restarts;
    private volatile boolean closing;

    private record Started(CallDecider.Verdict verdict, long nanos) {
    }

    public PassThroughGateway(GatewayConfig.Upstream config, CallDecider decider, Consumer<String> client, PrintStream log) {
        this.server = config.name();
        this.config = config;
        this.decider = decider;
        this.client = client;
        this.log = log;
        this.tools = new ToolListing(decider, log);
    }

    @Override
    public void start() throws IOException {
        synchronized (this) {
            upstream = Upstream.start(config, log);
            pump(upstream);
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    @Override
    public void receive(String line) {
        JsonNode msg = JsonRpc.read(line, this::reply);
        if (msg == null) {
            return;
        }
        String method = msg.path("method").asText("");
        JsonNode id = msg.get("id");
        boolean request = id != null && !id.isNull() && !method.isEmpty();
        if (request && method.equals("initialize")) {
            initialize = line;
        } else if (method.equals("notifications/initialized")) {
            initialized = line;
        }
        if (request && method.equals("tools/call")) {
            JsonNode params = msg.path("params");
            CallDecider.Verdict verdict = JsonRpc.decide(decider, server, params.path("name").asText(""), params.path("arguments"));
            if (verdict.effect() != Effect.ALLOW) {
                reply(JsonRpc.refusal(id, verdict.explanation()));
                return;
            }
            calls.put(id.toString(), new Started(verdict, System.nanoTime()));
        }
        if (request) {
            pending.put(id.toString(), id);
            if (method.equals("tools/list")) {
                listings.add(id.toString());
            }
        }
        synchronized (this) {
            try {
                if (upstream == null) {
                    throw new IOException("it exited " + MAX_RESTARTS + " times and is not restarted again");
                }
                upstream.send(line);
            } catch (IOException e) {
                if (request) {
                    pending.remove(id.toString());
                    reply(JsonRpc.error(id, -32603, "the upstream MCP server " + server + " is not reachable: " + e.getMessage()));
                }
            }
        }
    }

    /** Forwards everything the upstream writes to the client, in order; notices when it exits. */
    private void pump(Upstream u) {
        Thread.ofPlatform().daemon().name("interlock-mcp-upstream").start(() -> {
            try {
                String line;
                while ((line = u.receive()) != null) {
                    JsonNode response = response(line);
                    String key = response == null ? null : response.get("id").toString();
                    if (key != null && replayed.remove(key)) {
                        continue; // the answer to our own re-initialize after a restart
                    }
                    if (key != null) {
                        pending.remove(key);
                        report(key, response.has("error") || response.path("result").path("isError").asBoolean(false));
                        if (listings.remove(key)) {
                            line = tools.filtered(server, line);
                        }
                    }
                    reply(line);
                }
            } catch (IOException e) {
                log.println("interlock mcp: reading from " + server + " failed: " + e.getMessage());
            }
            exited(u);
        });
    }

    /** Tells the decider how an allowed call ended, off the forwarding thread (a server may be slow to take it). */
    private void report(String key, boolean error) {
        Started started = calls.remove(key);
        if (started != null) {
            long millis = (System.nanoTime() - started.nanos()) / 1_000_000;
            Thread.ofVirtual().start(() -> {
                try {
                    decider.executed(started.verdict(), error, millis);
                } catch (RuntimeException e) {
                    log.println("interlock mcp: could not report a call's outcome: " + e.getMessage());
                }
            });
        }
    }

    /** A response (as pending keys it by its id), or null for requests, notifications and what is not JSON-RPC. */
    private static JsonNode response(String line) {
        try {
            JsonNode msg = JSON.readTree(line);
            return msg != null && msg.isObject() && msg.has("id") && !msg.has("method") ? msg : null;
        } catch (JacksonException e) {
            return null; // not ours to judge: passed through as the server wrote it
        }
    }

    private void exited(Upstream u) {
        if (closing) {
            return;
        }
        int code = u.exitCode();
        synchronized (this) {
            if (u != upstream) {
                return;
            }
            for (JsonNode id : pending.values()) {
                reply(JsonRpc.error(id, -32603, "the upstream MCP server " + server + " exited (exit " + code + ") before answering"));
                report(id.toString(), true);
            }
            pending.clear();
            listings.clear();
            if (restarts++ >= MAX_RESTARTS) {
                log.println("interlock mcp: " + server + " exited (exit " + code + ") " + restarts + " times; not restarting it");
                upstream = null;
                return;
            }
            log.println("interlock mcp: " + server + " exited (exit " + code + "); restarting it");
            try {
                upstream = Upstream.start(config, log);
                pump(upstream);
                if (initialize != null) {
                    ObjectNode again = (ObjectNode) JSON.readTree(initialize);
                    String id = "interlock-reinitialize-" + ownIds.incrementAndGet();
                    again.put("id", id);
                    replayed.add(JSON.getNodeFactory().textNode(id).toString());
                    upstream.send(again.toString());
                    if (initialized != null) {
                        upstream.send(initialized);
                    }
                }
            } catch (IOException e) {
                log.println("interlock mcp: cannot restart " + server + ": " + e.getMessage());
                upstream = null;
            }
        }
    }

    private void reply(String line) {
        client.accept(line);
    }
}
