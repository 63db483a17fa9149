package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upstream MCP server over streamable HTTP (2025-06-18 / 2025-11-25): every message is a POST to its one
 * endpoint; an answer comes back as JSON or as an event stream that may carry the server's own requests and
 * notifications first; a GET stream carries what the server sends unasked. The session id the server assigns at
 * {@code initialize} and the negotiated protocol version go on every later request, with the gateway's own
 * credentials from its config — never the agent's. Toward a stateless server, a tool call's parameters that the
 * tool's listed schema marks with {@code x-mcp-header} are mirrored into {@code Mcp-Param-*} headers. A session the server forgot (404) is started again with the
 * client's own {@code initialize} and the request retried once. HTTP failures become JSON-RPC errors for the request
 * that met them; nothing is dropped silently.
 */
final class HttpUpstream implements Upstream {

    private static final String END = "\u0000end";
    private static final Duration CONNECT = Duration.ofSeconds(10);

    private final GatewayConfig.Upstream config;
    private final URI endpoint;
    private final HttpClient http;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong ownIds = new AtomicLong();
    /** Tools whose input schema marks parameters for {@code Mcp-Param-*} headers (stateless servers check them). */
    private final java.util.Map<String, JsonNode> paramSchemas = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String session;
    private volatile String version = "";
    private volatile String initialize;
    private volatile String initialized;
    private volatile boolean listening;
    private volatile boolean closed;

    HttpUpstream(GatewayConfig.Upstream config) {
        this.config = config;
        this.endpoint = URI.create(config.url());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
    }

    @Override
    public void send(String message) throws IOException {
        JsonNode msg;
        try {
            msg = JsonRpc.JSON.readTree(message);
        } catch (JacksonException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        String method = msg.path("method").asText("");
        boolean request = msg.hasNonNull("id") && !method.isEmpty();
        if (method.equals("initialize")) {
            initialize = message;
            // The session id arrives with this answer: everything after it must wait for it.
            post(message, msg, request);
            return;
        }
        if (method.equals("notifications/initialized")) {
            initialized = message;
            post(message, msg, false);
            listen();
            return;
        }
        Thread.ofVirtual().name("interlock-mcp-http-" + config.name()).start(() -> post(message, msg, request));
    }

    /** POSTs one message and queues what comes back; a failure answers the request (if it is one) with an error. */
    private void post(String message, JsonNode msg, boolean request) {
        try {
            HttpResponse<InputStream> r = http.send(build(message, msg), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 404 && session != null && !msg.path("method").asText().equals("initialize") && reinitialize()) {
                r.body().close();
                r = http.send(build(message, msg), HttpResponse.BodyHandlers.ofInputStream());
            }
            r.headers().firstValue("Mcp-Session-Id").ifPresent(id -> session = id);
            int status = r.statusCode();
            if (status == 202 || status == 204) {
                r.body().close();
                return;
            }
            if (status / 100 != 2) {
                String body = new String(r.body().readNBytes(2000), StandardCharsets.UTF_8);
                r.body().close();
                if (request && answers(body, msg.get("id"))) {
                    deliver(body, false); // a JSON-RPC error with an HTTP error status (this generation's 400s): the answer itself
                } else {
                    fail(msg, request, "answered HTTP " + status + (body.isBlank() ? "" : ": " + body.strip()));
                }
                return;
            }
            read(r, msg.path("method").asText().equals("initialize"));
        } catch (IOException e) {
            fail(msg, request, "is not reachable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(msg, request, "was interrupted");
        }
    }

    private static boolean answers(String body, JsonNode id) {
        try {
            JsonNode answer = JsonRpc.JSON.readTree(body);
            return answer != null && answer.has("error") && answer.path("id").equals(id);
        } catch (JacksonException e) {
            return false;
        }
    }

    private HttpRequest build(String message, JsonNode msg) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8));
        String stateless = msg == null ? "" : Modern.version(msg);
        if (stateless.isEmpty()) {
            return headers(b).build();
        }
        // The stateless generation mirrors the body in headers, and has no session.
        config.headers().forEach(b::header);
        b.header("MCP-Protocol-Version", stateless).header("Mcp-Method", msg.path("method").asText());
        String name = Modern.name(msg);
        if (name != null) {
            b.header("Mcp-Name", Modern.header(name));
        }
        JsonNode schema = msg.path("method").asText().equals("tools/call") && name != null ? paramSchemas.get(name) : null;
        if (schema != null) {
            Modern.paramHeaders(schema, msg.path("params").path("arguments")).forEach(b::header);
        }
        return b.build();
    }

    private HttpRequest.Builder headers(HttpRequest.Builder b) {
        config.headers().forEach(b::header);
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        if (!version.isEmpty()) {
            b.header("MCP-Protocol-Version", version);
        }
        return b;
    }

    /** A JSON answer, or an event stream's messages, into the inbox; the negotiated version noted from initialize. */
    private void read(HttpResponse<InputStream> r, boolean initializing) throws IOException {
        String type = r.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = r.body()) {
            if (type.startsWith("text/event-stream")) {
                events(body, initializing);
            } else {
                deliver(new String(body.readAllBytes(), StandardCharsets.UTF_8), initializing);
            }
        }
    }

    private void events(InputStream body, boolean initializing) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !closed) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    deliver(data.toString(), initializing);
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
        if (!data.isEmpty()) {
            deliver(data.toString(), initializing);
        }
    }

    private void deliver(String text, boolean initializing) {
        if (text.isBlank()) {
            return;
        }
        try {
            JsonNode msg = JsonRpc.JSON.readTree(text);
            if (msg.isArray()) {
                msg.forEach(m -> deliver(m.toString(), initializing));
                return;
            }
            if (msg.path("result").path("tools").isArray()) {
                paramSchemas.putAll(Modern.headerTools(msg.get("result"))); // what its tools/call must mirror in headers
            }
            if (initializing && msg.path("result").has("protocolVersion")) {
                version = msg.path("result").path("protocolVersion").asText();
            }
            if (msg.path("id").asText("").startsWith("interlock-reinitialize-")) {
                return; // the answer to our own re-initialize: not the client's
            }
            inbox.add(msg.toString());
        } catch (JacksonException e) {
            inbox.add(text); // the gateway reports what is not JSON-RPC
        }
    }

    /** The server forgot the session: a new one, with the client's own initialize. */
    private synchronized boolean reinitialize() {
        if (initialize == null) {
            return false;
        }
        session = null;
        try {
            ObjectNode again = (ObjectNode) JsonRpc.JSON.readTree(initialize);
            again.put("id", "interlock-reinitialize-" + ownIds.incrementAndGet());
            HttpResponse<InputStream> r = http.send(build(again.toString(), null), HttpResponse.BodyHandlers.ofInputStream());
            r.headers().firstValue("Mcp-Session-Id").ifPresent(id -> session = id);
            read(r, true);
            if (initialized != null) {
                http.send(build(initialized, null), HttpResponse.BodyHandlers.discarding());
            }
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The GET stream for what the server sends unasked; a server without one answers 405 and that is fine. */
    private void listen() {
        if (listening) {
            return;
        }
        listening = true;
        Thread.ofVirtual().name("interlock-mcp-http-listen-" + config.name()).start(() -> {
            int failures = 0;
            while (!closed && failures < 5) {
                try {
                    HttpRequest get = headers(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream").GET()).build();
                    HttpResponse<InputStream> r = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        r.body().close();
                        return;
                    }
                    failures = 0;
                    try (InputStream body = r.body()) {
                        events(body, false);
                    }
                } catch (IOException e) {
                    failures++;
                } catch (InterruptedException e) {
                    return;
                }
                sleep();
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(JsonNode msg, boolean request, String why) {
        if (request) {
            inbox.add(JsonRpc.error(msg.get("id"), -32603, "the upstream MCP server " + config.name() + " " + why));
        }
    }

    @Override
    public String receive() throws IOException {
        try {
            String next = inbox.take();
            return next.equals(END) ? null : next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public int exitCode() {
        return 0;
    }

    /** Ends the session (DELETE, as the spec asks of a client that is done), then stops reading. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            try {
                http.send(headers(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).DELETE()).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the server is gone already; nothing to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbox.add(END);
        http.close();
    }

}
