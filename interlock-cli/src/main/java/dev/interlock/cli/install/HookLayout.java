package dev.interlock.cli.install;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.hooks.Agent;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how each agent is told to run a hook before its tools: the file (per project or per user), the events,
 * and one entry in that agent's own shape — with the agent's fail-closed option wherever it has one.
 *
 * @param project the file relative to a project directory
 * @param user    the file relative to the home directory
 * @param events  the keys under {@code hooks} that get the entry
 */
record HookLayout(Agent agent, String project, String user, List<String> events) {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static HookLayout of(Agent agent, String kiroAgentName) {
        return switch (agent) {
            case CLAUDE_CODE -> new HookLayout(agent, ".claude/settings.json", ".claude/settings.json", List.of("PreToolUse"));
            case CODEX -> new HookLayout(agent, ".codex/hooks.json", ".codex/hooks.json", List.of("PreToolUse"));
            case GEMINI -> new HookLayout(agent, ".gemini/settings.json", ".gemini/settings.json", List.of("BeforeTool"));
            case CURSOR -> new HookLayout(agent, ".cursor/hooks.json", ".cursor/hooks.json",
                    List.of("beforeShellExecution", "beforeMCPExecution", "beforeReadFile", "preToolUse"));
            case COPILOT -> new HookLayout(agent, ".github/hooks/interlock.json", ".copilot/hooks/interlock.json", List.of("preToolUse"));
            case KIRO -> new HookLayout(agent, ".kiro/agents/" + kiroAgentName + ".json", ".kiro/agents/" + kiroAgentName + ".json",
                    List.of("preToolUse"));
        };
    }

    /**
     * The after-the-tool events that report how an allowed call ended, for server mode (where there is an audit log to
     * record it).
     */
    List<String> afterEvents() {
        return switch (agent) {
            case CLAUDE_CODE, CODEX -> List.of("PostToolUse");
            case GEMINI -> List.of("AfterTool");
            case CURSOR -> List.of("afterShellExecution", "afterMCPExecution");
            case COPILOT, KIRO -> List.of("postToolUse");
        };
    }

    /** Every event an Interlock entry may sit under (what uninstall clears). */
    List<String> allEvents() {
        List<String> all = new java.util.ArrayList<>(events);
        all.addAll(afterEvents());
        return all;
    }

    /** The after-the-tool entry: it reports, it never blocks (the tool has already run), so no fail-closed option. */
    ObjectNode afterEntry(String command) {
        return switch (agent) {
            case CLAUDE_CODE -> matcherEntry("Bash|mcp__.*", F.objectNode().put("type", "command").put("command", command).put("timeout", 30));
            case CODEX -> matcherEntry("Bash|apply_patch|mcp__.*", F.objectNode().put("type", "command").put("command", command).put("timeout", 30));
            case GEMINI -> matcherEntry(".*", F.objectNode().put("type", "command").put("command", command).put("timeout", 30000));
            case CURSOR -> F.objectNode().put("command", command);
            case COPILOT -> F.objectNode().put("type", "command").put("bash", command).put("timeoutSec", 30);
            case KIRO -> F.objectNode().put("matcher", "*").put("command", command).put("timeout_ms", 30000);
        };
    }

    Path file(boolean user, Path projectDir, Path home) {
        return user ? home.resolve(this.user) : projectDir.resolve(project);
    }

    /** Settings the file needs besides the hook (Cursor's and Copilot's schema version, a Kiro agent's name). */
    void prepare(ObjectNode root, String kiroAgentName) {
        switch (agent) {
            case CURSOR, COPILOT -> {
                if (!root.has("version")) {
                    root.put("version", 1);
                }
            }
            case KIRO -> {
                if (!root.has("name")) {
                    root.put("name", kiroAgentName);
                    root.put("description", "Kiro with every tool call checked by Interlock");
                    root.putArray("tools").add("*");
                }
            }
            default -> { }
        }
    }

    /** One hook entry running {@code command}, in this agent's shape. */
    ObjectNode entry(String command) {
        return switch (agent) {
            // Claude Code lets a crashed or timed-out hook through unless the entry says onFailure: block.
            case CLAUDE_CODE -> matcherEntry("Bash|Edit|Write|MultiEdit|NotebookEdit|mcp__.*",
                    F.objectNode().put("type", "command").put("command", command).put("timeout", 30).put("onFailure", "block"));
            case CODEX -> matcherEntry("Bash|apply_patch|Edit|Write|mcp__.*",
                    F.objectNode().put("type", "command").put("command", command).put("timeout", 30));
            // Gemini's timeout is in milliseconds; every tool, so that MCP and unknown tools are judged too.
            case GEMINI -> matcherEntry(".*", F.objectNode().put("type", "command").put("command", command).put("timeout", 30000));
            // Cursor lets a crashed or timed-out hook through unless the entry says failClosed.
            case CURSOR -> F.objectNode().put("command", command).put("failClosed", true);
            case COPILOT -> F.objectNode().put("type", "command").put("bash", command).put("timeoutSec", 30);
            case KIRO -> F.objectNode().put("matcher", "*").put("command", command).put("timeout_ms", 30000);
        };
    }

    private static ObjectNode matcherEntry(String matcher, ObjectNode hook) {
        ObjectNode e = F.objectNode().put("matcher", matcher);
        e.putArray("hooks").add(hook);
        return e;
    }

    /** What the agent is told about guarantees it cannot give (printed after installing). */
    String caveat() {
        return switch (agent) {
            case COPILOT -> "Copilot lets a tool call through when a hook fails or times out: only Interlock's deny answers stop it.";
            case CODEX -> "Codex lets a tool call through when a hook crashes or times out (it has no fail-closed setting); "
                    + "Interlock answers every failure of its own with a block well inside the 30 s timeout.";
            case GEMINI -> "Gemini CLI blocks only on exit 2 or a deny answer; Interlock answers every failure of its own that way.";
            case KIRO -> "Kiro applies these hooks only to sessions started with: kiro-cli chat --agent " + project.replaceAll(".*/|\\.json$", "");
            default -> "";
        };
    }
}
