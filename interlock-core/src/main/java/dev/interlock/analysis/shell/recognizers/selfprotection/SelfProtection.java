package dev.interlock.analysis.shell.recognizers.selfprotection;

import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
            // the agents' MCP server lists: a server added there is a tool the agent gets without anyone asking
            Pattern.compile(".*/\\.mcp\\.json"),
            Pattern.compile(".*/\\.claude\\.json"),
            Pattern.compile(".*/\\.(cursor|vscode|gemini|codex|kiro|amazonq|windsurf)/mcp(_config)?\\.json"),
            Pattern.compile(".*/\\.codeium/windsurf/mcp_config\\.json"),
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

    /** The server's endpoints that decide for people: approving, granting, minting tokens, reloading policy. */
    private static final Pattern INTERLOCK_API = Pattern.compile(
            ".*/approvals/[^/]+/(approve|deny)/?|.*/(v1|api|console)/(grants(/[^/]+/revoke)?|tokens(/[^/]+)?|policy/reload)/?");
    /** Systems whose operations can stop the service Interlock runs as. */
    private static final Set<String> RUNS_INTERLOCK = Set.of("docker", "kubernetes", "helm", "os", "service",
            "systemd", "launchd", "pm2", "supervisor");

    /**
     * A container, deployment or namespace named for a test or demo of Interlock ({@code interlock-e2e}, {@code
     * interlock-demo}) is a throwaway copy someone started to try it, not the guard that decides for this agent.
     */
    private static final Pattern TEST_COPY = Pattern.compile("(?i)interlock[-_.](e2e|tests?|testing|demo|example|playground)([-_.]|$)");

    /** A route by which an operation reaches the running guard rather than its files. */
    private record Route(String does, Predicate<Operation> reaches) {
    }

    private static final List<Route> ROUTES = List.of(
            // curl -X POST …/v1/approvals/ID/approve: the agent answering its own approval through the API
            new Route("changes Interlock's approvals, grants, tokens or policy through its API",
                    op -> op.system().equals("http") && INTERLOCK_API.matcher(op.resource().name()).matches()),
            // docker stop interlock, kubectl scale deploy interlock --replicas=0: the guard's own container or deployment
            new Route("stops, removes or changes the container or deployment that runs Interlock",
                    op -> RUNS_INTERLOCK.contains(op.system()) && op.verb() != Verb.EXECUTE && op.verb() != Verb.CREATE
                            && names(op.resource().name()) && !TEST_COPY.matcher(op.resource().name()).find()),
            // pkill -f interlock, systemctl stop interlock-server: its processes and services
            new Route("stops, signals or disables Interlock itself (the guard)",
                    op -> op.system().equals("process") && op.verb() != Verb.EXECUTE
                            && names(op.resource().name() + " " + op.evidence().text())));

    /**
     * Signalling, stopping or disabling a process or service that is Interlock (its server, its hook's JVM, a unit or
     * launch agent named for it), its container or deployment, or its deciding API is an operation on system
     * {@code interlock}: the guard turned off is no guard. Other operations come back unchanged.
     */
    public static Operation guard(Operation op) {
        if (op.verb() == Verb.READ || op.verb() == Verb.CREDENTIAL) {
            return op;
        }
        for (Route route : ROUTES) {
            if (route.reaches().test(op)) {
                return op.toBuilder().system("interlock").note(route.does() + (op.note().isEmpty() ? "" : "; " + op.note())).build();
            }
        }
        return op;
    }

    private static boolean names(String text) {
        return text.toLowerCase(Locale.ROOT).contains("interlock");
    }

    /** Where agents read their settings, hooks included: pointed elsewhere, the agent starts without Interlock's hook. */
    private static final Set<String> AGENT_SETTINGS = Set.of("CLAUDE_CONFIG_DIR", "CODEX_HOME", "GEMINI_CLI_HOME",
            "CURSOR_CONFIG_DIR", "COPILOT_HOME", "KIRO_HOME");

        /** Settings that choose what Interlock decides with: another policy, inventory, server or identity. */
    private static final Set<String> DECIDING_SETTINGS = Set.of("INTERLOCK_POLICY", "INTERLOCK_INVENTORY",
            "INTERLOCK_URL", "INTERLOCK_SERVER", "INTERLOCK_TOKEN", "INTERLOCK_PRINCIPAL");

    /**
     * {@code export INTERLOCK_POLICY=/tmp/allow-all}: the Interlock processes this shell starts next would decide with
     * another policy, inventory, server or identity; pointing the guard elsewhere from the agent's shell is
     * self-protection like editing its files. Speed settings ({@code INTERLOCK_DECIDER=off}) and a prefix for one
     * {@code interlock} command are not.
     */
    public static Optional<Operation> setting(String variable, Evidence evidence,
                                                                           Map<String, String> locators) {
        if (AGENT_SETTINGS.contains(variable)) {
            return agentSetting(variable, evidence, locators);
        }
        if (!DECIDING_SETTINGS.contains(variable)) {
            return Optional.empty();
        }
        Operation.Builder b = Operation.builder("interlock", Verb.UPDATE)
                .resource("setting", variable).reversible(false).evidence(evidence)
                .note("changes Interlock's settings (" + variable + ") for what this shell runs next");
        locators.forEach(b::locator);
        return Optional.of(b.build());
    }

    /**
     * {@code CLAUDE_CONFIG_DIR=/tmp/clean claude -p …}: the agent started (or every agent this shell starts) with its
     * settings read from elsewhere, where the hook that routes its tools through Interlock is not. Empty for any other
     * variable.
     */
    public static Optional<Operation> agentSetting(String variable, Evidence evidence, Map<String, String> locators) {
        if (!AGENT_SETTINGS.contains(variable)) {
            return Optional.empty();
        }
        Operation.Builder b = Operation.builder("agent", Verb.ESCALATE).resource("setting", variable).reversible(false)
                .evidence(evidence).note(variable + " points the agent at another settings directory, where Interlock's hook is not");
        locators.forEach(b::locator);
        return Optional.of(b.build());
    }

        /** Every protected path names one of these; most paths name none, and skip the patterns. */
    private static boolean mayBeProtected(String path) {
        return path.contains("interlock") || path.contains(".claude") || path.contains(".codex") || path.contains(".gemini")
                || path.contains("mcp")
                || path.contains(".cursor") || path.contains(".github") || path.contains(".kiro") || path.contains("claude-code")
                || path.contains("ClaudeCode") || path.contains("/etc/codex") || path.contains("gemini-cli") || path.contains(".copilot");
    }
}
