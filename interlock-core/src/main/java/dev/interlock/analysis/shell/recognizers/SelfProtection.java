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
            // the server's data (database, tokens, audit), the hook's caches and the server-mode hook client
            Pattern.compile(".*/\\.local/share/interlock(/.*)?"),
            Pattern.compile(".*/\\.cache/interlock(/.*)?"),
            Pattern.compile("/var/lib/interlock(/.*)?"),
            Pattern.compile(".*/interlock-hook-client"),
            // organisation-managed agent settings (Claude Code managed settings, Codex/Gemini system settings)
            Pattern.compile("/etc/claude-code(/.*)?"),
            Pattern.compile("/Library/Application Support/ClaudeCode(/.*)?"),
            Pattern.compile("/etc/codex(/.*)?"),
            Pattern.compile("/etc/gemini-cli(/.*)?"),
            Pattern.compile(".*/interlock/policies/[^/]+\\.ya?ml"),
            Pattern.compile(".*/\\.claude/(settings(\\.local)?\\.json|hooks(/.*)?)"),
            Pattern.compile(".*/\\.codex/(config\\.toml|.*hooks.*|rules/.*|execpolicy.*)"),
            Pattern.compile(".*/\\.gemini/settings\\.json"),
            Pattern.compile(".*/\\.cursor/(hooks\\.json|cli-config\\.json|permissions\\.json)"),
            Pattern.compile(".*/\\.copilot/(config\\.json|hooks(/.*)?)"),
            Pattern.compile(".*/\\.github/hooks/[^/]+\\.json"),
            Pattern.compile(".*/\\.kiro(/.*)?"),
            // the directories that hold them: moving or deleting one moves or deletes what is inside
            Pattern.compile(".*/\\.(claude|codex|gemini|cursor|copilot)/?"),
            Pattern.compile(".*/\\.github(/hooks)?/?"),
            Pattern.compile(".*/\\.local/share/?"),
            Pattern.compile(".*/interlock/policies/?"),
            // Interlock's own program: its launcher, an installed binary, the distribution's jars
            Pattern.compile(".*/interlock"),
            Pattern.compile(".*/interlock-(cli|hooks|core|server|mcp)[^/]*\\.jar"));

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

    /**
     * Signalling, stopping or disabling a process or service that is Interlock (its server, its hook's JVM, a unit or
     * launch agent named for it) is an operation on system {@code interlock}: the guard turned off is no guard. Other
     * operations come back unchanged.
     */
    public static dev.interlock.model.Operation guard(dev.interlock.model.Operation op) {
        dev.interlock.model.Verb verb = op.verb();
        if (verb == dev.interlock.model.Verb.READ || verb == dev.interlock.model.Verb.CREDENTIAL) {
            return op;
        }
        if (op.system().equals("http") && INTERLOCK_API.matcher(op.resource().name()).matches()) {
            // curl -X POST …/v1/approvals/ID/approve: the agent answering its own approval through the API
            return op.toBuilder().system("interlock").note("changes Interlock's approvals, grants, tokens or policy through its API"
                    + (op.note().isEmpty() ? "" : "; " + op.note())).build();
        }
        if (RUNS_INTERLOCK.contains(op.system()) && verb != dev.interlock.model.Verb.EXECUTE && verb != dev.interlock.model.Verb.CREATE
                && op.resource().name().toLowerCase(java.util.Locale.ROOT).contains("interlock")) {
            // docker stop interlock, kubectl scale deploy interlock --replicas=0: the guard's own container or deployment
            return op.toBuilder().system("interlock").note("stops, removes or changes the container or deployment that runs Interlock"
                    + (op.note().isEmpty() ? "" : "; " + op.note())).build();
        }
        if (!op.system().equals("process") || verb == dev.interlock.model.Verb.EXECUTE) {
            return op;
        }
        String named = (op.resource().name() + " " + op.evidence().text()).toLowerCase(java.util.Locale.ROOT);
        if (!named.contains("interlock")) {
            return op;
        }
        return op.toBuilder().system("interlock").note("stops, signals or disables Interlock itself (the guard)"
                + (op.note().isEmpty() ? "" : "; " + op.note())).build();
    }

    /** Settings that choose what Interlock decides with: another policy, inventory, server or identity. */
    private static final java.util.Set<String> DECIDING_SETTINGS = java.util.Set.of("INTERLOCK_POLICY", "INTERLOCK_INVENTORY",
            "INTERLOCK_URL", "INTERLOCK_SERVER", "INTERLOCK_TOKEN", "INTERLOCK_PRINCIPAL");

    /**
     * {@code export INTERLOCK_POLICY=/tmp/allow-all}: the Interlock processes this shell starts next would decide with
     * another policy, inventory, server or identity; pointing the guard elsewhere from the agent's shell is
     * self-protection like editing its files. Speed settings ({@code INTERLOCK_DECIDER=off}) and a prefix for one
     * {@code interlock} command are not.
     */
    public static java.util.Optional<dev.interlock.model.Operation> setting(String variable, dev.interlock.model.Evidence evidence,
                                                                           java.util.Map<String, String> locators) {
        if (!DECIDING_SETTINGS.contains(variable)) {
            return java.util.Optional.empty();
        }
        dev.interlock.model.Operation.Builder b = dev.interlock.model.Operation.builder("interlock", dev.interlock.model.Verb.UPDATE)
                .resource("setting", variable).reversible(false).evidence(evidence)
                .note("changes Interlock's settings (" + variable + ") for what this shell runs next");
        locators.forEach(b::locator);
        return java.util.Optional.of(b.build());
    }

    /** The server's endpoints that decide for people: approving, granting, minting tokens, reloading policy. */
    private static final java.util.regex.Pattern INTERLOCK_API = java.util.regex.Pattern.compile(
            ".*/approvals/[^/]+/(approve|deny)/?|.*/(v1|api|console)/(grants(/[^/]+/revoke)?|tokens(/[^/]+)?|policy/reload)/?");
    /** Systems whose operations can stop the service Interlock runs as. */
    private static final java.util.Set<String> RUNS_INTERLOCK = java.util.Set.of("docker", "kubernetes", "helm", "os", "service",
            "systemd", "launchd", "pm2", "supervisor");

    /** Every protected path names one of these; most paths name none, and skip the patterns. */
    private static boolean mayBeProtected(String path) {
        return path.contains("interlock") || path.contains(".claude") || path.contains(".codex") || path.contains(".gemini")
                || path.contains(".cursor") || path.contains(".github") || path.contains(".kiro") || path.contains("claude-code")
                || path.contains("ClaudeCode") || path.contains("/etc/codex") || path.contains("gemini-cli") || path.contains(".copilot");
    }
}
