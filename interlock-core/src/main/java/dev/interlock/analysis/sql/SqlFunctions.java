package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Built-in functions whose call is an action of its own, even inside a harmless-looking SELECT: reading server files,
 * killing sessions, running SQL elsewhere. Each call found becomes an extra operation next to the statement's own.
 */
final class SqlFunctions {
    private SqlFunctions() {}

    private record Effect(Verb verb, String type, String note) {}

    private static final Map<String, Effect> DANGEROUS = Map.ofEntries(
            Map.entry("pg_read_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("pg_read_binary_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("pg_ls_dir", new Effect(Verb.CREDENTIAL, "file", "lists a directory on the database server")),
            Map.entry("pg_stat_file", new Effect(Verb.CREDENTIAL, "file", "inspects a file on the database server")),
            Map.entry("lo_import", new Effect(Verb.CREDENTIAL, "file", "reads a server file into a large object")),
            Map.entry("load_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("readfile", new Effect(Verb.CREDENTIAL, "file", "reads a file")),
            Map.entry("lo_export", new Effect(Verb.TRANSFER, "file", "writes a large object to a server file")),
            Map.entry("writefile", new Effect(Verb.TRANSFER, "file", "writes a file")),
            Map.entry("pg_file_write", new Effect(Verb.TRANSFER, "file", "writes a file on the database server")),
            Map.entry("pg_terminate_backend", new Effect(Verb.UPDATE, "session", "terminates a database session")),
            Map.entry("pg_cancel_backend", new Effect(Verb.UPDATE, "session", "cancels a running query")),
            Map.entry("pg_reload_conf", new Effect(Verb.UPDATE, "server", "reloads server configuration")),
            Map.entry("pg_promote", new Effect(Verb.UPDATE, "server", "promotes a standby server")),
            Map.entry("pg_drop_replication_slot", new Effect(Verb.DELETE, "replication-slot", "drops a replication slot")),
            Map.entry("lo_unlink", new Effect(Verb.DELETE, "large-object", "deletes a large object")),
            Map.entry("set_config", new Effect(Verb.UPDATE, "session", "changes a setting (can switch role)")),
            Map.entry("dblink_exec", new Effect(Verb.EXECUTE, "database", "runs SQL on another database")),
            Map.entry("dblink", new Effect(Verb.EXECUTE, "database", "runs SQL on another database")),
            Map.entry("query_to_xml", new Effect(Verb.EXECUTE, "statement", "runs SQL given as a string")),
            Map.entry("sys_exec", new Effect(Verb.EXECUTE, "program", "runs a shell command (UDF)")),
            Map.entry("sys_eval", new Effect(Verb.EXECUTE, "program", "runs a shell command (UDF)")),
            Map.entry("xp_cmdshell", new Effect(Verb.EXECUTE, "program", "runs a shell command")),
            Map.entry("load_extension", new Effect(Verb.EXECUTE, "library", "loads native code into SQLite")));

    /** Calls (name followed by an opening parenthesis) of known dangerous functions; quoted names count too. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i + 1 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(")) {
                continue;
            }
            Effect e = DANGEROUS.get(t.text().toLowerCase(Locale.ROOT));
            if (e != null) {
                String arg = i + 2 < w.size() ? w.tokens().get(i + 2).text() : "";
                ops.add(admin(e.verb(), e.type(), arg, Scope.ONE).note(t.text() + "(): " + e.note()));
            }
        }
        return ops;
    }
}
