package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.statements;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL shells and monitors of the enterprise databases. Teradata's {@code bteq} and SAP HANA's {@code hdbsql} send SQL
 * (on stdin, or {@code hdbsql}'s trailing words) to the SQL analyzer. IBM Db2's {@code db2} command line takes SQL or
 * its own commands ({@code update db cfg}, {@code force application}, {@code restore db}) from a table. The monitors
 * ({@code db2pd}, {@code onstat}, {@code oncheck -c…}) only look. Targets: BTEQ's {@code .LOGON tdpid/…}, hdbsql's
 * {@code -n host} and {@code -U} user-store key (a named connection, placed like a profile), Db2's
 * {@code connect to DB} and {@code -db}, Informix's {@code INFORMIXSERVER}. Informix's {@code dbaccess DB[@SERVER] [FILE|-]}
 * and Sybase/SAP ASE's {@code isql -S SERVER [-D DB]} (unixODBC's {@code isql DSN} too) read SQL from stdin; isql's
 * batches end at {@code go} lines, and a batch that starts with a procedure name runs it ({@code sp_who}).
 */
public final class VendorSqlShells implements Recognizer {

    private static final Set<String> HDBSQL_VALUED = Set.of("-n", "-i", "-d", "-u", "-p", "-U", "-I", "-o", "-c", "-F",
            "-g", "-S", "-V", "-Z", "-B", "-resultencoding", "-sslkeystore", "-ssltruststore", "-sslprovider");

    /** Db2 command-line commands (not SQL): the first word, or the first two where the second decides. */
    private static final CommandWords DB2 = new CommandWords(Map.ofEntries(
            Map.entry("CONNECT", Verb.READ), Map.entry("DISCONNECT", Verb.READ), Map.entry("TERMINATE", Verb.READ),
            Map.entry("QUIT", Verb.READ), Map.entry("LIST", Verb.READ), Map.entry("GET", Verb.READ),
            Map.entry("DESCRIBE", Verb.READ), Map.entry("ECHO", Verb.READ), Map.entry("ATTACH", Verb.READ),
            Map.entry("DETACH", Verb.READ), Map.entry("INSPECT", Verb.READ), Map.entry("REORGCHK", Verb.READ),
            Map.entry("RUNSTATS", Verb.READ), Map.entry("BACKUP", Verb.READ), Map.entry("EXPORT", Verb.READ),
            Map.entry("?", Verb.READ), Map.entry("UPDATE DB", Verb.UPDATE), Map.entry("UPDATE DATABASE", Verb.UPDATE),
            Map.entry("UPDATE DBM", Verb.UPDATE), Map.entry("UPDATE MONITOR", Verb.UPDATE), Map.entry("UPDATE HISTORY", Verb.UPDATE),
            Map.entry("UPDATE ALTERNATE", Verb.UPDATE), Map.entry("UPDATE CLI", Verb.UPDATE), Map.entry("UPDATE ADMIN", Verb.UPDATE),
            Map.entry("RESET DB", Verb.UPDATE), Map.entry("RESET DATABASE", Verb.UPDATE), Map.entry("RESET DBM", Verb.UPDATE),
            Map.entry("RESET MONITOR", Verb.READ), Map.entry("CATALOG", Verb.UPDATE), Map.entry("UNCATALOG", Verb.UPDATE),
            Map.entry("ACTIVATE", Verb.UPDATE), Map.entry("DEACTIVATE", Verb.UPDATE), Map.entry("QUIESCE", Verb.UPDATE),
            Map.entry("UNQUIESCE", Verb.UPDATE), Map.entry("START", Verb.UPDATE), Map.entry("STOP", Verb.UPDATE),
            Map.entry("FORCE", Verb.UPDATE), Map.entry("REORG", Verb.UPDATE), Map.entry("LOAD", Verb.UPDATE),
            Map.entry("IMPORT", Verb.UPDATE), Map.entry("INGEST", Verb.UPDATE), Map.entry("ROLLFORWARD", Verb.UPDATE),
            Map.entry("TAKEOVER", Verb.UPDATE), Map.entry("REBIND", Verb.UPDATE), Map.entry("BIND", Verb.UPDATE),
            Map.entry("REDISTRIBUTE", Verb.UPDATE), Map.entry("UPGRADE", Verb.UPDATE), Map.entry("MIGRATE", Verb.UPDATE),
            Map.entry("RESTART", Verb.UPDATE), Map.entry("PRUNE", Verb.DELETE), Map.entry("RESTORE", Verb.REPLACE),
            Map.entry("RECOVER", Verb.REPLACE)));

    /** Words that begin SQL rather than a Db2 command; {@code UPDATE} is SQL unless its second word is a Db2 object. */
    private static final Set<String> SQL_STARTS = Set.of("SELECT", "WITH", "VALUES", "INSERT", "UPDATE", "DELETE", "MERGE",
            "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "CALL", "COMMENT", "RENAME", "SET", "DECLARE",
            "EXPLAIN", "LOCK", "COMMIT", "ROLLBACK", "REFRESH");

    @Override
    public Set<String> programs() {
        return Set.of("bteq", "hdbsql", "db2", "dbaccess", "isql", "db2pd", "db2top", "db2level", "db2look", "onstat", "oncheck");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "bteq" -> bteq(inv, nested);
            case "hdbsql" -> hdbsql(inv, nested);
            case "db2" -> db2(inv, nested);
            case "dbaccess" -> dbaccess(inv, nested);
            case "isql" -> isql(inv, nested);
            case "oncheck" -> List.of(monitor(inv, inv.words().stream().anyMatch(w -> w.equals("-y"))));
            default -> List.of(monitor(inv, false));
        };
    }

    private static List<Operation> bteq(Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        DatabaseTarget target = DatabaseTarget.NONE;
        if (inv.stdin().isPresent()) {
            ClientScripts.Split split = ClientScripts.BTEQ.split(inv.stdin().get(), "", inv, nested);
            target = target.withHost(split.server().orElse(""));
            ops.addAll(split.written(statements(split.sql(), true, "", inv, nested)));
            ops.addAll(split.others());
        }
        return DatabaseOps.locate(ops.isEmpty() ? List.of(DatabaseOps.session(inv, "")) : ops, target, inv);
    }

    private static List<Operation> hdbsql(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(HDBSQL_VALUED);
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("-n").map(SqlShells::hostName), true, inv);
        target = DatabaseOps.flag(target, p.value("-d"), false, inv);
        List<Operation> ops = new ArrayList<>();
        String sql = String.join(" ", p.positionals().stream().map(Arg::value).toList());
        boolean literal = p.positionals().stream().allMatch(Arg::literal);
        ops.addAll(statements(sql, literal, "", inv, nested));
        p.value("-I").ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, "", f)));
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> statements(s, true, "", inv, nested)).orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        String key = p.value("-U").orElse("");
        return DatabaseOps.locate(ops, target, inv).stream()
                .map(o -> key.isEmpty() ? o : o.toBuilder().locator("profile", key).build()).toList();
    }

    /** {@code dbaccess [-flags] DB[@SERVER] [FILE|-]}: SQL from the file when this line wrote it, from stdin with {@code -}. */
    private static List<Operation> dbaccess(Invocation inv, Nested nested) {
        List<Arg> positionals = inv.args().stream().filter(a -> !a.value().startsWith("-") || a.value().equals("-")).toList();
        String database = positionals.isEmpty() || positionals.getFirst().value().equals("-") ? "" : positionals.getFirst().value();
        String server = database.contains("@") ? database.substring(database.indexOf('@') + 1)
                : inv.env().getOrDefault("INFORMIXSERVER", "");
        database = Regex.before(database, "@");
        List<Operation> ops = new ArrayList<>();
        String file = positionals.size() > 1 ? positionals.get(1).value() : "-";
        if (!file.equals("-")) {
            ops.addAll(nested.written(file).map(t -> statements(t, true, "", inv, nested))
                    .orElse(List.of(DatabaseOps.scriptFile(inv, database, file))));
        } else if (inv.stdin().isPresent()) {
            ops.addAll(statements(inv.stdin().get(), true, "", inv, nested));
        }
        if (ops.isEmpty()) {
            ops.add(DatabaseOps.session(inv, database));
        }
        return DatabaseOps.locate(ops, DatabaseTarget.NONE.withDatabase(database).withHost(server), inv);
    }

    /** {@code isql -S SERVER [-D DB] [-i FILE]} (Sybase/SAP ASE) or {@code isql DSN [USER [PASSWORD]]} (unixODBC). */
    private static List<Operation> isql(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-S", "-U", "-P", "-D", "-i", "-o", "-w", "-s", "-c", "-H", "-I", "-J", "-a", "-A",
                "-z", "-t", "-l", "-m", "-E", "-R", "-y", "-T", "-k", "-K", "-d", "-b"));
        String server = p.value("-S").orElse(p.positionals().isEmpty() ? "" : p.positionals().getFirst().value());
        DatabaseTarget target = DatabaseTarget.NONE.withHost(SqlShells.hostName(server)).withDatabase(p.value("-D").orElse(""));
        List<Operation> ops = new ArrayList<>();
        p.value("-i").ifPresent(f -> ops.addAll(nested.written(f).map(t -> batches(t, inv, nested))
                .orElse(List.of(DatabaseOps.scriptFile(inv, "", f)))));
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> batches(s, inv, nested)).orElse(List.of()));
        }
        if (ops.isEmpty()) {
            ops.add(DatabaseOps.session(inv, ""));
        }
        return DatabaseOps.locate(ops, target, inv);
    }

    /** Transact-SQL batches separated by {@code go} lines; a procedure name at a batch's start is an {@code EXEC}. */
    private static List<Operation> batches(String script, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        for (String batch : Regex.split(script, "(?im)^\\s*go(?:\\s+\\d+)?\\s*;?\\s*$")) {
            String sql = Regex.find(batch, "^\\s*sp_\\w+") ? "EXEC " + batch.strip() : batch;
            ops.addAll(statements(sql, true, "sqlserver", inv, nested));
        }
        return ops;
    }

    /** {@code db2 [-options] COMMAND}: SQL goes to the analyzer, CLP commands to the table; {@code -f F} runs a script. */
    private static List<Operation> db2(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-f", "-z", "-r", "-l", "-e"));
        List<Operation> ops = new ArrayList<>();
        p.value("-f").ifPresent(f -> ops.addAll(nested.written(f).map(t -> statements(t, true, "", inv, nested))
                .orElse(List.of(DatabaseOps.scriptFile(inv, "", f)))));
        String command = String.join(" ", p.positionals().stream().map(Arg::value).toList()).trim();
        String[] words = CommandWords.words(command);
        DatabaseTarget target = DatabaseTarget.NONE;
        if (words.length > 0) {
            boolean db2Command = words[0].equals("UPDATE") ? words.length > 1 && DB2.verbs().containsKey("UPDATE " + words[1])
                    : !SQL_STARTS.contains(words[0]);
            if (db2Command) {
                target = target.withDatabase(database(words));
                ops.add(db2Command(inv, command, words));
            } else {
                ops.addAll(statements(command, p.positionals().stream().allMatch(Arg::literal), "", inv, nested));
            }
        }
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> statements(s, true, "", inv, nested)).orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        return DatabaseOps.locate(ops, target.or(DatabaseTarget.NONE.withDatabase(inv.env().getOrDefault("DB2DBDFT", ""))), inv);
    }

    private static Operation db2Command(Invocation inv, String command, String[] words) {
        Verb verb = DB2.verb(command);
        boolean replaces = (words[0].equals("LOAD") || words[0].equals("IMPORT")) && List.of(words).contains("REPLACE");
        Operation.Builder b = op(inv, replaces ? Verb.REPLACE : verb, "database", database(words)).note("db2 " + command);
        if (verb == Verb.REPLACE || replaces || verb == Verb.DELETE) {
            b.stateful(true).reversible(false).scope(Scope.MANY);
        }
        if (words[0].equals("FORCE")) {
            b.scope(List.of(words).contains("ALL") ? Scope.ALL : Scope.ONE).note("db2 force application disconnects sessions");
        }
        if (words[0].equals("EXPORT")) {
            b = DatabaseAdminTools.dataCopy(b, true);
        }
        if (verb == Verb.UNKNOWN) {
            b.confidence(dev.interlock.model.Confidence.INFERRED);
        }
        return b.build();
    }

    /** The database a Db2 command names: {@code connect to X}, {@code … db X}, {@code … for X}. */
    private static String database(String[] words) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (Set.of("TO", "DB", "DATABASE", "FOR").contains(words[i]) && !Set.of("CFG", "CONFIGURATION", "USING", "DB", "DATABASE").contains(words[i + 1])) {
                return words[i + 1];
            }
        }
        return "";
    }

    /** Monitors: {@code db2pd -db X}, {@code onstat -g ses}, {@code oncheck -cDI}; {@code oncheck -y} repairs. */
    private static Operation monitor(Invocation inv, boolean repairs) {
        ParsedArgs p = inv.parse(Set.of("-db", "-d", "-database", "-alldbs", "-inst", "-file", "-repeat", "-o", "-n"));
        String database = p.value("-db", "-d", "-database").orElse(inv.env().getOrDefault("INFORMIXSERVER", ""));
        Operation o = op(inv, repairs ? Verb.UPDATE : Verb.READ, "database", database)
                .note(repairs ? inv.program() + " -y repairs what it finds" : inv.program() + " reports on the server").build();
        return DatabaseOps.locate(List.of(o), DatabaseTarget.NONE.withDatabase(database)
                .withHost(inv.env().getOrDefault("INFORMIXSERVER", "")), inv).getFirst();
    }
}
