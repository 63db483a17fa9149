package dev.interlock.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reading request bodies strictly: JSON content type, at most 1 MiB, well-formed, and no field the endpoint does not
 * know — a misspelt field must not be silently ignored.
 */
final class Bodies {

    static final Set<String> REQUEST_FIELDS = Set.of("id", "kind", "command", "statement", "dialect", "server", "tool", "arguments",
            "plan", "changeset", "preview", "manifest", "operation", "operations", "context", "actor");
    static final Set<String> CONTEXT_FIELDS = Set.of("environment", "cwd", "env", "target", "kubeconfig");
    static final Set<String> ACTOR_FIELDS = Set.of("principal", "agent", "session");

    private Bodies() {
    }

    /** The JSON object body, checked against {@code fields}. An empty body is an empty object when {@code optional}. */
    static JsonNode object(Context ctx, Set<String> fields, boolean optional) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0 && optional) {
            return Json.MAPPER.createObjectNode();
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiException(415, "send the body as JSON with Content-Type: application/json (got '" + type + "')");
        }
        if (bytes.length > Json.MAX_REQUEST_BYTES) {
            throw new ApiException(413, "the body is larger than 1 MiB");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        known(node, fields, "");
        return node;
    }

    /** A decision request: its own fields, and those of {@code context} and {@code actor}. */
    static JsonNode request(Context ctx) {
        JsonNode node = object(ctx, REQUEST_FIELDS, false);
        if (node.has("context") && node.get("context").isObject()) {
            known(node.get("context"), CONTEXT_FIELDS, "context.");
        }
        if (node.has("actor") && node.get("actor").isObject()) {
            known(node.get("actor"), ACTOR_FIELDS, "actor.");
        }
        return node;
    }

    private static void known(JsonNode node, Set<String> fields, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badRequest("unknown field '" + prefix + name + "' (known: " + String.join(", ", fields.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw ApiException.badRequest("field '" + field + "' must be a string");
        }
        return n.asText();
    }
}
