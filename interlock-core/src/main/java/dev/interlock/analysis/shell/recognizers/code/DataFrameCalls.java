package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data-frame libraries' database calls (pandas' {@code read_sql} and {@code to_sql}, polars' {@code read_database} and
 * {@code write_database}), written back as the SQL client's command line that does the same over the same connection,
 * so that they are judged like it: a read is its SELECT; {@code if_exists='replace'} drops the table before the frame's
 * rows go in; otherwise rows are added. A read whose frame is then written to a file here ({@code .to_csv('x.csv')}) is
 * a copy of its rows, as {@code psql … > x.csv} is; one aggregated first ({@code groupby}, {@code describe}) copies none.
 * A frame written to an object store or the Hub is that upload.
 */
final class DataFrameCalls {

    private DataFrameCalls() {
    }

    private static final Pattern READ = Pattern.compile("\\bread_(sql_table|sql_query|sql|database_uri|database)\\s*\\(");
    private static final Pattern WRITE = Pattern.compile("\\.\\s*(to_sql|write_database)\\s*\\(");
    /** A frame written to a file: pandas' {@code to_*}, polars' {@code write_*} and {@code sink_*}, and the path it names. */
    private static final Pattern TO_FILE = Pattern.compile("\\.\\s*(to_csv|to_parquet|to_json|to_excel|to_feather|to_pickle|to_orc"
            + "|write_csv|write_parquet|write_json|write_ndjson|write_excel|write_ipc|write_avro|sink_csv|sink_parquet)\\s*\\("
            + "\\s*(?:(?:path_or_buf|path|file|excel_writer)\\s*=\\s*)?" + LIT);
    /** Frame methods that leave counts or aggregates, not rows. */
    private static final Pattern AGGREGATES = Pattern.compile("\\.\\s*(?:groupby|group_by|agg|aggregate|describe|count|sum"
            + "|mean|median|value_counts|nunique|pivot_table|shape|len)\\b");
    /**
     * A JVM file writer opened on a path, whose block (or a call's row closure) the rows pass through: Groovy's
     * {@code new File('x').withWriter { … }}, Kotlin's {@code File("x").bufferedWriter().use { … }}.
     */
    private static final Pattern JVM_WRITER = Pattern.compile("\\b(?:new\\s+)?File\\s*\\(\\s*" + LIT + "\\s*\\)\\s*\\.\\s*"
            + "(?:withWriter|withWriterAppend|withPrintWriter|withOutputStream|(?:bufferedWriter|printWriter|writer)\\s*\\([^)]*\\)\\s*\\.\\s*use)"
            + "\\s*(?:\\([^)]*\\)\\s*)?\\{");
    /** A JVM write of text to a file: {@code new File('x') << t}, {@code .append(t)}, {@code .text = t}, Kotlin's {@code writeText}. */
    private static final Pattern JVM_WRITE = Pattern.compile("\\b(?:new\\s+)?File\\s*\\(\\s*" + LIT + "\\s*\\)\\s*"
            + "(?:<<|\\.\\s*(?:append|write|writeText|appendText|setText)\\s*\\(|\\.\\s*text\\s*=)");
    private static final Pattern KEYWORD = Pattern.compile("^\\s*(\\w+)\\s*=(?!=)\\s*([\\s\\S]*)$");
    private static final Pattern FIRST_LIT = Pattern.compile(LIT);
    private static final Pattern SQLITE_FILE = Pattern.compile("\\bsqlite3\\.connect\\s*\\(\\s*" + LIT);
    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*");
    private static final Pattern TABLE = Pattern.compile("[\\w.\"`]+");

    /** The code's frame reads and writes as SQL client lines; their call names (and the file writers') go to {@code accounted}. */
    static void find(String code, List<String> lines, List<SdkCalls.Generic> generic, Set<String> accounted) {
        if (!Regex.find(code, "read_sql|read_database|to_sql|write_database|://")) {
            return;
        }
        Matcher r = READ.matcher(code);
        while (r.find()) {
            Call call = call(code, r.end());
            // a table's name where the query goes (read_sql('customers', con), read_sql_table) reads all of it
            String statement = text(code, call.arg(0, "sql", "query", "table_name").orElse(""), r.start())
                    .map(t -> r.group(1).equals("sql_table") || TABLE.matcher(t.strip()).matches() ? "SELECT * FROM " + t.strip() : t)
                    .orElse("");
            Optional<String> line = line(code, call.arg(1, "con", "connection", "uri", "conn").orElse(""), statement);
            if (line.isPresent()) {
                accounted.add("read_" + r.group(1));
                lines.add(line.get() + rowsFile(code, r.start(), r.end() + call.text().length()).map(f -> " > " + quote(f)).orElse(""));
            }
        }
        Matcher w = WRITE.matcher(code);
        while (w.find()) {
            Call call = call(code, w.end());
            Optional<String> table = call.arg(0, "name", "table_name").flatMap(DataFrameCalls::literal)
                    .map(t -> call.arg(-1, "schema").flatMap(DataFrameCalls::literal).map(s -> s + "." + t).orElse(t));
            String mode = call.arg(-1, "if_exists", "if_table_exists").flatMap(DataFrameCalls::literal).orElse("fail");
            if (table.isEmpty()) {
                continue;
            }
            String rows = "INSERT INTO " + table.get() + " DEFAULT VALUES";
            Optional<String> line = line(code, call.arg(1, "con", "connection", "uri", "conn").orElse(""),
                    mode.equals("replace") ? "DROP TABLE IF EXISTS " + table.get() + "; " + rows : rows);
            if (line.isPresent()) {
                accounted.add(w.group(1));
                lines.add(line.get());
            }
        }
        Matcher f = TO_FILE.matcher(code);
        while (f.find()) {
            accounted.add(f.group(1)); // a file write here is judged as one by the code's own file calls
            String path = lit(f, 2);
            if (path.contains("://")) {
                uploaded(f.group(1), path, lines, generic);
            }
        }
    }

    /**
     * A frame written to an object store or the Hub rather than to a file here ({@code to_parquet('s3://b/k')},
     * {@code write_parquet('hf://datasets/acme/x/data.parquet')}): the upload its CLI would make, placed by the bucket or
     * the Hub repository.
     */
    private static void uploaded(String method, String url, List<String> lines, List<SdkCalls.Generic> generic) {
        String scheme = url.substring(0, url.indexOf("://")).toLowerCase(java.util.Locale.ROOT);
        String rest = url.substring(url.indexOf("://") + 3);
        switch (scheme) {
            case "s3", "s3a" -> lines.add("aws s3 cp - " + quote("s3://" + rest));
            case "gs", "gcs" -> lines.add("gsutil cp - " + quote("gs://" + rest));
            case "hf" -> generic.add(new SdkCalls.Generic("huggingface", Verb.TRANSFER, "repo",
                    Regex.replaceFirst(Regex.replaceFirst(rest, "^(?:datasets|spaces|models)/", ""), "^([^/@]+/[^/@]+).*$", "$1"),
                    false, method, Map.of(), ""));
            default -> { }
        }
    }

    /**
     * The file a frame read by the call at {@code start..end} is written to: by a writer chained onto it
     * ({@code read_sql(…).to_csv('x')}), or one called later on the name it was assigned to ({@code df = …; df.to_csv('x')});
     * none when the frame is aggregated on the way.
     */
    static Optional<String> rowsFile(String code, int start, int end) {
        Optional<String> jvm = jvmRowsFile(code, start, end);
        if (jvm.isPresent()) {
            return jvm;
        }
        int stop = statementEnd(code, end);
        Matcher chained = TO_FILE.matcher(code.substring(end, stop));
        if (chained.find()) {
            return AGGREGATES.matcher(code.substring(end, end + chained.start())).find() ? Optional.empty() : Optional.of(lit(chained, 2));
        }
        int from = Math.max(code.lastIndexOf(';', start), code.lastIndexOf('\n', start)) + 1;
        Matcher assigned = Regex.pattern("^\\s*([A-Za-z_]\\w*)\\s*=(?!=)").matcher(code.substring(from, start));
        if (!assigned.find()) {
            return Optional.empty();
        }
        Matcher later = Regex.pattern("\\b" + assigned.group(1) + "\\b([^;\\n]*?)" + TO_FILE.pattern()).matcher(code.substring(stop));
        return later.find() && !AGGREGATES.matcher(later.group(1)).find() ? Optional.of(lit(later, 3)) : Optional.empty();
    }

    /**
     * The file JVM code writes the rows of the call at {@code start..end} to: a file writer's block that holds the call,
     * a file written inside the call's own row closure ({@code eachRow(q) { r -> new File('x') << … }}), or one the name
     * the rows were assigned to is later written to ({@code def rows = sql.rows(q); new File('x').text = rows.join()}).
     */
    private static Optional<String> jvmRowsFile(String code, int start, int end) {
        Matcher writer = JVM_WRITER.matcher(code.substring(0, start));
        while (writer.find()) {
            if (writer.end() + ClientCallSyntax.callArguments(code, writer.end()).length() >= end) {
                return Optional.of(lit(writer, 1));
            }
        }
        Matcher closure = Regex.pattern("^\\s*\\{").matcher(code.substring(end));
        if (closure.find()) {
            Matcher inside = JVM_WRITE.matcher(ClientCallSyntax.callArguments(code, end + closure.end()));
            if (inside.find()) {
                return Optional.of(lit(inside, 1));
            }
        }
        int from = Math.max(code.lastIndexOf(';', start), code.lastIndexOf('\n', start)) + 1;
        Matcher assigned = Regex.pattern("^\\s*(?:def|var|val|final)?\\s*([A-Za-z_]\\w*)\\s*=(?!=)").matcher(code.substring(from, start));
        if (assigned.find()) {
            Matcher later = Regex.pattern(JVM_WRITE.pattern() + "[^;\\n]*\\b" + assigned.group(1) + "\\b").matcher(code.substring(end));
            if (later.find()) {
                return Optional.of(lit(later, 1));
            }
        }
        return Optional.empty();
    }

    private static int statementEnd(String code, int from) {
        for (int i = from; i < code.length(); i++) {
            if (code.charAt(i) == ';' || code.charAt(i) == '\n') {
                return i;
            }
        }
        return code.length();
    }

    /** The client line that sends {@code statement} over the connection {@code con} names, or the code's own connection. */
    private static Optional<String> line(String code, String con, String statement) {
        if (statement.isBlank()) {
            return Optional.empty();
        }
        Matcher sqlite = SQLITE_FILE.matcher(NAME.matcher(con).matches() ? code : con);
        if (sqlite.find() && literal(con).filter(u -> u.contains("://")).isEmpty()) {
            return Optional.of(SdkCalls.clientLine("sqlite", code, Optional.empty(), lit(sqlite, 1), statement));
        }
        Optional<String> sqliteUrl = literal(con).filter(u -> Regex.find(u, "^sqlite(\\+\\w+)?://"));
        if (sqliteUrl.isPresent()) {
            // SQLAlchemy's sqlite:///local.db names local.db relative to the working directory, sqlite:////tmp/x.db an
            // absolute path, sqlite:// an in-memory database: a file on this machine, not a host
            String file = sqliteUrl.get().substring(sqliteUrl.get().indexOf("://") + 3);
            file = file.startsWith("/") ? file.substring(1) : file;
            return Optional.of(SdkCalls.clientLine("sqlite", code, Optional.empty(), file.isEmpty() ? ":memory:" : file, statement));
        }
        Optional<String> url = literal(con).filter(u -> u.contains("://")).or(() -> SdkCalls.connection(code));
        Optional<String> dialect = url.map(u -> dialect(u)).orElseGet(() -> {
            List<String> reaches = SdkCalls.reaches(code, CodeCalls.Language.PYTHON);
            return reaches.contains("postgresql") ? Optional.of("postgresql") : reaches.contains("mysql") ? Optional.of("mysql")
                    : reaches.contains("sqlite") ? Optional.of("sqlite") : Optional.empty();
        });
        return dialect.map(d -> SdkCalls.clientLine(d, code, url, null, statement));
    }

    /** The SQL client dialect of a connection URL's scheme ({@code postgresql+psycopg2://} → postgresql); others none. */
    private static Optional<String> dialect(String url) {
        String scheme = Regex.replaceFirst(url.substring(0, Math.max(0, url.indexOf("://"))), "\\+.*$", "").toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(switch (scheme) {
            case "postgresql", "postgres", "redshift", "cockroachdb" -> "postgresql";
            case "mysql", "mariadb" -> "mysql";
            case "sqlite" -> "sqlite";
            case "mssql" -> "sqlserver";
            case "snowflake" -> "snowflake";
            case "clickhouse" -> "clickhouse";
            default -> null;
        });
    }

    /** The text of a SQL argument: a literal, {@code text('…')}, or a name given a literal earlier in the code. */
    private static Optional<String> text(String code, String arg, int before) {
        Optional<String> direct = literal(arg);
        if (direct.isPresent()) {
            return direct;
        }
        Matcher name = NAME.matcher(arg);
        return name.matches() ? SdkCalls.assigned(code, name.group(1), before) : Optional.empty();
    }

    /** The first string literal of an argument ({@code 'x'}, {@code create_engine('x')}, {@code sa.text("x")}). */
    private static Optional<String> literal(String arg) {
        Matcher m = FIRST_LIT.matcher(arg);
        return m.find() ? Optional.of(lit(m, 1)) : Optional.empty();
    }

    private static Call call(String code, int from) {
        String text = ClientCallSyntax.callArguments(code, from);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String part : split(text)) {
            Matcher k = KEYWORD.matcher(part);
            if (k.matches()) {
                named.put(k.group(1), k.group(2));
            } else if (!part.isBlank()) {
                positional.add(part);
            }
        }
        return new Call(text, positional, named);
    }

    /** A call's arguments split at its top-level commas. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote && text.charAt(i - 1) != '\\' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** A call's argument text, positional and keyword. */
    private record Call(String text, List<String> positional, Map<String, String> named) {

        /** The keyword argument of one of {@code names}, else the positional at {@code index} (none when negative). */
        Optional<String> arg(int index, String... names) {
            for (String n : names) {
                if (named.containsKey(n)) {
                    return Optional.of(named.get(n));
                }
            }
            return index >= 0 && index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
        }
    }
}
