package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.AppliedScripts;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build tools' verbs that run the project's own program rather than build or test it ({@code go run ./cmd/cleanup},
 * {@code cargo run}, {@code mvn spring-boot:run}, {@code npm start}, {@code tsx script.ts}): code Interlock does not
 * read, like a script run by path — local work on a developer's machine, but on a machine the request declares prod or
 * staging it runs there, with that machine's credentials, so it takes that environment.
 */
public final class ProjectRuns {

    private ProjectRuns() {
    }

    private static final Set<String> GRADLE_RUNS = Set.of("run", "bootRun", "quarkusDev", "appRun");
    private static final Set<String> MAVEN_RUNS = Set.of("exec:java", "exec:exec", "spring-boot:run", "quarkus:dev", "jetty:run", "tomcat7:run");
    /** The package managers, whose {@code start} runs a package.json script when one is in view (read there first). */
    static final Set<String> NODE = Set.of("npm", "pnpm", "yarn");

    /** Program → the first words (subcommand, goal or task) that run the project's program. */
    private static final Map<String, Set<String>> RUN_VERBS = Map.ofEntries(
            Map.entry("go", Set.of("run")),
            Map.entry("cargo", Set.of("run")),
            Map.entry("dotnet", Set.of("run", "watch")),
            Map.entry("gradle", GRADLE_RUNS),
            Map.entry("gradlew", GRADLE_RUNS),
            Map.entry("mvn", MAVEN_RUNS),
            Map.entry("mvnw", MAVEN_RUNS),
            Map.entry("sbt", Set.of("run", "runMain")),
            Map.entry("lein", Set.of("run")),
            Map.entry("swift", Set.of("run")),
            Map.entry("stack", Set.of("run", "exec")),
            Map.entry("cabal", Set.of("run", "exec")),
            Map.entry("dart", Set.of("run")),
            Map.entry("mix", Set.of("run", "phx.server", "app.start")),
            Map.entry("bazel", Set.of("run")),
            Map.entry("bazelisk", Set.of("run")),
            Map.entry("npm", Set.of("start")),
            Map.entry("pnpm", Set.of("start")),
            Map.entry("yarn", Set.of("start")));

    /** Programs that run the source file they are given ({@code tsx scripts/purge.ts}). */
    private static final Set<String> FILE_RUNNERS = Set.of("ts-node", "tsx", "kotlin", "scala", "elixir", "java", "jshell",
            "jbang");
    /** jbang's subcommands that print about a script or jbang itself, and run nothing. */
    private static final Set<String> JBANG_READS = Set.of("info", "version", "catalog", "alias", "template", "completion", "jdk");
    /**
     * The program arguments a build tool passes on in one word: {@code -Dexec.args="--env prod"}, gradle's {@code --args=…},
     * the Spring Boot plugin's program and JVM arguments ({@code -Dspring-boot.run.jvmArguments="-Dspring.profiles.active=prod"}).
     */
    private static final List<String> PASSED_ARGS = List.of("-Dexec.args=", "--args=", "-Dspring-boot.run.arguments=",
            "-Dspring-boot.run.jvmArguments=");

    /** A program's own option that names the server it talks to ({@code --bootstrap}, {@code --brokers}, {@code --host}). */
    private static final java.util.regex.Pattern SERVER_FLAG = java.util.regex.Pattern.compile(
            "--(bootstrap(-servers?)?|brokers?|host|server|endpoint|url|jdbc-url)");

    /** Options of these tools that take a value (so that the value is not read as the verb). */
    private static final Set<String> VALUED = Set.of("-C", "-p", "--package", "--manifest-path", "--project", "-f", "--file",
            "-b", "--build-file", "-s", "--settings", "--prefix", "--filter", "-w", "--workspace", "--cwd", "-cp", "-classpath",
            "--class-path", "--dir", "-r", "--require", "--loader", "--import", "--deps", "--repos", "--java", "--main", "-m");

    /** The project's program run by {@code inv}, when it is one. */
    public static Optional<Operation> of(Invocation inv) {
        String program = inv.program();
        List<String> positionals = positionals(inv.args());
        Set<String> verbs = RUN_VERBS.get(program);
        if (verbs != null && !positionals.isEmpty() && verbs.contains(positionals.getFirst())) {
            return Optional.of(run(inv, program + " " + positionals.getFirst()));
        }
        if (verbs != null && positionals.size() > 1 && positionals.getFirst().equals("run") && verbs.contains(positionals.get(1))) {
            return Optional.of(run(inv, program + " run " + positionals.get(1))); // npm run start
        }
        if (program.equals("jbang") && !positionals.isEmpty() && JBANG_READS.contains(positionals.getFirst())) {
            return Optional.empty();
        }
        if (notebook(program, inv.words())) {
            return Optional.of(run(inv, program + " " + inv.words().stream().filter(w -> w.endsWith(".ipynb")).findFirst().orElse("")));
        }
        if (FILE_RUNNERS.contains(program) && !positionals.isEmpty() && !inv.words().contains("-version")
                && !inv.words().contains("--version")) {
            return Optional.of(run(inv, program + " " + positionals.getFirst()));
        }
        return Optional.empty();
    }

    /** {@code what} (a tool's command) runs the project's own program. */
    public static Operation run(Invocation inv, String what) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("script", what)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(what + " runs the project's own program (its code is not analyzed)");
        // the arguments the tool hands the program place it as the program's own would (--env prod, a JDBC URL)
        List<Arg> passed = passedArgs(inv.args());
        if (FILE_RUNNERS.contains(inv.program())) {
            // a source file run directly gets the words after it (jbang DeleteTopics.java --bootstrap b-1.msk-prod…:9098)
            passed.addAll(inv.args());
        }
        return placed(inv, b, passed, what, true).orElseGet(() -> LocalFiles.local(inv, b, "the project's program on this machine")).build();
    }

    /**
     * Where code Interlock does not read acts, when its run names somewhere: the server its variables send it to, the
     * production identity it holds (when {@code byIdentity}), a server or environment in the words handed to it
     * ({@code passed}), or an environment on the command line. Empty when nothing does: a run on this machine.
     */
    public static Optional<Operation.Builder> placed(Invocation inv, Operation.Builder b, List<Arg> passed, String what,
                                                     boolean byIdentity) {
        // like a script by path: code Interlock cannot read goes where its variables send it (KAFKA_BOOTSTRAP=kafka-prod-1…)
        Optional<String> server = LocalFiles.serverInEnv(inv.env());
        if (server.isPresent()) {
            return Optional.of(b.locator("host", server.get()));
        }
        // and where its cloud or cluster credentials send it (KUBECONFIG=~/.kube/prod-eu-1.yaml, AWS_PROFILE=prod): the
        // SDKs inside read those variables as the CLIs do
        Optional<AppliedScripts.Identity> identity = byIdentity ? AppliedScripts.productionIdentity(inv.env()) : Optional.empty();
        if (identity.isPresent()) {
            return Optional.of(b.locator(identity.get().locator(), identity.get().value())
                    .note(what + " runs the project's own program (its code is not analyzed) with " + identity.get().variable()
                            + "=" + identity.get().value() + " in its environment"));
        }
        Optional<String> host = java.util.stream.IntStream.range(0, passed.size())
                .mapToObj(i -> passed.get(i).value().contains("://") ? optionValue(passed.get(i).value())
                        : i > 0 && SERVER_FLAG.matcher(passed.get(i - 1).value()).matches() ? "tcp://" + passed.get(i).value().split(",")[0] : "")
                .filter(w -> !w.isEmpty())
                .map(dev.interlock.environment.Hosts::of)
                .filter(h -> Regex.matches(h, "[a-z0-9][a-z0-9.-]*[a-z0-9]") && !dev.interlock.environment.Hosts.loopback(h))
                .findFirst();
        if (host.isPresent()) {
            return Optional.of(b.locator("host", host.get()));
        }
        return LocalFiles.namedEnvironment(inv.env(), passed).or(() -> LocalFiles.namedEnvironment(inv))
                .map(named -> b.locator("environment", named));
    }

    /** {@code --database-url=postgres://…} → the URL; a word that is no option stays as it is. */
    private static String optionValue(String w) {
        return w.startsWith("-") && w.indexOf('=') > 0 ? w.substring(w.indexOf('=') + 1) : w;
    }

    /**
     * A notebook run unattended ({@code jupyter nbconvert --execute X.ipynb}, {@code jupyter execute}, {@code papermill}):
     * the project's code, like a script by path (its cells, when their text is in view, are judged too).
     */
    private static boolean notebook(String program, List<String> words) {
        return switch (program) {
            case "papermill", "jupyter-execute", "jupyter-nbconvert", "jupyter" -> dev.interlock.analysis.shell.Notebooks.executes(program, words)
                    && (!program.equals("papermill") && !program.equals("jupyter-execute") || words.stream().anyMatch(w -> w.endsWith(".ipynb")));
            default -> false;
        };
    }

    private static List<Arg> passedArgs(List<Arg> args) {
        List<Arg> out = new java.util.ArrayList<>();
        int dashes = args.stream().map(Arg::value).toList().indexOf("--");
        if (dashes >= 0) {
            out.addAll(args.subList(dashes + 1, args.size())); // cargo run -- …, bazel run //t -- …: the program's own words
        }
        for (Arg a : args) {
            for (String prefix : PASSED_ARGS) {
                if (a.value().startsWith(prefix)) {
                    for (String w : a.value().substring(prefix.length()).strip().split("\\s+")) {
                        out.add(Arg.of(w));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> positionals(List<Arg> args) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size() && out.size() < 2; i++) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                break;
            }
            if (w.startsWith("-")) {
                if (VALUED.contains(w)) {
                    i++;
                }
                continue;
            }
            out.add(Regex.before(w.strip(), "\\s+")); // sbt 'runMain app.Main': one word holds the task and its argument
        }
        return out;
    }
}
