package dev.interlock.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.mcp.Modern;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.mcp.McpSession;
import dev.interlock.server.mcp.McpSessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /mcp}: the MCP gateway as a streamable HTTP server (2025-03-26 to 2025-11-25). The agent's bearer token is
 * Interlock's own — who acts comes from it, and it never goes upstream. {@code initialize} opens a session
 * ({@code Mcp-Session-Id}) with its own upstream servers; a request is answered as JSON, or as an event stream that
 * carries the servers' own messages first when the agent accepts one; notifications and responses get 202; GET opens
 * the stream for what the servers send unasked; DELETE ends the session. An {@code Origin} that is not this server's
 * or loopback is refused (DNS rebinding), and so is a protocol version this gateway does not speak.
 */
public final class McpRoutes implements RouteGroup {

    private static final Set<String> VERSIONS = Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28");
    private static final long ANSWER_WITHIN_MILLIS = 10 * 60 * 1000;
    private static final int KEEP_ALIVE_SECONDS = 15;
    private static final java.util.concurrent.atomic.AtomicLong STATELESS_IDS = new java.util.concurrent.atomic.AtomicLong();
    /** A stateless request parked for its agent's input carries this in its requestState. */
    private static final String INPUT_STATE = "interlock-input-";

    private final Optional<McpSessions> sessions;
    private final Supplier<String> publicUrl;

    public McpRoutes(Optional<McpSessions> sessions, Supplier<String> publicUrl) {
        this.sessions = sessions;
        this.publicUrl = publicUrl;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/mcp", guard.anyone(this::post));
        routes.get("/mcp", guard.anyone(this::listen));
        routes.delete("/mcp", guard.anyone(this::end));
    }

    private McpSessions sessions() {
        return sessions.orElseThrow(() -> ApiException.notFound(
                "this server has no MCP upstreams: start it with interlock serve --mcp gateway.yaml"));
    }

    void post(Context ctx, Caller caller) throws IOException {
        McpSessions all = sessions();
        checkOrigin(ctx);
        String body = ctx.body();
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            rpcError(ctx, 400, -32700, "Parse error: " + e.getOriginalMessage());
            return;
        }
        if (msg == null || !msg.isObject()) {
            rpcError(ctx, 400, -32600, "Invalid Request: one JSON-RPC message per POST (batches ended with 2025-06-18)");
            return;
        }
        if (!Modern.version(msg).isEmpty()) {
            stateless(ctx, caller, all, msg);
            return;
        }
        checkVersion(ctx);
        String method = msg.path("method").asText("");
        boolean request = msg.hasNonNull("id") && !method.isEmpty();
        McpSession session;
        if (request && method.equals("initialize")) {
            session = all.open(caller).orElseThrow(() -> new ApiException(503,
                    "too many MCP sessions (" + McpSessions.MAX + "); end one with DELETE /mcp or retry later"));
            ctx.header("Mcp-Session-Id", session.id());
        } else {
            session = session(ctx, caller, all);
        }
        if (!request) {
            session.tell(body);
            ctx.status(202);
            return;
        }
        String key = msg.get("id").toString();
        boolean stream = accepts(ctx, "text/event-stream");
        McpSession.Stream answers = session.request(key, body, stream);
        try {
            if (stream) {
                events(ctx, answers, key, session);
            } else {
                String answer = answers.next(ANSWER_WITHIN_MILLIS);
                ctx.status(200).contentType("application/json").result(answer != null ? answer : timeout(msg));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.finished(key, answers);
        }
    }

    /**
     * A stateless (2026-07-28) request: its headers must mirror its body, its version must be one this gateway speaks;
     * it goes through the token's shared session to the upstreams (which may speak the handshake generation) and its
     * answer comes back in this generation's shape. {@code server/discover} is answered here.
     */
    private void stateless(Context ctx, Caller caller, McpSessions all, JsonNode msg) throws IOException {
        JsonNode id = msg.get("id");
        String version = Modern.version(msg);
        String method = msg.path("method").asText("");
        String mismatch = mismatch(ctx, msg, version, method);
        if (mismatch != null) {
            ctx.status(400).contentType("application/json").result(Modern.error(id, Modern.HEADER_MISMATCH, "Header mismatch: " + mismatch));
            return;
        }
        if (!version.equals(Modern.VERSION)) {
            java.util.List<String> supported = new java.util.ArrayList<>(java.util.List.of(Modern.VERSION));
            supported.addAll(Modern.LEGACY);
            ctx.status(400).contentType("application/json").result(Modern.unsupported(id, version, supported));
            return;
        }
        if (id == null || id.isNull()) {
            ctx.status(202);
            return;
        }
        McpSession session;
        try {
            session = all.statelessFor(caller, msg.path("params").path("_meta"));
        } catch (IOException e) {
            ctx.status(502).contentType("application/json").result(Modern.error(id, -32603, e.getMessage()));
            return;
        }
        String params = paramMismatch(ctx, msg, session);
        if (params != null) {
            ctx.status(400).contentType("application/json").result(Modern.error(id, Modern.HEADER_MISMATCH, "Header mismatch: " + params));
            return;
        }
        if (method.equals("subscriptions/listen")) {
            subscription(ctx, session, id, msg.path("params").path("notifications"));
            return;
        }
        if (method.equals("server/discover")) {
            ctx.status(200).contentType("application/json").result(Modern.discovered(id, session.initialized()));
            return;
        }
        String key;
        McpSession.Stream answers;
        String state = msg.path("params").path("requestState").asText("");
        if (state.startsWith(INPUT_STATE)) {
            McpSession.Parked parked = session.resume(state).orElse(null);
            String refused = parked == null ? "requestState " + state + " is unknown or has expired; make the request again without it"
                    : answerServers(session, parked, msg);
            if (refused != null) {
                ctx.status(400).contentType("application/json").result(Modern.error(id, -32602, refused));
                return;
            }
            key = parked.key();
            answers = parked.answers();
        } else {
            // Stateless agents pick ids freely, so two in flight may share one: each goes upstream under its own.
            var forwarded = Modern.withoutMeta(msg);
            JsonNode own = ownId();
            key = own.toString();
            forwarded.set("id", own);
            answers = session.request(key, forwarded.toString(), false);
        }
        boolean waitsForInput = false;
        try {
            String answer = answers.next(ANSWER_WITHIN_MILLIS);
            var out = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(answer != null ? answer : timeout(Json.MAPPER.readTree("{\"id\":" + key + "}")));
            if (out.hasNonNull("id") && out.has("method")) {
                // A server asks the agent for input mid-request: this generation's way is an input_required result.
                String next = INPUT_STATE + java.util.UUID.randomUUID();
                session.park(next, new McpSession.Parked(key, answers, method, Modern.name(msg), java.util.Map.of("input-1", out.get("id")), System.nanoTime()));
                waitsForInput = true;
                ctx.status(200).contentType("application/json").result(inputRequired(id, out, next));
                return;
            }
            out.set("id", id);
            if (out.has("result")) {
                out.set("result", Modern.complete(method, out.get("result")));
                if (method.equals("tools/list")) {
                    session.listed(out.get("result"));
                }
            }
            ctx.status(200).contentType("application/json").result(out.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!waitsForInput) {
                session.finished(key, answers);
            }
        }
    }

    /** An id of the gateway's own for a request it sends upstream for a stateless agent (whose ids may collide). */
    private static JsonNode ownId() {
        return Json.MAPPER.getNodeFactory().textNode("interlock-s-" + STATELESS_IDS.incrementAndGet());
    }

    /** Resources one listen stream may follow (each is a subscription upstream); the rest are not acknowledged. */
    private static final int MAX_RESOURCE_SUBSCRIPTIONS = 100;

    /** The list-change notifications a stateless agent can subscribe to here, by their filter field. */
    private static final java.util.Map<String, String> SUBSCRIBABLE = java.util.Map.of("toolsListChanged", "notifications/tools/list_changed",
            "promptsListChanged", "notifications/prompts/list_changed", "resourcesListChanged", "notifications/resources/list_changed");

    /**
     * {@code subscriptions/listen}: an event stream that first acknowledges what of the filter this gateway honours
     * (the list changes, and updates of the resources the upstreams accepted a {@code resources/subscribe} for), then
     * carries those notifications from the upstreams until the agent goes away or the session ends, which ends the
     * request; the resource subscriptions end with it.
     */
    private void subscription(Context ctx, McpSession session, JsonNode id, JsonNode filter) throws IOException {
        var honoured = Json.MAPPER.createObjectNode();
        java.util.Set<String> methods = new java.util.HashSet<>();
        SUBSCRIBABLE.forEach((field, notification) -> {
            if (filter.path(field).asBoolean(false)) {
                honoured.put(field, true);
                methods.add(notification);
            }
        });
        java.util.Set<String> uris = new java.util.LinkedHashSet<>();
        for (JsonNode uri : filter.path("resourceSubscriptions")) {
            if (uris.size() < MAX_RESOURCE_SUBSCRIPTIONS && upstream(session, "resources/subscribe", uri.asText())) {
                uris.add(uri.asText());
            }
        }
        if (!uris.isEmpty()) {
            methods.add(McpSession.RESOURCE_UPDATED);
            uris.forEach(honoured.putArray("resourceSubscriptions")::add);
        }
        McpSession.Stream stream = session.subscribe(methods, uris);
        try {
            OutputStream out = open(ctx);
            var ack = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/subscriptions/acknowledged");
            ack.putObject("params").set("notifications", honoured);
            send(out, ack.toString());
            relay(out, stream, session);
            var done = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
            done.set("id", id);
            done.putObject("result").put("resultType", "complete");
            send(out, done.toString());
        } catch (IOException e) {
            // the agent closed the stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.unsubscribe(stream);
            uris.forEach(uri -> upstream(session, "resources/unsubscribe", uri));
        }
    }

    /** The gateway's own {@code resources/subscribe|unsubscribe} for a stateless agent's listen stream; true when accepted. */
    private static boolean upstream(McpSession session, String method, String uri) {
        if (session.closed()) {
            return false;
        }
        JsonNode own = ownId();
        String key = own.toString();
        var request = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        request.set("id", own);
        request.putObject("params").put("uri", uri);
        McpSession.Stream answer = session.request(key, request.toString(), false);
        try {
            String line = answer.next(10_000);
            return line != null && Json.MAPPER.readTree(line).has("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            session.finished(key, answer);
        }
    }

    /**
     * The agent's retry of a request that waited for its input: each answer goes to the server request it answers;
     * null when done, else why the retry is refused (the request stays parked for a correct one).
     */
    private static String answerServers(McpSession session, McpSession.Parked parked, JsonNode retry) {
        String refused = null;
        JsonNode responses = retry.path("params").path("inputResponses");
        if (!parked.method().equals(retry.path("method").asText()) || !java.util.Objects.equals(parked.name(), Modern.name(retry))) {
            refused = "requestState belongs to another request (" + parked.method() + (parked.name() == null ? "" : " " + parked.name()) + ")";
        } else {
            for (String input : parked.serverIds().keySet()) {
                if (!responses.has(input)) {
                    refused = "inputResponses has no '" + input + "', which this request is waiting for";
                }
            }
        }
        if (refused != null) {
            session.park(retry.path("params").path("requestState").asText(), parked);
            return refused;
        }
        parked.serverIds().forEach((input, serverId) -> {
            var answer = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
            answer.set("id", serverId);
            answer.set("result", responses.get(input));
            session.tell(answer.toString());
        });
        return null;
    }

    private static String inputRequired(JsonNode id, JsonNode serverRequest, String state) {
        var out = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", id);
        var result = out.putObject("result").put("resultType", "input_required");
        var ask = result.putObject("inputRequests").putObject("input-1").put("method", serverRequest.get("method").asText());
        if (serverRequest.has("params")) {
            ask.set("params", serverRequest.get("params"));
        }
        result.put("requestState", state);
        return out.toString();
    }

    /** What in the request's headers does not mirror its body (null when all does). */
    private static String mismatch(Context ctx, JsonNode msg, String version, String method) {
        String v = ctx.header("MCP-Protocol-Version");
        if (v == null || !v.strip().equals(version)) {
            return "MCP-Protocol-Version header '" + v + "' does not match _meta " + Modern.PROTOCOL_VERSION + " '" + version + "'";
        }
        String m = ctx.header("Mcp-Method");
        if (m == null || !m.strip().equals(method)) {
            return "Mcp-Method header '" + m + "' does not match body method '" + method + "'";
        }
        String name = Modern.name(msg);
        if (name != null) {
            String n = Modern.decodeHeader(ctx.header("Mcp-Name"));
            if (n == null || !n.equals(name)) {
                return "Mcp-Name header '" + ctx.header("Mcp-Name") + "' does not match body value '" + name + "'";
            }
        }
        return null;
    }

    /**
     * What in a {@code tools/call}'s {@code Mcp-Param-*} headers does not mirror its arguments, for a tool whose listed
     * schema marks parameters with {@code x-mcp-header} (null when all does, or when this agent was not listed the
     * tool here and nothing can be checked): each marked argument's header present and equal (base64 decoded,
     * numbers by value), no header without its argument.
     */
    private static String paramMismatch(Context ctx, JsonNode msg, McpSession session) {
        JsonNode schema = msg.path("method").asText().equals("tools/call") ? session.paramSchema(Modern.name(msg)) : null;
        if (schema == null) {
            return null;
        }
        java.util.Map<String, String> expected = Modern.paramHeaders(schema, msg.path("params").path("arguments"));
        java.util.Map<String, String> sent = new java.util.TreeMap<>();
        for (String h : java.util.Collections.list(ctx.req().getHeaderNames())) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("mcp-param-")) {
                sent.put(lower, ctx.req().getHeader(h));
            }
        }
        for (var e : expected.entrySet()) {
            String got = sent.remove(e.getKey());
            String value = Modern.decodeHeader(e.getValue());
            String decoded = Modern.decodeHeader(got == null ? null : got.strip());
            if (decoded == null || !(decoded.equals(value) || sameNumber(decoded, value))) {
                return e.getKey() + " header '" + got + "' does not match its argument '" + value + "'";
            }
        }
        return sent.isEmpty() ? null : sent.keySet().iterator().next() + " header has no argument in the body";
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The request's event stream: the servers' messages meanwhile, then its answer, then the end of the stream. */
    private void events(Context ctx, McpSession.Stream answers, String key, McpSession session) throws IOException, InterruptedException {
        OutputStream out = open(ctx);
        long deadline = System.currentTimeMillis() + ANSWER_WITHIN_MILLIS;
        int quiet = 0;
        while (!session.closed()) {
            String m = answers.next(1000);
            if (m == null) {
                if (System.currentTimeMillis() > deadline) {
                    send(out, timeout(Json.MAPPER.readTree("{\"id\":" + key + "}")));
                    return;
                }
                if (++quiet >= KEEP_ALIVE_SECONDS) {
                    quiet = 0;
                    keepAlive(out);
                }
                continue;
            }
            send(out, m);
            if (key.equals(McpSession.responseKey(m))) {
                return;
            }
        }
    }

    void listen(Context ctx, Caller caller) throws IOException {
        McpSession session = session(ctx, caller, sessions());
        checkOrigin(ctx);
        if (!accepts(ctx, "text/event-stream")) {
            throw new ApiException(406, "GET /mcp is an event stream: send Accept: text/event-stream");
        }
        McpSession.Stream stream = session.listen();
        try {
            relay(open(ctx), stream, session);
        } catch (IOException e) {
            // the agent closed the stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.unlisten(stream);
        }
    }

    /** Writes what comes on {@code stream} to the agent's event stream, with keep-alives, until the session ends. */
    private static void relay(OutputStream out, McpSession.Stream stream, McpSession session) throws IOException, InterruptedException {
        int quiet = 0;
        while (!session.closed()) {
            String m = stream.next(1000);
            if (m != null) {
                send(out, m);
            } else if (++quiet >= KEEP_ALIVE_SECONDS) {
                quiet = 0;
                keepAlive(out);
            }
        }
    }

    void end(Context ctx, Caller caller) {
        McpSessions all = sessions();
        all.end(session(ctx, caller, all));
        ctx.status(204);
    }

    private static McpSession session(Context ctx, Caller caller, McpSessions all) {
        String id = ctx.header("Mcp-Session-Id");
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("Mcp-Session-Id header required (initialize first)");
        }
        // Another token's session is as unknown as an ended one.
        return all.find(id.strip(), caller).orElseThrow(() -> ApiException.notFound("MCP session " + id + " is unknown or has ended; initialize again"));
    }

    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            return;
        }
        String host;
        try {
            host = URI.create(origin).getHost();
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden("Origin " + origin + " is not a URL");
        }
        String ours = URI.create(publicUrl.get()).getHost();
        if (host == null || !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1") || host.equals(ours))) {
            throw ApiException.forbidden("Origin " + origin + " may not use this MCP endpoint");
        }
    }

    private static void checkVersion(Context ctx) {
        String v = ctx.header("MCP-Protocol-Version");
        if (v != null && !v.isBlank() && !VERSIONS.contains(v.strip())) {
            throw ApiException.badRequest("MCP-Protocol-Version " + v + " is not one this gateway speaks: " + VERSIONS.stream().sorted().toList());
        }
    }

    private static boolean accepts(Context ctx, String type) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(type);
    }

    private static OutputStream open(Context ctx) throws IOException {
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        out.flush();
        return out;
    }

    private static void send(OutputStream out, String message) throws IOException {
        out.write(("event: message\ndata: " + message.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void keepAlive(OutputStream out) throws IOException {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String timeout(JsonNode request) {
        var out = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", request.get("id"));
        out.putObject("error").put("code", -32603).put("message", "no answer from the upstream MCP server within 10 minutes");
        return out.toString();
    }

    private static void rpcError(Context ctx, int status, int code, String message) {
        var out = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        out.putNull("id");
        out.putObject("error").put("code", code).put("message", message);
        ctx.status(status).contentType("application/json").result(out.toString());
    }
}
