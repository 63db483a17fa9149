package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.MakeRules;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Task runners' and build tools' targets judged by their names when their recipes are not in view: {@code make destroy},
 * {@code just db-reset}, {@code nx run api:deploy:production}, {@code task deploy:prod}.
 */
public final class TaskTargets {

    private TaskTargets() {
    }

    /** Task runners whose positionals are target names that say what they do ({@code make deploy-prod}). */
    static final Set<String> TASK_RUNNERS = Set.of("make", "gmake", "just", "task", "mage", "invoke", "doit");

    /**
     * A task runner's target, judged by its name when its recipe is not in view: {@code make destroy},
     * {@code just db-reset} destroy; {@code task deploy:prod} deploys, to the environment the name says.
     */
    static Optional<Operation> target(Invocation inv) {
        boolean make = inv.program().equals("make") || inv.program().equals("gmake");
        ParsedArgs p = inv.parse(make ? MakeRules.VALUED : RUNNER_VALUED.getOrDefault(inv.program(), Set.of()));
        if (make ? MakeRules.dryRun(inv.words()) : DRY_RUNS.contains(inv.program()) && p.has("-n", "--dry-run", "--dry")) {
            // make -n deploy-prod: prints the recipe's commands, runs none of them
            return Optional.of(Operation.builder(inv.program(), Verb.READ).resource("target", String.join(" ", p.words()))
                    .evidence(inv.evidence()).note(inv.program() + " only prints what the target would run").build());
        }
        return namedTarget(inv, p.words().stream().filter(w -> !w.contains("=")).toList(), true)
                .map(op -> make ? LocalDatabaseTargets.placed(op, p.words(), inv.env()) : op);
    }

    /** just's and task's options that always take a value (make's: {@link MakeRules#VALUED}). */
    private static final Map<String, Set<String>> RUNNER_VALUED = Map.of(
            "just", Set.of("-f", "--justfile", "-d", "--working-directory", "--set", "--dotenv-filename", "--dotenv-path"),
            "task", Set.of("-t", "--taskfile", "-d", "--dir", "-o", "--output"));
    /** Task runners besides make whose -n / --dry-run prints the commands instead of running them. */
    private static final Set<String> DRY_RUNS = Set.of("just", "task");

    /** Nx's own commands: the first word is a target only when it is none of these ({@code nx reset} clears its cache). */
    private static final Set<String> NX_COMMANDS = Set.of("reset", "graph", "affected", "run-many", "show", "list", "migrate",
            "format", "format:write", "format:check", "init", "add", "generate", "g", "report", "daemon", "connect", "sync",
            "sync:check", "watch", "exec", "repair", "import", "view-logs", "release", "login", "logout", "mcp");

    /**
     * The target a build tool runs, when its name says it deploys or destroys: {@code nx run api:deploy:production},
     * {@code bazel run //deploy/k8s:prod.apply}. A name that only says an environment
     * ({@code nx run api:build:production}: a production build) is an ordinary build.
     */
    static Optional<Operation> builtTarget(Invocation inv) {
        List<String> positionals = inv.args().stream().map(Arg::value).filter(w -> !w.startsWith("-")).toList();
        List<String> targets = switch (inv.program()) {
            case "nx" -> {
                // nx run P:T[:C], or nx T P --configuration=C
                List<String> out = new ArrayList<>(positionals.isEmpty() || NX_COMMANDS.contains(positionals.getFirst()) ? List.of()
                        : !positionals.getFirst().equals("run") ? positionals.subList(0, 1) : positionals.subList(1, Math.min(2, positionals.size())));
                inv.parse(Set.of("-c", "--configuration")).value("-c", "--configuration").ifPresent(c -> out.replaceAll(t -> t + ":" + c));
                yield out;
            }
            case "bazel", "bazelisk" -> positionals.size() > 1 && positionals.getFirst().equals("run") ? List.of(positionals.get(1)) : List.of();
            default -> List.of();
        };
        return namedTarget(inv, targets, false);
    }

    /**
     * The first of {@code targets} whose name says it destroys or deploys, as an operation of the tool; a name that only
     * says an environment counts when {@code environmentAlone} ({@code make prod}: a task runner's target is an action).
     */
    public static Optional<Operation> namedTarget(Invocation inv, List<String> targets, boolean environmentAlone) {
        for (String w : targets) {
            Optional<Operation> copy = DataCopies.named(inv, w);
            if (copy.isPresent()) {
                return copy; // make refresh-staging-from-prod: production's data, copied
            }
            // deployProd, destroyStaging: camel-cased task names are words too
            List<String> parts = CommandWords.parts(w.replaceAll("([a-z0-9])([A-Z])", "$1_$2"));
            String environment = parts.stream().map(DeploymentWords::tierOf).flatMap(Optional::stream).findFirst().orElse("");
            Verb verb = null;
            for (String part : parts.subList(1, parts.size())) {
                verb = verb != null ? verb : CommandWords.destructive(part);
            }
            boolean publishes = parts.stream().anyMatch(p -> KnownPrograms.PUBLISH.contains(p) || p.equals("apply") || p.equals("rollout"));
            if (verb == null && !publishes && (environment.isEmpty() || !environmentAlone)) {
                continue;
            }
            Operation.Builder b = Operation.builder(inv.program(), verb != null ? verb : Verb.UPDATE).resource("target", w)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("the " + inv.program() + " target '" + w + "' reads as " + (verb != null ? "destructive" : "a deployment")
                            + " (its recipe is not in view)");
            if (verb != null) {
                b.stateful(true).reversible(false).scope(Scope.MANY);
            }
            if (!environment.isEmpty()) {
                b.locator("environment", environment);
            }
            return Optional.of(b.build());
        }
        return Optional.empty();
    }
}
