package dev.interlock.hooks;

/**
 * One pre-tool-call event as an agent sent it: which tool, what it would do, and who and where.
 *
 * @param event     the agent's event name ({@code PreToolUse}, {@code BeforeTool}, {@code beforeShellExecution}, …)
 * @param tool      the tool's name as the agent calls it
 * @param session   the agent's session or conversation id, "" when absent
 * @param cwd       the agent's working directory, "" when absent
 * @param subagent  the subagent's type or id when the call comes from inside one, else ""
 */
public record HookEvent(Agent agent, String event, String tool, ToolCall call, String session, String cwd, String subagent) {
}
