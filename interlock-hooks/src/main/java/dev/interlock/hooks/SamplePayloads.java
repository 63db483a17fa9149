package dev.interlock.hooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.JsonTrees;

/** A shell tool call as each agent sends it to its hook: what {@code interlock verify} feeds an installed hook. */
public final class SamplePayloads {

    private SamplePayloads() {
    }

    public static String shell(Agent agent, String command, String cwd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        switch (agent) {
            case CLAUDE_CODE, CODEX -> {
                p.put("session_id", "interlock-verify").put("cwd", cwd).put("hook_event_name", "PreToolUse")
                        .put("permission_mode", "default").put("tool_name", "Bash").put("tool_use_id", "verify");
                p.putObject("tool_input").put("command", command);
            }
            case GEMINI -> {
                p.put("session_id", "interlock-verify").put("cwd", cwd).put("hook_event_name", "BeforeTool")
                        .put("tool_name", "run_shell_command");
                p.putObject("tool_input").put("command", command);
            }
            case CURSOR -> {
                p.put("conversation_id", "interlock-verify").put("generation_id", "verify").put("hook_event_name", "beforeShellExecution")
                        .put("command", command).put("cwd", cwd);
                p.putArray("workspace_roots").add(cwd);
            }
            case COPILOT -> p.put("timestamp", System.currentTimeMillis()).put("cwd", cwd).put("toolName", "bash")
                    .put("toolArgs", JsonTrees.write(f.objectNode().put("command", command)));
            case KIRO -> {
                p.put("hook_event_name", "preToolUse").put("cwd", cwd).put("tool_name", "execute_bash");
                p.putObject("tool_input").put("command", command);
            }
        }
        return JsonTrees.write(p);
    }
}
