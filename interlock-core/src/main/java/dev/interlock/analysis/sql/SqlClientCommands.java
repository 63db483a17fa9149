package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Backslash commands of the psql and mysql clients ({@code \! rm -rf ~}, {@code \gexec}, {@code \copy … to program},
 * {@code \o |cmd}, {@code \i file}). The server never sees them, but SQL text handed to a client runs them, so a
 * backslash outside a string is never just punctuation. Only display commands are harmless.
 */
final class SqlClientCommands {
    private SqlClientCommands() {}

    /** Display and formatting commands: they change what the client prints, nothing else. */
    private static final Set<String> HARMLESS = Set.of("g", "gx", "x", "timing", "echo", "qecho", "warn", "q", "quit",
            "pset", "a", "t", "h", "help", "conninfo", "encoding", "errverbose", "p", "print", "r", "reset", "l", "list",
            "d", "dt", "dt+", "di", "dv", "ds", "dn", "df", "du", "dg", "dx", "dp", "db", "dd", "dm", "dT", "d+", "l+",
            "s", "G", "P", "T", "H", "C", "f", "z", "sf", "sv", "lo_list", "status", "set", "unset");

    /**
     * A piece that is one display command ({@code \dt}, {@code \d users}, {@code \x}) and nothing else: no second
     * command after psql's {@code \\} separator, no statement keyword that could ride along.
     */
    static boolean displayOnly(SqlWords w) {
        if (w.size() < 2 || !w.isSymbol(0, "\\") || !ops(w).isEmpty()) {
            return false;
        }
        for (int i = 1; i < w.size(); i++) {
            if (w.isSymbol(i, "\\")) {
                return false;
            }
        }
        String cmd = w.tokens().get(1).text();
        return (HARMLESS.contains(cmd) || HARMLESS.contains(cmd.toLowerCase(Locale.ROOT)))
                && !w.sub(2, w.size()).has("DELETE", "INSERT", "UPDATE", "DROP", "TRUNCATE", "ALTER", "CREATE", "GRANT", "REVOKE", "COPY",
                "EXECUTE", "CALL", "MERGE", "REPLACE", "SELECT", "WITH", "DO", "SET", "VACUUM", "REINDEX");
    }

    static List<Operation.Builder> ops(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            if (!w.isSymbol(i, "\\")) {
                continue;
            }
            SqlToken next = i + 1 < w.size() ? w.tokens().get(i + 1) : null;
            if (next == null || next.start() != w.tokens().get(i).end() || w.isSymbol(i + 1, "\\")) {
                continue; // "\\" is psql's separator; a lone backslash ends the command
            }
            String cmd = next.text();
            String lower = cmd.toLowerCase(Locale.ROOT);
            if (cmd.equals("!") || lower.equals("system")) {
                ops.add(admin(Verb.EXECUTE, "program", "", Scope.ALL).confidence(Confidence.INFERRED)
                        .note("client command \\! runs a shell command on the client machine"));
            } else if (lower.equals("copy")) {
                List<Operation.Builder> copy = SqlAdminRules.copy(w.sub(i + 1, w.size()));
                ops.addAll(copy.isEmpty() ? List.of(opaque("\\copy")) : copy);
            } else if (lower.equals("o") || lower.equals("out") || lower.equals("w") || lower.equals("write")
                    || lower.equals("g") && w.isSymbol(i + 2, "|")) {
                ops.add(w.isSymbol(i + 2, "|")
                        ? admin(Verb.EXECUTE, "program", "", Scope.ALL).note("client pipes output to a shell command")
                        : admin(Verb.TRANSFER, "file", "", Scope.ONE).note("client writes output to a file"));
            } else if (!HARMLESS.contains(cmd) && !HARMLESS.contains(lower)) {
                ops.add(opaque("\\" + cmd));
            }
        }
        return ops;
    }

    private static Operation.Builder opaque(String command) {
        return admin(Verb.EXECUTE, "client-command", command, Scope.ONE).confidence(Confidence.OPAQUE)
                .note("client command " + command + " (runs files, query results or switches connection)");
    }
}
