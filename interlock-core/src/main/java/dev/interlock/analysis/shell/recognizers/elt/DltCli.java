package dev.interlock.analysis.shell.recognizers.elt;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * dlt's CLI. Scaffolding a pipeline, its schema and telemetry are local; a pipeline's info, trace, schema and failed
 * jobs read its working state; {@code pipeline NAME drop} deletes the named resources' tables and state in the
 * destination (all of them with {@code --drop-all}); {@code deploy} generates a scheduled CI or Airflow deployment that
 * runs the pipeline with the repository's secrets. The pipeline's name places it ({@code salesforce_prod}); its
 * destination is in its working state, not on the command line.
 */
final class DltCli {

    private DltCli() {
    }

    private static final Set<String> VALUED = Set.of("--schedule", "--location", "--branch", "--format", "--pipelines-dir",
            "--destination", "--secrets-format", "--state-paths", "--schema", "--resources", "--load-id");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "init schema telemetry", local("project"))
            .add("pipeline", "info show trace failed-jobs load-package schema list --list", read("pipeline"))
            .add("pipeline", "sync drop-pending-packages", local("pipeline"))
            .add("pipeline", "drop", delete("dataset").many().note("drops the resources' tables and state in the destination"))
            .add("", "deploy", update("deployment").note("schedules the pipeline to run in CI with the repository's secrets"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean pipeline = !words.isEmpty() && words.getFirst().equals("pipeline");
        // dlt pipeline NAME COMMAND: the command comes after the pipeline's name
        List<String> command = pipeline && words.size() > 2 ? List.of("pipeline", words.get(2)) : words;
        CommandTable.Act act = pipeline && words.size() <= 2 ? read("pipeline") : COMMANDS.findOrGuess(command, 2, "pipeline").act();
        if (act.type().equals("dataset") && p.has("--drop-all")) {
            act = act.all();
        }
        String name = words.size() > 1 ? words.get(1) : "";
        Operation.Builder b = act.operation(inv, "dlt", name);
        if (act.here()) {
            return List.of(b.build());
        }
        if (pipeline && !name.isEmpty()) {
            b.locator("environment", name);
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
