package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.op;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bringing dropped or changed objects back: Snowflake's {@code UNDROP} and Oracle's {@code FLASHBACK}. Restoring a
 * dropped object recreates it where it was (a create in that object's environment); rewinding a table or a database to
 * an earlier point replaces its current contents, and what changed since is lost.
 */
final class SqlRestoreRules {
    private SqlRestoreRules() {}

    /** Words between UNDROP and the object type that do not change what comes back ({@code UNDROP DYNAMIC TABLE}). */
    private static final String[] UNDROP_MODIFIERS = {"DYNAMIC", "ICEBERG", "HYBRID", "EXTERNAL"};
    /** Types whose restoration brings back everything inside them. */
    private static final Set<String> CONTAINERS = Set.of("DATABASE", "SCHEMA", "ACCOUNT", "VOLUME");

    /** {@code UNDROP TABLE|SCHEMA|DATABASE name}: the most recently dropped version comes back from Time Travel. */
    static List<Operation.Builder> undrop(SqlWords w) {
        int at = w.skip(1, UNDROP_MODIFIERS);
        String type = w.kw(at).toLowerCase(Locale.ROOT);
        String name = w.name(at + 1).text();
        return List.of(op(Verb.CREATE, type, name).scope(CONTAINERS.contains(w.kw(at)) ? Scope.ALL : Scope.ONE)
                .stateful(false).reversible(true).note("restores the dropped " + type + " " + name));
    }

    /**
     * {@code FLASHBACK TABLE t TO BEFORE DROP} takes the table back out of the recycle bin; {@code FLASHBACK TABLE t TO
     * SCN|TIMESTAMP|RESTORE POINT …} and {@code FLASHBACK [STANDBY|PLUGGABLE] DATABASE} rewind contents, losing later changes.
     */
    static List<Operation.Builder> flashback(SqlWords w) {
        int at = w.skip(1, "STANDBY", "PLUGGABLE");
        if (w.kw(at).equals("DATABASE")) {
            String name = w.kw(at + 1).equals("TO") ? "" : w.name(at + 1).text();
            return List.of(op(Verb.REPLACE, "database", name).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("rewinds the whole database to an earlier point; every later change is lost"));
        }
        String name = w.name(w.skip(at, "TABLE")).text();
        int to = w.topLevel("TO", 0);
        if (to >= 0 && w.kw(to + 1).equals("BEFORE") && w.kw(to + 2).equals("DROP")) {
            return List.of(op(Verb.CREATE, "table", name).stateful(false).reversible(true)
                    .note("restores the dropped table " + name + " from the recycle bin"));
        }
        return List.of(op(Verb.REPLACE, "table", name).stateful(true).reversible(false)
                .note("rewinds the table's rows to an earlier point; later changes are lost"));
    }
}
