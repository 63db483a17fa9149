package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Oracle's administration tools. Data Pump: {@code expdp} reads (and copies the rows out unless
 * {@code content=METADATA_ONLY} or {@code estimate_only=y}); {@code impdp} with {@code sqlfile=} only writes the DDL to
 * a file, otherwise it loads objects, and {@code table_exists_action=REPLACE|TRUNCATE} loses what was there. RMAN and
 * Data Guard's DGMGRL are command languages read as tables ({@code LIST} and {@code SHOW} look; {@code DELETE},
 * {@code SWITCHOVER}, {@code FAILOVER} change). SQL*Loader ({@code sqlldr}) loads rows into the logon's database. The
 * wallet tool {@code mkstore} prints stored passwords with {@code -viewEntry} and {@code -listCredential}; {@code -list}
 * prints only entry names, as other secret stores' listings do. The target is the logon's connect identifier, else
 * {@code ORACLE_SID}.
 */
public final class OracleTools implements Recognizer {

    private static final CommandWords RMAN = new CommandWords(Map.ofEntries(
            Map.entry("LIST", Verb.READ), Map.entry("REPORT", Verb.READ), Map.entry("SHOW", Verb.READ),
            Map.entry("VALIDATE", Verb.READ), Map.entry("PREVIEW", Verb.READ), Map.entry("ALLOCATE", Verb.READ),
            Map.entry("RELEASE", Verb.READ), Map.entry("SET", Verb.READ), Map.entry("SPOOL", Verb.READ),
            Map.entry("EXIT", Verb.READ), Map.entry("QUIT", Verb.READ), Map.entry("CONNECT", Verb.READ),
            Map.entry("PRINT", Verb.READ), Map.entry("SEND", Verb.READ), Map.entry("BACKUP", Verb.READ),
            Map.entry("CROSSCHECK", Verb.UPDATE), Map.entry("CHANGE", Verb.UPDATE), Map.entry("CONFIGURE", Verb.UPDATE),
            Map.entry("CATALOG", Verb.UPDATE), Map.entry("REGISTER", Verb.UPDATE), Map.entry("UNREGISTER", Verb.UPDATE),
            Map.entry("RESYNC", Verb.UPDATE), Map.entry("STARTUP", Verb.UPDATE), Map.entry("SHUTDOWN", Verb.UPDATE),
            Map.entry("ALTER", Verb.UPDATE), Map.entry("DUPLICATE", Verb.CREATE), Map.entry("CONVERT", Verb.CREATE),
            Map.entry("TRANSPORT", Verb.CREATE), Map.entry("DELETE", Verb.DELETE), Map.entry("DROP", Verb.DELETE),
            Map.entry("RESTORE", Verb.REPLACE), Map.entry("RECOVER", Verb.REPLACE), Map.entry("FLASHBACK", Verb.REPLACE),
            Map.entry("SWITCH", Verb.REPLACE), Map.entry("RESET", Verb.REPLACE)));

    private static final CommandWords DGMGRL = new CommandWords(Map.ofEntries(
            Map.entry("SHOW", Verb.READ), Map.entry("VALIDATE", Verb.READ), Map.entry("HELP", Verb.READ),
            Map.entry("CONNECT", Verb.READ), Map.entry("EXIT", Verb.READ), Map.entry("QUIT", Verb.READ),
            Map.entry("SWITCHOVER", Verb.UPDATE), Map.entry("FAILOVER", Verb.UPDATE), Map.entry("CONVERT", Verb.UPDATE),
            Map.entry("REINSTATE", Verb.UPDATE), Map.entry("EDIT", Verb.UPDATE), Map.entry("ENABLE", Verb.UPDATE),
            Map.entry("DISABLE", Verb.UPDATE), Map.entry("ADD", Verb.CREATE), Map.entry("CREATE", Verb.CREATE),
            Map.entry("REMOVE", Verb.DELETE), Map.entry("STARTUP", Verb.UPDATE), Map.entry("SHUTDOWN", Verb.UPDATE),
            Map.entry("START", Verb.UPDATE), Map.entry("STOP", Verb.UPDATE), Map.entry("MIGRATE", Verb.UPDATE),
            Map.entry("SET", Verb.UPDATE)));

    /** RESTORE and RECOVER that only check or preview what they would use. */
    private static final Set<String> RMAN_CHECK_ONLY = Set.of("PREVIEW", "VALIDATE");

    @Override
    public Set<String> programs() {
        return Set.of("expdp", "impdp", "rman", "dgmgrl", "sqlldr", "mkstore");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-help", "help=y", "HELP=Y")) {
            return List.of();
        }
        return switch (inv.program()) {
            case "expdp", "impdp" -> dataPump(inv);
            case "rman" -> rman(inv, nested);
            case "sqlldr" -> sqlLoader(inv, nested);
            case "mkstore" -> List.of(wallet(inv));
            default -> dgmgrl(inv, nested);
        };
    }

    /**
     * An Oracle logon ({@code user/password@//host:1521/service}, {@code user@tnsalias}, {@code /}): a host and
     * service, or a TNS alias as the database; without one, the local instance {@code ORACLE_SID}.
     */
    static DatabaseTarget logon(Optional<Arg> logon, Invocation inv) {
        DatabaseTarget target = DatabaseTarget.NONE;
        if (logon.isPresent() && !logon.get().literal()) {
            target = target.withUncertain(true);
        } else if (logon.isPresent() && logon.get().value().contains("@")) {
            String v = logon.get().value();
            String connect = Regex.replaceFirst(v.substring(v.lastIndexOf('@') + 1), "^//", "");
            if (connect.contains("/") || connect.contains(":")) {
                target = target.withHost(SqlShells.hostName(Regex.before(connect, "[:/]")))
                        .withDatabase(connect.contains("/") ? connect.substring(connect.lastIndexOf('/') + 1) : "");
            } else {
                target = target.withDatabase(connect);
            }
        }
        return target.or(DatabaseTarget.NONE.withHost(SqlShells.hostName(inv.env().getOrDefault("TWO_TASK", "")))
                .withDatabase(inv.env().getOrDefault("ORACLE_SID", "")));
    }

    /** Oracle tools' {@code key=value} parameters (keys in lower case) and the database of the logon word or {@code userid=}. */
    private record Parameters(Map<String, String> values, DatabaseTarget target) {
    }

    private static Parameters parameters(Invocation inv) {
        Map<String, String> params = new java.util.HashMap<>();
        Optional<Arg> logon = Optional.empty();
        for (Arg a : inv.args()) {
            int eq = a.value().indexOf('=');
            if (eq > 0) {
                params.put(a.value().substring(0, eq).toLowerCase(Locale.ROOT), a.value().substring(eq + 1));
            } else if (!a.value().startsWith("-") && logon.isEmpty()) {
                logon = Optional.of(a);
            }
        }
        DatabaseTarget target = logon(logon.or(() -> Optional.ofNullable(params.containsKey("userid")
                ? Arg.of(params.get("userid")) : null)), inv);
        return new Parameters(params, target);
    }

    private static List<Operation> dataPump(Invocation inv) {
        Parameters parameters = parameters(inv);
        Map<String, String> params = parameters.values();
        DatabaseTarget target = parameters.target();
        String content = params.getOrDefault("content", "ALL").toUpperCase(Locale.ROOT);
        String what = params.getOrDefault("schemas", params.getOrDefault("tables", params.getOrDefault("full", "")));
        Operation result;
        if (params.containsKey("parfile")) {
            result = DatabaseOps.scriptFile(inv, target.database(), params.get("parfile"));
        } else if (inv.program().equals("expdp")) {
            boolean rows = !content.equals("METADATA_ONLY") && !Regex.matches(params.getOrDefault("estimate_only", "n"), "(?i)y(es)?");
            result = DatabaseAdminTools.dataCopy(op(inv, Verb.READ, "schema", what), rows)
                    .note(rows ? "exports the rows to a dump file" : "exports only the definitions").build();
        } else if (params.containsKey("sqlfile")) {
            result = op(inv, Verb.READ, "schema", what).note("sqlfile= writes the DDL to a file and imports nothing").build();
        } else if (Regex.matches(params.getOrDefault("table_exists_action", ""), "(?i)replace|truncate")) {
            result = op(inv, Verb.REPLACE, "schema", what).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("table_exists_action=" + params.get("table_exists_action") + " replaces existing tables").build();
        } else {
            result = op(inv, Verb.UPDATE, "schema", what).scope(Scope.MANY).note("imports objects from a dump").build();
        }
        return DatabaseOps.locate(List.of(result), target, inv);
    }

    /**
     * {@code sqlldr [userid=]LOGON control=F …}: a load writes rows into the logon's database, and a control file in view
     * that says {@code REPLACE} or {@code TRUNCATE} empties the table first.
     */
    private static List<Operation> sqlLoader(Invocation inv, Nested nested) {
        Parameters parameters = parameters(inv);
        Map<String, String> params = parameters.values();
        DatabaseTarget target = parameters.target();
        String control = params.getOrDefault("control", "");
        boolean empties = nested.written(control).map(t -> Regex.find(t, "(?i)\\b(?:REPLACE|TRUNCATE)\\b")).orElse(false);
        Operation.Builder b = op(inv, empties ? Verb.REPLACE : Verb.UPDATE, "table", params.getOrDefault("table", ""))
                .scope(Scope.MANY).note(empties ? "SQL*Loader replaces the table's rows" : "SQL*Loader loads rows into the database");
        if (empties) {
            b.stateful(true).reversible(false);
        }
        return DatabaseOps.locate(List.of(b.build()), target, inv);
    }

    /** {@code mkstore -wrl DIR -viewEntry NAME}: the wallet holds database passwords; listing entry names reveals none. */
    private static Operation wallet(Invocation inv) {
        List<String> words = inv.words();
        String wallet = inv.parse(Set.of("-wrl")).value("-wrl").orElse("");
        Verb verb = words.stream().anyMatch(w -> Set.of("-viewEntry", "-listCredential").contains(w)) ? Verb.CREDENTIAL
                : words.stream().anyMatch(w -> Set.of("-deleteEntry", "-deleteCredential").contains(w)) ? Verb.DELETE
                : words.stream().anyMatch(w -> Set.of("-createEntry", "-modifyEntry", "-createCredential", "-modifyCredential",
                        "-create", "-createALO", "-createSSO").contains(w)) ? Verb.UPDATE
                : words.contains("-list") || words.isEmpty() || words.contains("-help") ? Verb.READ : Verb.UNKNOWN;
        Operation.Builder b = dev.interlock.analysis.shell.recognizers.LocalFiles.on(inv, verb, "wallet", wallet);
        if (verb == Verb.CREDENTIAL) {
            b.note("mkstore prints the passwords stored in the Oracle wallet");
        }
        if (verb == Verb.UNKNOWN) {
            b.confidence(dev.interlock.model.Confidence.INFERRED);
        }
        return b.build();
    }

    /** {@code rman target CONNECT [catalog …] [cmdfile F | @F]}; commands on stdin or after {@code cmd}. */
    private static List<Operation> rman(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        Optional<Arg> target = Optional.empty();
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value().toLowerCase(Locale.ROOT);
            if (w.equals("target") && i + 1 < args.size()) {
                target = Optional.of(args.get(++i));
            } else if ((w.equals("cmdfile") || w.equals("@")) && i + 1 < args.size()) {
                ops.add(DatabaseOps.scriptFile(inv, "", args.get(++i).value()));
            } else if (w.startsWith("@") || w.startsWith("cmdfile=")) {
                ops.add(DatabaseOps.scriptFile(inv, "", Regex.replaceFirst(w, "^@|^cmdfile=", "")));
            }
        }
        DatabaseTarget place = logon(target, inv);
        String script = inv.stdin().orElse("");
        for (String command : CommandWords.commands(Regex.replaceAll(script, "(?i)\\bRUN\\s*\\{|}", ";"), ";", "(?m)#.*$")) {
            Optional<String> sql = Optional.of(command).filter(c -> Regex.find(c, "(?i)^SQL\\s+['\"]"))
                    .map(c -> Regex.replaceAll(c, "(?is)^SQL\\s+['\"](.*)['\"]$", "$1"));
            if (sql.isPresent()) {
                ops.addAll(nested.sql(sql.get(), "", inv));
                continue;
            }
            if (Regex.find(command, "(?i)^HOST\\s+['\"]")) {
                ops.addAll(nested.shell(Regex.replaceAll(command, "(?is)^HOST\\s+['\"](.*)['\"]$", "$1"), inv));
                continue;
            }
            String[] words = CommandWords.words(command);
            Verb verb = RMAN.verb(command);
            if (words.length > 1 && Set.of("RESTORE", "RECOVER").contains(words[0])
                    && java.util.Arrays.stream(words).anyMatch(RMAN_CHECK_ONLY::contains)) {
                verb = Verb.READ;
            }
            ops.add(command(inv, verb, "backup", words, "RMAN " + command));
        }
        if (ops.isEmpty()) {
            ops.add(DatabaseOps.session(inv, place.database()));
        }
        return DatabaseOps.locate(ops, place, inv);
    }

    /** {@code dgmgrl [-silent] [-echo] CONNECT ["command" …]}; commands also on stdin, one per line or {@code ;}. */
    private static List<Operation> dgmgrl(Invocation inv, Nested nested) {
        List<Arg> words = inv.args().stream().filter(a -> !a.value().startsWith("-")).toList();
        Optional<Arg> logon = words.isEmpty() ? Optional.empty() : Optional.of(words.getFirst());
        List<String> commands = new ArrayList<>();
        words.stream().skip(1).forEach(a -> commands.addAll(CommandWords.commands(a.value(), ";", "$^")));
        inv.stdin().ifPresent(s -> commands.addAll(CommandWords.commands(s, "[;\\n]", "(?m)#.*$")));
        List<Operation> ops = new ArrayList<>();
        for (String command : commands) {
            String[] w = CommandWords.words(command);
            Verb verb = DGMGRL.verb(command);
            Operation.Builder b = command(inv, verb, "data-guard", w, "DGMGRL " + command).toBuilder();
            if (w.length > 0 && w[0].equals("FAILOVER")) {
                b.reversible(false).note("failover abandons the old primary (DGMGRL " + command + ")");
            }
            ops.add(b.build());
        }
        if (ops.isEmpty()) {
            ops.add(DatabaseOps.session(inv, ""));
        }
        return DatabaseOps.locate(ops, logon(logon, inv), inv);
    }

    private static Operation command(Invocation inv, Verb verb, String type, String[] words, String note) {
        Operation.Builder b = op(inv, verb, type, words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "").note(note);
        if (verb == Verb.DELETE || verb == Verb.REPLACE) {
            b.stateful(true).reversible(false).scope(java.util.Arrays.asList(words).contains("ALL") ? Scope.ALL : Scope.MANY);
        }
        if (verb == Verb.UNKNOWN) {
            b.confidence(dev.interlock.model.Confidence.INFERRED);
        }
        return b.build();
    }
}
