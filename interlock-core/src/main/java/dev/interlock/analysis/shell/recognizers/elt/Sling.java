package dev.interlock.analysis.shell.recognizers.elt;

import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sling. Listing, testing and discovering connections only look (a schema's tables and columns are not its rows);
 * setting one edits {@code ~/.sling/env.yaml} here. {@code sling run} copies a source stream into a target object: the
 * source's rows are read out and now live wherever the target is ({@link SlingConnection}), a copy of them unless the
 * source is a file here; the target table is loaded, replaced by {@code full-refresh} (Sling's default mode) or
 * emptied first by {@code truncate}. A replication or pipeline file ({@code -r}, {@code -p}) is not in view: it acts
 * wherever its name or directory says, else somewhere unknown.
 */
final class Sling {

    private Sling() {
    }

    private static final Set<String> VALUED = Set.of("--src-conn", "--src-stream", "--tgt-conn", "--tgt-object", "--mode",
            "-m", "-r", "--replication", "-p", "--pipeline", "-c", "--config", "--src-options", "--tgt-options", "--select",
            "-s", "--streams", "--primary-key", "--update-key", "--limit", "--offset", "--columns", "--transforms", "--env",
            "-e", "--range", "--where", "--schema", "--name", "--query", "-q", "--meta");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("conns", "list test discover", read("connection"))
            .add("conns", "exec", execute("connection").note("runs a query on the connection"))
            .add("conns", "set unset", local("connection").note("edits the connections in ~/.sling/env.yaml"))
            .add("", "update version", local("program"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (!words.isEmpty() && words.getFirst().equals("run")) {
            return run(inv, p);
        }
        CommandTable.Act act = COMMANDS.findOrGuess(words, 2, "connection").act();
        String name = words.size() > 2 ? words.get(2) : "";
        Operation.Builder b = act.operation(inv, "sling", name);
        if (!act.here()) {
            SlingConnection conn = SlingConnection.of(name, inv);
            conn.locators().forEach(b::locator);
            inv.locators().forEach(b::locator);
            if (conn.here()) {
                LocalFiles.local(inv, b, "a file or an embedded database on this machine");
            }
        }
        return List.of(b.build());
    }

    private static List<Operation> run(Invocation inv, ParsedArgs p) {
        List<Operation> ops = new ArrayList<>();
        String plan = p.value("-r", "--replication", "-p", "--pipeline").orElse("");
        if (!plan.isEmpty()) {
            Operation.Builder b = execute("replication").operation(inv, "sling", plan)
                    .note("runs the streams the file " + plan + " lists: its connections are not in view");
            IacArgs.environmentOfPath(inv.workspace().resolve(plan)).ifPresent(e -> b.locator("environment", e));
            inv.locators().forEach(b::locator);
            ops.add(b.build());
        }
        String stream = p.value("--src-stream").orElse("");
        String object = p.value("--tgt-object").orElse("");
        SlingConnection source = SlingConnection.of(p.value("--src-conn").orElse(stream.contains("://") ? stream : ""), inv);
        SlingConnection target = SlingConnection.of(p.value("--tgt-conn").orElse(object.contains("://") ? object : ""), inv);
        if (!source.isEmpty() && !source.here()) {
            Operation.Builder b = DatabaseOps.op(inv, Verb.READ, "table", stream).confidence(Confidence.INFERRED)
                    .note("the stream's rows are copied to " + (object.isEmpty() ? "the target" : object));
            source.locators().forEach(b::locator);
            inv.locators().forEach(b::locator);
            // the rows now live where the target is: a file here, a bucket, another database
            if (!target.isEmpty() || !object.isEmpty()) {
                b.locator(DatabaseOps.COPIES_DATA, "rows");
            }
            ops.add(b.build());
        }
        if (!object.isEmpty()) {
            ops.add(write(inv, p, target, object));
        }
        if (ops.isEmpty()) {
            ops.add(LocalFiles.execute(inv, "sling", "a run with no source or target named"));
        }
        return ops;
    }

    /** The target's load: added rows, a table emptied first ({@code truncate}) or dropped and recreated ({@code full-refresh}). */
    private static Operation write(Invocation inv, ParsedArgs p, SlingConnection target, String object) {
        String mode = p.value("--mode", "-m").orElse("full-refresh").toLowerCase(Locale.ROOT);
        if (object.startsWith("file://") || target.here() && object.equals(target.name())) {
            return LocalFiles.on(inv, Verb.CREATE, "file", object.replaceFirst("^file://", "")).build();
        }
        Operation.Builder b = switch (mode) {
            case "truncate" -> DatabaseOps.op(inv, Verb.UPDATE, "table", object).stateful(true).reversible(false)
                    .note("--mode truncate empties the table before loading");
            case "incremental", "backfill", "snapshot" -> DatabaseOps.op(inv, Verb.UPDATE, "table", object);
            default -> DatabaseOps.op(inv, Verb.REPLACE, "table", object).stateful(true).reversible(false)
                    .note("--mode full-refresh (Sling's default) drops and reloads the table");
        };
        b.confidence(Confidence.INFERRED).scope(Scope.ONE);
        if (target.bucket()) {
            b.resource("object", object);
        }
        target.locators().forEach(b::locator);
        inv.locators().forEach(b::locator);
        if (target.here()) {
            b.environment(Tier.LOCAL, "a file or an embedded database on this machine");
        }
        return b.build();
    }
}
