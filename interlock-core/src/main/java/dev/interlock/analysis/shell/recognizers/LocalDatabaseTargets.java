package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A make target whose name says it resets or drops a database ({@code make db-reset DB_HOST=localhost
 * DB_NAME=orders_dev}), given the database by the variables its recipe reads: the target acts on that database, so it is
 * placed where the host and database are ({@code localhost} or a {@code _dev} database is the developer's sandbox, a
 * production host is production). Without such a variable, or with a tier in the target's name ({@code db-reset-prod}),
 * the target keeps its name's judgement.
 */
final class LocalDatabaseTargets {

    private static final Set<String> DATABASE_WORDS = Set.of("db", "database", "databases", "schema", "pg", "postgres",
            "mysql", "sql");
    private static final List<String> HOSTS = List.of("DB_HOST", "DATABASE_HOST", "PGHOST", "POSTGRES_HOST", "MYSQL_HOST",
            "DB_SERVER");
    private static final List<String> NAMES = List.of("DB_NAME", "DATABASE_NAME", "DB_DATABASE", "PGDATABASE", "POSTGRES_DB",
            "MYSQL_DATABASE");
    private static final List<String> URLS = List.of("DATABASE_URL", "DB_URL", "POSTGRES_URL", "PG_URL", "MYSQL_URL");

    private LocalDatabaseTargets() {
    }

    /**
     * {@code op}, a destructive make target, as a change of the database its variables name, when its name is about a
     * database; otherwise {@code op} unchanged.
     */
    static Operation placed(Operation op, List<String> words, Map<String, String> env) {
        String target = op.resource().name();
        // make db-reset-prod: the name's tier decides, whatever host the recipe is handed
        if (!op.resource().type().equals("target") || op.verb() == Verb.UPDATE
                || op.resource().locators().containsKey("environment")
                || CommandWords.parts(target.toLowerCase(Locale.ROOT)).stream().noneMatch(DATABASE_WORDS::contains)) {
            return op;
        }
        Map<String, String> vars = new HashMap<>(env);
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                vars.put(w.substring(0, eq), w.substring(eq + 1)); // make's own assignments win over the environment's
            }
        }
        String host = "";
        String database = "";
        for (String url : URLS) {
            if (vars.containsKey(url) && vars.get(url).contains("://")) {
                DatabaseTarget t = DatabaseTarget.fromUrl(vars.get(url));
                host = t.host();
                database = t.database();
                break;
            }
        }
        for (String name : HOSTS) {
            String named = vars.getOrDefault(name, "");
            // DB_HOST=localhost PGHOST=db.prod…: the one that is not this machine decides
            host = host.isEmpty() || Hosts.loopback(host) && !named.isEmpty() ? named : host;
        }
        for (String name : NAMES) {
            database = database.isEmpty() ? vars.getOrDefault(name, "") : database;
        }
        if (host.contains("$") || database.contains("$") || host.isEmpty() && database.isEmpty()) {
            return op;
        }
        Operation.Builder b = op.toBuilder().system("database").resource("database", database)
                .note(op.note() + "; it acts on " + (database.isEmpty() ? "the database" : "database " + database)
                        + (host.isEmpty() ? "" : " at " + host));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        if (!database.isEmpty()) {
            b.locator("database", database);
        }
        return b.build();
    }
}
