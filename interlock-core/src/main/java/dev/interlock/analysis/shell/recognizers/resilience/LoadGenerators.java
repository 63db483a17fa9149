package dev.interlock.analysis.shell.recognizers.resilience;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Load generators ({@code k6 run}, {@code vegeta attack}, {@code ab}, {@code hey}, {@code wrk}, {@code oha},
 * {@code bombardier}, {@code locust --headless}, {@code artillery run}, {@code jmeter -n}, Gatling, …) send as much traffic
 * as they can to one service: enough to take it down, and every POST writes. A load test is a change to its target, so it
 * is placed where its requests go: the URL on the command line, targets piped in, the server its script's variables or
 * the tool's properties name, else the tier word in its targets file's, script's or environment's name. Against this
 * machine, dev or staging it is routine; against production it needs a human. A test whose target cannot be seen is left
 * to the fallback, as any local program; report, inspect and version commands send nothing.
 *
 * <p>Each tool: the subcommands that send load (none: the program itself), the flags naming the target, whether
 * operands are targets, the flags carrying {@code NAME=value} properties, the flags naming a targets file, script or
 * environment, the flags one of which must be given for the test to start now (Locust and JMeter otherwise open a UI),
 * whether targets or the script can come on standard input, whether a script reads its server from the environment,
 * and the other flags taking a value.
 */
public final class LoadGenerators implements Recognizer {

    private record Tool(Set<String> runs, Set<String> target, boolean operands, Set<String> properties, Set<String> named,
                        Set<String> starts, boolean stdin, boolean scripted, Set<String> valued) {
    }

    private static final Set<String> NONE = Set.of();

    /** ab, hey, wrk, oha, bombardier and their kin: options, then the URL. */
    private static Tool operands(String... valued) {
        return new Tool(NONE, NONE, true, NONE, NONE, NONE, false, false, Set.of(valued));
    }

    private static final Map<String, Tool> TOOLS = Map.ofEntries(
            Map.entry("ab", operands("-n", "-c", "-t", "-s", "-b", "-B", "-p", "-u", "-T", "-v", "-x", "-y", "-z", "-C", "-H",
                    "-P", "-X", "-A", "-g", "-e", "-m", "-f", "-E")),
            Map.entry("hey", operands("-n", "-c", "-q", "-z", "-o", "-m", "-H", "-t", "-A", "-d", "-D", "-T", "-a", "-x",
                    "-host", "-cpus")),
            Map.entry("wrk", operands("-c", "-d", "-t", "-s", "-H", "--connections", "--duration", "--threads", "--script",
                    "--header", "--timeout")),
            Map.entry("wrk2", operands("-c", "-d", "-t", "-s", "-H", "-R", "--connections", "--duration", "--threads",
                    "--script", "--header", "--timeout", "--rate")),
            Map.entry("oha", operands("-n", "-c", "-z", "-q", "-m", "-H", "-d", "-D", "-T", "-a", "-t", "-p", "-x",
                    "--burst-delay", "--burst-rate", "--host", "--http-version", "--latency-correction", "--connect-to", "-o",
                    "--output-format", "--db-url")),
            Map.entry("bombardier", operands("-c", "-n", "-d", "-r", "-m", "-b", "-f", "-H", "-t", "-o", "-p", "-l",
                    "--connections", "--requests", "--duration", "--rate", "--method", "--body", "--body-file", "--header",
                    "--timeout", "--format", "--print", "--cert", "--key")),
            Map.entry("siege", new Tool(NONE, NONE, true, NONE, Set.of("-f", "--file"), NONE, false, false,
                    Set.of("-c", "--concurrent", "-r", "--reps", "-t", "--time", "-d", "--delay", "-H", "--header", "-A",
                            "--user-agent", "-l", "--log", "-R", "--rc", "-T", "--content-type"))),
            Map.entry("h2load", operands("-n", "-c", "-t", "-m", "-w", "-W", "-H", "-d", "-D", "-r", "-T", "-N", "-i",
                    "--requests", "--clients", "--threads", "--max-concurrent-streams", "--header", "--data", "--duration",
                    "--rate", "--input-file", "--header-table-size", "--warm-up-time")),
            Map.entry("autocannon", operands("-c", "-p", "-d", "-a", "-m", "-b", "-i", "-H", "-t", "-R", "-w", "-W",
                    "--connections", "--pipelining", "--duration", "--amount", "--method", "--body", "--input", "--headers",
                    "--timeout", "--overallRate", "--connectionRate", "--workers", "--warmup")),
            Map.entry("plow", operands("-c", "-n", "-d", "-m", "-H", "-b", "--concurrency", "--requests", "--duration",
                    "--method", "--header", "--body", "--rate", "--listen", "--timeout")),
            Map.entry("ghz", operands("--call", "--proto", "--protoset", "-d", "--data", "-D", "--data-file", "-m",
                    "--metadata", "-n", "--total", "-c", "--concurrency", "-z", "--duration", "-r", "--rps", "-o",
                    "--output", "-O", "--format", "-i", "--import-paths", "--cacert", "--cert", "--key", "--name", "-x",
                    "--timeout", "--connections", "--tags")),
            Map.entry("fortio", new Tool(Set.of("load"), NONE, true, NONE, NONE, NONE, false, false, Set.of("-qps", "-c",
                    "-n", "-t", "-H", "-payload", "-payload-file", "-json", "-labels", "-a", "-p", "-r", "-content-type"))),
            Map.entry("ddosify", new Tool(NONE, Set.of("-t"), false, NONE, Set.of("-config"), NONE, false, false,
                    Set.of("-n", "-d", "-l", "-m", "-b", "-h", "-T", "-P", "-o", "-a"))),
            Map.entry("cassowary", new Tool(Set.of("run"), Set.of("-u"), false, NONE, Set.of("-f"), NONE, false, false,
                    Set.of("-c", "-n", "-d", "-H", "--duration", "--timeout", "--postfile", "--putfile", "--data"))),
            Map.entry("k6", new Tool(Set.of("run", "cloud"), NONE, false, Set.of("-e", "--env"), NONE, NONE, true, true,
                    Set.of("-u", "--vus", "-d", "--duration", "-i", "--iterations", "-s", "--stage", "-o", "--out", "-c",
                            "--config", "--tag", "--summary-export", "--log-output", "--console-output", "-a", "--address",
                            "--rps", "--user-agent", "--http-debug", "--execution-segment", "-q", "--project-id"))),
            Map.entry("vegeta", new Tool(Set.of("attack"), NONE, false, NONE, Set.of("-targets"), NONE, true, false,
                    Set.of("-rate", "-duration", "-body", "-header", "-workers", "-max-workers", "-connections",
                            "-max-connections", "-timeout", "-output", "-format", "-name", "-cert", "-key", "-root-certs",
                            "-laddr", "-redirects", "-max-body", "-resolvers", "-unix-socket", "-proxy-header", "-dns-ttl"))),
            Map.entry("locust", new Tool(NONE, Set.of("-H", "--host"), false, NONE, Set.of("-f", "--locustfile", "--config"),
                    Set.of("--headless", "--autostart"), false, true, Set.of("-u", "--users", "-r", "--spawn-rate", "-t",
                            "--run-time", "--csv", "--html", "-L", "--loglevel", "--logfile", "-T", "--tags", "-E",
                            "--exclude-tags", "--master-host", "--master-port", "--web-host", "-P", "--web-port",
                            "--processes", "--expect-workers", "--stop-timeout", "--reset-stats"))),
            Map.entry("artillery", new Tool(Set.of("run", "quick", "run-fargate", "run-lambda", "run-aci"), Set.of("-t",
                    "--target"), true, NONE, Set.of("-e", "--environment", "-c", "--config"), NONE, false, true,
                    Set.of("-o", "--output", "-v", "--variables", "--overrides", "-k", "--count", "-n", "--num", "-r",
                            "--rate", "--region", "--record", "--key", "--tags", "--note", "--name", "--dotenv",
                            "--scenario-name"))),
            Map.entry("jmeter", new Tool(NONE, NONE, false, Set.of("-J", "-D", "-G"), Set.of("-t", "--testfile", "-q",
                    "--addprop", "-p", "--propfile"), Set.of("-n", "--nongui"), false, true, Set.of("-l", "--logfile", "-j",
                    "--jmeterlogfile", "-o", "--reportoutputfolder", "-H", "--proxyHost", "-P", "--proxyPort", "-R",
                    "--remotestart", "-L", "--loglevel", "-d", "--homedir", "-i", "--jmeterlogconf"))),
            Map.entry("gatling", new Tool(Set.of(), NONE, false, NONE, Set.of("-s", "--simulation"), NONE, false, true,
                    Set.of("-rf", "--results-folder", "-rd", "--run-description", "-rm", "--run-mode", "-bm",
                            "--batch-mode", "-sf", "--simulations-folder")))
    );
    /** {@code k6 cloud login}, {@code k6 cloud upload}: an account's chores, no test run. */
    private static final Set<String> ACCOUNT = Set.of("login", "logout", "upload");
    /** The same programs under their launchers' names. */
    private static final Map<String, String> ALIASES = Map.of("gatling.sh", "gatling", "jmeter.sh", "jmeter",
            "hey_linux_amd64", "hey");

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(TOOLS.keySet());
        all.addAll(ALIASES.keySet());
        return all;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = ALIASES.getOrDefault(inv.program(), inv.program());
        Tool tool = TOOLS.get(program);
        Set<String> valued = new HashSet<>(tool.valued());
        Stream.of(tool.target(), tool.properties(), tool.named()).forEach(valued::addAll);
        ParsedArgs p = inv.parse(valued);
        List<String> words = p.words();
        boolean runs = tool.runs().isEmpty() || !words.isEmpty() && tool.runs().contains(words.getFirst());
        boolean starts = tool.starts().isEmpty() || tool.starts().stream().anyMatch(p::has);
        List<String> operands = runs ? words.subList(tool.runs().isEmpty() ? 0 : 1, words.size()) : List.of();
        boolean help = p.has("--help", "--version") || p.has("-h") && !valued.contains("-h");
        if (!runs || !starts || help || !operands.isEmpty() && ACCOUNT.contains(operands.getFirst())) {
            return fallback(inv, nested);
        }
        List<String> targets = new ArrayList<>();
        tool.target().forEach(f -> targets.addAll(p.flags().getOrDefault(f, List.of())));
        if (tool.operands()) {
            operands.stream().filter(LoadTargets::target).forEach(targets::add);
        }
        if (program.equals("artillery")) {
            // --overrides and --variables are JSON that can set the target
            p.value("--overrides", "-v", "--variables").ifPresent(json -> targets.addAll(LoadTargets.urls(json)));
        }
        String source = "its command line";
        if (targets.stream().map(Hosts::of).allMatch(String::isEmpty) && tool.stdin() && inv.stdin().isPresent()) {
            targets.addAll(LoadTargets.urls(inv.stdin().get()));
            source = "the targets it reads on standard input";
        }
        Optional<String> host = LoadTargets.host(targets);
        if (host.isEmpty() && tool.scripted()) {
            host = LocalFiles.serverInEnv(variables(inv, tool, p)).or(() -> LocalFiles.serverInEnv(inv.env()));
            source = "the server its script's variables or properties name";
        }
        Optional<Named> named = host.isPresent() ? Optional.empty() : namedEnvironment(tool, p, operands);
        if (host.isEmpty() && named.isEmpty()) {
            return fallback(inv, nested);
        }
        String target = host.orElseGet(() -> named.get().name());
        Operation.Builder b = Operation.builder("network", Verb.UPDATE).resource("service", target).scope(Scope.ONE)
                .reversible(false).confidence(host.isPresent() ? Confidence.EXACT : Confidence.INFERRED)
                .evidence(inv.evidence())
                .note(program + " sends load to " + (host.isPresent() ? target + ", as " + source + " says"
                        : "the " + named.get().tier() + " environment " + target + " names")
                        + ": enough traffic takes a service down, and its writes are real");
        if (host.isPresent() && Hosts.loopback(host.get()) && inv.remote()) {
            // ssh web-prod-01 ab http://localhost/: the loaded service is the remote host's own
            inv.locators().forEach(b::locator);
        } else if (host.isPresent()) {
            b.locator("host", host.get());
        } else {
            b.locator("environment", named.get().tier());
        }
        return List.of(b.build());
    }

    /** Build tools whose plugins run load tests, with the flag that sets a property for the test. */
    private static final Map<String, Set<String>> BUILD_TOOLS = Map.of("mvn", Set.of("-D"), "mvnw", Set.of("-D"),
            "gradle", Set.of("-D", "-P"), "gradlew", Set.of("-D", "-P"), "sbt", Set.of("-D"));
    /**
     * The goals and tasks of the Gatling, JMeter and k6 plugins that run a simulation: {@code gatling:test},
     * {@code gatlingRun}, {@code gatlingRun-perf.Checkout}, {@code jmeter:jmeter}, {@code jmRun}, {@code k6Run},
     * sbt's {@code Gatling/test}.
     */
    private static final java.util.regex.Pattern BUILD_LOAD = java.util.regex.Pattern.compile(
            "(?i)gatling:(test|integration-test|enterprise-start)|gatlingRun(-.+)?|gatling/test(only)?|gatling-it/test|"
                    + "jmeter:jmeter|jmeter:e2e|jmRun|jmeterRun|k6Run|k6:run");

    /**
     * A build tool's load-test goal ({@code ./mvnw gatling:test -DbaseUrl=https://…}, {@code gradle gatlingRun
     * -Dtarget=…}): placed, as the load tools themselves are, by the server its properties (or the JVM options
     * variables) name. Empty when no load goal runs or no remote server is named: then it is a local build.
     */
    public static Optional<Operation> fromBuild(Invocation inv) {
        Set<String> flags = BUILD_TOOLS.get(inv.program());
        if (flags == null) {
            return Optional.empty();
        }
        Optional<String> goal = inv.words().stream().filter(w -> !w.startsWith("-") && BUILD_LOAD.matcher(w).matches()).findFirst();
        if (goal.isEmpty()) {
            return Optional.empty();
        }
        List<String> assignments = new ArrayList<>();
        for (String w : inv.words()) {
            flags.stream().filter(f -> w.startsWith(f) && w.length() > f.length()).findFirst()
                    .ifPresent(f -> assignments.add(w.substring(f.length())));
        }
        Stream.of("JAVA_OPTS", "JVM_ARGS", "JAVA_TOOL_OPTIONS", "MAVEN_OPTS", "GRADLE_OPTS", "SBT_OPTS")
                .map(v -> inv.env().getOrDefault(v, "")).forEach(o -> assignments.addAll(LoadTargets.systemProperties(o)));
        return LocalFiles.serverInEnv(LoadTargets.variables(assignments)).map(host -> Operation.builder("network", Verb.UPDATE)
                .resource("service", host).locator("host", host).scope(Scope.ONE).reversible(false).confidence(Confidence.INFERRED)
                .evidence(inv.evidence())
                .note(inv.program() + " " + goal.get() + " sends load to " + host + ", as its properties say: enough traffic "
                        + "takes a service down, and its writes are real").build());
    }

    /** Variables the script sees: the tool's {@code NAME=value} properties and JVM system properties. */
    private static Map<String, String> variables(Invocation inv, Tool tool, ParsedArgs p) {
        List<String> assignments = new ArrayList<>();
        tool.properties().forEach(f -> assignments.addAll(p.flags().getOrDefault(f, List.of())));
        Stream.of("JAVA_OPTS", "JVM_ARGS", "JAVA_TOOL_OPTIONS").map(v -> inv.env().getOrDefault(v, ""))
                .forEach(o -> assignments.addAll(LoadTargets.systemProperties(o)));
        return new HashMap<>(LoadTargets.variables(assignments));
    }

    /** A targets file, script or environment whose name has a tier word in it. */
    private record Named(String name, String tier) {
    }

    /** The tier word in a targets file's, script's or environment's name ({@code targets/prod.txt}, {@code -e production}). */
    private static Optional<Named> namedEnvironment(Tool tool, ParsedArgs p, List<String> operands) {
        List<String> names = new ArrayList<>();
        tool.named().forEach(f -> names.addAll(p.flags().getOrDefault(f, List.of())));
        if (tool.scripted()) {
            operands.stream().filter(o -> !LoadTargets.target(o)).forEach(names::add);
        }
        return names.stream().map(n -> new Named(n, DeploymentWords.tierOfName(n))).filter(n -> !n.tier().isEmpty()).findFirst();
    }

    private static List<Operation> fallback(Invocation inv, Nested nested) {
        return new UnrecognizedProgram().recognize(inv, nested);
    }
}
