package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server's drivers in one-liners: Python's pyodbc (with a SQL Server ODBC driver) and pymssql, Node's mssql and
 * tedious. The SQL they send is judged as {@code sqlcmd -S SERVER -d DATABASE -Q …}, on the server their connection
 * string or configuration object names ({@code SERVER=SQLPROD01\INST1;DATABASE=Orders}, {@code {server: 'h'}}).
 */
final class SqlServerCalls {

    private SqlServerCalls() {
    }

    private static final Pattern DRIVER = Pattern.compile("(?i)\\b(pymssql|require\\s*\\(\\s*['\"](?:mssql|tedious)\\b"
            + "|from\\s+['\"](?:mssql|tedious)\\b)");
    /** pyodbc speaks to whatever its ODBC driver does; SQL Server's are named so ({@code ODBC Driver 18 for SQL Server}). */
    private static final Pattern ODBC_SQL_SERVER = Pattern.compile("(?i)\\bdriver\\s*=\\s*\\{?[^;}'\"]*sql\\s*server|\\bSQL Server Native Client");
    private static final Pattern SERVER = Pattern.compile("(?i)\\b(?:server|data source|address|addr)\\s*=\\s*(?:tcp:)?([^;'\"\\s]+)"
            + "|\\b(?:server|host)['\"]?\\s*[=:]\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern DATABASE = Pattern.compile("(?i)\\b(?:database|initial catalog)\\s*=\\s*([^;'\"\\s]+)"
            + "|\\bdatabase['\"]?\\s*[=:]\\s*['\"]([^'\"]+)['\"]");

    /** Code whose SQL goes to SQL Server. */
    static boolean speaks(String code) {
        return (code.contains("pyodbc") && ODBC_SQL_SERVER.matcher(code).find()) || DRIVER.matcher(code).find();
    }

    /** The sqlcmd line that sends {@code statement} where the code connects. */
    static String line(String code, String statement) {
        String server = value(SERVER, code);
        String database = value(DATABASE, code);
        return "sqlcmd " + (server.isEmpty() ? "" : "-S " + ClientCallSyntax.quote(server) + " ")
                + (database.isEmpty() ? "" : "-d " + ClientCallSyntax.quote(database) + " ") + "-Q " + ClientCallSyntax.quote(statement);
    }

    private static String value(Pattern p, String code) {
        Matcher m = p.matcher(code);
        if (!m.find()) {
            return "";
        }
        // a source literal's escaped backslash (SQLPROD01\\INST1) is one backslash in the string
        return Regex.replaceAll(m.group(1) != null ? m.group(1) : m.group(2), "\\\\\\\\", "\\\\");
    }
}
