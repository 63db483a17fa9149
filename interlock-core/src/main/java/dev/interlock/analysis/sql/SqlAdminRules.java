package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.read;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

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

    /**
     * CockroachDB's {@code SET CLUSTER SETTING} and {@code RESET CLUSTER SETTING}: every node's configuration, not the
     * session's, changed where the connection goes. Empty for any other SET or RESET.
     */
    static java.util.Optional<Operation.Builder> clusterSetting(SqlWords w) {
        if (!w.kw(1).equals("CLUSTER") || !w.kw(2).equals("SETTING")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(admin(Verb.UPDATE, "cluster", w.name(3).text(), Scope.ALL)
                .note(w.kw(0).equals("SET") ? "changes a cluster-wide setting" : "resets a cluster-wide setting"));
    }

    /** MySQL LOAD DATA/XML inserts rows; PostgreSQL LOAD 'library' loads native code into the server. */
    static List<Operation.Builder> load(SqlWords w) {
        if (w.kw(1).equals("DATA") || w.kw(1).equals("XML")) {
            int into = w.topLevel("TABLE", 0);
            return List.of(op(Verb.CREATE, "table", into >= 0 ? w.name(into + 1).text() : "")
                    .note(w.has("LOCAL") ? "loads a client file" : "loads a file on the database server"));
        }
        if (proxySqlLayers(w)) {
            return proxySqlConfig(w);
        }
        return List.of(admin(Verb.EXECUTE, "library", w.name(1).text(), Scope.ONE)
                .note("loads a shared library into the server"));
    }

    /** ProxySQL's admin interface keeps its configuration in three layers; LOAD and SAVE copy it between them. */
    private static final Set<String> PROXYSQL_LAYERS = Set.of("RUNTIME", "MEMORY", "DISK", "CONFIG");

    static boolean proxySqlLayers(SqlWords w) {
        int dir = Math.max(w.topLevel("TO", 1), w.topLevel("FROM", 1));
        return dir > 1 && PROXYSQL_LAYERS.contains(w.kw(dir + 1));
    }

    /** LOAD MYSQL SERVERS TO RUNTIME, SAVE … TO DISK: ProxySQL's routing configuration changes, no code runs. */
    static List<Operation.Builder> proxySqlConfig(SqlWords w) {
        return List.of(admin(Verb.UPDATE, "proxysql-config", w.kw(1).toLowerCase(), Scope.ALL)
                .note(w.kw(0) + " … " + w.kw(w.size() - 1) + " changes ProxySQL's configuration"));
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
        SqlWords.Name called = w.name(w.skip(1, "PROCEDURE", "FUNCTION"));
        String name = called.text();
        java.util.Optional<Operation.Builder> known = LakehouseProcedures.call(name, w, w.isSymbol(called.next(), "(") ? called.next() : -1);
        if (known.isPresent()) {
            return List.of(known.get());
        }
        String bare = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (bare.equals("sp_configure")) {
            java.util.Optional<Operation.Builder> control = configuredControl(w, called.next());
            if (control.isPresent()) {
                return List.of(control.get());
            }
        }
        // sp_help… and sysmail_help… (sp_help_jobhistory, sp_helpsrvrolemember) are SQL Server's reporting family
        if (LOOKING_PROCEDURES.contains(bare) || bare.startsWith("sp_help") || Regex.matches(bare, "sysmail_help_\\w*_sp")
                || bare.equals("sp_configure") && w.size() <= 3) {
            return List.of(read("server", name).note(name + " only reports (a system procedure that changes nothing)"));
        }
        return List.of(admin(Verb.EXECUTE, "procedure", name, Scope.ONE).confidence(Confidence.INFERRED)
                .note("runs a stored procedure whose body is not analyzed"));
    }

    /**
     * Server options whose value switches a security control off: the shell, OLE and CLR doors closed by default, ad hoc
     * remote queries, cross-database ownership chains, and the default trace or C2 audit that records what happened.
     */
    private static final java.util.Map<String, String> CONTROL_OPTIONS = java.util.Map.of(
            "xp_cmdshell", "1", "ole automation procedures", "1", "clr enabled", "1", "clr strict security", "0",
            "ad hoc distributed queries", "1", "cross db ownership chaining", "1", "default trace enabled", "0",
            "c2 audit mode", "0", "common criteria compliance enabled", "0", "external scripts enabled", "1");

    /** {@code EXEC sp_configure 'xp_cmdshell', 1}: the option and value at {@code at}, when they switch a control off. */
    private static java.util.Optional<Operation.Builder> configuredControl(SqlWords w, int at) {
        int option = w.isSymbol(at, "(") ? at + 1 : at;
        if (option + 2 >= w.size() || w.tokens().get(option).kind() != SqlToken.Kind.STRING || !w.isSymbol(option + 1, ",")) {
            return java.util.Optional.empty();
        }
        String name = w.tokens().get(option).text().toLowerCase(java.util.Locale.ROOT).strip();
        String value = w.tokens().get(option + 2).text().replace("'", "").strip();
        String off = CONTROL_OPTIONS.get(name);
        if (off == null || !off.equals(value)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(admin(Verb.UPDATE, "server", name, Scope.ALL).stateful(true).reversible(false)
                .locator("disables-control", "sql-server " + name)
                .note("sp_configure '" + name + "', " + value + " switches off a security control of the server"));
    }

    /** SQL Server's system procedures that only report: sessions, locks, sizes, definitions, the error log. */
    private static final java.util.Set<String> LOOKING_PROCEDURES = java.util.Set.of("sp_who", "sp_who2", "sp_lock", "sp_help",
            "sp_helpdb", "sp_helptext", "sp_helpindex", "sp_helpuser", "sp_helprole", "sp_helprolemember", "sp_helpfile",
            "sp_helpconstraint", "sp_helpstats", "sp_helpserver", "sp_helplogins", "sp_spaceused", "sp_databases", "sp_tables",
            "sp_columns", "sp_stored_procedures", "sp_server_info", "sp_readerrorlog", "sp_describe_first_result_set",
            "sp_depends", "sp_monitor", "sp_statistics", "sp_pkeys", "sp_fkeys", "xp_fixeddrives", "xp_msver", "sp_blitz",
            "sp_whoisactive", "sp_blitzfirst", "sp_blitzindex", "sp_blitzcache", "xp_readerrorlog", "sp_enumerrorlogs",
            "sp_table_privileges", "sp_column_privileges", "sp_sproc_columns", "sp_special_columns", "sp_datatype_info",
            "sp_validatelogins", "xp_logininfo", "sp_enum_login_for_proxy", "sp_enum_proxy_for_subsystem");

    /**
     * SQL Server's DBCC: the checks and reports only look ({@code CHECKDB} without a repair option, {@code SQLPERF},
     * {@code OPENTRAN}); a repair that allows data loss deletes; shrinking and clearing caches are maintenance.
     */
    static List<Operation.Builder> dbcc(SqlWords w) {
        String command = w.kw(1);
        if (w.has("REPAIR_ALLOW_DATA_LOSS")) {
            return List.of(admin(Verb.DELETE, "database", "", Scope.MANY).stateful(true)
                    .note("DBCC " + command + " WITH REPAIR_ALLOW_DATA_LOSS may delete rows and pages to repair"));
        }
        if (command.startsWith("CHECK") && !w.has("REPAIR_REBUILD", "REPAIR_FAST") || java.util.Set.of("SQLPERF", "OPENTRAN", "INPUTBUFFER",
                "SHOW_STATISTICS", "USEROPTIONS", "TRACESTATUS", "SHOWCONTIG", "PROCCACHE", "HELP", "MEMORYSTATUS").contains(command)) {
            return List.of(read("database", "").note("DBCC " + command + " only checks or reports"));
        }
        return List.of(admin(Verb.UPDATE, "database", "", Scope.ALL).note("DBCC " + command + " (maintenance)"));
    }

    /** BACKUP … WITH COPY_ONLY copies and leaves the backup chain alone; other backups reset it, and BACKUP LOG truncates the log. */
    static List<Operation.Builder> backup(SqlWords w) {
        String name = w.name(w.skip(1, "DATABASE", "LOG")).text();
        if (w.has("COPY_ONLY") && !w.kw(1).equals("LOG")) {
            // the chain is untouched, but the file is a full copy of the rows, written wherever the path points
            return List.of(read("database", name).locator(COPIES_DATA, "backup")
                    .note("a copy-only backup: data and backup chain untouched, a copy of every row written to " + target(w)));
        }
        return List.of(admin(Verb.UPDATE, "database", name, Scope.ONE)
                .note(w.kw(1).equals("LOG") ? "backs up and truncates the transaction log" : "a backup that resets the backup chain"));
    }

    /** {@link dev.interlock.analysis.shell.recognizers.database.DatabaseOps#COPIES_DATA}, which the policy reads for copies of production data. */
    private static final String COPIES_DATA = "copies-data";

    /** Where a backup goes: TO DISK|URL|TAPE = 'place'. */
    private static String target(SqlWords w) {
        int to = w.topLevel("TO", 0);
        int at = w.isSymbol(to + 2, "=") ? to + 3 : to + 2;
        return to < 0 || at >= w.size() ? "a backup device" : w.kw(to + 1) + " " + w.tokens().get(at).text();
    }

    /** RESTORE … WITH REPLACE overwrites a database; the HEADERONLY/FILELISTONLY/VERIFYONLY/LABELONLY forms only read the backup. */
    static List<Operation.Builder> restore(SqlWords w) {
        if (java.util.Set.of("HEADERONLY", "FILELISTONLY", "VERIFYONLY", "LABELONLY").contains(w.kw(1))) {
            return List.of(read("backup", "").note("reads a backup's description"));
        }
        String name = w.name(w.skip(1, "DATABASE", "LOG")).text();
        return List.of(admin(Verb.REPLACE, "database", name, Scope.ALL).stateful(true)
                .note("restores over the database " + name + (w.has("REPLACE") ? " (WITH REPLACE: even when it exists)" : "")));
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
