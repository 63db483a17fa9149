package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's server-side tools, run on the database machine against its data directory or WAL: most only inspect
 * ({@code pg_controldata}, {@code pg_waldump}, {@code pg_checksums --check}, {@code pg_verifybackup}, {@code
 * pg_amcheck}); a few rewrite or delete what the server needs ({@code pg_checksums --enable}, {@code pg_resetwal},
 * {@code pg_archivecleanup}) unless told to only show what they would do ({@code -n}/{@code --dry-run}). The machine
 * is where they act: the request's environment places them, or the server {@code pg_amcheck -h} names.
 */
public final class PostgresServerTools implements Recognizer {

    /** Valued flags of the tools together; where two tools differ the flag still counts as present. */
    private static final Set<String> VALUED = Set.of("-D", "--pgdata", "-p", "--path", "-s", "--start", "-e", "--end",
            "-r", "--rmgr", "-t", "--timeline", "-x", "--xid", "-h", "--host", "-U", "--username", "-d", "--database",
            "-f", "--filenode", "-m", "--manifest-path", "-w", "--wal-directory", "-i", "--ignore", "-B", "--block",
            "-j", "--jobs", "-R", "--relation", "-S", "--schema", "--table", "--save-fullpage", "--install-missing",
            "--startblock", "--endblock", "--strip-extension");

    /** Tools that only read, whatever their flags. */
    private static final Map<String, Action> READS = Map.of(
            "pg_controldata", Action.read("data-directory"),
            "pg_waldump", Action.read("wal"),
            "pg_verifybackup", Action.read("backup"),
            "pg_amcheck", Action.read("database"),
            "pg_test_fsync", Action.read("host"),
            "pg_test_timing", Action.read("host"),
            "pg_config", Action.read("host"),
            "pg_lsclusters", Action.read("host"));

    private static final Action REWRITES_CHECKSUMS = Action.update("data-directory",
            "rewrites every data file to turn page checksums on or off (the server must be stopped)");
    private static final Action RESETS_WAL = new Action(Verb.UPDATE, "data-directory", Scope.ONE, true, false,
            "resets the write-ahead log; committed transactions can be lost and the cluster left inconsistent");
    private static final Action CLEANS_ARCHIVE = new Action(Verb.DELETE, "wal-archive", Scope.MANY, true, false,
            "deletes archived WAL segments older than the one named");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(READS.keySet());
        all.addAll(List.of("pg_checksums", "pg_resetwal", "pg_resetxlog", "pg_archivecleanup"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-V")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        String program = inv.program();
        String dataDirectory = p.value("-D", "--pgdata").or(() -> p.positional(0))
                .orElse(inv.env().getOrDefault("PGDATA", ""));
        Action action = switch (program) {
            case "pg_checksums" -> p.has("-e", "--enable", "-d", "--disable") ? REWRITES_CHECKSUMS
                    : Action.read("data-directory");
            case "pg_resetwal", "pg_resetxlog" -> p.has("-n", "--dry-run") ? Action.read("data-directory") : RESETS_WAL;
            case "pg_archivecleanup" -> p.has("-n") ? Action.read("wal-archive") : CLEANS_ARCHIVE;
            default -> READS.get(program);
        };
        String name = program.equals("pg_amcheck") ? p.value("-d", "--database").orElse("") : dataDirectory;
        Operation op = action.on(DatabaseOps.SYSTEM, name, inv, program + " inspects the server's files").build();
        if (!program.equals("pg_amcheck")) {
            return List.of(op);
        }
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        return DatabaseOps.locateClient(List.of(op), target.or(DatabaseTarget.fromEnv(inv.env())), inv);
    }
}
