package dev.interlock.hooks;

/** What the hook process prints and how it exits: the agent's own answer. */
public record HookAnswer(String stdout, String stderr, int exitCode) {

    /** The exit code every agent reads as "block this tool call" (others let it run). */
    public static final int BLOCK = 2;

    public HookAnswer {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** Whether {@code agent} would block the tool call on this answer: exit 2, or a deny in its own format. */
    public boolean blocks(Agent agent) {
        if (exitCode == BLOCK) {
            return true;
        }
        if (exitCode != 0 || stdout.isBlank()) {
            return false;
        }
        String s = stdout.replace(" ", "");
        return switch (agent) {
            case CLAUDE_CODE, CODEX, COPILOT -> s.contains("\"permissionDecision\":\"deny\"");
            case GEMINI -> s.contains("\"decision\":\"deny\"") || s.contains("\"decision\":\"block\"");
            case CURSOR -> s.contains("\"permission\":\"deny\"");
            case KIRO -> false;
        };
    }
}
