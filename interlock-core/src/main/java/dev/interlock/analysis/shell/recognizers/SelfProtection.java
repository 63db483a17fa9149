package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Workspace;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which files are Interlock's own: its policies, data and configuration, and the agents' hook settings that route
 * commands through it. Writing, moving or deleting them is an operation on system {@code interlock}, which the
 * self-protection invariant denies to agents. Shared by {@link SelfProtectionRecognizer} ({@code tee}, {@code sed -i}),
 * the filesystem recognizer ({@code rm}, {@code mv}, {@code cp}, …) and the analyzer's redirections.
 */
public final class SelfProtection {

    private SelfProtection() {
    }

    /** Matched against resolved absolute paths. */
    private static final List<Pattern> PROTECTED = List.of(
            Pattern.compile(".*/\\.interlock(/.*)?"),
            Pattern.compile("/etc/interlock(/.*)?"),
            Pattern.compile(".*/\\.config/interlock(/.*)?"),
            Pattern.compile(".*/interlock/policies/[^/]+\\.ya?ml"),
            Pattern.compile(".*/\\.claude/(settings(\\.local)?\\.json|hooks(/.*)?)"),
            Pattern.compile(".*/\\.codex/(config\\.toml|.*hooks.*)"),
            Pattern.compile(".*/\\.gemini/settings\\.json"),
            Pattern.compile(".*/\\.cursor/hooks\\.json"),
            Pattern.compile(".*/\\.github/hooks/[^/]+\\.json"),
            Pattern.compile(".*/\\.kiro(/.*)?"));

    /** True when {@code resolvedPath} (resolved again against {@code ws}, so relative paths work too) is protected. */
    public static boolean isProtectedPath(String resolvedPath, Workspace ws) {
        String path = ws.resolve(resolvedPath);
        if (!mayBeProtected(path)) {
            return false;
        }
        for (Pattern p : PROTECTED) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Every protected path names one of these; most paths name none, and skip the patterns. */
    private static boolean mayBeProtected(String path) {
        return path.contains("interlock") || path.contains(".claude") || path.contains(".codex") || path.contains(".gemini")
                || path.contains(".cursor") || path.contains(".github") || path.contains(".kiro");
    }
}
