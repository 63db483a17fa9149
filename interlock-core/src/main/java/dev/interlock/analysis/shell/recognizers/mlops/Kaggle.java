package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kaggle's CLI, {@code kaggle GROUP COMMAND}. Listing and downloading read; creating or versioning a dataset, model or
 * notebook uploads the local files to Kaggle (public or private, they leave this machine), as submitting to a
 * competition does; {@code init} only writes a metadata file here. Commands not listed are judged as before.
 */
final class Kaggle {

    private Kaggle() {
    }

    private static final Set<String> VALUED = Set.of("-p", "--path", "-d", "--dataset", "-c", "--competition", "-k",
            "--kernel", "-m", "--message", "-f", "--file", "--page-size", "--sort-by", "-s", "--search", "--user",
            "--file-type", "--license", "--tags", "--max-size", "--min-size", "--page-token", "--owner", "-r", "--dir-mode");

    private static CommandTable.Act upload(String type, String note) {
        return new CommandTable.Act(Verb.TRANSFER, type, false, false, Scope.MANY, note);
    }

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("competitions", "list files download leaderboard submissions", read("competition"))
            .add("competitions", "submit", upload("submission", "uploads a predictions file to a Kaggle competition"))
            .add("datasets", "list files download status metadata", read("dataset"))
            .add("datasets", "create version", upload("dataset", "uploads the local files as a Kaggle dataset: they leave this machine"))
            .add("datasets", "init", local("dataset"))
            .add("datasets", "delete", delete("dataset"))
            .add("kernels", "list files pull output status", read("kernel"))
            .add("kernels", "push", upload("kernel", "uploads the notebook to Kaggle, where it runs"))
            .add("kernels", "init", local("kernel"))
            .add("kernels", "delete", delete("kernel"))
            .add("models", "list get", read("model"))
            .add("models", "create update", upload("model", "uploads the model's metadata to Kaggle"))
            .add("models instances", "create update", upload("model", "uploads the model's files to Kaggle: they leave this machine"))
            .add("models instances versions", "create", upload("model", "uploads the model's files to Kaggle: they leave this machine"))
            .add("models", "init", local("model"))
            .add("models", "delete", delete("model"))
            .add("config", "view", read("configuration"))
            .add("config", "set unset", local("configuration"))
            .build();
    /** The CLI's one-letter groups. */
    private static final Map<String, String> SHORT = Map.of("c", "competitions", "d", "datasets", "k", "kernels", "m", "models");

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = new java.util.ArrayList<>(p.words());
        if (!words.isEmpty()) {
            words.set(0, SHORT.getOrDefault(words.getFirst(), words.getFirst()));
        }
        return COMMANDS.find(words).map(found -> {
            String name = p.value("-d", "--dataset", "-c", "--competition", "-k", "--kernel", "-p", "--path")
                    .orElse(found.name(words));
            return found.act().operation(inv, "kaggle", name).build();
        });
    }
}
