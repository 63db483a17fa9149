package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Operations and argument helpers shared by the database client recognizers. */
public final class DatabaseOps {

    /** The locator a dump or copy of a database's rows carries: where those rows end up is no longer the database. */
    public static final String COPIES_DATA = "copies-data";
    private static final Pattern ROWS = Pattern.compile(
            "(?i)\\.(dump|sql|sql\\.gz|sql\\.zst|bak|bacpac|pgdump|bson|archive)$|/backups?(/|$)|/var/lib/(postgresql|mysql|mongodb)(/|$)|pg_basebackup|/dumps?(/|$)|/[\\w.]+[-_]exports?(/|$)");

    /**
     * Code forges' own dumps and backups: {@code gitea|forgejo dump}'s {@code gitea-dump-*.zip}, Gogs's
     * {@code gogs-backup-*.zip}, GitLab's {@code *_gitlab_backup.tar}. Each holds the forge's database (users, tokens,
     * issues), every repository and its secrets.
     */
    private static final Pattern FORGE_DUMPS = Pattern.compile(
            "(?i)(^|/)((gitea|forgejo)-dump-[^/]*|gogs-backup-[^/]*)\\.(zip|tar(\\.\\w+)?|t[gx]z)$|(^|/)[^/]*gitlab_backup\\.tar(\\.\\w+)?$");

    /** A path that holds a database's rows: a dump, a backup, a data directory, a code forge's dump. */
    public static boolean holdsRows(String path) {
        return ROWS.matcher(path).find() || FORGE_DUMPS.matcher(path).find();
    }

    /**
     * A file whose copy is a copy of the data: a dump or backup, a database file, or a table kept as a file
     * ({@code /srv/app/exports/customers.csv}). Logs and configuration are not.
     */
    public static boolean holdsDataCopy(String path) {
        return holdsRows(path) || dev.interlock.environment.DataFiles.holdsData(path) || dev.interlock.environment.DataFiles.holdsTable(path);
    }

    /** What {@code sqlite3 .dump} prints: every row, as SQL. */
    public static final String DUMPS_ROWS = "prints every row as SQL";

    private static final Pattern AGGREGATES = Pattern.compile(
            "(?is)\\s*SELECT\\s+(count|uniq\\w*|sum|avg|min|max)\\s*\\(.*|.*\\bGROUP\\s+BY\\b.*");

    /** A query whose answer only counts or aggregates: written to a file, it copies no rows. */
    public static boolean aggregatesOnly(String query) {
        return AGGREGATES.matcher(query).matches();
    }

    private static final Set<String> ROW_TYPES = Set.of("table", "collection", "view");
    /** What a cloud CLI reads out of a key-value table ({@code aws dynamodb scan|query|get-item}): rows by another name. */
    public static final String ITEMS = "items";
    /** What a BI tool's query API answers with ({@code POST /api/dataset}): the rows of the query it ran. */
    public static final String QUERY_RESULTS = "query-results";
    /**
     * What a store's admin API or CLI lists of its customers, orders and accounts ({@code /admin/api/V/customers.json},
     * {@code wp wc customer list}): people's names, addresses and purchases, rows by another name.
     */
    public static final String CUSTOMER_RECORDS = "customer-records";

    /**
     * SaaS record stores whose CLIs query them ({@code sf data query}): system and the resource type of a record read. The
     * answer is customers' records, as a table's rows are.
     */
    private static final Set<String> RECORD_READS = Set.of("salesforce/records");

    /** The server's own views of itself (sessions, statistics, the catalog): their rows are no one's data. */
    private static final Pattern CATALOG = Pattern.compile(
            "(?i)(g?v\\$|dba_|pg_stat|information_schema\\.|pg_catalog\\.|performance_schema\\.|sys\\.|system\\.).*");

    /**
     * A database read whose answer holds rows: a table's, a collection's or a view's (or a cloud table's items), not only counts or aggregates,
     * and not the server's catalog.
     */
    public static boolean returnsRows(Operation op) {
        return op.verb() == Verb.READ
                && (op.system().equals(SYSTEM) && (ROW_TYPES.contains(op.resource().type()) || op.note().endsWith(DUMPS_ROWS))
                    || op.resource().type().equals(ITEMS) || op.resource().type().equals(QUERY_RESULTS)
                    || op.resource().type().equals(CUSTOMER_RECORDS)
                    || RECORD_READS.contains(op.system() + "/" + op.resource().type()))
                && !op.resource().locators().containsKey(COPIES_DATA) && !aggregatesOnly(sqlOf(op.note()))
                && !CATALOG.matcher(op.resource().name()).matches();
    }

    /** The SQL text a nested read carries in its note ("…; SQL: SELECT …"); empty when it carries none. */
    private static String sqlOf(String note) {
        int at = note.indexOf("SQL: ");
        return at < 0 ? "" : note.substring(at + 5);
    }

    /**
     * A remote host's data file read out over the connection ({@code ssh db-prod-1 "head -n 1000 /srv/exports/c.csv"}):
     * written to a file here, it is a copy of that host's data.
     */
    public static boolean readsRemoteData(Operation op) {
        return op.system().equals("filesystem") && op.verb() == Verb.READ && !op.resource().locator("host").isEmpty()
                && !op.resource().locators().containsKey(COPIES_DATA) && holdsDataCopy(op.resource().name());
    }

    /** The read, whose rows are now written to {@code file} on this machine: a copy of the data. */
    public static Operation rowsWrittenTo(Operation read, String file) {
        return read.toBuilder().locator(COPIES_DATA, "rows")
                .note(read.note() + (read.note().isEmpty() ? "" : "; ") + "the rows are written to " + file + " on this machine").build();
    }

    public static final String SYSTEM = "database";
    private static final Pattern WHOLE_EXPANSION = Pattern.compile("^\\s*(\\$\\{?\\w+\\}?|\\$\\(.*\\)|`.*`)\\s*$", Pattern.DOTALL);

    private DatabaseOps() {
    }

    public static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder(SYSTEM, verb).resource(type, name).evidence(inv.evidence());
    }

    /** Dropping, flushing or resetting a whole database: everything in it is gone. */
    public static Operation teardown(Invocation inv, String type, String name, String note) {
        return op(inv, Verb.DELETE, type, name).scope(Scope.ALL).stateful(true).reversible(false).note(note).build();
    }

    /** A client started without statements: whatever is typed next is unknown. */
    public static Operation session(Invocation inv, String database) {
        return op(inv, Verb.UNKNOWN, "database", database).confidence(Confidence.INFERRED)
                .note("opens an interactive session").build();
    }

    /** A script file the client will run: its content cannot be read at decision time. */
    public static Operation scriptFile(Invocation inv, String database, String file) {
        return op(inv, Verb.UNKNOWN, "database", database).confidence(Confidence.OPAQUE)
                .note("runs the SQL file " + file + ", which cannot be read statically").build();
    }

    public static Operation unknown(Invocation inv, String note) {
        return op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.INFERRED).note(note).build();
    }

    /**
     * Analyzes statements given on the command line. When the text is an expansion ({@code -c "$SQL"}) nothing can
     * be said; when only part of it is ({@code WHERE id = $ID}) the structure still counts but is not exact.
     */
    public static List<Operation> statements(String text, boolean literal, String dialect, Invocation inv, Nested nested) {
        if (text.isBlank()) {
            return List.of();
        }
        if (!literal && WHOLE_EXPANSION.matcher(text).matches()) {
            return List.of(op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.OPAQUE)
                    .note("the statement comes from " + text.trim() + ", which cannot be resolved statically").build());
        }
        List<Operation> ops = nested.sql(text, dialect, inv);
        return literal ? ops : inferred(ops);
    }

    public static List<Operation> inferred(List<Operation> ops) {
        return ops.stream().map(o -> o.confidence() == Confidence.EXACT ? o.toBuilder().confidence(Confidence.INFERRED).build() : o)
                .toList();
    }

    /** All values of the flags, in the order the names are given. */
    public static List<String> values(ParsedArgs parsed, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(parsed.flags().getOrDefault(n, List.of()));
        }
        return out;
    }

    /** Whether the argument that carried {@code value} (alone or as {@code --flag=value}) was free of expansions. */
    public static boolean literal(Invocation inv, String value) {
        for (Arg a : inv.args()) {
            if (a.value().equals(value) || a.value().endsWith("=" + value)
                    || a.value().length() > 2 && a.value().substring(2).equals(value)) {
                return a.literal();
            }
        }
        return true;
    }

    /** {@code --help}, {@code --version} and friends: nothing happens. */
    public static boolean help(Invocation inv, String... more) {
        for (String w : inv.words()) {
            if (w.equals("--help") || w.equals("--version") || w.equals("-?")) {
                return true;
            }
            for (String m : more) {
                if (w.equals(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A target flag's value: a URL or conninfo is parsed, a plain name fills {@code host} or {@code database}. */
    public static DatabaseTarget flag(DatabaseTarget target, Optional<String> value, boolean host, Invocation inv) {
        if (value.isEmpty()) {
            return target;
        }
        String resolved = DatabaseTarget.resolve(value.get(), inv.env());
        if (resolved == null) {
            return target.withUncertain(true);
        }
        if (DatabaseTarget.looksLikeUrl(resolved)) {
            return target.or(DatabaseTarget.fromUrl(resolved));
        }
        return host ? target.withHost(target.host().isEmpty() ? resolved : target.host())
                : target.withDatabase(target.database().isEmpty() ? resolved : target.database());
    }

    public static List<Operation> locate(List<Operation> ops, DatabaseTarget target, Invocation inv) {
        return ops.stream().map(o -> target.applyTo(o, inv)).toList();
    }

    /** {@link #locate} for clients that connect to this machine when no server is named ({@link DatabaseTarget#defaultingHere}). */
    public static List<Operation> locateClient(List<Operation> ops, DatabaseTarget target, Invocation inv) {
        return ops.stream().map(o -> target.defaultingHere(target.applyTo(o, inv), inv)).toList();
    }

    public static Optional<String> first(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
