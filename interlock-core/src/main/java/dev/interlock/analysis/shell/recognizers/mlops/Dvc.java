package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DVC's CLI, {@code dvc}. Status, diffs, metrics, params and listings read; adding, checking out, pulling, reproducing
 * and editing the project's configuration work in the workspace and its cache, as does {@code gc} on the local cache
 * and {@code push}, which only adds content-addressed objects to the remote. Two commands delete what the whole team
 * shares: {@code gc -c/--cloud} removes every remote object the kept revisions do not use, and {@code exp remove
 * -g/--git-remote} deletes experiment refs from the git remote. The remote is {@code -r/--remote} (else the project's
 * default); a deployment word in its name places it.
 */
final class Dvc {

    private Dvc() {
    }

    private static final Set<String> VALUED = Set.of("-r", "--remote", "-j", "--jobs", "-o", "--out", "--rev",
            "-n", "--name", "--type", "-g", "--git-remote", "-p", "--projects", "--date", "--num", "-d", "--deps",
            "--file", "-M", "--metrics", "--params", "--targets", "-t", "--temp-dir", "--queue", "--message", "-m",
            "--set-param", "-S", "--template", "-x", "-y", "--precision", "--sort-by", "--drop", "--keep");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "status diff list ls ls-url dag doctor version check-ignore root du", read("data"))
            .add("metrics", "show diff", read("metrics"))
            .add("params", "diff", read("params"))
            .add("plots", "show diff templates", read("plots"))
            .add("data", "status", read("data"))
            .add("exp", "show list diff", read("experiment"))
            .add("remote", "list", read("configuration"))
            .add("cache", "dir", read("cache"))
            .add("", "add commit checkout pull fetch get get-url import import-url update repro run move remove "
                    + "unprotect install init destroy freeze unfreeze config gc push", local("workspace"))
            .add("exp", "run apply branch save clean pull remove rm push", local("experiment"))
            .add("stage", "add list", local("stage"))
            .add("remote", "add modify remove default rename", local("configuration"))
            .add("cache", "migrate", local("cache"))
            .add("queue", "start stop status logs remove kill", local("experiment"))
            .add("plots", "modify", local("plots"))
            .add("artifacts", "get", read("artifact"))
            .add("studio", "login logout token", local("token"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "workspace");
        CommandTable.Act act = found.act();
        Optional<String> remote = p.value("-r", "--remote");
        String name = found.name(words);
        if (found.command().equals("gc") && p.has("-c", "--cloud")) {
            act = delete("objects").many().note("deletes from the remote every object the kept revisions do not use");
            name = remote.orElse("default remote");
        } else if (found.command().matches("exp (remove|rm)") && p.has("-g", "--git-remote")) {
            act = delete("experiment").many().note("deletes experiment refs from the shared git remote");
            remote = p.value("-g", "--git-remote");
            name = remote.orElse("");
        } else if (found.command().equals("push") && remote.filter(DeploymentWords::named).isPresent()) {
            act = create("objects").note("uploads the workspace's tracked data to the remote");
            name = remote.get();
        }
        Operation.Builder b = act.operation(inv, "dvc", name);
        if (!act.here()) {
            remote.filter(DeploymentWords::named).ifPresent(r -> b.locator("environment", r));
        }
        return b.build();
    }
}
