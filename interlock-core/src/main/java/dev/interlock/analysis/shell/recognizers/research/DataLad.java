package dev.interlock.analysis.shell.recognizers.research;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DataLad's CLI, {@code datalad}. {@code status}, {@code diff}, {@code siblings}, {@code subdatasets}, {@code wtf} read;
 * {@code create}, {@code save}, {@code get}, {@code clone}, {@code install}, {@code update}, {@code unlock} and
 * {@code drop} (which first checks another copy exists) work in the dataset on this machine; {@code run} and
 * {@code containers-run} run their command here, judged as the caller's own. {@code push} sends the dataset to a
 * sibling and {@code create-sibling*} makes a repository on another host, placed by a tier word in the sibling's name;
 * {@code drop --from SIBLING} deletes a sibling's copies; {@code drop|remove --reckless kill} drops without checking
 * another copy exists (the only one may go); {@code credentials get} prints a stored secret.
 */
final class DataLad {

    private DataLad() {
    }

    private static final Set<String> VALUED = Set.of("-d", "--dataset", "-m", "--message", "-i", "--input", "-o",
            "--output", "-J", "--jobs", "-s", "--sibling", "--to", "--from", "--reckless", "--what", "-r", "--recursion-limit",
            "-R", "--since", "--data", "--expand", "--sidecar", "--explicit-only", "-c", "--cfg-proc", "--description",
            "-D", "--name", "--url", "--pushurl", "--as-common-datasrc", "--publish-depends", "--existing", "--mode",
            "--annex-wanted", "--annex-group", "--annex-groupwanted", "--inherit", "--action", "-e", "--eval-subdataset-procedures",
            "--credential", "--access-protocol", "--storage-sibling", "--dry-run", "--scope", "-f", "--output-format",
            "--report", "--annex", "--untracked", "--path", "--target-dir", "--shared", "--group", "--ui",
            "-l", "--log-level", "--container-name", "-n", "--assume-ready");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "status diff siblings subdatasets wtf ls search metadata meta-dump meta-extract check-dates "
                    + "containers-list no-annex clean-check schema", read("dataset"))
            .add("", "create save get clone install update unlock addurls download-url rerun export-archive "
                    + "export-to-figshare-local configuration run-procedure containers-add containers-remove "
                    + "uninstall drop remove unlock copy-file add-readme add-archive-content create-sibling-local "
                    + "foreach-dataset next-status tree", local("dataset"))
            .add("", "push publish", new CommandTable.Act(Verb.TRANSFER, "dataset", false, false, Scope.ONE,
                    "sends the dataset's history and annexed data to the sibling"))
            .add("", "create-sibling create-sibling-github create-sibling-gitlab create-sibling-gin create-sibling-gogs "
                    + "create-sibling-gitea create-sibling-ria create-sibling-webdav create-sibling-osf", create("repository")
                    .note("makes a repository for the dataset on another host"))
            .add("", "export-to-figshare", new CommandTable.Act(Verb.TRANSFER, "dataset", false, false, Scope.ONE,
                    "publishes the dataset's files to figshare"))
            .add("credentials", "query", read("credential"))
            .add("credentials", "get", credential("credential").note("prints a stored credential's secret"))
            .add("credentials", "set remove", local("credential"))
            .add("", "credentials", read("credential"))
            .build();

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || !words.getFirst().equals("run") && !words.getFirst().equals("containers-run")) {
            if (DatabaseOps.help(inv, "-h")) {
                return List.of();
            }
        } else {
            return run(inv, nested);
        }
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "dataset");
        CommandTable.Act act = found.act();
        String command = found.command();
        String name = found.name(words);
        Optional<String> sibling = p.value("--to", "--from", "-s", "--sibling", "--name");
        boolean reckless = p.value("--reckless").filter(r -> r.equals("kill")).isPresent();
        if ((command.equals("drop") || command.equals("remove") || command.equals("uninstall")) && p.has("--from")) {
            act = delete("annexed-data").many().note("drops the sibling's copies of the data");
        } else if ((command.equals("drop") || command.equals("remove")) && reckless) {
            act = delete("annexed-data").many().losesData().note("drops without checking another copy exists: the only one may be lost");
        }
        if (p.has("--dry-run") && act.verb() != Verb.READ) {
            act = read(act.type()).note("only shows what it would do");
        }
        if (act.here()) {
            return List.of(act.operation(inv, "datalad", name).build());
        }
        String target = sibling.orElse(name);
        String word = DeploymentWords.tierOfName(target);
        return List.of(act.placed(inv, "datalad", target, word.isEmpty() ? Map.of() : Map.of("environment", word),
                dev.interlock.model.Tier.UNKNOWN, ""));
    }

    /** {@code datalad run [OPTIONS] COMMAND…}: the command is run here, as the caller would run it. */
    private static List<Operation> run(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        List<String> command = new ArrayList<>();
        boolean started = false;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (!started) {
                if (w.equals("run") || w.equals("containers-run")) {
                    started = true;
                }
                continue;
            }
            if (command.isEmpty() && w.startsWith("-")) {
                if (w.equals("--dry-run") || w.startsWith("--dry-run=")) {
                    return List.of(read("dataset").note("only shows what it would run").operation(inv, "datalad", "").build());
                }
                if (w.equals("--")) {
                    command.addAll(args.subList(i + 1, args.size()).stream().map(Arg::value).toList());
                    break;
                }
                if (VALUED.contains(w) && !w.contains("=")) {
                    i++;
                }
                continue;
            }
            command.add(w);
        }
        if (command.isEmpty()) {
            return List.of(local("dataset").operation(inv, "datalad", "").build());
        }
        return nested.shell(String.join(" ", command), inv);
    }
}
