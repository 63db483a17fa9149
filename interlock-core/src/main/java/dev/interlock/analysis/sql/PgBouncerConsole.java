package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * PgBouncer's admin console ({@code psql -p 6432 pgbouncer}): {@code SHOW …} reads like any SHOW; {@code PAUSE},
 * {@code SUSPEND}, {@code DISABLE}, {@code RECONNECT}, {@code KILL_CLIENT} and the rest change how the pooler serves a
 * database's connections. No SQL dialect begins a statement with these words, so they are the console's wherever they
 * appear; the pooler is placed by the host the client connects to, like the database behind it.
 */
final class PgBouncerConsole {
    private PgBouncerConsole() {}

    /** The console's commands that change the pooler (KILL and SHUTDOWN are shared with MySQL's statements). */
    static final Set<String> COMMANDS = Set.of("PAUSE", "RESUME", "SUSPEND", "RECONNECT", "RELOAD", "DISABLE", "ENABLE",
            "WAIT_CLOSE", "KILL_CLIENT");

    static List<Operation.Builder> command(SqlWords w) {
        String database = w.name(1).text();
        return List.of(admin(Verb.UPDATE, "pool", database, database.isEmpty() ? Scope.ALL : Scope.ONE)
                .note("PgBouncer " + w.kw(0) + " changes how the pooler serves " + (database.isEmpty() ? "every database" : database)));
    }
}
