package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IBM MQ's control commands and its MQSC language. The {@code dsp…} commands only look; {@code crtmqm},
 * {@code strmqm}, {@code endmqm} and {@code dltmqm} create, start, stop and delete a queue manager;
 * {@code setmqaut} grants. {@code runmqsc QM} reads MQSC from stdin: {@code DISPLAY}/{@code PING} look,
 * {@code DEFINE}/{@code ALTER}/{@code DELETE} change objects, {@code CLEAR} throws messages away, {@code SET AUTHREC}
 * grants; with {@code -v} nothing runs. The queue manager's name places it, like a database's.
 */
public final class IbmMq implements Recognizer {

    private static final String SYSTEM = "messaging";

    private static final CommandWords MQSC = new CommandWords(Map.ofEntries(
            Map.entry("DISPLAY", Verb.READ), Map.entry("DIS", Verb.READ), Map.entry("PING", Verb.READ),
            Map.entry("END", Verb.READ), Map.entry("DEFINE", Verb.CREATE), Map.entry("DEF", Verb.CREATE),
            Map.entry("ALTER", Verb.UPDATE), Map.entry("ALT", Verb.UPDATE), Map.entry("DELETE", Verb.DELETE),
            Map.entry("DEL", Verb.DELETE), Map.entry("CLEAR", Verb.DELETE), Map.entry("SET", Verb.GRANT),
            Map.entry("SET LOG", Verb.UPDATE), Map.entry("SET ARCHIVE", Verb.UPDATE), Map.entry("SET SYSTEM", Verb.UPDATE),
            Map.entry("START", Verb.UPDATE), Map.entry("STA", Verb.UPDATE), Map.entry("STOP", Verb.UPDATE),
            Map.entry("RESET", Verb.UPDATE), Map.entry("RESOLVE", Verb.UPDATE), Map.entry("REFRESH", Verb.UPDATE),
            Map.entry("RESUME", Verb.UPDATE), Map.entry("SUSPEND", Verb.UPDATE), Map.entry("PURGE", Verb.DELETE),
            Map.entry("RVERIFY", Verb.READ), Map.entry("BACKUP", Verb.READ), Map.entry("ARCHIVE", Verb.UPDATE),
            Map.entry("MOVE", Verb.UPDATE), Map.entry("RECOVER", Verb.REPLACE)));

    /** Control commands: program → verb. */
    private static final Map<String, Verb> CONTROL = Map.ofEntries(
            Map.entry("dspmq", Verb.READ), Map.entry("dspmqver", Verb.READ), Map.entry("dspmqinst", Verb.READ),
            Map.entry("dspmqaut", Verb.READ), Map.entry("dspmqrte", Verb.READ), Map.entry("dspmqfls", Verb.READ),
            Map.entry("dspmqtrn", Verb.READ), Map.entry("dspmqspl", Verb.READ), Map.entry("dmpmqaut", Verb.READ),
            Map.entry("dmpmqcfg", Verb.READ), Map.entry("dmpmqlog", Verb.READ), Map.entry("crtmqm", Verb.CREATE),
            Map.entry("strmqm", Verb.UPDATE), Map.entry("endmqm", Verb.UPDATE), Map.entry("dltmqm", Verb.DELETE),
            Map.entry("setmqaut", Verb.GRANT), Map.entry("runmqsc", Verb.UNKNOWN));

    /**
     * The sample programs ({@code amqs…}, the {@code c} forms as MQ clients): queue first, queue manager second. A get is
     * destructive — the messages are taken off the queue for good — while the browse samples only copy them out.
     */
    private static final Map<String, Verb> SAMPLES = Map.ofEntries(
            Map.entry("amqsget", Verb.DELETE), Map.entry("amqsgetc", Verb.DELETE), Map.entry("amqsbcg", Verb.READ),
            Map.entry("amqsbcgc", Verb.READ), Map.entry("amqsbrw", Verb.READ), Map.entry("amqsgbr", Verb.READ),
            Map.entry("amqsgbrc", Verb.READ), Map.entry("amqssub", Verb.READ), Map.entry("amqssubc", Verb.READ),
            Map.entry("amqsput", Verb.CREATE), Map.entry("amqsputc", Verb.CREATE), Map.entry("amqspub", Verb.CREATE),
            Map.entry("amqsreq", Verb.CREATE), Map.entry("amqsreqc", Verb.CREATE), Map.entry("dmpmqmsg", Verb.READ));

    private static final Set<String> PROGRAMS = java.util.stream.Stream.concat(CONTROL.keySet().stream(),
            SAMPLES.keySet().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (SAMPLES.containsKey(inv.program())) {
            return List.of(sample(inv));
        }
        // -w is runmqsc's wait time but endmqm's switch "wait for the end"
        ParsedArgs p = inv.parse(inv.program().equals("runmqsc") ? Set.of("-m", "-w", "-u")
                : Set.of("-m", "-u", "-t", "-n", "-p", "-g", "-s", "-o", "-x", "-r", "-ld", "-lf", "-lp", "-lc", "-ll", "-md", "-q"));
        String manager = p.value("-m").orElse(p.positionals().isEmpty() ? "" : p.positionals().getLast().value());
        List<Operation> ops = new ArrayList<>();
        Verb verb = CONTROL.get(inv.program());
        if (verb != Verb.UNKNOWN) {
            Operation.Builder b = op(inv, verb, "queue-manager", manager).note(inv.program());
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).note("dltmqm deletes the queue manager and its messages");
            }
            ops.add(b.build());
        } else if (inv.stdin().isEmpty()) {
            ops.add(op(inv, Verb.UNKNOWN, "queue-manager", manager).confidence(Confidence.INFERRED)
                    .note("opens an interactive MQSC session").build());
        } else {
            boolean verifyOnly = p.has("-v");
            String script = Regex.replaceAll(inv.stdin().get(), "[+-]\\s*\\n", " ");
            for (String command : CommandWords.commands(script, "\\n", "^\\s*\\*.*$")) {
                String[] w = CommandWords.words(command);
                Verb v = verifyOnly ? Verb.READ : MQSC.verb(command);
                String name = w.length > 2 ? w[2] : "";
                Operation.Builder b = op(inv, v, w.length > 1 ? w[1].toLowerCase(Locale.ROOT) : "", name).note("MQSC " + command);
                if (v == Verb.DELETE) {
                    b.stateful(true).reversible(false).scope(name.contains("*") ? Scope.MANY : Scope.ONE);
                }
                if (v == Verb.UNKNOWN) {
                    b.confidence(Confidence.INFERRED);
                }
                ops.add(b.build());
            }
        }
        return ops.stream().map(o -> manager.isEmpty() ? o : o.toBuilder().locator("database", manager).build()).toList();
    }

    /**
     * A sample program's run. {@code dmpmqmsg -I Q} unloads with destructive gets (the messages leave the queue) and
     * {@code -o Q} loads messages into a queue; {@code -i Q} only browses. A server-bound program (no {@code c}) talks
     * to a queue manager on this machine; a client one to where {@code MQSERVER} points.
     */
    private static Operation sample(Invocation inv) {
        String program = inv.program();
        Verb verb = SAMPLES.get(program);
        String queue;
        String manager;
        if (program.equals("dmpmqmsg")) {
            ParsedArgs p = inv.parse(Set.of("-m", "-i", "-I", "-o", "-f", "-F", "-c", "-a", "-b", "-C", "-e", "-g", "-r", "-s", "-T", "-t", "-w", "-x"));
            manager = p.value("-m").orElse("");
            if (p.has("-I")) {
                verb = Verb.DELETE;
                queue = p.value("-I").orElse("");
            } else if (p.has("-o")) {
                verb = Verb.CREATE;
                queue = p.value("-o").orElse("");
            } else {
                queue = p.value("-i").orElse("");
            }
        } else {
            ParsedArgs p = inv.parse(Set.of());
            queue = p.positional(0).orElse("");
            manager = p.positional(1).orElse("");
        }
        Operation.Builder b = op(inv, verb, verb == Verb.READ ? "queue" : "message", queue).note(switch (verb) {
            case DELETE -> program + " takes the messages off " + queue + " (a destructive get)";
            case CREATE -> program + " puts messages on " + queue + ": its consumers act on them";
            default -> program + " browses " + queue + " without removing anything";
        });
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).scope(Scope.MANY);
        } else if (verb == Verb.CREATE) {
            b.reversible(false);
        }
        if (!manager.isEmpty()) {
            b.locator("database", manager);
        }
        String server = inv.env().getOrDefault("MQSERVER", "");
        if (program.endsWith("c") && server.contains("(")) {
            // CHANNEL/TCP/host(port)
            String conn = server.substring(server.lastIndexOf('/') + 1);
            b.locator("host", conn.substring(0, conn.indexOf('(')));
        } else if (!program.endsWith("c")) {
            b.locator("default-host", "localhost");
        }
        return b.build();
    }

    private static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder(SYSTEM, verb).resource(type, name).evidence(inv.evidence());
    }
}
