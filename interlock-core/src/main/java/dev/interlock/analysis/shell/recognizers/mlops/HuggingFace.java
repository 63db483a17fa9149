package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The Hugging Face Hub's CLI, {@code hf} (formerly {@code huggingface-cli}). Downloading, listing and the local cache
 * report read; uploading sends the files off this machine to a Hub repository; deleting a repository, its files, a
 * branch or a tag loses what others pull; {@code auth token} prints the access token. Cleaning the local cache
 * ({@code delete-cache}, {@code cache rm}) only touches this machine.
 */
final class HuggingFace {

    private HuggingFace() {
    }

    private static final Set<String> VALUED = Set.of("--repo-type", "--type", "--revision", "--include", "--exclude",
            "--local-dir", "--cache-dir", "--token", "--commit-message", "--commit-description", "--path-in-repo",
            "--every", "--num-workers", "--max-workers", "--dir", "--space-sdk", "--space_sdk", "--organization",
            "--format", "--message", "-m", "--search", "--author", "--filter", "--sort", "--limit", "--flavor", "--env",
            "-e", "--secrets", "-s", "--timeout", "--namespace", "--repository", "--vendor", "--region", "--instance-type",
            "--instance-size", "--accelerator", "--framework", "--task", "--new-name", "--token-name", "--tag", "-t");

    private static final CommandTable.Act UPLOAD = new CommandTable.Act(Verb.TRANSFER, "repo", false, false, Scope.MANY,
            "uploads local files to a Hugging Face Hub repository: they leave this machine");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "whoami env version", read("account"))
            .add("auth", "whoami list", read("account"))
            .add("auth", "token", credential("token").note("prints the Hugging Face access token"))
            .add("auth", "login logout switch", local("token"))
            .add("", "login logout", local("token"))
            .add("", "download", read("repo").note("downloads the repository's files to this machine"))
            .add("", "upload upload-large-folder lfs-multipart-upload", UPLOAD)
            .add("", "scan-cache", read("cache"))
            .add("cache", "scan ls verify", read("cache"))
            .add("", "delete-cache", local("cache"))
            .add("cache", "rm delete prune", local("cache"))
            .add("", "lfs-enable-largefiles", local("repository"))
            .add("repo", "list ls info", read("repo"))
            .add("repo", "create", create("repo"))
            .add("repo", "delete", delete("repo").note("deletes the repository and every file and revision in it"))
            .add("repo", "move settings update", update("repo"))
            .add("repo branch", "create", create("branch"))
            .add("repo branch", "delete", delete("branch"))
            .add("repo tag", "list", read("tag"))
            .add("repo tag", "create", create("tag"))
            .add("repo tag", "delete", delete("tag"))
            .add("repo-files", "delete", delete("file").note("deletes files from the repository's main branch"))
            .add("repos", "list ls", read("repo"))
            .add("", "tag", create("tag"))
            .add("jobs", "ps inspect logs stats hardware", read("job"))
            .add("jobs", "run uv", execute("job").note("runs code on Hugging Face's infrastructure"))
            .add("jobs", "cancel", update("job"))
            .add("endpoints", "list ls describe catalog", read("endpoint"))
            .add("endpoints", "deploy create", create("endpoint"))
            .add("endpoints", "update pause resume scale-to-zero", update("endpoint"))
            .add("endpoints", "delete", delete("endpoint"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.find(words).orElseGet(() -> words.isEmpty()
                ? new CommandTable.Found("", read("installation"), 0)
                : List.of("models", "datasets", "spaces", "papers", "collections").contains(words.getFirst())
                ? new CommandTable.Found(words.getFirst(), read("repo"), 1)
                : COMMANDS.findOrGuess(words, 2, "repo"));
        CommandTable.Act act = found.act();
        if (found.command().equals("tag")) {
            act = p.has("-l", "--list") ? read("tag") : p.has("-d", "--delete") ? delete("tag") : create("tag");
        }
        String name = found.name(words);
        return act.operation(inv, "huggingface", name).build();
    }
}
