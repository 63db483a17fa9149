package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.recognizers.controls.PrivacyDatabases;

import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.Regex;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.first;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.flag;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.literal;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.locate;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.locateClient;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.statements;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.values;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database clients. The statements they send ({@code psql -c}, {@code mysql -e}, {@code sqlite3 db "SQL"}, a heredoc
 * on standard input) go to the SQL analyzer; the recognizer adds where they land ({@code host}, {@code database}),
 * because the same {@code DELETE} is routine on localhost and an incident on {@code db.prod.internal}. Script files
 * cannot be read at decision time and count as opaque; a client started without statements is an interactive
 * session whose effect is unknown.
 */
public final class DatabaseClientRecognizer implements Recognizer {

    private static final Set<String> PSQL_VALUED = Set.of("-c", "--command", "-f", "--file", "-h", "--host", "-p",
            "--port", "-U", "--username", "-d", "--dbname", "-v", "--set", "--variable", "-o", "--output", "-L",
            "--log-file", "-F", "--field-separator", "-R", "--record-separator", "-P", "--pset", "-T", "--table-attr");
    private static final Set<String> MYSQL_VALUED = Set.of("-e", "--execute", "-h", "--host", "-u", "--user", "-P",
            "--port", "-D", "--database", "-S", "--socket", "--default-character-set", "--defaults-file",
            "--defaults-extra-file", "--login-path", "--init-command", "--ssl-ca", "--ssl-cert", "--ssl-key",
            "--protocol", "--connect-timeout", "--delimiter", "--tee");
    private static final Set<String> SQLITE_VALUED = Set.of("-cmd", "-init", "-separator", "-newline", "-nullvalue",
            "-vfs", "-mmap", "-heap", "-lookaside", "-pagecache", "-maxsize");
    private static final Set<String> CQLSH_VALUED = Set.of("-e", "--execute", "-f", "--file", "-k", "--keyspace", "-u",
            "--username", "-p", "--password", "--cqlshrc", "--cqlversion", "--request-timeout", "--connect-timeout",
            "--encoding", "-b", "--secure-connect-bundle");
    private static final Set<String> CLICKHOUSE_VALUED = Set.of("-q", "--query", "-h", "--host", "--port", "-d",
            "--database", "-u", "--user", "--password", "--queries-file", "--format", "-C", "--config-file");
    private static final String EXPORT_FORMATS = "(CSV\\w*|TSV\\w*|TabSeparated\\w*|Parquet|Arrow\\w*|ORC|Avro|Native|RowBinary\\w*|"
            + "JSONEachRow|JSONLines|NDJSON|JSONCompactEachRow\\w*|Values|SQLInsert|CustomSeparated\\w*|MsgPack|Protobuf\\w*)";
    private static final Pattern CLICKHOUSE_EXPORT = Pattern.compile("(?i)\\bINTO\\s+OUTFILE\\b|\\bFORMAT\\s+" + EXPORT_FORMATS + "\\s*;?\\s*$");
    private static final Pattern DROP_KEYSPACE = Pattern.compile("(?is)^\\s*DROP\\s+KEYSPACE\\s+(?:IF\\s+EXISTS\\s+)?\"?([\\w]+)\"?.*");
    private static final Pattern COPY_FROM = Pattern.compile("(?is)^\\\\copy\\s+([\\w.\"]+).*\\bfrom\\b.*");
    /** {@code \copy TABLE|(query) TO DEST}: the destination, a file on this machine unless it is stdout or a program. */
    private static final Pattern COPY_TO = Pattern.compile("(?is)^\\\\copy\\s+(.+?)\\s+to\\s+(program\\b)?\\s*'?([^'\\s]*).*");

    @Override
    public Set<String> programs() {
        return Set.of("psql", "mysql", "mariadb", "sqlite3", "mongosh", "mongo", "redis-cli", "cqlsh", "clickhouse-client",
                "dropdb", "createdb", "pg_dump", "pg_dumpall", "pg_restore", "mysqldump", "mysqladmin", "pgcli", "usql", "mycli",
                "mongodump", "mongorestore", "mongoimport", "mongoexport", "ysqlsh", "ycqlsh", "duckdb", "mydumper", "myloader");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            // pgcli, usql and YugabyteDB's ysqlsh take psql's connection flags; mycli takes mysql's
            case "psql", "pgcli", "usql", "ysqlsh" -> DatabaseOps.help(inv, "-V") ? List.of() : psql(inv, nested);
            case "mysql", "mariadb", "mycli" -> DatabaseOps.help(inv, "-V") ? List.of() : mysql(inv, nested);
            case "mongodump", "mongorestore", "mongoimport", "mongoexport" -> MongoShell.tools(inv);
            // duckdb: a database file, statements as words or on standard input, dot-commands like sqlite3's
            case "sqlite3", "duckdb" -> DatabaseOps.help(inv, "-version") ? List.of() : sqlite(inv, nested);
            case "mongosh", "mongo" -> MongoShell.recognize(inv, nested);
            case "redis-cli" -> RedisCli.recognize(inv, nested);
            case "cqlsh", "ycqlsh" -> DatabaseOps.help(inv) ? List.of() : cqlsh(inv, nested);
            case "clickhouse-client" -> DatabaseOps.help(inv) ? List.of() : clickhouse(inv, nested);
            default -> DatabaseAdminTools.recognize(inv);
        };
    }

    private static List<Operation> psql(Invocation inv, Nested nested) {
        // -1 (--single-transaction) looks like a negative number to the flag parser
        ParsedArgs p = inv.withArgs(inv.args().stream().filter(a -> !a.value().equals("-1")).toList()).parse(PSQL_VALUED);
        DatabaseTarget target = flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        target = flag(target, p.value("-d", "--dbname"), false, inv);
        if (!p.positionals().isEmpty()) {
            target = positionalTarget(target, p.positionals().getFirst(), inv);
        }
        target = target.or(DatabaseTarget.fromEnv(inv.env()));
        List<Operation> ops = new ArrayList<>();
        boolean toFile = p.value("-o", "--output").filter(f -> !f.startsWith("|") && !f.equals("/dev/null")).isPresent();
        for (String sql : values(p, "-c", "--command")) {
            List<Operation> read = psqlText(sql, literal(inv, sql), inv, nested);
            // -o FILE: the query's rows are written to a file here, unless it only counts or aggregates
            ops.addAll(toFile && !DatabaseOps.aggregatesOnly(sql) ? read.stream().map(o -> o.resource().type().equals("table") ? exported(o) : o).toList() : read);
        }
        for (String file : values(p, "-f", "--file")) {
            if (file.equals("-")) {
                ops.addAll(inv.stdin().map(s -> psqlText(s, true, inv, nested))
                        .orElse(List.of(DatabaseOps.session(inv, target.database()))));
            } else {
                java.util.Optional<String> text = nested.written(file);
                ops.addAll(text.isPresent() ? psqlText(text.get(), true, inv, nested) : List.of(DatabaseOps.scriptFile(inv, target.database(), file)));
            }
        }
        boolean given = p.has("-c", "--command", "-f", "--file");
        if (!given) {
            ops.addAll(inv.stdin().map(s -> psqlText(s, true, inv, nested))
                    .orElse(p.has("-l", "--list") ? List.of(op(inv, Verb.READ, "database", "").note("lists databases").build())
                            : List.of(DatabaseOps.session(inv, target.database()))));
        }
        return locateClient(ops, target, inv);
    }

    /** A database argument that may be a plain name, a URL or a conninfo string ({@code psql "$DATABASE_URL"}). */
    private static DatabaseTarget positionalTarget(DatabaseTarget target, Arg arg, Invocation inv) {
        Optional<String> value = DatabaseTarget.value(arg, inv.env());
        if (value.isEmpty()) {
            return target.withUncertain(true);
        }
        return DatabaseTarget.looksLikeUrl(value.get()) ? target.or(DatabaseTarget.fromUrl(value.get()))
                : target.withDatabase(target.database().isEmpty() ? value.get() : target.database());
    }

    /** psql text: SQL plus backslash meta-commands, one per line. */
    public static List<Operation> psqlText(String text, boolean literal, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("\\")) {
                ops.addAll(psqlMeta(t, inv, nested));
            } else {
                sql.append(line).append('\n');
            }
        }
        ops.addAll(0, statements(sql.toString(), literal, "postgresql", inv, nested));
        if (text.contains("\\gexec")) {
            // \gexec runs every value the query returns as a statement: the real statements are not in the text
            ops.add(op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.OPAQUE)
                    .note("\\gexec runs statements generated by the query").build());
        }
        return ops;
    }

    private static List<Operation> psqlMeta(String line, Invocation inv, Nested nested) {
        String[] parts = Regex.split(line, "\\s+", 2);
        String cmd = parts[0];
        String rest = parts.length > 1 ? parts[1] : "";
        return switch (cmd) {
            case "\\i", "\\ir", "\\include", "\\include_relative" -> writtenScript(rest, nested, "\\i")
                    .map(t -> psqlText(t, true, inv, nested)).orElse(List.of(DatabaseOps.scriptFile(inv, "", rest)));
            case "\\!" -> rest.isBlank() ? List.of(DatabaseOps.unknown(inv, "opens a shell from psql")) : nested.shell(rest, inv);
            case "\\copy" -> {
                Matcher m = COPY_FROM.matcher(line);
                Matcher to = COPY_TO.matcher(line);
                if (m.matches()) {
                    yield List.of(op(inv, Verb.UPDATE, "table", m.group(1)).scope(Scope.MANY).note("loads rows from a file").build());
                }
                Operation.Builder read = op(inv, Verb.READ, "table", rest.startsWith("(") ? "" : Regex.before(rest, "\\s+"));
                if (to.matches() && to.group(2) != null) {
                    yield List.of(DatabaseOps.unknown(inv, "\\copy … TO PROGRAM runs a command on this machine with the rows"));
                }
                if (to.matches() && !Set.of("stdout", "pstdout").contains(to.group(3).toLowerCase(Locale.ROOT))) {
                    // the rows land in a file here, like a dump: a copy of the data out of its environment
                    DatabaseAdminTools.dataCopy(read, true).note("copies the rows to " + to.group(3) + " on this machine");
                }
                yield List.of(read.build());
            }
            case "\\gexec" -> List.of();
            case "\\c", "\\connect", "\\q", "\\set", "\\pset", "\\timing", "\\x", "\\echo", "\\o", "\\a", "\\t", "\\f",
                 "\\unset", "\\encoding", "\\qecho", "\\H", "\\g" -> List.of();
            default -> cmd.startsWith("\\d") || cmd.startsWith("\\l") || cmd.startsWith("\\s") || cmd.equals("\\conninfo")
                    || cmd.equals("\\?") || cmd.equals("\\h") || cmd.startsWith("\\z") || cmd.startsWith("\\e")
                    ? List.of(op(inv, Verb.READ, "database", "").note("describes the catalog").build())
                    : List.of(DatabaseOps.unknown(inv, "unrecognized psql command " + cmd));
        };
    }

    private static List<Operation> mysql(Invocation inv, Nested nested) {
        Invocation cleaned = withoutPasswords(inv);
        ParsedArgs p = cleaned.parse(MYSQL_VALUED);
        DatabaseTarget target = flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        target = flag(target, p.value("-D", "--database"), false, inv);
        if (!p.positionals().isEmpty()) {
            target = positionalTarget(target, p.positionals().getFirst(), inv);
        }
        DatabaseTarget where = target.or(DatabaseTarget.fromEnv(inv.env()));
        List<Operation> ops = new ArrayList<>();
        List<String> executes = values(p, "-e", "--execute");
        for (String sql : executes) {
            ops.addAll(mysqlText(sql, literal(inv, sql), inv, nested, where));
        }
        if (executes.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> mysqlText(s, true, inv, nested, where))
                    .orElse(List.of(DatabaseOps.session(inv, where.database()))));
        }
        return locateClient(ops, where, inv);
    }

    private static List<Operation> mysqlText(String text, boolean literal, Invocation inv, Nested nested, DatabaseTarget target) {
        List<Operation> ops = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String statement : text.split(";")) {
            String t = statement.trim();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("source ") || t.startsWith("\\.")) {
                String script = t.substring(t.indexOf(' ') + 1).trim();
                ops.addAll(writtenScript(script, nested, "source").map(w -> mysqlText(w, true, inv, nested, target))
                        .orElse(List.of(DatabaseOps.scriptFile(inv, target.database(), script))));
            } else if (lower.startsWith("system ") || t.startsWith("\\!")) {
                ops.addAll(nested.shell(t.substring(t.indexOf(' ') + 1), inv));
            } else {
                sql.append(statement).append(';');
            }
        }
        ops.addAll(0, statements(ops.isEmpty() ? text : sql.toString(), literal, "mysql", inv, nested));
        return ops;
    }

    /** mysql's {@code -pSECRET} glues the password to the flag; left in, it would read as bundled flags. */
    static Invocation withoutPasswords(Invocation inv) {
        List<Arg> args = inv.args().stream()
                .filter(a -> !(a.value().startsWith("-p") || a.value().startsWith("--password"))).toList();
        return inv.withArgs(args);
    }

    private static List<Operation> sqlite(Invocation inv, Nested nested) {
        List<Arg> positionals = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (inv.program().equals("duckdb") && (v.equals("-c") || v.equals("-s")) && i + 1 < args.size()) {
                commands.add(args.get(++i).value()); // duckdb runs these and exits
            } else if (v.startsWith("-") && v.length() > 1) {
                String name = v.startsWith("--") ? v.substring(1) : v;
                if (SQLITE_VALUED.contains(name) && i + 1 < args.size()) {
                    if (name.equals("-cmd")) {
                        commands.add(args.get(i + 1).value());
                    } else if (name.equals("-init")) {
                        commands.add(".read " + args.get(i + 1).value());
                    }
                    i++;
                }
            } else {
                positionals.add(args.get(i));
            }
        }
        Arg fileArg = positionals.isEmpty() ? Arg.of(":memory:") : positionals.getFirst();
        String file = fileArg.value();
        List<Operation> ops = new ArrayList<>();
        if (SecretFiles.isSecret(inv.workspace().resolve(file))) {
            // a browser's cookie jar or password store is a database of sessions and passwords
            ops.add(CredentialRecognizer.secretFile(inv, file));
        }
        for (String c : commands) {
            ops.addAll(sqliteText(c, true, inv, nested, file));
        }
        for (Arg a : positionals.subList(Math.min(1, positionals.size()), positionals.size())) {
            ops.addAll(sqliteText(a.value(), a.literal(), inv, nested, file));
        }
        if (positionals.size() <= 1) {
            ops.addAll(inv.stdin().map(s -> sqliteText(s, true, inv, nested, file))
                    .orElse(commands.isEmpty() ? List.of(DatabaseOps.session(inv, file)) : List.of()));
        }
        DatabaseTarget target = DatabaseTarget.NONE.withDatabase(file).withUncertain(!fileArg.literal());
        boolean local = !inv.remote() && fileArg.literal() && (file.equals(":memory:") || switch (inv.workspace().area(file)) {
            case WORKSPACE, TEMP -> true;
            default -> false;
        });
        StringBuilder text = new StringBuilder(String.join("\n", commands));
        positionals.stream().skip(1).forEach(a -> text.append('\n').append(a.value()));
        inv.stdin().ifPresent(s -> text.append('\n').append(s));
        List<EmbeddedAttach.Attached> servers = EmbeddedAttach.servers(text.toString());
        List<Operation> out = new ArrayList<>();
        for (Operation o : locate(ops, target, inv)) {
            Optional<EmbeddedAttach.Attached> server = EmbeddedAttach.serverOf(o, servers);
            if (server.isEmpty() && o.verb() == Verb.TRANSFER && !servers.isEmpty()) {
                server = Optional.of(servers.getFirst()); // a file written beside an attached server may hold its rows
            }
            if (server.isPresent()) {
                out.add(EmbeddedAttach.onServer(o, server.get(), inv));
            } else {
                out.add(local ? EmbeddedAttach.keptLocal(o, inv).withEnvironment(Tier.LOCAL, "the SQLite database " + file + " is a file in the workspace") : o);
            }
        }
        return inv.remote() || !fileArg.literal() ? out : PrivacyDatabases.mark(out, inv.workspace().resolve(file));
    }

    /** sqlite3 text: SQL plus dot-commands, one per line. */
    private static List<Operation> sqliteText(String text, boolean literal, Invocation inv, Nested nested, String file) {
        List<Operation> ops = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith(".")) {
                ops.addAll(sqliteDot(t, inv, nested, file));
            } else {
                sql.append(line).append('\n');
            }
        }
        ops.addAll(0, statements(sql.toString(), literal, "sqlite", inv, nested));
        return ops;
    }

    private static List<Operation> sqliteDot(String line, Invocation inv, Nested nested, String file) {
        String[] parts = Regex.split(line, "\\s+");
        String rest = line.substring(parts[0].length()).trim();
        if (parts[0].equals(".read")) {
            return writtenScript(rest, nested, ".read").map(t -> sqliteText(t, true, inv, nested, file))
                    .orElse(List.of(DatabaseOps.scriptFile(inv, file, rest)));
        }
        return List.of(switch (parts[0]) {
            case ".import" -> op(inv, Verb.UPDATE, "table", parts[parts.length - 1]).scope(Scope.MANY)
                    .note("imports rows from a file").build();
            case ".restore" -> op(inv, Verb.REPLACE, "database", file).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("overwrites the database with a backup").build();
            case ".shell", ".system" -> nested.shell(rest, inv).stream().findFirst()
                    .orElse(DatabaseOps.unknown(inv, "runs a shell command from sqlite3"));
            case ".dump" -> op(inv, Verb.READ, "database", file).note("sqlite3 .dump " + DatabaseOps.DUMPS_ROWS).build();
            case ".tables", ".schema", ".indexes", ".indices", ".databases", ".dbinfo", ".fullschema", ".headers",
                 ".mode", ".show", ".help", ".quit", ".exit", ".timer", ".width", ".print", ".output", ".once", ".echo",
                 ".eqp", ".stats", ".nullvalue", ".separator", ".changes", ".lint", ".expert", ".sha3sum", ".backup",
                 ".save", ".clone", ".open", ".bail", ".excel", ".log", ".prompt", ".scanstats", ".timeout" ->
                    op(inv, Verb.READ, "database", file).note("sqlite3 " + parts[0]).build();
            default -> DatabaseOps.unknown(inv, "unrecognized sqlite3 command " + parts[0]);
        });
    }

    /**
     * A script a client's include command runs ({@code .read}, {@code \\i}, {@code source}) whose text this line wrote
     * just before: judged as its statements. A script that includes again is left unread (no include loops).
     */
    private static Optional<String> writtenScript(String file, Nested nested, String include) {
        String name = Regex.replaceAll(file, "^['\"]|['\"]$", "");
        return nested.written(name).filter(t -> !t.contains(include));
    }

    private static List<Operation> cqlsh(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(CQLSH_VALUED);
        DatabaseTarget target = DatabaseTarget.NONE;
        if (!p.positionals().isEmpty()) {
            Optional<String> host = DatabaseTarget.value(p.positionals().getFirst(), inv.env());
            target = host.map(target::withHost).orElse(target.withUncertain(true));
        }
        target = flag(target, p.value("-k", "--keyspace"), false, inv);
        target = target.withHost(target.host().isEmpty() ? inv.env().getOrDefault("CQLSH_HOST", "") : "");
        List<Operation> ops = new ArrayList<>();
        Optional<String> file = p.value("-f", "--file");
        file.ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, "", f)));
        Optional<String> text = first(values(p, "-e", "--execute")).or(() -> file.isEmpty() ? inv.stdin() : Optional.empty());
        if (text.isPresent()) {
            StringBuilder rest = new StringBuilder();
            for (String statement : text.get().split(";")) {
                Matcher m = DROP_KEYSPACE.matcher(statement);
                if (m.matches()) {
                    // CQL's keyspace is its database; the SQL parser does not know the word
                    ops.add(DatabaseOps.teardown(inv, "database", m.group(1), "drops the keyspace " + m.group(1)));
                } else if (!statement.isBlank()) {
                    rest.append(statement).append(';');
                }
            }
            ops.addAll(statements(rest.toString(), literal(inv, text.get()), "", inv, nested));
        } else if (file.isEmpty()) {
            ops.add(DatabaseOps.session(inv, target.database()));
        }
        return locateClient(ops, target, inv);
    }

    /**
     * A ClickHouse query that writes its rows out in a file format ({@code FORMAT CSV}, {@code --format Parquet},
     * {@code INTO OUTFILE}): an export of the table, unless it only counts or aggregates.
     */
    private static boolean exports(String query, Optional<String> format) {
        boolean fileFormat = CLICKHOUSE_EXPORT.matcher(query).find()
                || format.filter(f -> Regex.matches(f, "(?i)" + EXPORT_FORMATS)).isPresent();
        return fileFormat && !DatabaseOps.aggregatesOnly(query);
    }


    private static Operation exported(Operation read) {
        return read.verb() != Verb.READ ? read
                : DatabaseAdminTools.dataCopy(read.toBuilder(), true).note("exports the rows in a file format").build();
    }

    private static List<Operation> clickhouse(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(CLICKHOUSE_VALUED);
        DatabaseTarget target = flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        target = flag(target, p.value("-d", "--database"), false, inv);
        target = target.withHost(target.host().isEmpty() ? inv.env().getOrDefault("CLICKHOUSE_HOST", "") : "");
        List<Operation> ops = new ArrayList<>();
        for (String q : values(p, "-q", "--query")) {
            List<Operation> read = statements(q, literal(inv, q), "", inv, nested);
            ops.addAll(exports(q, p.value("--format")) ? read.stream().map(o -> o.resource().type().equals("table") ? exported(o) : o).toList() : read);
        }
        p.value("--queries-file").ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, "", f)));
        if (!p.has("-q", "--query", "--queries-file")) {
            ops.addAll(inv.stdin().map(s -> statements(s, true, "", inv, nested))
                    .orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        return locateClient(ops, target, inv);
    }
}
