package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.flag;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.literal;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.locate;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.statements;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.values;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL shells beyond the common ones (SQL Server's sqlcmd, Snowflake, Trino/Presto, CockroachDB, Vertica, Hive,
 * Spark SQL, Impala, Oracle's sqlplus, {@code sqoop eval}): each is a row that says which flags carry statements, script files, the
 * host or URL and the database. Statements go to the SQL analyzer and land where the flags say, so a
 * {@code DROP DATABASE} through a client Interlock had no row for is no longer an allowed "execute program".
 */
public final class SqlShells implements Recognizer {

    /**
     * One client. {@code subcommand} is the word that opens its SQL shell when the program does more ({@code
     * cockroach sql}); flags not listed in {@code valued} are read as switches. {@code variables} name the server (a host
     * or a URL) when no flag does. {@code output} are the flags that write the answer to a file here: a flag alone
     * ({@code -o}) or a flag and the option it sets ({@code -o output_file=}).
     */
    record Client(String program, String subcommand, String dialect, Set<String> valued, List<String> query,
                  List<String> file, List<String> host, List<String> url, List<String> database, List<String> variables,
                  List<String> output) {
    }

    private static final Set<String> SQLCMD_VALUED = Set.of("-S", "-U", "-P", "-d", "-Q", "-q", "-i", "-o", "-s", "-w",
            "-h", "-t", "-l", "-v", "-H", "-f", "-a", "-c", "-y", "-Y", "-K", "-M", "-F", "--server", "--user-name",
            "--database-name", "--database", "--query", "--initial-query", "--input-file", "--output-file");
    private static final Set<String> SNOWSQL_VALUED = Set.of("-a", "--accountname", "-u", "--username", "-d", "--dbname",
            "-s", "--schemaname", "-r", "--rolename", "-w", "--warehouse", "-h", "--host", "-p", "--port", "-q", "--query",
            "-f", "--filename", "-c", "--connection", "-o", "--option", "-D", "--variable", "--config", "--authenticator",
            "--private-key-path", "--account", "--database", "--schema", "--role", "--user");
    private static final Set<String> TRINO_VALUED = Set.of("--server", "--execute", "-f", "--file", "--catalog", "--schema",
            "--user", "--output-format", "--session", "--source", "--client-tags", "--truststore-path", "--keystore-path",
            "--access-token", "--extra-credential", "--timezone", "--client-info", "--resource-estimate");
    private static final Set<String> COCKROACH_VALUED = Set.of("--url", "--host", "--port", "-p", "-d", "--database",
            "-u", "--user", "-e", "--execute", "-f", "--file", "--certs-dir", "--format", "--set");
    private static final Set<String> VSQL_VALUED = Set.of("-c", "--command", "-f", "--file", "-h", "--host", "-d",
            "--dbname", "-U", "--username", "-p", "--port", "-w", "--password", "-o", "--output", "-v", "--set", "-F", "-R", "-P");
    private static final Set<String> HIVE_VALUED = Set.of("-u", "-n", "-p", "-d", "-e", "-f", "-i", "--hiveconf",
            "--hivevar", "--define", "--property-file", "-a", "--outputformat", "--database", "--master", "--conf",
            "--name", "--deploy-mode", "--queue", "--num-executors", "--executor-memory", "--driver-memory", "--jars");
    private static final Set<String> IMPALA_VALUED = Set.of("-q", "--query", "-f", "--query_file", "-i", "--impalad",
            "-d", "--database", "-u", "--user", "-o", "--output_file", "--var", "--config_file");

    private static final Set<String> DBSQLCLI_VALUED = Set.of("-e", "--execute", "--hostname", "--http-path",
            "--access-token", "--database", "--table-format", "--clirc", "--auth-type");

    /** Clients whose query flag takes a script file as well ({@code dbsqlcli -e queries/report.sql}). */
    private static final Set<String> QUERY_OR_FILE = Set.of("dbsqlcli");

    static final List<Client> CLIENTS = List.of(
            new Client("sqlcmd", "", "sqlserver", SQLCMD_VALUED, List.of("-Q", "-q", "--query", "--initial-query"),
                    List.of("-i", "--input-file"), List.of("-S", "--server"), List.of(), List.of("-d", "--database-name"),
                    List.of("SQLCMDSERVER"), List.of("-o", "--output-file")),
            new Client("osql", "", "sqlserver", SQLCMD_VALUED, List.of("-Q", "-q"), List.of("-i"), List.of("-S"), List.of(),
                    List.of("-d"), List.of(), List.of("-o")),
            new Client("mssql-cli", "", "sqlserver", SQLCMD_VALUED, List.of("-Q", "--query"), List.of("-i", "--input-file"),
                    List.of("-S", "--server"), List.of(), List.of("-d", "--database"), List.of(), List.of("-o", "--output-file")),
            new Client("snowsql", "", "snowflake", SNOWSQL_VALUED, List.of("-q", "--query"), List.of("-f", "--filename"),
                    List.of("-a", "--accountname", "-h", "--host"), List.of(), List.of("-d", "--dbname"),
                    List.of("SNOWSQL_ACCOUNT"), List.of("-o output_file=", "--option output_file=")),
            new Client("snow", "sql", "snowflake", SNOWSQL_VALUED, List.of("-q", "--query"), List.of("-f", "--filename"),
                    List.of("--account", "--host"), List.of(), List.of("--database"), List.of("SNOWFLAKE_ACCOUNT"), List.of()),
            new Client("trino", "", "", TRINO_VALUED, List.of("--execute"), List.of("-f", "--file"), List.of(),
                    List.of("--server"), List.of("--catalog"), List.of(), List.of()),
            new Client("trino-cli", "", "", TRINO_VALUED, List.of("--execute"), List.of("-f", "--file"), List.of(),
                    List.of("--server"), List.of("--catalog"), List.of(), List.of()),
            new Client("presto", "", "", TRINO_VALUED, List.of("--execute"), List.of("-f", "--file"), List.of(),
                    List.of("--server"), List.of("--catalog"), List.of(), List.of()),
            new Client("presto-cli", "", "", TRINO_VALUED, List.of("--execute"), List.of("-f", "--file"), List.of(),
                    List.of("--server"), List.of("--catalog"), List.of(), List.of()),
            new Client("cockroach", "sql", "postgresql", COCKROACH_VALUED, List.of("-e", "--execute"), List.of("-f", "--file"),
                    List.of("--host"), List.of("--url"), List.of("-d", "--database"), List.of("COCKROACH_HOST", "COCKROACH_URL"),
                    List.of()),
            new Client("vsql", "", "", VSQL_VALUED, List.of("-c", "--command"), List.of("-f", "--file"), List.of("-h", "--host"),
                    List.of(), List.of("-d", "--dbname"), List.of("VSQL_HOST"), List.of("-o", "--output")),
            new Client("beeline", "", "", HIVE_VALUED, List.of("-e"), List.of("-f", "-i"), List.of(), List.of("-u"),
                    List.of("--database"), List.of(), List.of()),
            new Client("hive", "", "", HIVE_VALUED, List.of("-e"), List.of("-f", "-i"), List.of(), List.of(),
                    List.of("--database"), List.of(), List.of()),
            new Client("spark-sql", "", "", HIVE_VALUED, List.of("-e"), List.of("-f", "-i"), List.of(), List.of(),
                    List.of("--database"), List.of(), List.of()),
            new Client("impala-shell", "", "", IMPALA_VALUED, List.of("-q", "--query"), List.of("-f", "--query_file"),
                    List.of("-i", "--impalad"), List.of(), List.of("-d", "--database"), List.of(),
                    List.of("-o", "--output_file")),
            // the Databricks SQL CLI: the workspace's host name (its warehouse is --http-path), statements with -e
            new Client("dbsqlcli", "", "", DBSQLCLI_VALUED, List.of("-e", "--execute"), List.of(), List.of("--hostname"),
                    List.of(), List.of("--database"), List.of("DBSQLCLI_HOST_NAME"), List.of()),
            new Client("sqoop", "eval", "", SqoopTools.VALUED, List.of("--query", "-e"), List.of(), List.of(),
                    List.of("--connect"), List.of(), List.of(), List.of()));

    private static final Map<String, List<Client>> BY_PROGRAM = new HashMap<>();
    private static final Recognizer OTHER = new UnrecognizedProgram();

    static {
        for (Client c : CLIENTS) {
            BY_PROGRAM.computeIfAbsent(c.program(), k -> new ArrayList<>()).add(c);
        }
    }

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(BY_PROGRAM.keySet());
        all.addAll(Set.of("sqlplus", "wrangler"));
        return all;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-?", "-V", "--version")) {
            return List.of();
        }
        switch (inv.program()) {
            case "sqlplus" -> {
                return sqlplus(inv, nested);
            }
            case "wrangler" -> {
                return d1(inv, nested);
            }
            default -> { }
        }
        for (Client c : BY_PROGRAM.get(inv.program())) {
            if (c.subcommand().isEmpty()) {
                return run(c, inv, inv, nested);
            }
            List<Arg> args = inv.args();
            if (!args.isEmpty() && args.getFirst().value().equals(c.subcommand())) {
                return run(c, inv.withArgs(args.subList(1, args.size())), inv, nested);
            }
        }
        if (inv.program().equals("cockroach") && !inv.args().isEmpty() && inv.args().getFirst().value().equals("node")) {
            return DistributedDatabaseTools.cockroachNode(inv);
        }
        if (inv.program().equals("sqoop")) {
            return SqoopTools.recognize(inv);
        }
        // the program's other commands (cockroach start, snow app …) are not SQL: judged as any other program
        return OTHER.recognize(inv, nested);
    }

    private static List<Operation> run(Client c, Invocation args, Invocation inv, Nested nested) {
        ParsedArgs p = args.parse(c.valued());
        DatabaseTarget target = DatabaseTarget.NONE;
        for (String h : c.host()) {
            target = flag(target, p.value(h).map(SqlShells::hostName), true, inv);
        }
        for (String u : c.url()) {
            target = flag(target, p.value(u).map(v -> DatabaseTarget.looksLikeUrl(v) ? v : hostName(v)), true, inv);
        }
        for (String d : c.database()) {
            target = flag(target, p.value(d), false, inv);
        }
        for (String v : c.variables()) {
            target = flag(target, Optional.ofNullable(inv.env().get(v)).filter(s -> !s.isEmpty())
                    .map(s -> DatabaseTarget.looksLikeUrl(s) ? s : hostName(s)), true, inv);
        }
        target = target.or(DatabaseTarget.fromEnv(inv.env()));
        List<Operation> ops = new ArrayList<>();
        Optional<String> connection = c.dialect().equals("snowflake") ? p.value("-c", "--connection") : Optional.empty();
        List<String> files = new ArrayList<>(values(p, c.file().toArray(String[]::new)));
        for (String q : values(p, c.query().toArray(String[]::new))) {
            if (QUERY_OR_FILE.contains(c.program()) && q.matches("[^\\s;]+\\.sql")) {
                files.add(q);
                continue;
            }
            List<Operation> stated = statements(q, literal(inv, q), c.dialect(), inv, nested);
            ops.addAll(c.program().equals("spark-sql") ? SparkLocalTables.place(p, q, inv, stated) : stated);
        }
        for (String f : files) {
            Optional<String> text = nested.written(f);
            ops.addAll(text.isPresent() ? statements(text.get(), true, c.dialect(), inv, nested)
                    : List.of(DatabaseOps.scriptFile(inv, target.database(), f)));
        }
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> statements(s, true, c.dialect(), inv, nested))
                    .orElse(List.of(DatabaseOps.session(inv, target.database()))));
        }
        // the answer written to a file here is a copy of the rows it holds, as psql -o's is
        outputFile(c, p).ifPresent(out -> ops.replaceAll(o -> DatabaseOps.returnsRows(o) ? DatabaseOps.rowsWrittenTo(o, out) : o));
        // a Snowflake connection is a named profile of account, user and role: its name places it like an AWS profile
        return locate(ops, target, inv).stream()
                .map(o -> connection.map(name -> o.toBuilder().locator("profile", name).build()).orElse(o)).toList();
    }

    /** The file the client writes its answer to, by the client's {@code output} flags; not a device. */
    private static Optional<String> outputFile(Client c, ParsedArgs p) {
        for (String spelling : c.output()) {
            String[] flagAndOption = spelling.split(" ", 2);
            String option = flagAndOption.length > 1 ? flagAndOption[1] : "";
            for (String value : values(p, flagAndOption[0])) {
                String file = value.startsWith(option) ? value.substring(option.length()).trim() : "";
                if (!file.isEmpty() && !file.startsWith("/dev/")) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * sqlplus takes a logon ({@code user/password@//host:1521/service}, {@code user@tnsalias}, {@code /nolog}) and
     * {@code @script} as words; statements usually come on standard input.
     */
    private static List<Operation> sqlplus(Invocation inv, Nested nested) {
        DatabaseTarget target = DatabaseTarget.NONE;
        List<Operation> ops = new ArrayList<>();
        boolean logonSeen = false;
        for (Arg a : inv.args()) {
            String v = a.value();
            if (v.startsWith("-")) {
                continue;
            }
            if (v.startsWith("@")) {
                ops.add(DatabaseOps.scriptFile(inv, target.database(), v.substring(1)));
            } else if (!logonSeen) {
                logonSeen = true;
                int at = v.lastIndexOf('@');
                if (!a.literal()) {
                    target = target.withUncertain(true);
                } else if (at >= 0) {
                    String connect = Regex.replaceFirst(v.substring(at + 1), "^//", "");
                    target = target.withHost(hostName(Regex.before(connect, "[:/]")))
                            .withDatabase(connect.contains("/") ? connect.substring(connect.lastIndexOf('/') + 1) : "");
                }
            }
        }
        target = target.withHost(target.host().isEmpty() ? hostName(inv.env().getOrDefault("TWO_TASK", "")) : "");
        if (ops.isEmpty() && inv.stdin().isPresent()) {
            ClientScripts.Split script = ClientScripts.SQLPLUS.split(inv.stdin().get(), target.database(), inv, nested);
            ops.addAll(script.written(statements(script.sql(), true, "", inv, nested)));
            ops.addAll(script.others());
        }
        if (ops.isEmpty()) {
            ops.add(DatabaseOps.session(inv, target.database()));
        }
        return locate(ops, target.or(DatabaseTarget.NONE.withDatabase(inv.env().getOrDefault("ORACLE_SID", ""))), inv);
    }

    /**
     * {@code bq query [flags] 'SQL'}: the statement is the word after the flags; it lands in {@code --project_id} or
     * the project its tables name ({@code `acme-prod.analytics.events`}), else in gcloud's default project, unknown
     * here. bq's other commands are the data-platform recognizer's.
     */
    public static List<Operation> bigQuery(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("--project_id", "--location", "--dataset_id", "--destination_table", "--parameter",
                "--max_rows", "-n", "--format", "--job_id", "--api", "--max_bad_records", "--maximum_bytes_billed", "--label"));
        List<Arg> words = p.positionals();
        List<Operation> ops = new ArrayList<>();
        for (Arg sql : words.subList(1, words.size())) {
            ops.addAll(statements(sql.value(), sql.literal(), "", inv, nested));
        }
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> statements(s, true, "", inv, nested))
                    .orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        String project = p.value("--project_id").orElseGet(() -> words.stream().skip(1)
                .map(a -> Regex.find(a.value(), "`([a-z][a-z0-9-]{4,28}[a-z0-9])[.:]") ? Regex.replaceFirst(
                        a.value().substring(a.value().indexOf('`') + 1), "[.:].*", "") : "")
                .filter(v -> !v.isEmpty()).findFirst().orElse(inv.env().getOrDefault("CLOUDSDK_CORE_PROJECT", "")));
        return ops.stream().map(o -> project.isEmpty() ? o : o.toBuilder().locator("project", project).build()).toList();
    }

    /**
     * {@code wrangler d1 execute DB --command SQL | --file F [--remote]}: Cloudflare D1. Without {@code --remote} it
     * runs on the local development copy.
     */
    private static List<Operation> d1(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        if (args.size() < 2 || !args.get(0).value().equals("d1") || !args.get(1).value().equals("execute")) {
            return OTHER.recognize(inv, nested);
        }
        ParsedArgs p = inv.withArgs(args.subList(2, args.size())).parse(Set.of("--command", "--file", "--env", "-e",
                "--config", "-c", "--persist-to", "--batch-size"));
        String database = p.positional(0).orElse("");
        boolean remote = p.has("--remote") && !p.has("--local");
        List<Operation> ops = new ArrayList<>();
        for (String q : values(p, "--command")) {
            ops.addAll(statements(q, literal(inv, q), "sqlite", inv, nested));
        }
        for (String f : values(p, "--file")) {
            ops.add(DatabaseOps.scriptFile(inv, database, f));
        }
        DatabaseTarget target = DatabaseTarget.NONE.withDatabase(database).withHost(remote ? "d1:" + database : "");
        return locate(ops.isEmpty() ? List.of(DatabaseOps.session(inv, database)) : ops, target, inv).stream()
                .map(o -> remote ? o : o.withEnvironment(dev.interlock.model.Tier.LOCAL, "wrangler d1 without --remote runs on the local copy"))
                .toList();
    }

    /** SQL Server's {@code tcp:host,1433} and {@code host\instance}, Trino-style {@code host:port}: the host. */
    /** SQL Server's spellings of a server: {@code tcp:host,1433}, {@code host\\INSTANCE}; {@code .}, {@code (local)}, {@code (localdb)\\…} are this machine. */
    public static String hostName(String value) {
        String v = Regex.replaceFirst(value.trim(), "^(?i)(tcp|np|lpc|admin):", "");
        if (v.equals(".") || v.startsWith(".\\") || Regex.find(v, "^(?i)\\((local|localdb)\\)")) {
            return "localhost";
        }
        int cut = v.length();
        for (char c : new char[] {',', '\\', ':'}) {
            int i = v.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return v.substring(0, cut);
    }
}
