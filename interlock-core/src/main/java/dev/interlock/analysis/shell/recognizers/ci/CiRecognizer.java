package dev.interlock.analysis.shell.recognizers.ci;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
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
 * (or, marked local, on this machine); a run of a build or pipeline is not listed and is judged by its words as any
 * unfamiliar CLI is: a branch's build is routine, one whose pipeline or parameters name production is not.
 */
public final class CiRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return CiCommands.CLIS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return of(CiCommands.CLIS.get(inv.program()), inv).map(List::of)
                .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /** GitLab's pipelines and schedules ({@code glab ci trigger}), for the glab recognizer to ask first. */
    public static Optional<Operation> gitlab(Invocation inv) {
        return of(CiCommands.GITLAB, inv);
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
        if (act.verb().destructive() && p.has("--all", "-A", "--all-namespaces")) {
            act = act.all();
        }
        int n = found.get().words();
        String name = p.words().size() > n ? p.words().get(n) : p.value("--name").orElse("");
        Operation.Builder b = act.operation(inv, cli.system(), name);
        if (act.here()) {
            return Optional.of(b.build());
        }
        // where the command acts: the namespace or context it names, the CI server, a deployment environment in its operands
        p.value("-n", "--namespace").ifPresent(ns -> b.locator("namespace", ns));
        p.value("--context", "--kube-context").ifPresent(c -> b.locator("context", c));
        cli.server().flags().stream().flatMap(f -> p.flags().getOrDefault(f, List.of()).stream())
                .filter(v -> !v.startsWith("-") && (v.contains("://") || v.contains("."))).findFirst()
                .or(() -> cli.server().variable(inv))
                .map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> b.locator("host", h));
        LocalFiles.namedEnvironment(inv).ifPresent(e -> b.locator("environment", e));
        EnvironmentVariables.locators(cli.system(), inv.env()).forEach(b::locator);
        return Optional.of(b.build());
    }
}
