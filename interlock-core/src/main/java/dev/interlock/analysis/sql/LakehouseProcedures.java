package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The table formats' own maintenance procedures (Apache Iceberg through Spark's {@code CALL catalog.system.NAME(…)}
 * and Trino's {@code CALL catalog.system.NAME(…)} or {@code ALTER TABLE t EXECUTE NAME(…)}): their bodies are the
 * format's, not a user's, so each is what it does to the table it names — expiring snapshots and removing orphan
 * files lose history, compaction and rollbacks change the table. A procedure not in the table stays an unanalyzed
 * {@code execute}.
 */
final class LakehouseProcedures {

    private LakehouseProcedures() {
    }

    private record Effect(Function<String, Operation.Builder> operation, String note) {
    }

    private static Effect history(String type, String note) {
        // the table's current rows stay; what time travel and rollback could reach is gone for good
        return new Effect(t -> op(Verb.DELETE, type, t).scope(Scope.MANY).stateful(true).reversible(false), note);
    }

    private static Effect change(String note) {
        return new Effect(t -> admin(Verb.UPDATE, "table", t, Scope.ONE), note);
    }

    private static final Map<String, Effect> PROCEDURES = Map.ofEntries(
            Map.entry("expire_snapshots", history("snapshot", "expires the table's old snapshots: time travel to them is lost")),
            Map.entry("remove_orphan_files", history("orphan-files", "deletes data files no snapshot references")),
            Map.entry("expire_snapshots_and_orphans", history("snapshot", "expires snapshots and deletes unreferenced files")),
            Map.entry("rewrite_data_files", change("compacts the table's data files (maintenance)")),
            Map.entry("rewrite_manifests", change("rewrites the table's manifests (maintenance)")),
            Map.entry("rewrite_position_delete_files", change("compacts the table's delete files (maintenance)")),
            Map.entry("optimize", change("compacts the table's data files (maintenance)")),
            Map.entry("optimize_manifests", change("rewrites the table's manifests (maintenance)")),
            Map.entry("compute_table_stats", change("computes the table's statistics")),
            Map.entry("compute_partition_stats", change("computes the table's partition statistics")),
            Map.entry("drop_extended_stats", change("drops the table's extended statistics")),
            Map.entry("rollback_to_snapshot", change("rolls the table back to an earlier snapshot")),
            Map.entry("rollback_to_timestamp", change("rolls the table back to an earlier snapshot")),
            Map.entry("set_current_snapshot", change("makes another snapshot the table's current one")),
            Map.entry("cherrypick_snapshot", change("applies a snapshot's changes to the table")),
            Map.entry("fast_forward", change("moves a branch of the table")),
            Map.entry("publish_changes", change("publishes staged changes to the table")),
            Map.entry("add_files", change("adds files to the table")),
            Map.entry("sync_partition_metadata", change("syncs the table's partitions with its storage")),
            Map.entry("register_table", new Effect(t -> op(Verb.CREATE, "table", t), "registers an existing table")),
            Map.entry("unregister_table", new Effect(t -> admin(Verb.DELETE, "table", t, Scope.ONE),
                    "removes the table from the catalog (its files stay)")),
            Map.entry("ancestors_of", new Effect(t -> read("table", t), "lists the table's snapshot history")));

    /** {@code CALL [catalog.]system.NAME(…)}: the known procedure's operation, or empty for anything else. */
    static Optional<Operation.Builder> call(String procedure, SqlWords w, int open) {
        String[] parts = procedure.toLowerCase(Locale.ROOT).split("\\.");
        if (parts.length < 2 || !parts[parts.length - 2].equals("system") || !PROCEDURES.containsKey(parts[parts.length - 1])) {
            return Optional.empty();
        }
        String catalog = parts.length > 2 ? procedure.substring(0, procedure.indexOf('.')) : "";
        String table = table(w, open);
        // Spark names the table inside the procedure's catalog: CALL prod.system.expire_snapshots('db.t') is prod.db.t
        String placed = !catalog.isEmpty() && !table.isEmpty() && table.chars().filter(c -> c == '.').count() < 2
                ? catalog + "." + table : table;
        return Optional.of(effect(parts[parts.length - 1], placed));
    }

    /** Trino's {@code ALTER TABLE t EXECUTE NAME(…)}: the known procedure on {@code t}, or empty. */
    static Optional<Operation.Builder> execute(String table, String procedure) {
        String name = procedure.toLowerCase(Locale.ROOT);
        return PROCEDURES.containsKey(name) ? Optional.of(effect(name, table)) : Optional.empty();
    }

    private static Operation.Builder effect(String name, String table) {
        Effect e = PROCEDURES.get(name);
        return e.operation().apply(table).note(name + ": " + e.note());
    }

    /**
     * The table a call names: {@code table => 'db.t'}, else its first string argument; Trino's older form gives schema
     * and table as two strings ({@code 'analytics', 'events'}).
     */
    private static String table(SqlWords w, int open) {
        if (open < 0) {
            return "";
        }
        int close = w.closing(open);
        for (int i = open + 1; i + 3 < close; i++) {
            boolean named = w.kw(i).equals("TABLE") || w.kw(i).equals("TABLE_NAME");
            if (named && w.isSymbol(i + 1, "=") && w.isSymbol(i + 2, ">") && w.tokens().get(i + 3).kind() == SqlToken.Kind.STRING) {
                return w.tokens().get(i + 3).text();
            }
        }
        if (open + 1 < close && w.tokens().get(open + 1).kind() == SqlToken.Kind.STRING) {
            String first = w.tokens().get(open + 1).text();
            boolean pair = w.isSymbol(open + 2, ",") && open + 3 < close && w.tokens().get(open + 3).kind() == SqlToken.Kind.STRING;
            return pair && !first.contains(".") ? first + "." + w.tokens().get(open + 3).text() : first;
        }
        return "";
    }
}
