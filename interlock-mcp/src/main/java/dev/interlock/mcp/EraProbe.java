package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which generation an upstream speaks, found out as the spec asks of a client that speaks both: the client's
 * {@code initialize} is held while {@code server/discover} probes the server. A stateless (2026-07-28) server gets
 * every later request with the client's info and capabilities in {@code _meta}, the client gets an {@code initialize}
 * answer made from the discovery, and results lose this generation's extra fields; any other answer (an error, or
 * none within {@link #PROBE_MILLIS}) means the handshake generation, and the client's own {@code initialize} goes on
 * unchanged. A stateless server's {@code input_required} results are relayed to the client ({@link InputRounds}).
 */
final class EraProbe implements Upstream {

    /** Long enough for a server that starts slowly (a cold JVM on a busy machine) to answer its first request. */
    static final long PROBE_MILLIS = 20_000;
    private static final String END = "\u0000end";
    private static final AtomicLong PROBES = new AtomicLong();

    private enum Era { UNKNOWN, PROBING, STATELESS, HANDSHAKE }

    private final Upstream inner;
    private final String name;
    private final java.io.PrintStream log;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> held = new ArrayList<>();
    private final InputRounds inputs = new InputRounds();
    private volatile Era era = Era.UNKNOWN;
    private String probeId;
    private JsonNode clientInit;
    private JsonNode discovery;

    EraProbe(Upstream inner, String name, java.io.PrintStream log) {
        this.inner = inner;
        this.name = name;
        this.log = log;
        Thread.ofVirtual().name("interlock-mcp-era-" + name).start(this::pump);
    }

    @Override
    public void send(String message) throws IOException {
        if (era == Era.HANDSHAKE) {
            inner.send(message); // settled: every message passes as it is, unparsed
            return;
        }
        JsonNode msg = parse(message);
        String method = msg == null ? "" : msg.path("method").asText("");
        boolean request = msg != null && msg.hasNonNull("id") && !method.isEmpty();
        synchronized (this) {
            if (era == Era.UNKNOWN && request && method.equals("initialize")) {
                clientInit = msg;
                era = Era.PROBING;
                probeId = "interlock-discover-" + PROBES.incrementAndGet();
                ObjectNode discover = JsonRpc.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", probeId).put("method", "server/discover");
                inner.send(Modern.withMeta(discover, msg.path("params").path("clientInfo"), msg.path("params").path("capabilities")).toString());
                String probe = probeId;
                Thread.ofVirtual().start(() -> timeout(probe));
                return;
            }
            if (era == Era.PROBING) {
                held.add(message);
                return;
            }
            if (era == Era.STATELESS) {
                stateless(msg, method, request, message);
                return;
            }
        }
        inner.send(message);
    }

    /** One message from the client to a stateless server (the lock held). */
    private void stateless(JsonNode msg, String method, boolean request, String message) throws IOException {
        if (request && method.equals("initialize")) {
            inbox.add(initialized(msg)); // a re-initialize after a restart: the discovery answers it again
        } else if (request) {
            ObjectNode out = Modern.withMeta(msg, clientInit.path("params").path("clientInfo"), clientInit.path("params").path("capabilities"));
            inputs.sent(msg.get("id").toString(), out);
            inner.send(out.toString());
        } else if (method.equals("notifications/cancelled")) {
            inner.send(message);
        } else if (msg != null && msg.has("id") && method.isEmpty()) {
            InputRounds.Step step = inputs.clientAnswered(msg);
            if (step != null) {
                relay(step);
            }
        }
        // notifications/initialized: nothing to send (this generation has no session)
    }

    /** One step of an input round: the retried request to the server, or requests and errors to the client. */
    private void relay(InputRounds.Step step) throws IOException {
        step.toClient().forEach(inbox::add);
        if (step.toServer() != null) {
            inner.send(step.toServer());
        }
    }

    private void timeout(String probe) {
        try {
            Thread.sleep(PROBE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        synchronized (this) {
            if (era == Era.PROBING && probe.equals(probeId)) {
                handshake();
            }
        }
    }

    /** The handshake generation: the client's initialize, then what waited behind it (the lock held). */
    private void handshake() {
        try {
            inner.send(clientInit.toString());
            for (String m : held) {
                inner.send(m);
            }
        } catch (IOException e) {
            inbox.add(JsonRpc.error(clientInit.get("id"), -32603, "the upstream MCP server " + name + " is not reachable: " + e.getMessage()));
        }
        held.clear();
        // only now: send() passes messages without the lock once this is set, and they must follow the held ones
        era = Era.HANDSHAKE;
    }

    private void pump() {
        try {
            String line;
            while ((line = inner.receive()) != null) {
                fromServer(line);
            }
        } catch (IOException e) {
            // the server is gone: the end below says so
        }
        inbox.add(END);
    }

    private void fromServer(String line) {
        if (era == Era.HANDSHAKE && !line.contains("interlock-discover-")) {
            inbox.add(line); // settled, and not a late answer to the probe: passed on unparsed
            return;
        }
        JsonNode msg = parse(line);
        synchronized (this) {
            if (msg != null && msg.has("id") && !msg.has("method") && msg.get("id").asText().startsWith("interlock-discover-")) {
                if (era == Era.PROBING && msg.get("id").asText().equals(probeId)) {
                    discovered(msg);
                }
                return; // a probe's answer is never the client's
            }
            if (era == Era.STATELESS && msg != null && msg.has("id") && !msg.has("method")) {
                InputRounds.Step step = inputs.answered(msg, clientInit.path("params").path("capabilities"));
                if (step != null) {
                    try {
                        relay(step);
                    } catch (IOException e) {
                        inbox.add(JsonRpc.error(msg.get("id"), -32603, "the upstream MCP server " + name + " is not reachable: " + e.getMessage()));
                    }
                    return;
                }
                if (msg.has("result")) {
                    inbox.add(handshakeShaped(msg));
                    return;
                }
            }
        }
        inbox.add(line);
    }

    private void discovered(JsonNode answer) {
        JsonNode result = answer.path("result");
        boolean stateless = false;
        for (JsonNode v : result.path("supportedVersions")) {
            stateless |= v.asText().equals(Modern.VERSION);
        }
        if (!stateless) {
            handshake();
            return;
        }
        era = Era.STATELESS;
        discovery = result;
        log.println("interlock mcp: " + name + " speaks the stateless " + Modern.VERSION + " generation; its client is answered from server/discover");
        inbox.add(initialized(clientInit));
        List<String> waiting = List.copyOf(held);
        held.clear();
        for (String m : waiting) {
            JsonNode msg = parse(m);
            if (msg != null) {
                try {
                    String method = msg.path("method").asText("");
                    stateless(msg, method, msg.hasNonNull("id") && !method.isEmpty(), m);
                } catch (IOException e) {
                    inbox.add(JsonRpc.error(msg.get("id"), -32603, "the upstream MCP server " + name + " is not reachable: " + e.getMessage()));
                }
            }
        }
    }

    /** The client's initialize answered from the discovery, in the version the client asked for. */
    private String initialized(JsonNode init) {
        ObjectNode result = JsonRpc.JSON.createObjectNode();
        result.put("protocolVersion", init.path("params").path("protocolVersion").asText(Modern.LEGACY.getFirst()));
        result.set("capabilities", discovery.path("capabilities").isObject() ? discovery.get("capabilities") : JsonRpc.JSON.createObjectNode());
        JsonNode info = discovery.path("_meta").path(Modern.SERVER_INFO);
        result.set("serverInfo", info.isObject() ? info : JsonRpc.JSON.createObjectNode().put("name", name).put("version", ""));
        if (discovery.hasNonNull("instructions")) {
            result.set("instructions", discovery.get("instructions"));
        }
        return JsonRpc.result(init.get("id"), result);
    }

    /** A stateless server's result for a handshake-generation client: its extra fields dropped (input rounds relayed before). */
    private static String handshakeShaped(JsonNode msg) {
        JsonNode result = msg.get("result");
        if (result.path("resultType").asText().equals("input_required")) {
            return JsonRpc.error(msg.get("id"), -32603, "the upstream MCP server needs input from the user (" + result.path("inputRequests")
                    + "), which this gateway does not relay between protocol generations yet");
        }
        ObjectNode copy = ((ObjectNode) result).deepCopy();
        copy.remove(List.of("resultType", "ttlMs", "cacheScope"));
        return JsonRpc.result(msg.get("id"), copy);
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode n = JsonRpc.JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public String receive() throws IOException {
        try {
            String next = inbox.take();
            if (next.equals(END)) {
                inbox.add(END);
                return null;
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public int exitCode() {
        return inner.exitCode();
    }

    @Override
    public void close() {
        inner.close();
    }
}
