package dev.interlock.analysis.shell.recognizers.elt;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Estuary's {@code flowctl}. Listing, status, history, logs, stats and catalog tests only look; reading a collection
 * prints its documents (rows: written to a file here they are a copy); drafts are a reviewer's staging area; publishing
 * a catalog or draft deploys its captures, collections and materializations to the live data plane; deleting a prefix
 * deletes them. Where: the catalog names ({@code acmeCo/prod/…}) and the spec file's directory ({@code prod/flow.yaml}).
 */
final class Flowctl {

    private Flowctl() {
    }

    private static final Set<String> VALUED = Set.of("--source", "--prefix", "--name", "--collection", "--profile",
            "--output", "-o", "--since", "--bytes", "--spec-type", "--data-plane", "--default-data-plane", "--init-data-plane",
            "--target", "--role", "--subject", "--object", "--capability", "--task", "--id", "--draft");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("catalog", "list status history pull-specs test", read("catalog"))
            .add("catalog", "draft", local("draft"))
            .add("catalog", "publish", update("catalog").many().note("deploys the specs to the live data plane"))
            .add("catalog", "delete", delete("catalog").many().note("deletes the captures, collections and materializations"))
            .add("collections", "list list-journals list-fragments", read("collection"))
            .add("collections", "read", read(DatabaseOps.ITEMS).note("prints the collection's documents"))
            .add("draft", "list select create author develop test delete", local("draft"))
            .add("draft", "publish", update("catalog").many().note("deploys the draft's specs to the live data plane"))
            .add("auth", "login roles", read("access"))
            .add("auth", "token", credential("token"))
            .add("auth roles", "grant revoke", grant("access"))
            .add("", "logs stats", read("task"))
            .add("", "preview generate config", local("catalog"))
            .add("raw", "get", read("catalog"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Act act = COMMANDS.findOrGuess(words, 2, "catalog").act();
        String name = p.value("--collection", "--prefix", "--name", "--task", "--source").orElse("");
        if (act.type().equals("catalog") && act.verb() == Verb.DELETE && !p.has("--prefix", "--name")) {
            act = act.all();
        }
        Operation.Builder b = act.operation(inv, "estuary", name);
        if (act.here()) {
            return List.of(b.build());
        }
        p.value("--collection", "--prefix", "--name", "--task").ifPresent(v -> b.locator("namespace", v));
        p.value("--source").filter(s -> !s.contains("://"))
                .flatMap(s -> IacArgs.environmentOfPath(inv.workspace().resolve(s))).ifPresent(e -> b.locator("environment", e));
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
