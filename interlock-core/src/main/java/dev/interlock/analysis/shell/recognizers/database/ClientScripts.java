package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scripts of clients that mix their own line commands with SQL (SQL*Plus's {@code SET}, {@code SPOOL}, {@code EXIT};
 * BTEQ's {@code .LOGON}, {@code .QUIT}): the client consumes those lines itself, so they are blanked (offsets kept for
 * evidence) before the SQL analyzer reads the rest. A line counts only where a statement may begin: a {@code SET}
 * inside an unfinished {@code UPDATE} is SQL. Lines that run something else (a shell command, another script) become
 * operations of their own.
 *
 * @param commands a line the client handles itself and that changes nothing
 * @param shell    a line that runs a shell command (group 1)
 * @param script   a line that runs a script file (group 1)
 * @param logon    a line that names the server (group 1), for the target; SQL*Plus's {@code CONNECT} switches servers
 *                 mid-script and is left to the SQL analyzer, which cannot place it
 * @param output   a line that writes the answers that follow to a file here (group 1): SQL*Plus's {@code SPOOL FILE},
 *                 BTEQ's {@code .EXPORT DATA FILE=…}
 */
public record ClientScripts(Pattern commands, Pattern shell, Pattern script, Pattern logon, Pattern output) {

    /** SQL*Plus: its own commands, except SQL's {@code SET ROLE}/{@code SET TRANSACTION}; {@code HOST}, {@code !}, {@code @}. */
    public static final ClientScripts SQLPLUS = new ClientScripts(Pattern.compile("(?i)\\s*(?:(?:SET(?!\\s+(?:ROLE|TRANSACTION|CONSTRAINTS?)\\b)"
            + "|SHO|SHOW|EXIT|QUIT|PRO|PROMPT|COL|COLUMN|TTI|TTITLE|BTI|BTITLE|BRE|BREAK|COMP|COMPUTE|SPO|SPOOL|WHENEVER"
            + "|DEF|DEFINE|UNDEF|UNDEFINE|VAR|VARIABLE|PRI|PRINT|CL|CLEAR|REM|REMARK|PAU|PAUSE|ACC|ACCEPT|TIMI|TIMING"
            + "|DESC|DESCRIBE|ARCHIVE\\s+LOG\\s+LIST)(?:[\\s;].*)?|/|--.*)\\s*"),
            Pattern.compile("(?i)\\s*(?:HO(?:ST)?\\s+|!|\\$)(.*)"), Pattern.compile("(?i)\\s*(?:@@?|STA(?:RT)?\\s+)(\\S+).*"),
            Pattern.compile("(?!)"),
            Pattern.compile("(?i)\\s*SPO(?:OL)?\\s+(?!OFF\\b|OUT\\b)([^\\s;]+).*"));

    /** BTEQ: every dot command is the client's; {@code .OS} runs a shell command, {@code .RUN FILE} a script. */
    public static final ClientScripts BTEQ = new ClientScripts(Pattern.compile("(?i)\\s*\\.(?!OS\\b|RUN\\b)\\w+.*"),
            Pattern.compile("(?i)\\s*\\.OS\\s+(.*)"), Pattern.compile("(?i)\\s*\\.RUN\\s+FILE\\s*=?\\s*(\\S+?);?\\s*"),
            Pattern.compile("(?i)\\s*\\.LOGON\\s+([^/\\s,;]+)/.*"),
            Pattern.compile("(?i)\\s*\\.EXPORT\\s+\\w+\\s+FILE\\s*=\\s*([^\\s,;]+).*"));

    /**
     * The script's SQL (client lines blanked), the operations of its shell and script lines, and the file its answers
     * are written to, if any.
     */
    public record Split(String sql, List<Operation> others, Optional<String> server, Optional<String> output) {

        /** The script's reads: those that return rows copy them when the script writes its answers to a file. */
        public List<Operation> written(List<Operation> reads) {
            return output.map(file -> reads.stream()
                    .map(o -> DatabaseOps.returnsRows(o) ? DatabaseOps.rowsWrittenTo(o, file) : o).toList()).orElse(reads);
        }
    }

    public Split split(String text, String database, Invocation inv, Nested nested) {
        StringBuilder sql = new StringBuilder(text.length());
        List<Operation> others = new ArrayList<>();
        Optional<String> server = Optional.empty();
        Optional<String> written = Optional.empty();
        boolean open = false;
        for (String line : text.split("\n", -1)) {
            if (sql.length() > 0) {
                sql.append('\n');
            }
            if (!open && !line.isBlank()) {
                Matcher m = logon.matcher(line);
                if (m.matches() && server.isEmpty()) {
                    server = Optional.of(m.group(1));
                }
                if ((m = output.matcher(line)).matches() && written.isEmpty() && !m.group(1).startsWith("/dev/")) {
                    written = Optional.of(m.group(1));
                }
                if ((m = shell.matcher(line)).matches()) {
                    others.addAll(nested.shell(m.group(1), inv));
                    sql.append(" ".repeat(line.length()));
                    continue;
                }
                if ((m = script.matcher(line)).matches()) {
                    others.add(DatabaseOps.scriptFile(inv, database, m.group(1)));
                    sql.append(" ".repeat(line.length()));
                    continue;
                }
                if (commands.matcher(line).matches()) {
                    sql.append(" ".repeat(line.length()));
                    continue;
                }
            }
            sql.append(line);
            if (!line.isBlank()) {
                open = !Regex.find(line, ";\\s*(--.*)?$");
            }
        }
        return new Split(sql.toString(), List.copyOf(others), server, written);
    }
}
