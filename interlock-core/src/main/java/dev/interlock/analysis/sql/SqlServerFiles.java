package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's ways out of its tables, beside {@code pg_read_file} and {@code LOAD_FILE} ({@link SqlFunctions}):
 * {@code OPENROWSET(BULK 'path', SINGLE_CLOB)} reads a file of the database server's disk (a configuration file there
 * is its connection strings and keys: a credential read), {@code BULK INSERT t FROM 'path'} loads a server file's rows
 * into a table, and {@code OPENROWSET('SQLNCLI', 'Server=…', …)} / {@code OPENDATASOURCE} query another server.
 */
final class SqlServerFiles {

    private SqlServerFiles() {
    }

    /** The rowset functions handled here: not unknown user functions. */
    static final Set<String> FUNCTIONS = Set.of("openrowset", "opendatasource");

    /** Files that hold a server's secrets: .NET and IIS configuration, ini files, keys and certificates, connection strings. */
    private static final Pattern SECRET_FILES = Pattern.compile("(?i).*(\\.config|\\.ini|\\.key|\\.pem|\\.pfx|\\.p12|\\.env|\\.udl"
            + "|\\.dsn|\\.kdbx|appsettings[^\\\\/]*\\.json|connectionstrings[^\\\\/]*|unattend\\.xml|[\\\\/]config[\\\\/](sam|security|system))");

    /** {@code Server=host} or {@code Data Source=host[,port]} in a provider string. */
    private static final Pattern SERVER = Pattern.compile("(?i)(?:^|;)\\s*(?:server|data source|addr|address)\\s*=\\s*(?:tcp:)?([^;,\\\\]+)");

    /** Calls of OPENROWSET and OPENDATASOURCE in any statement. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i + 2 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(") || !FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (w.kw(i + 2).equals("BULK") && i + 3 < w.size()) {
                // N'…' (a Unicode literal) may be lexed as the word N and the string
                int path = w.kw(i + 3).equals("N") && i + 4 < w.size() ? i + 4 : i + 3;
                ops.add(serverFile(w.tokens().get(path).text(), "OPENROWSET(BULK …)"));
                continue;
            }
            String server = "";
            for (int j = i + 2; j < w.closing(i + 1) && server.isEmpty(); j++) {
                Matcher m = SERVER.matcher(w.tokens().get(j).kind() == SqlToken.Kind.STRING ? w.tokens().get(j).text() : "");
                server = m.find() ? m.group(1).trim().toLowerCase(Locale.ROOT) : "";
            }
            ops.add(admin(Verb.READ, "server", server, Scope.ONE).locator("host", server)
                    .environment(Tier.UNKNOWN, "another server, named in " + t.text().toUpperCase(Locale.ROOT))
                    .note(t.text().toUpperCase(Locale.ROOT) + " queries another server" + (server.isEmpty() ? "" : " (" + server + ")")));
        }
        return ops;
    }

    /** {@code BULK INSERT table FROM 'path' [WITH (…)]}: rows read from a file of the server's disk, written into the table. */
    static List<Operation.Builder> bulk(SqlWords w) {
        if (!w.kw(1).equals("INSERT")) {
            return List.of();
        }
        SqlWords.Name table = w.name(2);
        int from = w.topLevel("FROM", 2);
        String path = from >= 0 && from + 1 < w.size() ? w.tokens().get(from + 1).text() : "";
        return List.of(op(Verb.UPDATE, "table", table.text()).locator("path", path)
                .note("BULK INSERT loads rows into " + table.text() + " from " + path + " on the database server"));
    }

    private static Operation.Builder serverFile(String path, String how) {
        boolean secret = SECRET_FILES.matcher(path).matches();
        return admin(secret ? Verb.CREDENTIAL : Verb.READ, "file", path, Scope.ONE).locator("path", path)
                .note(how + (secret ? " reads a configuration file of the database server, with its connection strings and keys"
                        : " reads a file of the database server's disk"));
    }
}
