package dev.interlock.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.Effect;
import java.util.function.Consumer;

/** The JSON-RPC both gateways speak: reading a client's line, answers, errors, and a tool call's decision. */
final class JsonRpc {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonRpc() {
    }

    /** The message on {@code line}, or null after answering a parse error or a non-object through {@code reply}. */
    static JsonNode read(String line, Consumer<String> reply) {
        JsonNode msg;
        try {
            msg = JSON.readTree(line);
        } catch (JacksonException e) {
            reply.accept(error(null, -32700, "Parse error: " + e.getOriginalMessage()));
            return null;
        }
        if (msg == null || !msg.isObject()) {
            reply.accept(error(null, -32600, "Invalid Request: a JSON-RPC message is an object"));
            return null;
        }
        return msg;
    }

    /** The verdict on one call; a decider that fails denies, with the cause (fail closed). */
    static CallDecider.Verdict decide(CallDecider decider, String server, String tool, JsonNode arguments) {
        try {
            return decider.decide(server, tool, arguments);
        } catch (RuntimeException e) {
            return new CallDecider.Verdict(Effect.DENY, "Interlock could not decide this call (" + e.getMessage()
                    + "), so it was not made (fail closed).");
        }
    }

    /** A tool result the model reads instead of the call's: {@code isError} with the explanation. */
    static String refusal(JsonNode id, String explanation) {
        ObjectNode refused = JSON.createObjectNode();
        refused.putArray("content").addObject().put("type", "text").put("text", explanation);
        refused.put("isError", true);
        return result(id, refused);
    }

    static String result(JsonNode id, JsonNode result) {
        ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", id);
        out.set("result", result);
        return out.toString();
    }

    static String error(JsonNode id, int code, String message) {
        ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0");
        out.set("id", id == null ? JSON.nullNode() : id);
        out.putObject("error").put("code", code).put("message", message);
        return out.toString();
    }
}
