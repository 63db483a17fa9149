package dev.interlock.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The stdio gateway's front: a handshake-generation client passes through untouched; a stateless (2026-07-28) client
 * — every request with its version, info and capabilities in {@code _meta}, no {@code initialize} — gets the
 * handshake made for it with the upstreams (from its first request's {@code _meta}), {@code server/discover} answered
 * from that handshake, and each result in this generation's shape. The upstreams' own requests cannot reach such a
 * client over stdio and are answered with an error, as by a client without that capability.
 */
final class StatelessFront implements Gateway {

    private static final String INIT_ID = "interlock-stateless-init";
    /** Its key among the requests in flight, which are keyed by their id's JSON. */
    private static final String INIT_KEY = "\"" + INIT_ID + "\"";
    private static final long HANDSHAKE_SECONDS = 60;

    private enum Mode { UNKNOWN, HANDSHAKE, STATELESS }

    private final Consumer<String> client;
    private Gateway inner;
    private volatile Mode mode = Mode.UNKNOWN;
    private volatile JsonNode initialized;
    private final CountDownLatch handshook = new CountDownLatch(1);
    /** The stateless client's requests in flight: id → method, for the shape of their results. */
    private final Map<String, String> asked = new ConcurrentHashMap<>();

    private StatelessFront(Consumer<String> client) {
        this.client = client;
    }

    static Gateway of(GatewayConfig config, CallDecider decider, Consumer<String> client, PrintStream log) {
        StatelessFront front = new StatelessFront(client);
        front.inner = Gateway.of(config, decider, front::fromGateway, log);
        return front;
    }

    @Override
    public void start() throws IOException {
        inner.start();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public void receive(String line) {
        if (mode == Mode.HANDSHAKE) {
            inner.receive(line);
            return;
        }
        JsonNode msg = JsonRpc.read(line, client);
        if (msg == null) {
            return;
        }
        String version = Modern.version(msg);
        if (version.isEmpty()) {
            if (mode == Mode.UNKNOWN) {
                mode = Mode.HANDSHAKE;
            }
            inner.receive(line);
            return;
        }
        mode = Mode.STATELESS;
        JsonNode id = msg.get("id");
        String method = msg.path("method").asText("");
        if (id == null || id.isNull()) {
            if (method.equals("notifications/cancelled")) {
                inner.receive(Modern.withoutMeta(msg).toString());
            }
            return;
        }
        if (!version.equals(Modern.VERSION)) {
            java.util.List<String> supported = new java.util.ArrayList<>(java.util.List.of(Modern.VERSION));
            supported.addAll(Modern.LEGACY);
            client.accept(Modern.unsupported(id, version, supported));
            return;
        }
        String failed = handshake(msg.path("params").path("_meta"));
        if (failed != null) {
            client.accept(JsonRpc.error(id, -32603, failed));
            return;
        }
        if (method.equals("server/discover")) {
            client.accept(Modern.discovered(id, initialized));
            return;
        }
        asked.put(id.toString(), method);
        inner.receive(Modern.withoutMeta(msg).toString());
    }

    /** The handshake with the upstreams, made once from the first stateless request's {@code _meta}; null when done. */
    private String handshake(JsonNode meta) {
        synchronized (this) {
            if (handshook.getCount() > 0 && initialized == null && !asked.containsKey(INIT_KEY)) {
                asked.put(INIT_KEY, "initialize");
                inner.receive(Modern.initialize(INIT_ID, meta).toString());
            }
        }
        try {
            if (!handshook.await(HANDSHAKE_SECONDS, TimeUnit.SECONDS)) {
                return "the upstream MCP servers did not complete their handshake within " + HANDSHAKE_SECONDS + " s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while the upstream MCP servers made their handshake";
        }
        return initialized == null ? "the upstream MCP servers refused the handshake" : null;
    }

    /** A message from the gateway for the client. */
    private void fromGateway(String line) {
        if (mode != Mode.STATELESS) {
            client.accept(line);
            return;
        }
        JsonNode msg;
        try {
            msg = JsonRpc.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            client.accept(line);
            return;
        }
        if (msg == null || !msg.isObject()) {
            client.accept(line);
            return;
        }
        JsonNode id = msg.get("id");
        if (id != null && msg.has("method")) {
            inner.receive(JsonRpc.error(id, -32601, msg.path("method").asText() + " cannot reach a stateless (2026-07-28) client over stdio"));
            return;
        }
        if (id == null) {
            return; // a notification: this generation's client over stdio has no stream for them
        }
        String method = asked.remove(id.toString());
        if (INIT_ID.equals(id.asText()) && "initialize".equals(method)) {
            initialized = msg.path("result").isObject() ? msg.get("result") : null;
            if (initialized != null) {
                inner.receive("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            }
            handshook.countDown();
            return;
        }
        if (method != null && msg.has("result")) {
            ObjectNode out = ((ObjectNode) msg).deepCopy();
            out.set("result", Modern.complete(method, msg.get("result")));
            client.accept(out.toString());
            return;
        }
        client.accept(line);
    }
}
