package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.flag;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The single-purpose database tools: {@code dropdb}/{@code createdb}, dumps ({@code pg_dump}, {@code mysqldump}: reads
 * into a file; schema-only dumps copy no rows), {@code pg_restore} (adds objects; with {@code --clean} replaces them),
 * {@code mysqladmin} and mydumper's {@code mydumper}/{@code myloader}.
 */
final class DatabaseAdminTools {

    private static final Set<String> PG_VALUED = Set.of("-h", "--host", "-p", "--port", "-U", "--username", "-d",
            "--dbname", "-f", "--file", "-F", "--format", "-n", "--schema", "-N", "--exclude-schema", "-t", "--table", "-T",
            "--exclude-table", "-j", "--jobs", "-Z", "--compress", "-E", "--encoding", "--section", "-S", "--superuser",
            "--role", "-I", "--index", "-P", "--function", "-L", "--use-list", "--maintenance-db", "--owner",
            "--locale", "--tablespace", "--template");
    private static final Set<String> MYSQL_VALUED = Set.of("-h", "--host", "-u", "--user", "-P", "--port", "-S",
            "--socket", "-r", "--result-file", "-w", "--where", "--defaults-file", "--default-character-set", "-i",
            "--sleep", "-c", "--count", "--login-path", "--protocol");
    /** mydumper/myloader: {@code -p} is a separate password word, {@code -d} is mydumper's --no-data but myloader's directory. */
    private static final Set<String> MYDUMPER_VALUED = Set.of("-h", "--host", "-u", "--user", "-p", "--password", "-P",
            "--port", "-S", "--socket", "-B", "--database", "-T", "--tables-list", "-o", "--outputdir", "-t", "--threads",
            "-r", "--rows", "-F", "--chunk-filesize", "-x", "--regex", "-L", "--logfile", "-O", "--omit-from-file",
            "-s", "--source-db", "--defaults-file", "--where", "-v", "--verbose", "--exec", "-q", "--queries-per-transaction");
    /** mysqladmin's own: {@code -r} is {@code --relative} and {@code -w} takes its count glued, not mysqldump's files. */
    private static final Set<String> MYSQLADMIN_VALUED = Set.of("-h", "--host", "-u", "--user", "-P", "--port", "-S",
            "--socket", "-i", "--sleep", "-c", "--count", "--defaults-file", "--defaults-extra-file", "--login-path",
            "--protocol", "--default-character-set", "--connect-timeout", "--shutdown-timeout", "--ssl-ca", "--ssl-cert",
            "--ssl-key", "--ssl-mode", "-O", "--set-variable", "--character-sets-dir", "--plugin-dir", "--default-auth");

    private DatabaseAdminTools() {
    }

    static List<Operation> recognize(Invocation inv) {
        String program = inv.program();
        if (program.startsWith("my") && !program.startsWith("mysql")) {
            return mydumper(inv);
        }
        boolean mysqlFamily = program.startsWith("mysql");
        if (DatabaseOps.help(inv, "-V")) {
            return List.of();
        }
        Invocation cleaned = mysqlFamily ? DatabaseClientRecognizer.withoutPasswords(inv) : inv;
        ParsedArgs p = cleaned.parse(program.equals("mysqladmin") ? MYSQLADMIN_VALUED : mysqlFamily ? MYSQL_VALUED : PG_VALUED);
        DatabaseTarget target = flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        if (!mysqlFamily) {
            target = flag(target, p.value("-d", "--dbname"), false, inv);
        }
        List<Arg> positionals = p.positionals();
        List<Operation> ops = switch (program) {
            case "dropdb", "createdb" -> {
                if (positionals.isEmpty()) {
                    yield List.of(DatabaseOps.unknown(inv, program + " without a database name"));
                }
                Arg name = positionals.getFirst();
                target = target.withDatabase(DatabaseTarget.value(name, inv.env()).orElse("")).withUncertain(!name.literal());
                yield List.of(program.equals("dropdb")
                        ? DatabaseOps.teardown(inv, "database", name.value(), "drops the database " + name.value())
                        : op(inv, Verb.CREATE, "database", name.value()).build());
            }
            case "pg_dump" -> {
                if (!positionals.isEmpty()) {
                    target = target.or(DatabaseTarget.looksLikeUrl(positionals.getFirst().value())
                            ? DatabaseTarget.fromUrl(positionals.getFirst().value())
                            : DatabaseTarget.NONE.withDatabase(positionals.getFirst().value()));
                }
                yield List.of(dataCopy(op(inv, Verb.READ, "database", target.database()), !p.has("-s", "--schema-only"))
                        .note("dumps the database to a file").build());
            }
            case "pg_dumpall" -> List.of(dataCopy(op(inv, Verb.READ, "database", ""), !p.has("-s", "--schema-only", "-g", "--globals-only", "-r", "--roles-only"))
                    .scope(Scope.ALL).note("dumps every database").build());
            case "pg_restore" -> List.of(restore(inv, p, target));
            case "mysqldump" -> {
                if (!positionals.isEmpty() && !p.has("--databases", "-B")) {
                    target = target.withDatabase(positionals.getFirst().value());
                }
                yield List.of(dataCopy(op(inv, Verb.READ, "database", p.has("-A", "--all-databases") ? "" : target.database()),
                        !p.has("-d", "--no-data")).note("dumps the database to a file").build());
            }
            case "mysqladmin" -> mysqladmin(inv, positionals);
            default -> List.of(DatabaseOps.unknown(inv, "unrecognized database tool " + program));
        };
        return DatabaseOps.locateClient(ops, target.or(DatabaseTarget.fromEnv(inv.env())), inv);
    }

    /**
     * mydumper reads the server into a directory (with {@code -d}/{@code --no-data} only the schema, no rows, as
     * {@code mysqldump --no-data}); myloader loads a directory into the server, {@code -o}/{@code --overwrite-tables}
     * dropping the tables first.
     */
    private static List<Operation> mydumper(Invocation inv) {
        if (DatabaseOps.help(inv, "-V")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(MYDUMPER_VALUED);
        DatabaseTarget target = flag(flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv),
                p.value("-B", "--database"), false, inv);
        String database = target.database();
        Operation op;
        if (inv.program().equals("mydumper")) {
            op = dataCopy(op(inv, Verb.READ, "database", database), !p.has("-d", "--no-data"))
                    .note("dumps the database to a directory").build();
        } else if (p.has("-o", "--overwrite-tables")) {
            op = op(inv, Verb.REPLACE, "database", database).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("--overwrite-tables drops the tables before loading the dump").build();
        } else {
            op = op(inv, Verb.UPDATE, "database", database).scope(Scope.MANY).note("loads a dump into the server").build();
        }
        return DatabaseOps.locateClient(List.of(op), target.or(DatabaseTarget.fromEnv(inv.env())), inv);
    }

    /** pg_restore: {@code -l} lists the archive; without {@code -d} it only prints a script; {@code --clean} drops first. */
    private static Operation restore(Invocation inv, ParsedArgs p, DatabaseTarget target) {
        if (p.has("-l", "--list") || !p.has("-d", "--dbname")) {
            return op(inv, Verb.READ, "database", target.database()).note("reads the archive").build();
        }
        if (p.has("-c", "--clean")) {
            return op(inv, Verb.REPLACE, "database", target.database()).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("--clean drops the database objects before recreating them from the archive").build();
        }
        return op(inv, Verb.UPDATE, "database", target.database()).scope(Scope.MANY)
                .note("restores objects from an archive").build();
    }

    private static List<Operation> mysqladmin(Invocation inv, List<Arg> positionals) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < positionals.size(); i++) {
            String cmd = positionals.get(i).value().toLowerCase(Locale.ROOT);
            Optional<String> arg = i + 1 < positionals.size() ? Optional.of(positionals.get(i + 1).value()) : Optional.empty();
            switch (cmd) {
                case "drop" -> {
                    ops.add(DatabaseOps.teardown(inv, "database", arg.orElse(""), "drops the database " + arg.orElse("")));
                    i++;
                }
                case "create" -> {
                    ops.add(op(inv, Verb.CREATE, "database", arg.orElse("")).build());
                    i++;
                }
                // the server named, stopped: a change where it runs, routine for a developer's own MySQL on this machine
                case "shutdown" -> ops.add(op(inv, Verb.UPDATE, "server", "").reversible(false)
                        .note("shuts the server down").build());
                case "kill" -> {
                    ops.add(op(inv, Verb.UPDATE, "connection", arg.orElse("")).note("kills server threads").build());
                    i++;
                }
                case "password", "old-password" -> {
                    ops.add(op(inv, Verb.GRANT, "user", "").note("changes the account password").build());
                    i++;
                }
                case "status", "ping", "processlist", "variables", "version", "extended-status", "debug" ->
                        ops.add(op(inv, Verb.READ, "database", "").note("mysqladmin " + cmd).build());
                case "reload", "refresh", "start-replica", "stop-replica", "start-slave", "stop-slave" ->
                        ops.add(op(inv, Verb.UPDATE, "database", "").note("mysqladmin " + cmd).build());
                default -> ops.add(cmd.startsWith("flush")
                        ? op(inv, Verb.UPDATE, "database", "").note("mysqladmin " + cmd).build()
                        : op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.INFERRED)
                                .note("unrecognized mysqladmin command " + cmd).build());
            }
        }
        if (ops.isEmpty()) {
            ops.add(op(inv, Verb.READ, "database", "").note("mysqladmin without a command").build());
        }
        return ops;
    }

    /**
     * A dump that carries the rows (not only the schema) copies the database's data to wherever the dump is written:
     * {@link DatabaseOps#COPIES_DATA} lets the policy hold copies of production data leaving production.
     */
    static Operation.Builder dataCopy(Operation.Builder b, boolean rows) {
        return rows ? b.locator(DatabaseOps.COPIES_DATA, "rows") : b;
    }
}
