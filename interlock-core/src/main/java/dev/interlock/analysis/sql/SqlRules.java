package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Classifies one statement by its keywords: the leading word picks a rule, and the rule reads the few words that
 * change the meaning (WHERE, CASCADE, PROGRAM, SUPERUSER, …). JSqlParser only confirms the syntax; the keywords decide,
 * so statements the parser does not support (COPY, DO, VACUUM, REVOKE, CREATE ROLE, LOAD DATA, …) still get a verb.
 * An empty result means the statement is not recognized.
 */
final class SqlRules {
    private SqlRules() {}

    /** Statements that only read or only change the session's own transaction state. */
    private static final Set<String> SESSION_READS = Set.of(
            "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC", "BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT", "SAVEPOINT", "RELEASE", "USE", "FETCH", "CLOSE", "DECLARE", "LISTEN", "UNLISTEN", "RESET",
            "DISCARD", "DEALLOCATE", "DETACH", "HELP", "WAIT");

    /** Maintenance: the server rewrites or checks things but no data is lost. */
    private static final Set<String> MAINTENANCE = Set.of(
            "VACUUM", "ANALYZE", "ANALYSE", "REINDEX", "CLUSTER", "OPTIMIZE", "REPAIR", "CHECKPOINT", "REFRESH", "LOCK",
            "UNLOCK", "FLUSH", "CHECK", "CHECKSUM", "COMMENT", "SECURITY", "NOTIFY", "INSTALL", "UNINSTALL");

    /** Maintenance that takes no lock against reads or writes: statistics, plain VACUUM, checksums. */
    private static final Set<String> NON_BLOCKING = Set.of("ANALYZE", "ANALYSE", "VACUUM", "CHECKSUM", "COLLECT");

    /** What MySQL's and MariaDB's STOP stops: a replica's threads, group replication, every named connection. */
    private static final Set<String> REPLICATION_STOPS = Set.of("REPLICA", "SLAVE", "GROUP_REPLICATION", "ALL");

    private static final Set<String> SERVER_WIDE = Set.of("FLUSH", "CHECKPOINT", "UNLOCK");

    private static final Map<String, Function<SqlWords, List<Operation.Builder>>> RULES = Map.ofEntries(
            Map.entry("SELECT", SqlDmlRules::select),
            Map.entry("WITH", SqlDmlRules::with),
            Map.entry("INSERT", SqlDmlRules::insert),
            Map.entry("REPLACE", SqlDmlRules::insert),
            Map.entry("UPSERT", SqlDmlRules::insert),
            Map.entry("UPDATE", SqlDmlRules::update),
            Map.entry("DELETE", SqlDmlRules::delete),
            Map.entry("MERGE", SqlDmlRules::merge),
            Map.entry("EXPLAIN", SqlDmlRules::explain),
            Map.entry("SET", SqlDmlRules::set),
            Map.entry("PREPARE", SqlDmlRules::prepare),
            Map.entry("PRAGMA", SqlDmlRules::pragma),
            Map.entry("TRUNCATE", SqlDdlRules::truncate),
            Map.entry("DROP", SqlDdlRules::drop),
            Map.entry("CREATE", SqlDdlRules::create),
            Map.entry("ALTER", SqlDdlRules::alter),
            Map.entry("RENAME", SqlDdlRules::rename),
            Map.entry("GRANT", SqlAdminRules::grant),
            Map.entry("REVOKE", SqlAdminRules::grant),
            Map.entry("REASSIGN", SqlAdminRules::grant),
            Map.entry("COPY", SqlAdminRules::copy),
            Map.entry("LOAD", SqlAdminRules::load),
            Map.entry("DO", SqlAdminRules::doBlock),
            Map.entry("CALL", SqlAdminRules::call),
            Map.entry("EXEC", SqlAdminRules::call),
            Map.entry("EXECUTE", SqlAdminRules::call),
            Map.entry("KILL", SqlAdminRules::kill),
            Map.entry("SHUTDOWN", SqlAdminRules::kill),
            Map.entry("ATTACH", SqlAdminRules::attach),
            Map.entry("IMPORT", SqlAdminRules::importSchema),
            Map.entry("PURGE", SqlAdminRules::purge),
            Map.entry("UNDROP", SqlRestoreRules::undrop),
            Map.entry("FLASHBACK", SqlRestoreRules::flashback),
            Map.entry("DBCC", SqlAdminRules::dbcc),
            Map.entry("SYSTEM", SqlSystemRules::system),
            Map.entry("BACKUP", SqlAdminRules::backup),
            Map.entry("BULK", SqlServerFiles::bulk),
            Map.entry("RESTORE", SqlAdminRules::restore));

    /** As {@link #classify(SqlWords)}, with the few statements whose meaning depends on the dialect. */
    static List<Operation.Builder> classify(SqlWords w, SqlDialect dialect) {
        if (w.kw(0).equals("VACUUM") && deltaVacuum(w)) {
            return classify(w);
        }
        if (dialect == SqlDialect.SQLITE && w.kw(0).equals("VACUUM") && !w.has("INTO")) {
            // SQLite has no lazy VACUUM: it rebuilds the whole database file under an exclusive lock
            String schema = w.name(1).text();
            return List.of(admin(Verb.UPDATE, "database", schema, Scope.ALL)
                    .note("VACUUM rebuilds the whole SQLite database file, locking out every writer"));
        }
        return classify(w);
    }

    static List<Operation.Builder> classify(SqlWords w) {
        String first = w.kw(0);
        if (first.equals("VACUUM") && w.has("INTO")) {
            // SQLite's VACUUM INTO writes a full copy of the database, every row, to the named file
            int into = w.topLevel("INTO", 0);
            String file = into + 1 < w.size() ? w.tokens().get(into + 1).text() : "";
            return List.of(op(Verb.TRANSFER, "file", file).reversible(false).locator("path", file)
                    .note("VACUUM INTO copies the whole database into a file"));
        }
        if (w.isSymbol(0, "(")) {
            // "(SELECT …) UNION (SELECT …)": classify what is inside the first parenthesis and the rest alike.
            return SqlDmlRules.select(w);
        }
        if (PgBouncerConsole.COMMANDS.contains(first) && !w.kw(1).equals("TRIGGER")) {
            // T-SQL's ENABLE/DISABLE TRIGGER is not the console's
            return PgBouncerConsole.command(w);
        }
        Function<SqlWords, List<Operation.Builder>> rule = RULES.get(first);
        if (rule != null) {
            return rule.apply(w);
        }
        if (first.equals("RESET") && Set.of("MASTER", "BINARY", "REPLICA", "SLAVE", "PERSIST").contains(w.kw(1))) {
            // MySQL: RESET MASTER / RESET BINARY LOGS deletes every binary log (point-in-time recovery and replicas lose
            // their source); RESET REPLICA forgets the replication position.
            boolean logs = w.kw(1).equals("MASTER") || w.kw(1).equals("BINARY");
            return List.of(admin(logs ? Verb.DELETE : Verb.UPDATE, logs ? "binary-logs" : "replication", w.kw(1).toLowerCase(), Scope.ALL)
                    .stateful(logs).note("RESET " + w.kw(1) + (logs ? " deletes all binary logs" : " resets replication")));
        }
        if (first.equals("START") && !w.kw(1).equals("TRANSACTION")) {
            // START SLAVE/REPLICA/GROUP_REPLICATION changes replication, not the session.
            return List.of(admin(Verb.UPDATE, "server", w.kw(1).toLowerCase(), Scope.ALL).note("starts a server process"));
        }
        if (first.equals("SAVE") && SqlAdminRules.proxySqlLayers(w)) {
            return SqlAdminRules.proxySqlConfig(w);
        }
        if (first.equals("STOP") && REPLICATION_STOPS.contains(w.kw(1))
                || first.equals("CHANGE") && (w.kw(1).equals("MASTER") || w.kw(1).equals("REPLICATION"))) {
            // MySQL/MariaDB: stopping a replica or pointing it at another source changes that server's replication
            return List.of(admin(Verb.UPDATE, "replication", w.kw(1).toLowerCase(), Scope.ALL)
                    .note(first + " " + w.kw(1) + " changes the server's replication"));
        }
        var clusterReset = SqlAdminRules.clusterSetting(w);
        if (first.equals("RESET") && clusterReset.isPresent()) {
            return List.of(clusterReset.get());
        }
        if (SESSION_READS.contains(first)) {
            return List.of(read(first.equals("USE") ? "database" : "session", first.equals("USE") ? w.name(1).text() : ""));
        }
        if (first.equals("VACUUM") && deltaVacuum(w)) {
            SqlWords.Name table = w.name(w.skip(1, "TABLE"));
            if (w.has("DRY")) {
                return List.of(read("table", table.text()).note("VACUUM … DRY RUN only lists the files it would delete"));
            }
            return List.of(admin(Verb.UPDATE, "table", table.text(), Scope.ONE)
                    .note("Delta VACUUM deletes data files no version within the retention needs: older time travel is lost"));
        }
        if (NON_BLOCKING.contains(first) && !w.has("FULL") && !w.has("FREEZE")) {
            // statistics and plain VACUUM run beside reads and writes (autovacuum does the same): a look, not a change
            // Teradata's COLLECT STATISTICS … ON table names its table last
            SqlWords.Name target = first.equals("COLLECT") ? w.name(w.topLevel("ON", 1) + 1)
                    : w.name(w.skip(1, "TABLE", "VERBOSE", "ANALYZE", "ANALYSE", "SKIP_LOCKED"));
            return List.of(read("table", target.text()).note(first.toLowerCase() + " (maintenance that blocks nothing)"));
        }
        if (MAINTENANCE.contains(first)) {
            SqlWords.Name target = w.name(w.skip(1, "TABLE", "FULL", "VERBOSE", "INDEX", "MATERIALIZED", "VIEW", "CONCURRENTLY", "ON"));
            Scope scope = target.text().isEmpty() || SERVER_WIDE.contains(first) ? Scope.ALL : Scope.ONE;
            return List.of(admin(Verb.UPDATE, "table", target.text(), scope).note(first.toLowerCase() + " (maintenance)"));
        }
        return MetastoreStatements.classify(w);
    }

    /**
     * Delta Lake's VACUUM (Databricks, Spark): a retention or dry run clause, a catalog-qualified table or a path
     * ({@code delta.`/mnt/…`}, {@code '/mnt/…'}); PostgreSQL's and SQLite's VACUUM have none of these.
     */
    private static boolean deltaVacuum(SqlWords w) {
        int at = w.skip(1, "TABLE");
        String name = w.name(at).text();
        return w.has("RETAIN", "DRY", "LITE") || name.chars().filter(c -> c == '.').count() >= 2
                || name.toLowerCase(java.util.Locale.ROOT).startsWith("delta.") || w.tokens().size() > at
                && w.tokens().get(at).kind() == SqlToken.Kind.STRING;
    }

    private static final Set<String> STATEMENT_STARTS = Set.of(
            "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "VALUES", "TABLE", "CREATE", "EXECUTE", "DECLARE");

    /** Whether a keyword can begin the statement inside EXPLAIN. */
    static boolean startsStatement(String keyword) {
        return STATEMENT_STARTS.contains(keyword);
    }

    /** Classifies a nested statement (a CTE body, EXPLAIN ANALYZE's target); unknown nested work is opaque. */
    static List<Operation.Builder> nested(SqlWords w) {
        List<Operation.Builder> ops = classify(w);
        if (ops.isEmpty()) {
            return List.of(op(Verb.UNKNOWN, "statement", "").confidence(Confidence.OPAQUE)
                    .note("nested statement not recognized"));
        }
        return ops;
    }
}
