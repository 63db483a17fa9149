package dev.interlock.hooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The agents Interlock sits in front of, by the name used on the command line and in {@code actor.agent}. */
public enum Agent {
    CLAUDE_CODE("claude-code", "Claude Code"),
    CODEX("codex", "Codex CLI"),
    GEMINI("gemini", "Gemini CLI"),
    CURSOR("cursor", "Cursor"),
    COPILOT("copilot", "GitHub Copilot"),
    KIRO("kiro", "Kiro CLI");

    private final String id;
    private final String displayName;

    Agent(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Throws {@link IllegalArgumentException} naming the agents there are. */
    public static Agent parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Agent a : values()) {
            if (a.id.equals(n) || a.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return a;
            }
        }
        if (n.equals("claude") || n.equals("gemini-cli") || n.equals("copilot-cli") || n.equals("kiro-cli")) {
            return parse(n.replace("-cli", "").replace("claude", "claude-code"));
        }
        throw new IllegalArgumentException("unknown agent '" + name + "'; Interlock has hooks for " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Agent::id).collect(Collectors.joining(", "));
    }
}
