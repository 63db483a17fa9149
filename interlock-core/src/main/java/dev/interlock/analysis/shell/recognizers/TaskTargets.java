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
    static final Set<String> TASK_RUNNERS = Set.of("make", "gmake", "just", "task", "mage", "invoke", "doit", "earthly",
            "cargo-make", "makers");

    /**
     * A task runner's target, judged by its name when its recipe is not in view: {@code make destroy},
     * {@code just db-reset} destroy; {@code task deploy:prod} deploys, to the environment the name says.
     */
    public static Optional<Operation> target(Invocation inv) {
        boolean make = inv.program().equals("make") || inv.program().equals("gmake");
        ParsedArgs p = inv.parse(make ? MakeRules.VALUED : RUNNER_VALUED.getOrDefault(inv.program(), Set.of()));
        if (make ? MakeRules.dryRun(inv.words()) : p.has(LOOKS.getOrDefault(inv.program(), Set.of()).toArray(String[]::new))) {
            // make -n deploy-prod, task --summary deploy:prod: print the recipe or its commands, run none of them
            return Optional.of(Operation.builder(inv.program(), Verb.READ).resource("target", String.join(" ", p.words()))
                    .evidence(inv.evidence()).note(inv.program() + " only prints what the target would run").build());
        }
        if (inv.program().equals("earthly")) {
            return earthly(inv, p);
        }
        List<String> targets = p.words().stream().filter(w -> !w.contains("=")).toList();
        return namedTarget(inv, targets, true)
                .map(op -> placedByArguments(inv, op, assignments(inv, p), targets))
                .map(op -> make ? LocalDatabaseTargets.placed(op, p.words(), inv.env()) : op);
    }

    /** Options of just and task that only describe, list or print recipes (make's: {@link MakeRules#dryRun}). */
    private static final Map<String, Set<String>> LOOKS = Map.of(
            "just", Set.of("-n", "--dry-run", "--show", "-s", "--list", "-l", "--summary", "--evaluate", "--dump",
                    "--variables", "--groups", "--help", "-h", "--fmt", "--check"),
            "task", Set.of("-n", "--dry-run", "--dry", "--summary", "--list", "-l", "--list-all", "-a", "--help", "-h",
                    "--status"));

    /** A runner's options that set a variable for its tasks ({@code cargo make -e ENV=prod}, {@code earthly --build-arg}). */
    private static final Set<String> ASSIGNING = Set.of("-e", "--env", "--build-arg");
    /** A runner's options that pick the environment's profile ({@code cargo make --profile production deploy}). */
    private static final Map<String, Set<String>> PROFILES = Map.of("cargo-make", Set.of("--profile", "-p"),
            "makers", Set.of("--profile", "-p"));

    /** The words that may hold a recipe's variables: its positionals, and the values of the runner's variable and profile options. */
    private static List<String> assignments(Invocation inv, ParsedArgs p) {
        List<String> words = new ArrayList<>(p.words());
        ASSIGNING.forEach(flag -> words.addAll(p.flags().getOrDefault(flag, List.of())));
        PROFILES.getOrDefault(inv.program(), Set.of()).forEach(flag -> p.value(flag).ifPresent(v -> words.add("ENV=" + v)));
        return words;
    }

    /** earthly's options that take a value. */
    private static final Set<String> EARTHLY_VALUED = Set.of("--secret", "-s", "--secret-file", "--build-arg", "--platform",
            "--config", "--org", "--satellite", "--sat", "--remote-cache", "--cache-from", "--buildkit-host");

    /**
     * {@code earthly +deploy --ENV=production}: a target judged by its name as a task runner's is (its Earthfile is not in
     * view), placed by its build arguments. A secret handed from a variable that names a remote server
     * ({@code --secret DATABASE_URL}) places the run on that server, as the same variable places a script.
     */
    private static Optional<Operation> earthly(Invocation inv, ParsedArgs p) {
        List<String> targets = p.words().stream().filter(w -> w.contains("+")).map(w -> w.substring(w.lastIndexOf('+') + 1)).toList();
        List<String> words = assignments(inv, p);
        p.flags().forEach((flag, values) -> {
            String name = flag.replaceFirst("^--?", "");
            if (ENVIRONMENT_VARIABLES.contains(name.toUpperCase(java.util.Locale.ROOT)) && !values.isEmpty()) {
                words.add(name + "=" + values.getLast()); // earthly +deploy --ENV=production: a build argument
            }
        });
        Map<String, String> secrets = new java.util.HashMap<>();
        for (String secret : secretNames(p)) {
            int eq = secret.indexOf('=');
            String value = eq > 0 ? secret.substring(eq + 1) : inv.env().get(secret);
            if (value != null) {
                secrets.put(eq > 0 ? secret.substring(0, eq) : secret, value);
            }
        }
        Optional<String> server = LocalFiles.serverInEnv(secrets);
        Optional<Operation> named = namedTarget(inv, targets, true).map(op -> placedByArguments(inv, op, words, targets));
        if (server.isEmpty() || targets.isEmpty()) {
            return named;
        }
        return Optional.of(named.map(Operation::toBuilder).orElseGet(() -> Operation.builder("earthly", Verb.EXECUTE)
                        .resource("target", targets.getFirst()).confidence(Confidence.INFERRED).evidence(inv.evidence()))
                .locator("host", server.get())
                .note("earthly +" + targets.getFirst() + " runs with a secret that names the server " + server.get()).build());
    }

    private static List<String> secretNames(ParsedArgs p) {
        List<String> out = new ArrayList<>(p.flags().getOrDefault("--secret", List.of()));
        out.addAll(p.flags().getOrDefault("-s", List.of()));
        return out;
    }

    /** Variables a deploy recipe commonly reads for its environment ({@code make deploy ENV=dev}). */
    private static final Set<String> ENVIRONMENT_VARIABLES = Set.of("ENV", "ENVIRONMENT", "STAGE", "TARGET_ENV", "DEPLOY_ENV",
            "APP_ENV", "TIER", "TARGET", "DEPLOY_TARGET", "DEPLOY_ENVIRONMENT");

    /**
     * A deployment target with no environment in its name, placed by the environment its arguments give the recipe:
     * {@code make deploy ENV=dev}, {@code task deploy STAGE=staging}, {@code just deploy dev} (a recipe's parameter).
     * A value no tier's word names is still an environment: the inventory places it, or it stays unknown.
     */
    private static Operation placedByArguments(Invocation inv, Operation op, List<String> words, List<String> targets) {
        if (op.verb() != Verb.UPDATE || op.resource().locators().containsKey("environment")) {
            return op;
        }
        String environment = "";
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0 && ENVIRONMENT_VARIABLES.contains(w.substring(0, eq).toUpperCase(java.util.Locale.ROOT))) {
                environment = w.substring(eq + 1);
            }
        }
        int at = targets.indexOf(op.resource().name());
        if (environment.isEmpty() && inv.program().equals("just") && at >= 0 && at + 1 < targets.size()) {
            // just deploy dev: the words after a recipe are its parameters
            environment = targets.get(at + 1);
        }
        return environment.isEmpty() ? op : op.toBuilder().locator("environment", environment).build();
    }

    private static final Set<String> CARGO_MAKE_VALUED = Set.of("--profile", "-p", "-e", "--env", "--env-file", "--makefile",
            "-t", "--task", "--cwd", "-l", "--loglevel", "--output-format", "--output-file");

    /** just's and task's options that always take a value (make's: {@link MakeRules#VALUED}). */
    private static final Map<String, Set<String>> RUNNER_VALUED = Map.of(
            "just", Set.of("-f", "--justfile", "-d", "--working-directory", "--set", "--dotenv-filename", "--dotenv-path"),
            "task", Set.of("-t", "--taskfile", "-d", "--dir", "-o", "--output"),
            "earthly", EARTHLY_VALUED,
            "cargo-make", CARGO_MAKE_VALUED, "makers", CARGO_MAKE_VALUED);

    /** Code formatters and linters, whose tasks only rewrite the workspace's sources ({@code spotlessApply}, {@code ktlintFormat}). */
    private static final Set<String> FORMATTERS = Set.of("spotless", "ktlint", "ktfmt", "detekt", "prettier", "eslint", "scalafmt",
            "scalafix", "rubocop", "black", "ruff", "gofmt", "rustfmt", "clang", "googlejavaformat", "fmt", "format", "lint", "stylelint");

    /** Development tiers' words that place a deployment named for them; test and preview words say too little. */
    private static final Set<String> DEVELOPMENT = Set.of("dev", "development", "sandbox", "qa");

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
            // deploy:dev, deploy-sandbox: a development word places the target, but alone it is no action (make dev)
            String development = environment.isEmpty()
                    ? parts.stream().map(String::toLowerCase).filter(DEVELOPMENT::contains).findFirst().orElse("") : "";
            Verb verb = null;
            for (String part : parts.subList(1, parts.size())) {
                verb = verb != null ? verb : CommandWords.destructive(part);
            }
            // spotlessApply, ktlint-apply: a formatter's "apply" rewrites the sources here; it deploys nothing
            boolean formats = parts.stream().anyMatch(p -> FORMATTERS.contains(p.toLowerCase(java.util.Locale.ROOT)));
            boolean publishes = parts.stream().anyMatch(p -> KnownPrograms.PUBLISH.contains(p) || !formats && (p.equals("apply") || p.equals("rollout")));
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
            if (!environment.isEmpty() || !development.isEmpty()) {
                b.locator("environment", environment.isEmpty() ? development : environment);
            }
            return Optional.of(b.build());
        }
        return Optional.empty();
    }
}
