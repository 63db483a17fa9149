package dev.interlock.hooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's after-the-tool event (Claude Code's {@code PostToolUse}, Gemini CLI's {@code AfterTool}): the call that
 * ran, and how it ended — the exit code when the agent gives one, else 1 for an error or an interruption, else 0 — so
 * that the audit log can tell "allowed" from "ran" from "ran and failed".
 */
public record HookOutcome(HookEvent event, int exitCode) {

    private static final Set<String> AFTER = Set.of("posttooluse", "aftertool");

    /** The outcome in {@code payload} when it is an after-the-tool event; empty for anything else (or unreadable). */
    public static Optional<HookOutcome> read(Agent agent, byte[] payload) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (JacksonException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String event = root.path("hook_event_name").asText(root.path("hookEventName").asText(""));
        if (!AFTER.contains(event.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new HookOutcome(PayloadReader.read(agent, root), exitCode(root)));
    }

    static int exitCode(JsonNode root) {
        JsonNode r = root.has("tool_response") ? root.get("tool_response") : root.path("toolResponse");
        for (String field : new String[] {"exit_code", "exitCode", "returncode", "returnCode"}) {
            if (r.path(field).canConvertToInt()) {
                return r.path(field).asInt();
            }
        }
        boolean failed = r.path("is_error").asBoolean(false) || r.path("isError").asBoolean(false) || r.path("interrupted").asBoolean(false)
                || r.hasNonNull("error") && !r.path("error").asText("").isEmpty() || r.path("success").isBoolean() && !r.path("success").asBoolean();
        return failed ? 1 : 0;
    }
}
