package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kedro. {@code kedro run} runs the project's pipeline: its nodes write the datasets of the catalog that the
 * configuration environment selects ({@code --env}/{@code -e}, or {@code KEDRO_ENV}). Without one Kedro reads
 * {@code conf/local}, the developer's own overrides, so a run in the developer's checkout is local work; a checkout named
 * for an environment ({@code /srv/pipelines-prod}) or an environment option naming one places the run there.
 * Scaffolding, listing and notebooks stay in the project.
 */
final class Kedro {

    private Kedro() {
    }

    private static final Set<String> VALUED = Set.of("-e", "--env", "-p", "--pipeline", "--pipelines", "-n", "--nodes",
            "--node-names", "-r", "--runner", "--from-nodes", "--to-nodes", "--from-inputs", "--to-outputs", "--tags", "-t",
            "--load-versions", "-lv", "--namespace", "--namespaces", "--config", "-c", "--conf-source", "--params",
            "--starter", "-s", "--checkout", "--directory", "--name", "--tools", "--example", "--only-missing-outputs");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "run", execute("pipeline").note("runs the pipeline's nodes: they write the datasets of the catalog"))
            .add("catalog", "list describe-datasets list-patterns resolve resolve-patterns rank", read("catalog"))
            .add("registry", "list describe", read("pipeline"))
            .add("", "info", read("installation"))
            .add("starter", "list", read("starter"))
            .add("", "new", local("project"))
            .add("pipeline", "create delete", local("project"))
            .add("micropkg", "package pull", local("project"))
            .add("", "package build-docs lint test jupyter ipython viz", local("project"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Act act = COMMANDS.findOrGuess(p.words(), 2, "pipeline").act();
        Operation.Builder b = act.operation(inv, "kedro", p.value("-p", "--pipeline", "--pipelines").orElse("__default__"));
        inv.locators().forEach(b::locator);
        if (act.here()) {
            return List.of(b.build());
        }
        Optional<String> env = p.value("-e", "--env").or(() -> Optional.ofNullable(inv.env().get("KEDRO_ENV")))
                .filter(e -> !e.isBlank());
        if (env.isPresent() && !env.get().equals("local")) {
            return List.of(b.locator("environment", env.get()).build());
        }
        Optional<String> placed = IacArgs.environmentOfPath(inv.workspace().dir());
        if (placed.isPresent()) {
            return List.of(b.locator("environment", placed.get()).build());
        }
        return List.of(LocalFiles.local(inv, b, env.isPresent() ? "--env local: the developer's own configuration (conf/local)"
                : "no --env: Kedro's default, the developer's own configuration (conf/local)").build());
    }
}
