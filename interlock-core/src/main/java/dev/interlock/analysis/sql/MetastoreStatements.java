package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Hadoop-era engines' metadata statements, which JSqlParser does not know and no general rule covers: Impala's
 * {@code INVALIDATE METADATA [t]} (reloads the catalog's view of a table, or of every table, from the metastore),
 * {@code COMPUTE [INCREMENTAL] STATS t} (statistics, as ANALYZE), Hive's {@code MSCK REPAIR TABLE t} (adds the
 * partitions found in storage to the metastore; {@code DROP|SYNC PARTITIONS} also forgets those whose directories are
 * gone, the files untouched) and {@code RELOAD FUNCTION[S]}. One row per statement, matched by its leading words; a
 * statement whose words match no row stays unrecognized (opaque).
 */
final class MetastoreStatements {

    private MetastoreStatements() {
    }

    private enum Effect { STATISTICS, METADATA_RELOAD, PARTITION_REPAIR, SESSION }

    /** A statement's leading words (after the optional ones), the words that may sit between them and its table. */
    private record Row(String first, Set<String> second, Set<String> optional, Effect effect, String note) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("INVALIDATE", Set.of("METADATA"), Set.of(), Effect.METADATA_RELOAD,
                    "reloads the catalog's metadata from the metastore; no data changes"),
            new Row("COMPUTE", Set.of("STATS", "INCREMENTAL"), Set.of("STATS"), Effect.STATISTICS,
                    "computes table statistics (maintenance that blocks nothing)"),
            new Row("MSCK", Set.of("REPAIR", "TABLE"), Set.of("TABLE"), Effect.PARTITION_REPAIR,
                    "brings the metastore's partitions in line with the table's directories; no data files change"),
            new Row("RELOAD", Set.of("FUNCTION", "FUNCTIONS"), Set.of(), Effect.SESSION,
                    "reloads the function registry"));

    /** The statement's operations, or none when no row knows it. */
    static List<Operation.Builder> classify(SqlWords w) {
        for (Row row : ROWS) {
            if (!row.first().equals(w.kw(0)) || !row.second().contains(w.kw(1))) {
                continue;
            }
            SqlWords.Name table = w.name(w.skip(2, row.optional().toArray(String[]::new)));
            return List.of(switch (row.effect()) {
                case STATISTICS -> read("table", table.text()).note(row.note());
                case METADATA_RELOAD -> admin(Verb.UPDATE, "metadata", table.text(),
                        table.text().isEmpty() ? Scope.MANY : Scope.ONE).note(row.note());
                case PARTITION_REPAIR -> admin(Verb.UPDATE, "table", table.text(), Scope.ONE).note(row.note());
                case SESSION -> read("session", "").note(row.note());
            });
        }
        return List.of();
    }
}
