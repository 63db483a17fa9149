package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;

/** Rules for privileges, server-side files and programs, procedures and session control. */
final class SqlAdminRules {
    private SqlAdminRules() {}

    static List<Operation.Builder> grant(SqlWords w) {
        int to = Math.max(w.topLevel("TO", 0), w.topLevel("FROM", 0));
        String grantee = to >= 0 ? w.name(to + 1).text() : "";
        int on = w.topLevel("ON", 0);
        String object = on >= 0 ? w.name(w.skip(on + 1, "TABLE", "ALL", "TABLES", "IN", "SCHEMA", "DATABASE",
                "SEQUENCE", "FUNCTION")).text() : "";
        String note = w.kw(0).toLowerCase() + (object.isEmpty() ? " role membership" : " on " + object)
                + (grantee.isEmpty() ? "" : " for " + grantee);
        Operation.Builder b = admin(Verb.GRANT, "role", grantee, Scope.ONE).note(note);
        return List.of(on >= 0 && w.kw(on + 1).equals("DATABASE") ? b.locator("database", object) : b);
    }

    /**
     * COPY … TO/FROM PROGRAM runs a shell command as the database server's OS user; COPY TO a file writes on the
     * server; COPY FROM a file reads a server file into a table; STDIN/STDOUT stay on the client connection.
     */
    static List<Operation.Builder> copy(SqlWords w) {
        String table = w.isSymbol(1, "(") ? "" : w.name(1).text();
        int program = w.topLevel("PROGRAM", 0);
        if (program >= 0) {
            String command = program + 1 < w.size() ? w.tokens().get(program + 1).text() : "";
            return List.of(admin(Verb.EXECUTE, "program", command, Scope.ALL)
                    .note("COPY … PROGRAM runs a shell command on the database server"));
        }
        int to = w.topLevel("TO", 0);
        int from = w.topLevel("FROM", 0);
        if (to >= 0) {
            if (w.kw(to + 1).equals("STDOUT")) {
                return List.of(read("table", table));
            }
            String file = to + 1 < w.size() ? w.tokens().get(to + 1).text() : "";
            return List.of(op(Verb.TRANSFER, "file", file).reversible(false).locator("path", file)
                    .note("writes table data to a file on the database server"));
        }
        if (from >= 0) {
            Operation.Builder b = op(Verb.CREATE, "table", table);
            return List.of(w.kw(from + 1).equals("STDIN") ? b : b.note("reads a file on the database server"));
        }
        return List.of();
    }

    /** MySQL LOAD DATA/XML inserts rows; PostgreSQL LOAD 'library' loads native code into the server. */
    static List<Operation.Builder> load(SqlWords w) {
        if (w.kw(1).equals("DATA") || w.kw(1).equals("XML")) {
            int into = w.topLevel("TABLE", 0);
            return List.of(op(Verb.CREATE, "table", into >= 0 ? w.name(into + 1).text() : "")
                    .note(w.has("LOCAL") ? "loads a client file" : "loads a file on the database server"));
        }
        return List.of(admin(Verb.EXECUTE, "library", w.name(1).text(), Scope.ONE)
                .note("loads a shared library into the server"));
    }

    /** Anonymous code blocks: whatever the body does is only known by running it. */
    static List<Operation.Builder> doBlock(SqlWords w) {
        return List.of(admin(Verb.EXECUTE, "code", "", Scope.ONE).confidence(Confidence.OPAQUE)
                .note("anonymous code block (DO): body not analyzed"));
    }

    static List<Operation.Builder> call(SqlWords w) {
        if (w.kw(0).equals("EXECUTE") && w.kw(1).equals("IMMEDIATE") || w.isSymbol(1, "(")) {
            return List.of(admin(Verb.EXECUTE, "statement", "", Scope.ONE).confidence(Confidence.OPAQUE)
                    .note("dynamic SQL: statement text is only known at run time"));
        }
        String name = w.name(w.skip(1, "PROCEDURE", "FUNCTION")).text();
        return List.of(admin(Verb.EXECUTE, "procedure", name, Scope.ONE).confidence(Confidence.INFERRED)
                .note("runs a stored procedure whose body is not analyzed"));
    }

    static List<Operation.Builder> kill(SqlWords w) {
        String what = w.kw(0).equals("SHUTDOWN") ? "server" : "session";
        return List.of(admin(Verb.UPDATE, what, w.name(w.skip(1, "QUERY", "CONNECTION")).text(),
                what.equals("server") ? Scope.ALL : Scope.ONE).note("terminates a " + what));
    }

    /** SQLite ATTACH can create a new database file anywhere the server can write. */
    static List<Operation.Builder> attach(SqlWords w) {
        String file = w.name(w.skip(1, "DATABASE")).text();
        return List.of(op(Verb.CREATE, "database", file).locator("path", file)
                .note("attaches (or creates) a database file"));
    }

    static List<Operation.Builder> importSchema(SqlWords w) {
        return List.of(op(Verb.CREATE, "schema", "").note("imports a foreign schema"));
    }

    static List<Operation.Builder> purge(SqlWords w) {
        return List.of(admin(Verb.DELETE, "log", "", Scope.MANY).stateful(true).note("purges logs or recycle bin"));
    }
}
