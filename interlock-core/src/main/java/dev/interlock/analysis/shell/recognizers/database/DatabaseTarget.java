package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database client or migration tool connects, as the {@code host} and {@code database} locators that
 * environment resolution maps to a tier ({@code db.prod.internal} → prod, {@code localhost} → local). Read from
 * connection URLs ({@code postgres://u@h:5432/app}, {@code jdbc:mysql://…}, {@code mongodb+srv://…}), libpq
 * conninfo strings ({@code host=h dbname=app}) and the variables the clients themselves read.
 *
 * @param uncertain the target was written with an expansion that could not be resolved ({@code -h $DB_HOST})
 */
public record DatabaseTarget(String host, String database, boolean uncertain) {

    static final DatabaseTarget NONE = new DatabaseTarget("", "", false);

    private static final Set<String> EMBEDDED_JDBC = Set.of("h2", "hsqldb", "derby", "sqlite");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{?(\\w+)\\}?$");
    private static final Pattern NAMED_DATABASE = Pattern.compile("(?i)[;?&](?:databaseName|database|dbname)=([^;&]+)");
    /** A connection named in a configuration file ({@code service=orders}, {@code --login-path=prod}): not the default. */
    private static final Pattern CONFIGURED = Pattern.compile(
            "(.*\\s)?service=.*|--login-path.*|--defaults(-extra)?-file.*|--cqlshrc.*|--config-file.*|--secure-connect-bundle.*");
    private static final Pattern CONNINFO = Pattern.compile("(\\w+)\\s*=\\s*('[^']*'|\\S+)");

    public DatabaseTarget {
        host = host == null ? "" : host;
        database = database == null ? "" : database;
    }

    DatabaseTarget withHost(String value) {
        return value == null || value.isEmpty() ? this : new DatabaseTarget(value, database, uncertain);
    }

    DatabaseTarget withDatabase(String value) {
        return value == null || value.isEmpty() ? this : new DatabaseTarget(host, value, uncertain);
    }

    DatabaseTarget withUncertain(boolean value) {
        return new DatabaseTarget(host, database, uncertain || value);
    }

    /** Fills what this target leaves open from {@code fallback} (flags first, then URLs, then variables). */
    DatabaseTarget or(DatabaseTarget fallback) {
        return new DatabaseTarget(host.isEmpty() ? fallback.host : host, database.isEmpty() ? fallback.database : database,
                uncertain || fallback.uncertain);
    }

    boolean isEmpty() {
        return host.isEmpty() && database.isEmpty();
    }

    static boolean looksLikeUrl(String text) {
        String t = text.trim();
        return t.contains("://") || t.startsWith("jdbc:") || t.startsWith("file:")
                || Regex.matches(t.toLowerCase(Locale.ROOT), "(?s).*\\b(host|hostaddr|dbname|server|database|data source)\\s*=.*");
    }

    /** Parses a URL or a conninfo string; anything else gives {@link #NONE}. Also serves {@code context.target} of SQL requests. */
    public static DatabaseTarget fromUrl(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.trim();
        if (!t.contains("://") && t.contains("=")) {
            // "Server=tcp:h,1433" → h
            return fromConninfo(t);
        }
        boolean jdbc = t.startsWith("jdbc:");
        if (jdbc) {
            t = t.substring(5);
        }
        int scheme = t.indexOf("://");
        if (scheme < 0) {
            // sqlite:relative.db, file:app.db
            int colon = t.indexOf(':');
            DatabaseTarget file = colon > 0 ? NONE.withDatabase(t.substring(colon + 1)) : NONE;
            // jdbc:h2:mem:x, jdbc:h2:file:./db, jdbc:sqlite:app.db: an engine embedded in the JVM on this machine
            return jdbc && colon > 0 && EMBEDDED_JDBC.contains(t.substring(0, colon).toLowerCase(Locale.ROOT))
                    ? file.withHost("localhost") : file;
        }
        String rest = t.substring(scheme + 3);
        int end = indexOfAny(rest, "/?;");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);
        String hostPart = authority.substring(authority.lastIndexOf('@') + 1);
        hostPart = Regex.before(hostPart, ",");
        String host;
        if (hostPart.startsWith("[")) {
            int close = hostPart.indexOf(']');
            host = close > 0 ? hostPart.substring(0, close + 1) : hostPart;
        } else {
            int colon = hostPart.indexOf(':');
            host = colon >= 0 ? hostPart.substring(0, colon) : hostPart;
        }
        String database = "";
        if (tail.startsWith("/")) {
            String path = tail.substring(1);
            int stop = indexOfAny(path, "?;");
            path = stop < 0 ? path : path.substring(0, stop);
            // without a host the path is a file (sqlite:///rel.db, sqlite:////abs.db); else postgres://h/app/x is "app"
            database = authority.isEmpty() ? path : Regex.before(path, "/");
        }
        Matcher named = NAMED_DATABASE.matcher(tail);
        if (database.isEmpty() && named.find()) {
            database = named.group(1);
        }
        return new DatabaseTarget(host, database, false);
    }

    private static DatabaseTarget fromConninfo(String text) {
        DatabaseTarget target = NONE;
        // libpq separates with spaces, ADO.NET/JDBC-style strings with semicolons ("Server=h;Database=app")
        String normalized = Regex.replaceAll(Regex.replaceAll(text.replace(';', ' '), "(?i)data source", "server"), "(?i)initial catalog", "database");
        Matcher m = CONNINFO.matcher(normalized);
        while (m.find()) {
            String value = m.group(2).replace("'", "");
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "host", "hostaddr", "server", "address", "addr" ->
                        target = target.withHost(Regex.before(Regex.replaceFirst(value, "^tcp:", ""), ","));
                case "dbname", "database" -> target = target.withDatabase(value);
                default -> { }
            }
        }
        return target;
    }

    /** The target named by variables the clients read ({@code PGHOST}, {@code DATABASE_URL}, …). */
    static DatabaseTarget fromEnv(Map<String, String> env) {
        DatabaseTarget target = NONE
                .withHost(env.getOrDefault("PGHOST", ""))
                .withDatabase(env.getOrDefault("PGDATABASE", ""))
                .withHost(env.getOrDefault("MYSQL_HOST", ""));
        for (String url : List.of("DATABASE_URL", "MONGODB_URI", "MONGO_URL", "REDIS_URL", "POSTGRES_URL")) {
            if (env.containsKey(url)) {
                target = target.or(fromUrl(env.get(url)));
            }
        }
        return target;
    }

    /**
     * The value of an argument, resolving a plain {@code $VAR} from the invocation's variables; empty when it is an
     * expansion that cannot be resolved statically.
     */
    static Optional<String> value(Arg arg, Map<String, String> env) {
        if (arg.literal()) {
            return Optional.of(arg.value());
        }
        Matcher m = VARIABLE.matcher(arg.value().trim());
        return m.matches() && env.containsKey(m.group(1)) ? Optional.of(env.get(m.group(1))) : Optional.empty();
    }

    /** Resolves {@code $VAR} in a flag value the same way; {@code null} when it cannot be resolved. */
    static String resolve(String value, Map<String, String> env) {
        if (!value.contains("$")) {
            return value;
        }
        Matcher m = VARIABLE.matcher(value.trim());
        return m.matches() && env.containsKey(m.group(1)) ? env.get(m.group(1)) : null;
    }

    /**
     * Puts the locators on an operation. A loopback host is dropped when the command runs on another machine
     * (ssh, a pod): "localhost" there is that machine, not this one; so is a service's bare name in a container.
     */
    Operation applyTo(Operation op, Invocation inv) {
        Operation.Builder b = op.toBuilder();
        boolean loopback = Hosts.loopback(host);
        // in a container (docker compose exec web psql -h db) a bare service name is a sibling container on its network
        boolean sibling = inv.locators().containsKey("container") && DeploymentWords.serviceName(host);
        if (!host.isEmpty() && op.resource().locator("host").isEmpty() && !((loopback || sibling) && inv.remote())) {
            b.locator("host", host);
        }
        if (!database.isEmpty() && op.resource().locator("database").isEmpty()) {
            b.locator("database", database);
        }
        if (uncertain && op.confidence() == Confidence.EXACT) {
            b.confidence(Confidence.INFERRED);
        }
        return b.build();
    }

    /**
     * Marks an operation of a client whose server, when nothing names one, is this machine's ({@code redis-cli},
     * {@code psql} without {@code -h}, {@code PGHOST} or a URL; {@code mongosh}, {@code clickhouse-client}): the
     * {@code default-host} locator lets environment resolution place it here when the request carries the agent's
     * environment variables and they name no other server. A guessed target ({@code -h $DB_HOST}), a connection
     * named in a configuration file ({@code service=…}, {@code PGSERVICE}, {@code --login-path}) or a command run on
     * another machine is not marked.
     */
    Operation defaultingHere(Operation op, Invocation inv) {
        if (!host.isEmpty() || uncertain || inv.remote() || !op.resource().locator("host").isEmpty()
                || inv.env().containsKey("PGSERVICE") || inv.words().stream().anyMatch(w -> CONFIGURED.matcher(w).matches())) {
            return op;
        }
        return op.toBuilder().locator("default-host", "localhost").build();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
