package dev.interlock.hooks;

/** What the hook process prints and how it exits: the agent's own answer. */
public record HookAnswer(String stdout, String stderr, int exitCode) {

    /** The exit code every agent reads as "block this tool call" (others let it run). */
    public static final int BLOCK = 2;

    public HookAnswer {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}
