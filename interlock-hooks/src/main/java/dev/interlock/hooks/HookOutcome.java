package dev.interlock.hooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's after-the-tool event (Claude Code's and Codex's {@code PostToolUse}, Gemini CLI's {@code AfterTool},
 * Kiro's and Copilot's {@code postToolUse}, Cursor's {@code afterShellExecution}/{@code afterMCPExecution}): the call
 * that ran, and how it ended — the exit code when the agent gives one, else 1 for an error, a failure or an
 * interruption, else 0 — so that the audit log can tell "allowed" from "ran" from "ran and failed". Copilot's payload
 * names no event: its {@code toolResult} marks it; a call its user refused ({@code denied}) never ran: nothing to report.
 */
public record HookOutcome(HookEvent event, int exitCode) {

    private static final Set<String> AFTER = Set.of("posttooluse", "aftertool", "aftershellexecution", "aftermcpexecution");
    private static final java.util.List<String> RESULT_FIELDS = java.util.List.of("tool_response", "toolResponse", "toolResult", "tool_result", "result_json");

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
        boolean copilotResult = event.isEmpty() && root.has("toolResult");
        if (!AFTER.contains(event.toLowerCase(Locale.ROOT)) && !copilotResult) {
            return Optional.empty();
        }
        boolean denied = result(root).path("resultType").asText("").equals("denied");
        return Optional.of(new HookOutcome(PayloadReader.read(agent, root), denied ? NOT_RUN : exitCode(root)));
    }

    /** The exit code of a call that never ran (its user refused it at the agent). */
    public static final int NOT_RUN = -1;

    /** Whether the call ran, so that there is an outcome to report. */
    public boolean ran() {
        return exitCode != NOT_RUN;
    }

    /** What the tool answered, under whichever name the agent gives it (Cursor's shell event: the payload itself). */
    private static JsonNode result(JsonNode root) {
        for (String field : RESULT_FIELDS) {
            if (root.has(field)) {
                JsonNode r = root.get(field);
                if (r.isTextual()) {
                    try {
                        return Json.MAPPER.readTree(r.asText()); // Cursor's MCP result comes as a JSON string
                    } catch (JacksonException e) {
                        return root;
                    }
                }
                return r;
            }
        }
        return root;
    }

    static int exitCode(JsonNode root) {
        JsonNode r = result(root);
        for (String field : new String[] {"exit_code", "exitCode", "returncode", "returnCode"}) {
            if (r.path(field).canConvertToInt()) {
                return r.path(field).asInt();
            }
        }
        boolean failed = r.path("is_error").asBoolean(false) || r.path("isError").asBoolean(false) || r.path("interrupted").asBoolean(false)
                || r.hasNonNull("error") && !r.path("error").asText("").isEmpty() || r.path("success").isBoolean() && !r.path("success").asBoolean()
                || r.path("resultType").asText("").equals("failure");
        return failed ? 1 : 0;
    }
}
