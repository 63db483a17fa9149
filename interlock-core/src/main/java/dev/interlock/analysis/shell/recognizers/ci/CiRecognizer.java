package dev.interlock.analysis.shell.recognizers.ci;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.EnvironmentVariables;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CI/CD systems' CLIs, judged by their commands ({@link CiCommands}). A command the table lists acts on the CI server
 * (or, marked local, on this machine); a run of a build or pipeline and a deployment land where their target says
 * ({@link CiRuns}): a feature branch's build is routine, one whose job, pipeline or parameters name production is not.
 */
public final class CiRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return CiCommands.CLIS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("fly") && !concourse(inv)) {
            return dev.interlock.analysis.shell.recognizers.hosting.HostingRecognizer.onAppMachine(inv, nested)
                    .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
        }
        return of(CiCommands.CLIS.get(inv.program()), inv).map(List::of)
                .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /** GitLab's pipelines and schedules ({@code glab ci trigger}), for the glab recognizer to ask first. */
    public static Optional<Operation> gitlab(Invocation inv) {
        return of(CiCommands.GITLAB, inv);
    }

    /** Concourse's fly always names its target and takes its command's arguments as flags; Fly.io's fly does neither. */
    private static boolean concourse(Invocation inv) {
        ParsedArgs p = inv.parse(CiCommands.CONCOURSE.valued());
        return p.has("-t", "--target") && p.words().size() == 1;
    }

    private static Optional<Operation> of(CiCommands.Cli cli, Invocation inv) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") && words.size() == 1) {
            return Optional.empty();
        }
        ParsedArgs p = inv.parse(cli.valued());
        Optional<CommandTable.Found> found = cli.commands().find(p.words());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommandTable.Act act = found.get().act();
        if (act.verb() != dev.interlock.model.Verb.READ && p.has("--dry-run")) {
            // buildkite-agent pipeline upload --dry-run, argo submit --dry-run, tkn … --dry-run: printed, not sent
            act = CommandTable.read(act.type()).note("--dry-run only prints what it would do");
        }
        if (act.verb().destructive() && p.has("--all", "-A", "--all-namespaces")) {
            act = act.all();
        }
        int n = found.get().words();
        String name = p.words().size() > n ? p.words().get(n) : p.value("--name", "--job", "-j", "--pipeline").orElse("");
        Operation.Builder b = act.operation(inv, cli.system(), name);
        if (act.here()) {
            return Optional.of(b.build());
        }
        // where the command acts: the namespace or context it names, the CI server, a deployment environment in its operands
        p.value("-n", "--namespace").ifPresent(ns -> b.locator("namespace", ns));
        p.value("--context", "--kube-context").ifPresent(c -> b.locator("context", c));
        cli.server().flags().stream().flatMap(f -> p.flags().getOrDefault(f, List.of()).stream())
                .filter(CiRecognizer::serverAddress).findFirst()
                .or(() -> cli.server().variable(inv))
                .map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> b.locator("host", h));
        // fly -t ci: the target whose server a login earlier in the line named (CarriedContext)
        p.value("-t", "--target").filter(t -> cli == CiCommands.CONCOURSE).ifPresent(t -> b.locator("target", t));
        Optional<String> environment = environmentFlag(cli, p).or(() -> LocalFiles.namedEnvironment(inv));
        environment.ifPresent(e -> b.locator("environment", e));
        String command = found.get().command();
        if (environment.isEmpty() && cli.runs().runs(command)) {
            Optional<String> branch = cli.runs().branches().stream().map(p::value).flatMap(Optional::stream).findFirst();
            CiRuns.place(b, operands(cli, p, n), branch, cli.runs().deploys().contains(command));
        }
        EnvironmentVariables.locators(cli.system(), inv.env()).forEach(b::locator);
        return Optional.of(b.build());
    }

    /**
     * A server's address: a URL, a host name, or this machine by name and port ({@code localhost:2746}); not a file that
     * shares the flag ({@code fly set-pipeline -c pipeline.yml} is the pipeline's config, {@code fly login -c URL} the server).
     */
    private static boolean serverAddress(String v) {
        if (v.startsWith("-")) {
            return false;
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        boolean file = !lower.contains("://") && (lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json")
                || lower.endsWith(".jsonnet") || lower.endsWith(".xml") || lower.endsWith(".groovy"));
        return !file && (v.contains("://") || v.contains(".") || Hosts.loopback(Hosts.of(v)));
    }

    /** {@code --environment Development}, {@code --deployTo Production}: the environment a deploy lands in, whatever its name. */
    private static Optional<String> environmentFlag(CiCommands.Cli cli, ParsedArgs p) {
        List<String> values = p.flags().entrySet().stream()
                .filter(f -> cli.runs().environments().contains(f.getKey().toLowerCase(java.util.Locale.ROOT)))
                .flatMap(f -> f.getValue().stream()).filter(v -> !v.isEmpty()).toList();
        return values.stream().filter(DeploymentWords::named).findFirst().or(() -> values.stream().findFirst());
    }

    /** What a run names: its positionals after the command and its flags' values, the CI server and target aside. */
    private static List<String> operands(CiCommands.Cli cli, ParsedArgs p, int command) {
        List<String> operands = new java.util.ArrayList<>(p.words().subList(Math.min(command, p.words().size()), p.words().size()));
        p.flags().forEach((flag, values) -> {
            if (!cli.server().flags().contains(flag) && !flag.equals("-t") && !flag.equals("--target")) {
                operands.addAll(values);
            }
        });
        return operands;
    }
}
