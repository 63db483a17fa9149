package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Weights &amp; Biases' CLI, {@code wandb}: its artifacts. Getting and listing them read; {@code artifact put} uploads
 * the local files (a dataset, a model) to W&amp;B, a third party: they leave this machine. Clearing the artifact cache
 * only touches this machine. Other commands are judged as before.
 */
final class Wandb {

    private Wandb() {
    }

    private static final Set<String> VALUED = Set.of("-n", "--name", "-t", "--type", "-d", "--description", "-a",
            "--alias", "--root", "--entity", "-e", "--project", "-p");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("artifact", "get ls", read("artifact"))
            .add("artifact", "put", new CommandTable.Act(Verb.TRANSFER, "artifact", false, false, Scope.MANY,
                    "uploads the files to Weights & Biases as an artifact: they leave this machine"))
            .add("artifact cache", "cleanup", local("cache"))
            .build();

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        return COMMANDS.find(words).map(found -> found.act().operation(inv, "wandb",
                p.value("-n", "--name").orElse(found.name(words))).build());
    }
}
