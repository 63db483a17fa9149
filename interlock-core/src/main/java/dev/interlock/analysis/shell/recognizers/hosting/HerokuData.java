package dev.interlock.analysis.shell.recognizers.hosting;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Heroku Postgres data moving between apps and this machine. {@code pg:copy SOURCE TARGET} and
 * {@code pg:backups:restore [BACKUP] [DATABASE]} overwrite the target database of the app ({@code -a}) with another
 * database's rows; a source on another app ({@code acme-prod::DATABASE_URL}, {@code acme-prod::b101}) or at a URL is
 * that app's data, now in this one: a read of the source carrying {@link DatabaseOps#COPIES_DATA}, placed by the
 * source's app. {@code pg:pull} and {@code pg:backups:download} bring the app's rows to this machine; {@code pg:push}
 * writes a local database into the app's; {@code pg:reset} empties the app's database, so the app decides how much that
 * matters (a dev app's database is a sandbox, a prod app's is production's data).
 */
final class HerokuData {

    private HerokuData() {
    }

    static Optional<List<Operation>> recognize(Invocation inv, ParsedArgs p, Map<String, String> locators) {
        List<String> words = p.words();
        String app = locators.getOrDefault("app", "");
        List<Operation> ops = new ArrayList<>();
        switch (words.getFirst()) {
            case "pg:copy" -> {
                if (words.size() < 3) {
                    return Optional.empty();
                }
                ops.add(overwrite(inv, words.get(2), locators, "pg:copy overwrites " + words.get(2) + " with the rows of " + words.get(1)));
                source(inv, words.get(1), app).ifPresent(ops::add);
            }
            case "pg:backups:restore" -> {
                String target = words.size() > 2 ? words.get(2) : "DATABASE_URL";
                String backup = words.size() > 1 ? words.get(1) : "the latest backup";
                ops.add(overwrite(inv, target, locators, "pg:backups:restore overwrites " + target + " with " + backup));
                if (words.size() > 1) {
                    source(inv, backup, app).ifPresent(ops::add);
                }
            }
            case "pg:pull", "pg:backups:download" -> ops.add(placed(DatabaseOps.op(inv, Verb.READ, "database",
                            words.size() > 1 ? words.get(1) : "DATABASE_URL"), locators)
                    .locator(DatabaseOps.COPIES_DATA, "rows").confidence(Confidence.INFERRED)
                    .note(words.getFirst() + " brings the app's rows to this machine").build());
            case "pg:push" -> {
                if (words.size() < 3) {
                    return Optional.empty();
                }
                ops.add(placed(DatabaseOps.op(inv, Verb.UPDATE, "database", words.get(2)), locators).scope(Scope.ALL)
                        .stateful(true).confidence(Confidence.INFERRED)
                        .note("pg:push writes the local database " + words.get(1) + " into the app's " + words.get(2)).build());
            }
            case "pg:reset" -> ops.add(placed(DatabaseOps.op(inv, Verb.DELETE, "database", words.size() > 1 ? words.get(1) : "DATABASE_URL"),
                    locators).scope(Scope.ALL).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                    .note("pg:reset drops every table of the app's database").build());
            case "pg:backups:capture" -> ops.add(placed(DatabaseOps.op(inv, Verb.CREATE, "backup", words.size() > 1 ? words.get(1) : "DATABASE_URL"),
                    locators).confidence(Confidence.INFERRED).note("captures a backup, kept by Heroku").build());
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(ops);
    }

    private static Operation overwrite(Invocation inv, String target, Map<String, String> locators, String note) {
        String database = target.contains("::") ? target.substring(target.indexOf("::") + 2) : target;
        Operation.Builder b = placed(DatabaseOps.op(inv, Verb.REPLACE, "database", database), locators);
        if (target.contains("::")) {
            b.locator("app", target.substring(0, target.indexOf("::")));
        }
        return b.scope(Scope.ALL).stateful(true).reversible(false).confidence(Confidence.INFERRED).note(note).build();
    }

    /** {@code OTHER_APP::DATABASE}, {@code OTHER_APP::b101} or a URL: another app's or server's rows. */
    private static Optional<Operation> source(Invocation inv, String source, String app) {
        Operation.Builder b = DatabaseOps.op(inv, Verb.READ, "database", source).locator(DatabaseOps.COPIES_DATA, "rows")
                .confidence(Confidence.INFERRED);
        if (source.contains("://")) {
            return Optional.of(b.locator("host", Hosts.of(source)).note("copies the rows of the database at " + Hosts.of(source)).build());
        }
        int at = source.indexOf("::");
        if (at <= 0 || source.substring(0, at).equals(app)) {
            // the app's own databases and backups: the data stays where it was
            return Optional.empty();
        }
        return Optional.of(b.locator("app", source.substring(0, at))
                .note("copies the rows of the app " + source.substring(0, at) + (app.isEmpty() ? "" : " into " + app)).build());
    }

    private static Operation.Builder placed(Operation.Builder b, Map<String, String> locators) {
        locators.forEach(b::locator);
        return b;
    }
}
