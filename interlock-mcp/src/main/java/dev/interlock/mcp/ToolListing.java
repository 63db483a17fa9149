package dev.interlock.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent sees of a server's tools. A tool policy forbids for every argument is left out (a call made anyway
 * is still decided, and denied); every other tool is listed as the server wrote it. A tool whose description, title,
 * schemas or annotations differ from the first listing this gateway saw — a "rug pull", where a server changes what
 * a tool claims to do after it was trusted — is reported through the decider (to the audit log with a server).
 */
final class ToolListing {

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final CallDecider decider;
    private final PrintStream log;
    /** SERVER/TOOL → the tool as first listed. */
    private final Map<String, Seen> first = new ConcurrentHashMap<>();

    private record Seen(String digest, String description) {
    }

    ToolListing(CallDecider decider, PrintStream log) {
        this.decider = decider;
        this.log = log;
    }

    /** {@code tools} (a {@code tools/list} page's array) without the hidden ones; the same node when none is hidden. */
    ArrayNode visible(String server, ArrayNode tools) {
        List<String> names = new ArrayList<>();
        List<CallDecider.ToolChange> changes = new ArrayList<>();
        for (JsonNode tool : tools) {
            String name = tool.path("name").asText();
            names.add(name);
            Seen now = new Seen(digest(tool), tool.path("description").asText(""));
            Seen before = first.putIfAbsent(server + "/" + name, now);
            if (before != null && !before.digest().equals(now.digest())) {
                changes.add(new CallDecider.ToolChange(name, before.digest(), now.digest(), before.description(), now.description()));
                log.println("interlock mcp: " + server + "'s tool " + name + " changed its description or schemas since it was first listed"
                        + " (" + before.digest().substring(0, 12) + " -> " + now.digest().substring(0, 12) + ")");
            }
        }
        Set<String> hidden;
        try {
            hidden = Set.copyOf(decider.listed(server, names, changes));
        } catch (RuntimeException e) {
            // Hiding spares the model tools it cannot use; every call is still decided, so the listing stays whole.
            log.println("interlock mcp: could not ask which of " + server + "'s tools to hide (" + e.getMessage() + "); listing them all");
            return tools;
        }
        if (hidden.isEmpty()) {
            return tools;
        }
        ArrayNode kept = tools.arrayNode();
        for (JsonNode tool : tools) {
            if (!hidden.contains(tool.path("name").asText())) {
                kept.add(tool);
            }
        }
        return kept;
    }

    /** A {@code tools/list} response with its page filtered; the line itself when it is not one. */
    String filtered(String server, String response) {
        try {
            JsonNode msg = JsonRpc.JSON.readTree(response);
            JsonNode tools = msg.path("result").path("tools");
            if (!tools.isArray()) {
                return response;
            }
            ArrayNode kept = visible(server, (ArrayNode) tools);
            if (kept == tools) {
                return response;
            }
            ((ObjectNode) msg.get("result")).set("tools", kept);
            return msg.toString();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return response;
        }
    }

    /** What a tool claims to be: everything but its name, canonically ordered. */
    static String digest(JsonNode tool) {
        ObjectNode claim = JsonRpc.JSON.createObjectNode();
        for (String field : List.of("title", "description", "inputSchema", "outputSchema", "annotations")) {
            if (tool.has(field)) {
                claim.set(field, tool.get(field));
            }
        }
        try {
            String canonical = CANONICAL.writeValueAsString(CANONICAL.treeToValue(claim, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest a tool", e);
        }
    }
}
