package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;

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
    private static final long ANSWER_WITHIN = TimeUnit.MINUTES.toMillis(10);

    private final GatewayConfig.Upstream config;
    private final URI endpoint;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong ownIds = new AtomicLong();
    /** Tools whose input schema marks parameters for {@code Mcp-Param-*} headers (stateless servers check them). */
    private final java.util.Map<String, JsonNode> paramSchemas = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String session;
    private volatile String version = "";
    private volatile String initialize;
    private volatile String initialized;
    private volatile boolean listening;
    /** The GET stream open now, aborted on close (the client is shared: closing it would end other sessions'). */
    private volatile Request stream;
    private volatile boolean closed;

    HttpUpstream(GatewayConfig.Upstream config) {
        this.config = config;
        this.endpoint = URI.create(config.url());
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
            UpstreamHttp.Answer r = UpstreamHttp.send(build(message, msg));
            if (r.status() == 404 && session != null && !msg.path("method").asText().equals("initialize") && reinitialize()) {
                r.body().close();
                r = UpstreamHttp.send(build(message, msg));
            }
            if (r.sessionId() != null) {
                session = r.sessionId();
            }
            int status = r.status();
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

    private Request build(String message, JsonNode msg) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json, text/event-stream");
        String stateless = msg == null ? "" : Modern.version(msg);
        if (stateless.isEmpty()) {
            return UpstreamHttp.request(endpoint, HttpMethod.POST, headers(h), message, ANSWER_WITHIN);
        }
        // The stateless generation mirrors the body in headers, and has no session.
        h.putAll(config.headers());
        h.put("MCP-Protocol-Version", stateless);
        h.put("Mcp-Method", msg.path("method").asText());
        String name = Modern.name(msg);
        if (name != null) {
            h.put("Mcp-Name", Modern.header(name));
        }
        JsonNode schema = msg.path("method").asText().equals("tools/call") && name != null ? paramSchemas.get(name) : null;
        if (schema != null) {
            h.putAll(Modern.paramHeaders(schema, msg.path("params").path("arguments")));
        }
        return UpstreamHttp.request(endpoint, HttpMethod.POST, h, message, ANSWER_WITHIN);
    }

    /** The gateway's own credentials, and the session and version once the server gave them. */
    private Map<String, String> headers(Map<String, String> h) {
        h.putAll(config.headers());
        if (session != null) {
            h.put("Mcp-Session-Id", session);
        }
        if (!version.isEmpty()) {
            h.put("MCP-Protocol-Version", version);
        }
        return h;
    }

    /** A JSON answer, or an event stream's messages, into the inbox; the negotiated version noted from initialize. */
    private void read(UpstreamHttp.Answer r, boolean initializing) throws IOException {
        String type = r.contentType() == null ? "" : r.contentType();
        try (InputStream body = r.body()) {
            if (type.startsWith("text/event-stream")) {
                events(body, initializing);
            } else {
                deliver(new String(body.readAllBytes(), StandardCharsets.UTF_8), initializing);
            }
        }
    }

    private void events(InputStream body, boolean initializing) throws IOException {
        EventStream.read(body, () -> closed, data -> deliver(data, initializing));
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
            UpstreamHttp.Answer r = UpstreamHttp.send(build(again.toString(), null));
            if (r.sessionId() != null) {
                session = r.sessionId();
            }
            read(r, true);
            if (initialized != null) {
                UpstreamHttp.send(build(initialized, null)).body().close();
            }
            return r.status() / 100 == 2;
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
                    Map<String, String> h = new LinkedHashMap<>();
                    h.put("Accept", "text/event-stream");
                    // Open as long as the session: a quiet server is not a dead one.
                    Request get = UpstreamHttp.request(endpoint, HttpMethod.GET, headers(h), null, 0).idleTimeout(1, TimeUnit.DAYS);
                    stream = get;
                    if (closed) {
                        return;
                    }
                    UpstreamHttp.Answer r = UpstreamHttp.send(get);
                    if (r.status() != 200) {
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
                UpstreamHttp.send(UpstreamHttp.request(endpoint, HttpMethod.DELETE, headers(new LinkedHashMap<>()), null,
                        TimeUnit.SECONDS.toMillis(5))).body().close();
            } catch (IOException e) {
                // the server is gone already; nothing to end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Request open = stream;
        if (open != null) {
            open.abort(new IOException("the session ended"));
        }
        inbox.add(END);
    }

}
