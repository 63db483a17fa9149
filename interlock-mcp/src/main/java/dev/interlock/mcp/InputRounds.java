package dev.interlock.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stateless (2026-07-28) server's {@code input_required} results, relayed to a handshake-generation client: each
 * input request becomes a request of the server's to the client ({@code elicitation/create},
 * {@code sampling/createMessage}, {@code roots/list}) — what such a server would have sent mid-call — and once the
 * client has answered them all, the original request goes to the server again with {@code inputResponses} and the
 * server's {@code requestState}. Answers come from the agent's own client: this relays input, it never approves.
 * Not thread-safe: its owner holds a lock.
 */
final class InputRounds {

    static final int MAX_ROUNDS = 8;
    static final String ID_PREFIX = "interlock-input-";
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<String, String> CAPABILITY = Map.of(
            "elicitation/create", "elicitation", "sampling/createMessage", "sampling", "roots/list", "roots");

    /** What to send on: to the server, to the client, or both may be null (nothing yet). */
    record Step(String toServer, List<String> toClient) {
        static final Step WAITING = new Step(null, List.of());
    }

    private record Round(String key, JsonNode clientId, ObjectNode request, JsonNode state, Map<String, JsonNode> answers, int expected) {
    }

    private record Slot(Round round, String name) {
    }

    private final Map<String, ObjectNode> asked = new HashMap<>();
    private final Map<String, Integer> rounds = new HashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();

    /** The client's request {@code key}, as it went to the server. */
    void sent(String key, ObjectNode request) {
        asked.put(key, request);
    }

    /**
     * A result from the server: null when it is not an {@code input_required} answer to a request of the client's
     * (its request is then done); else the requests for the client, or an error answering the client's request.
     */
    Step answered(JsonNode msg, JsonNode clientCapabilities) {
        String key = msg.get("id").toString();
        JsonNode result = msg.path("result");
        ObjectNode request = asked.get(key);
        if (request == null || !result.path("resultType").asText().equals("input_required")) {
            asked.remove(key);
            rounds.remove(key);
            return null;
        }
        int round = rounds.merge(key, 1, Integer::sum);
        if (round > MAX_ROUNDS) {
            return fail(key, msg.get("id"), "the upstream MCP server asked for input " + MAX_ROUNDS + " times for one request; it was stopped");
        }
        JsonNode inputs = result.path("inputRequests");
        if (!inputs.isObject() || inputs.isEmpty()) {
            return fail(key, msg.get("id"), "the upstream MCP server asked for input without saying what it needs");
        }
        Round r = new Round(key, msg.get("id"), request, result.get("requestState"), new LinkedHashMap<>(), inputs.size());
        List<String> toClient = new ArrayList<>();
        for (var e : inputs.properties()) {
            String method = e.getValue().path("method").asText("");
            String capability = CAPABILITY.get(method);
            if (capability == null || !clientCapabilities.has(capability)) {
                slots.values().removeIf(s -> s.round() == r);
                return fail(key, msg.get("id"), "the upstream MCP server needs " + (capability == null ? "input of an unknown kind ('" + method + "')"
                        : capability + " from the client, which this client did not declare") + "; the request was not completed");
            }
            String id = ID_PREFIX + IDS.incrementAndGet();
            slots.put(JsonRpc.JSON.getNodeFactory().textNode(id).toString(), new Slot(r, e.getKey()));
            ObjectNode ask = JsonRpc.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
            if (e.getValue().has("params")) {
                ask.set("params", e.getValue().get("params"));
            }
            toClient.add(ask.toString());
        }
        return new Step(null, toClient);
    }

    /**
     * A response from the client: null when it answers none of this relay's requests; else the original request
     * again once every input is in, or the client request's error when the client failed one.
     */
    Step clientAnswered(JsonNode msg) {
        Slot slot = slots.remove(msg.path("id").toString());
        if (slot == null) {
            return null;
        }
        Round r = slot.round();
        if (!asked.containsKey(r.key())) {
            return Step.WAITING; // the request already ended (an earlier input failed)
        }
        if (!msg.has("result")) {
            slots.values().removeIf(s -> s.round() == r);
            return fail(r.key(), r.clientId(), "the client could not give the input the upstream MCP server asked for ("
                    + msg.path("error").path("message").asText("no result") + ")");
        }
        r.answers().put(slot.name(), msg.get("result"));
        if (r.answers().size() < r.expected()) {
            return Step.WAITING;
        }
        ObjectNode again = r.request().deepCopy();
        ObjectNode params = again.path("params") instanceof ObjectNode p ? p : again.putObject("params");
        ObjectNode responses = params.putObject("inputResponses");
        r.answers().forEach(responses::set);
        if (r.state() != null && !r.state().isNull()) {
            params.set("requestState", r.state());
        } else {
            params.remove("requestState");
        }
        return new Step(again.toString(), List.of());
    }

    private Step fail(String key, JsonNode id, String why) {
        asked.remove(key);
        rounds.remove(key);
        return new Step(null, List.of(JsonRpc.error(id, -32603, why)));
    }
}
