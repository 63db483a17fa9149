package dev.interlock.analysis.shell.recognizers.enterprise;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Odoo's server command, {@code odoo-bin [COMMAND] [-c CONF] [-d DB] [--db_host H] …}. What each command does to the
 * database it is given is {@link #COMMANDS}'; the server itself ({@code odoo-bin -d shop -u all --stop-after-init})
 * changes that database's schema and data when it installs, upgrades, imports or tests modules, and otherwise only runs.
 * {@code --db_host} (or libpq's {@code PGHOST}) and {@code -d} place it: no host named is no place known, the config
 * file's own {@code db_host} being unseen.
 */
public final class OdooCli implements Recognizer {

    /** What a command does to its database: a verb, the scope, whether it loses data, and why. */
    record Command(Verb verb, Scope scope, boolean stateful, String note) {
    }

    private static final Command LOCAL = new Command(Verb.EXECUTE, Scope.ONE, false, "works in the source tree only");

    private static final Map<String, Command> COMMANDS = Map.ofEntries(
            // neutralize disables a restored copy's mail servers, crons and payment providers: a change of that copy
            Map.entry("neutralize", new Command(Verb.UPDATE, Scope.MANY, false, "neutralizes the database (crons, mail, payments off)")),
            Map.entry("shell", new Command(Verb.EXECUTE, Scope.ONE, false, "runs arbitrary ORM code against the database")),
            Map.entry("populate", new Command(Verb.UPDATE, Scope.MANY, false, "fills the database with generated records")),
            Map.entry("obfuscate", new Command(Verb.UPDATE, Scope.MANY, true, "rewrites the database's personal data")),
            Map.entry("db init", new Command(Verb.CREATE, Scope.ONE, false, "creates the database")),
            Map.entry("db load", new Command(Verb.CREATE, Scope.ONE, false, "restores a dump as the database")),
            Map.entry("db duplicate", new Command(Verb.CREATE, Scope.ONE, false, "copies the database")),
            Map.entry("db rename", new Command(Verb.UPDATE, Scope.ONE, false, "renames the database")),
            Map.entry("db drop", new Command(Verb.DELETE, Scope.ONE, true, "drops the database and its filestore")),
            Map.entry("db dump", new Command(Verb.READ, Scope.ALL, false, DatabaseOps.DUMPS_ROWS)),
            Map.entry("scaffold", LOCAL), Map.entry("cloc", LOCAL), Map.entry("help", LOCAL), Map.entry("upgrade_code", LOCAL),
            Map.entry("tsconfig", LOCAL), Map.entry("genproxytoken", LOCAL));

    /** Server options that change the database: module installs and upgrades, translation imports, test runs. */
    private static final Set<String> SCHEMA_CHANGES = Set.of("-u", "--update", "-i", "--init", "--i18n-import",
            "--load-language", "--test-enable", "--test-tags", "--test-file", "--reinit");

    private static final Set<String> VALUED = Set.of("-c", "--config", "-d", "--database", "--db_host", "--db_port", "-r",
            "--db_user", "-w", "--db_password", "-u", "--update", "-i", "--init", "--addons-path", "-p", "--http-port",
            "--log-level", "--logfile", "--db-filter", "--test-tags", "--test-file", "--load", "--workers", "-D", "--data-dir",
            "--without-demo", "-l", "--language", "--i18n-export", "--i18n-import", "--modules", "--load-language",
            "--pidfile", "--reinit", "--db_sslmode", "--max-cron-threads");

    private static final Placement HOST = Placement.of("host", "--db_host").orVariables("PGHOST");
    private static final Placement DATABASE = Placement.of("database", "-d", "--database").orVariables("PGDATABASE");

    @Override
    public Set<String> programs() {
        return Set.of("odoo-bin", "odoo");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String first = words.isEmpty() ? "" : words.getFirst();
        String key = first.equals("db") && words.size() > 1 ? "db " + words.get(1) : first;
        Command command = COMMANDS.get(key);
        if (command == null && (first.isEmpty() || first.equals("server") || first.equals("start"))) {
            command = SCHEMA_CHANGES.stream().anyMatch(p::has)
                    ? new Command(Verb.UPDATE, Scope.MANY, false, "installs, upgrades or tests modules: schema and data changes")
                    : p.has("--version", "-h", "--help") || p.has("--i18n-export") ? LOCAL
                    : new Command(Verb.EXECUTE, Scope.ONE, false, "runs the server");
        }
        if (command == LOCAL) {
            Operation.Builder local = Operation.builder("process", Verb.EXECUTE).resource("program", "odoo-bin " + key)
                    .evidence(inv.evidence()).note("odoo-bin " + key + " " + command.note());
            return List.of((inv.remote() ? local : local.environment(Tier.LOCAL, "odoo-bin " + key + " touches no database")).build());
        }
        if (command == null) {
            return List.of(Operation.builder("database", Verb.UNKNOWN).resource("database", "")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("odoo-bin " + first + ": an unknown command").build());
        }
        // db commands name their database as a word: odoo-bin db drop shop_dev, db dump shop out.zip
        Optional<String> named = key.startsWith("db ") && words.size() > 2 ? Optional.of(words.get(2)) : Optional.empty();
        String database = named.or(() -> DATABASE.target(inv, p)).orElse("");
        Operation.Builder b = Operation.builder("database", command.verb()).resource("database", database)
                .scope(command.scope()).stateful(command.stateful()).reversible(!command.stateful())
                .evidence(inv.evidence()).note("odoo-bin " + key + " " + command.note());
        HOST.target(inv, p).map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> b.locator("host", h));
        if (!database.isEmpty()) {
            b.locator("database", database);
        }
        Operation op = b.build();
        // db dump DB FILE: the rows are copied to a file on this machine
        return List.of(key.equals("db dump") && words.size() > 3 ? DatabaseOps.rowsWrittenTo(op, words.get(3)) : op);
    }
}
