package dev.interlock.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The stateless MCP generation (2026-07-28): no {@code initialize}; every request carries its protocol version, client
 * info and capabilities in {@code params._meta}; {@code server/discover} describes a server; results say
 * {@code resultType} (lists also {@code ttlMs} and {@code cacheScope}); over HTTP, {@code Mcp-Method}/{@code Mcp-Name}
 * mirror the body. The gateway speaks it on both sides and translates to and from the handshake generation.
 */
public final class Modern {

    public static final String VERSION = "2026-07-28";
    /** Handshake versions this gateway speaks, newest first. */
    public static final List<String> LEGACY = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final int UNSUPPORTED_VERSION = -32022;
    public static final int HEADER_MISMATCH = -32020;
    private static final Set<String> NAMED = Set.of("tools/call", "resources/read", "prompts/get");
    private static final Set<String> LISTS = Set.of("tools/list", "resources/list", "resources/templates/list", "prompts/list");

    private Modern() {
    }

    /** The protocol version a stateless request declares, or empty for a handshake-generation message. */
    public static String version(JsonNode msg) {
        return msg.path("params").path("_meta").path(PROTOCOL_VERSION).asText("");
    }

    /** The body value {@code Mcp-Name} mirrors ({@code params.name} or {@code params.uri}), or null when none is required. */
    public static String name(JsonNode msg) {
        if (!NAMED.contains(msg.path("method").asText())) {
            return null;
        }
        JsonNode params = msg.path("params");
        return params.has("uri") ? params.path("uri").asText() : params.path("name").asText();
    }

    /** A header value as sent: plain when it is safe ASCII, else the base64 sentinel. */
    public static String header(String value) {
        boolean plain = !value.isEmpty() && value.strip().equals(value) && !(value.startsWith("=?base64?") && value.endsWith("?="));
        for (int i = 0; plain && i < value.length(); i++) {
            char c = value.charAt(i);
            plain = c >= 0x20 && c <= 0x7e;
        }
        return plain ? value : "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** A received header value, the base64 sentinel decoded; null when it is malformed. */
    public static String decodeHeader(String value) {
        if (value != null && value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11) {
            try {
                return new String(Base64.getDecoder().decode(value.substring(9, value.length() - 2)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return value;
    }

    /**
     * The {@code Mcp-Param-*} headers a {@code tools/call} with {@code arguments} carries for a tool whose input schema
     * marks properties with {@code x-mcp-header} (nested objects too): lower-cased header name → value as sent
     * ({@link #header}). Only primitive arguments are mirrored, and none longer than 8 KiB.
     */
    public static java.util.Map<String, String> paramHeaders(JsonNode inputSchema, JsonNode arguments) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        mirror(inputSchema, arguments, out);
        return out;
    }

    private static void mirror(JsonNode schema, JsonNode value, java.util.Map<String, String> out) {
        if (schema == null || !schema.path("properties").isObject() || value == null || !value.isObject()) {
            return;
        }
        for (var p : schema.get("properties").properties()) {
            JsonNode arg = value.get(p.getKey());
            if (arg == null || arg.isNull()) {
                continue;
            }
            String name = p.getValue().path("x-mcp-header").asText("");
            if (!name.isEmpty() && (arg.isTextual() || arg.isNumber() || arg.isBoolean())) {
                String sent = header(arg.isTextual() ? arg.asText() : arg.isBigDecimal() ? arg.decimalValue().toPlainString() : arg.asText());
                if (sent.length() <= 8192) {
                    out.put("mcp-param-" + name.toLowerCase(java.util.Locale.ROOT), sent);
                }
            } else if (arg.isObject()) {
                mirror(p.getValue(), arg, out);
            }
        }
    }

    /** The tools of a {@code tools/list} result that mirror parameters into headers: name → input schema. */
    public static java.util.Map<String, JsonNode> headerTools(JsonNode result) {
        java.util.Map<String, JsonNode> out = new java.util.HashMap<>();
        for (JsonNode tool : result.path("tools")) {
            if (tool.path("inputSchema").toString().contains("\"x-mcp-header\"")) {
                out.put(tool.path("name").asText(), tool.get("inputSchema"));
            }
        }
        return out;
    }

    /** {@code msg} with the stateless keys taken out of {@code params._meta} (the rest, e.g. a progress token, kept). */
    public static ObjectNode withoutMeta(JsonNode msg) {
        ObjectNode copy = msg.deepCopy();
        if (copy.path("params").path("_meta") instanceof ObjectNode meta) {
            meta.remove(List.of(PROTOCOL_VERSION, CLIENT_INFO, CLIENT_CAPABILITIES));
            if (meta.isEmpty()) {
                ((ObjectNode) copy.get("params")).remove("_meta");
            }
        }
        return copy;
    }

    /** {@code msg} carrying the stateless keys, for a server of this generation. */
    public static ObjectNode withMeta(JsonNode msg, JsonNode clientInfo, JsonNode capabilities) {
        ObjectNode copy = msg.deepCopy();
        ObjectNode params = copy.path("params") instanceof ObjectNode p ? p : copy.putObject("params");
        ObjectNode meta = params.path("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
        meta.put(PROTOCOL_VERSION, VERSION);
        meta.set(CLIENT_INFO, clientInfo == null || clientInfo.isMissingNode() ? JsonRpc.JSON.createObjectNode()
                .put("name", "interlock-gateway").put("version", "1") : clientInfo);
        meta.set(CLIENT_CAPABILITIES, capabilities == null || capabilities.isMissingNode() ? JsonRpc.JSON.createObjectNode() : capabilities);
        return copy;
    }

    /** A handshake-generation result as this generation's: complete, and a list's caching said (not to be cached). */
    public static JsonNode complete(String method, JsonNode result) {
        if (!(result instanceof ObjectNode r)) {
            return result;
        }
        ObjectNode copy = r.deepCopy();
        copy.put("resultType", "complete");
        if (LISTS.contains(method)) {
            copy.put("ttlMs", 0).put("cacheScope", "private");
        }
        return copy;
    }

    /** {@code server/discover}'s answer, from what the upstreams answered the session's handshake. */
    public static String discovered(JsonNode id, JsonNode init) {
        var out = JsonRpc.JSON.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", id);
        var result = out.putObject("result");
        result.putArray("supportedVersions").add(VERSION);
        result.set("capabilities", init.path("capabilities").isObject() ? init.get("capabilities") : JsonRpc.JSON.createObjectNode());
        if (init.hasNonNull("instructions")) {
            result.set("instructions", init.get("instructions"));
        }
        result.put("ttlMs", 0).put("cacheScope", "private").put("resultType", "complete");
        if (init.path("serverInfo").isObject()) {
            result.putObject("_meta").set(SERVER_INFO, init.get("serverInfo"));
        }
        return out.toString();
    }

    /** The handshake a gateway makes for a stateless client: an {@code initialize} with the client's own info and capabilities. */
    /** The client capabilities a stateless request declares in its {@code _meta}; none declared is an empty object. */
    public static JsonNode capabilities(JsonNode meta) {
        return meta.path(CLIENT_CAPABILITIES).isObject() ? meta.get(CLIENT_CAPABILITIES) : JsonRpc.JSON.createObjectNode();
    }

    public static ObjectNode initialize(String id, JsonNode meta) {
        ObjectNode init = JsonRpc.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", "initialize");
        ObjectNode params = init.putObject("params").put("protocolVersion", LEGACY.getFirst());
        params.set("capabilities", capabilities(meta));
        params.set("clientInfo", meta.path(CLIENT_INFO).isObject() ? meta.get(CLIENT_INFO)
                : JsonRpc.JSON.createObjectNode().put("name", "stateless-client").put("version", "0"));
        return init;
    }

    /** The error a server answers a version it does not speak with. */
    public static String unsupported(JsonNode id, String requested, List<String> supported) {
        ObjectNode out = JsonRpc.JSON.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", id == null ? JsonRpc.JSON.nullNode() : id);
        ObjectNode error = out.putObject("error").put("code", UNSUPPORTED_VERSION).put("message", "Unsupported protocol version " + requested);
        ObjectNode data = error.putObject("data");
        supported.forEach(data.putArray("supported")::add);
        data.put("requested", requested);
        return out.toString();
    }

    public static String error(JsonNode id, int code, String message) {
        return JsonRpc.error(id, code, message);
    }
}
