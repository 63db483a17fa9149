package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ClickHouse's {@code SYSTEM} statements. Dropping a cache ({@code DROP MARK|UNCOMPRESSED|DNS|QUERY|FILESYSTEM … CACHE})
 * costs warm-up time and loses no data; stopping merges, fetches or sends, reloading and flushing change how the server
 * runs; {@code DROP [DATABASE] REPLICA} removes a replica's metadata and {@code UNFREEZE} deletes a frozen backup;
 * {@code SHUTDOWN} and {@code KILL} stop the server. Anything else is not recognized (opaque).
 */
final class SqlSystemRules {

    private SqlSystemRules() {
    }

    /** Statements that change how the server runs, not what it holds. */
    private static final Set<String> CONTROLS = Set.of("STOP", "START", "RELOAD", "FLUSH", "RESTART", "SYNC", "RESTORE",
            "ENABLE", "DISABLE", "REFRESH", "CANCEL", "PREWARM", "LOAD", "UNLOAD", "DROP");

    static List<Operation.Builder> system(SqlWords w) {
        String command = w.kw(1);
        String what = words(w, 1, Math.min(w.size(), 4));
        if (command.equals("SHUTDOWN") || command.equals("KILL")) {
            return List.of(admin(Verb.UPDATE, "server", "", Scope.ALL).note("SYSTEM " + command + " stops the server"));
        }
        if (command.equals("WAIT")) {
            return List.of(read("server", "").note("SYSTEM " + what + " only waits"));
        }
        if (command.equals("UNFREEZE")) {
            return List.of(admin(Verb.DELETE, "backup", string(w), Scope.ONE).stateful(true)
                    .note("SYSTEM UNFREEZE deletes a frozen backup"));
        }
        if (command.equals("DROP") && (w.kw(2).equals("REPLICA") || w.kw(3).equals("REPLICA"))) {
            return List.of(admin(Verb.DELETE, "replica", string(w), Scope.ONE)
                    .note("SYSTEM " + what + " removes a replica's metadata from the cluster"));
        }
        int cache = w.topLevel("CACHE", 2);
        if (command.equals("DROP") && cache >= 0) {
            String name = words(w, 2, cache + 1).toLowerCase(Locale.ROOT);
            return List.of(admin(Verb.UPDATE, "cache", name, Scope.ONE).reversible(true)
                    .note("SYSTEM DROP " + name.toUpperCase(Locale.ROOT) + " only empties a cache: no data is lost, queries warm it again"));
        }
        if (CONTROLS.contains(command) && !command.equals("DROP")) {
            int after = w.skip(1, "STOP", "START", "RELOAD", "FLUSH", "RESTART", "SYNC", "RESTORE", "ENABLE", "DISABLE", "REFRESH",
                    "CANCEL", "PREWARM", "LOAD", "UNLOAD", "DISTRIBUTED", "REPLICATED", "TTL", "MERGES", "MOVES", "FETCHES", "SENDS",
                    "REPLICATION", "QUEUES", "REPLICA", "REPLICAS", "VIEW", "VIEWS", "LISTEN", "LOGS", "DICTIONARY", "DICTIONARIES",
                    "CONFIG", "MODEL", "MODELS", "FUNCTION", "FUNCTIONS", "PRIMARY", "KEY", "DATABASE", "ASYNC", "INSERT", "QUEUE",
                    "EMBEDDED", "USERS", "MARK", "CACHE", "CLEANUP", "FAILPOINT");
            String target = w.kw(after).equals("ON") ? "" : w.name(after).text();
            return List.of(admin(Verb.UPDATE, target.isEmpty() ? "server" : "table", target, Scope.ONE)
                    .note("SYSTEM " + words(w, 1, after) + " changes how the server runs"));
        }
        return List.of();
    }

    /** The bare words from {@code from} to {@code to} ({@code DROP MARK CACHE}), for notes and cache names. */
    private static String words(SqlWords w, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && !w.kw(i).isEmpty() && !w.kw(i).equals("ON") && !w.kw(i).equals("FROM"); i++) {
            sb.append(sb.isEmpty() ? "" : " ").append(w.kw(i));
        }
        return sb.toString();
    }

    /** The first string literal ({@code DROP REPLICA 'r3'}, {@code UNFREEZE WITH NAME 'backup'}). */
    private static String string(SqlWords w) {
        for (SqlToken t : w.tokens()) {
            if (t.kind() == SqlToken.Kind.STRING) {
                return t.text();
            }
        }
        return "";
    }
}
