package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PBS's commands (Torque, OpenPBS, PBS Pro; Grid Engine shares {@code qsub}, {@code qstat} and {@code qdel}).
 * {@code qstat}, {@code tracejob}, {@code qselect} and {@code pbsnodes} without a state flag read; {@code qsub} queues a
 * job; {@code qdel}, {@code qhold}, {@code qrerun}, {@code qalter} change jobs ({@code qdel all}, or several ids, reach
 * many); {@code pbsnodes -o|-c|-r|-N} takes nodes offline or back; {@code qmgr} reads with {@code list}/{@code print}
 * and otherwise changes the server (setting its {@code managers} or {@code operators} decides who administers it).
 * The server is the one a job id ({@code 1234.pbs-head}), a destination ({@code workq@server}), {@code -s} of
 * {@code pbsnodes} or {@code PBS_DEFAULT} names.
 */
final class Pbs {

    private Pbs() {
    }

    private static final CommandTable.Act JOB = update("job");

    private static final Map<String, CommandTable.Act> ACTS = Map.ofEntries(
            Map.entry("qstat", read("job")), Map.entry("tracejob", read("job")), Map.entry("printjob", read("job")),
            Map.entry("qselect", read("job")), Map.entry("pbs_rstat", read("reservation")),
            Map.entry("qsub", execute("job").note("submits a batch job: its script runs on the cluster's nodes")),
            Map.entry("qrun", execute("job").note("starts the job now, ahead of the scheduler")),
            Map.entry("qdel", JOB.note("cancels the job: its work in progress is lost")),
            Map.entry("qrerun", JOB.note("kills and requeues the job: its work in progress is lost")),
            Map.entry("qsig", JOB.note("signals the running job")),
            Map.entry("qalter", JOB), Map.entry("qhold", JOB), Map.entry("qrls", JOB), Map.entry("qmove", JOB),
            Map.entry("qorder", JOB), Map.entry("qmsg", JOB),
            Map.entry("qterm", update("server").note("shuts the PBS server down: nothing is scheduled until it restarts")),
            Map.entry("qdisable", update("queue")), Map.entry("qenable", update("queue")),
            Map.entry("qstart", update("queue")), Map.entry("qstop", update("queue")),
            Map.entry("pbs_rsub", create("reservation")), Map.entry("pbs_ralter", update("reservation")),
            Map.entry("pbs_rdel", delete("reservation")));
    static final Set<String> PROGRAMS = programs();

    private static final Set<String> VALUED = Set.of("-q", "-l", "-N", "-o", "-e", "-J", "-t", "-W", "-v", "-A", "-a",
            "-c", "-j", "-k", "-m", "-M", "-p", "-P", "-r", "-S", "-u", "-C", "-d", "-w", "-s", "-F", "-n", "-O", "-Q",
            "-D", "-R", "-E");
    /** pbsnodes' own options with a value ({@code -o} is a flag there: offline). */
    private static final Set<String> PBSNODES_VALUED = Set.of("-s", "-N", "-C", "-F", "-A");
    /** pbsnodes' flags that change a node's state or its note (Torque and OpenPBS). */
    private static final List<String> NODE_CHANGES = List.of("-o", "-c", "-r", "-N", "-C", "-A");
    /** qmgr's commands (and their one-letter forms) that only look. */
    private static final Set<String> QMGR_READS = Set.of("list", "l", "print", "p", "help", "h", "quit", "q", "exit",
            "active", "a");

    private static Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(ACTS.keySet());
        all.addAll(Set.of("pbsnodes", "qmgr"));
        return Set.copyOf(all);
    }

    /** The operation, and for {@code qsub} with its script on standard input (a heredoc) what that script does. */
    static List<Operation> recognize(Invocation inv, Nested nested) {
        Operation op = recognize(inv);
        if (!inv.program().equals("qsub") || inv.stdin().isEmpty() || !inv.parse(VALUED).words().isEmpty()) {
            return List.of(op);
        }
        List<Operation> all = new java.util.ArrayList<>(List.of(op));
        all.addAll(OwnJobs.judged(inv.stdin().get(), inv, nested));
        return all;
    }

    private static Operation recognize(Invocation inv) {
        String program = inv.program();
        ParsedArgs p = inv.parse(program.equals("pbsnodes") ? PBSNODES_VALUED : VALUED);
        List<String> words = p.words();
        CommandTable.Act act;
        String name = words.isEmpty() ? "" : words.getFirst();
        switch (program) {
            case "pbsnodes" -> {
                act = NODE_CHANGES.stream().anyMatch(p::has)
                        ? update("node").note(p.has("-o") ? "takes the nodes offline: no new jobs start there" : "changes the nodes' state or note")
                        : read("node");
                if (act.verb() != dev.interlock.model.Verb.READ && words.size() > 1) {
                    act = act.many();
                    name = String.join(" ", words);
                }
            }
            case "qmgr" -> {
                act = qmgr(p.value("-c").or(inv::stdin));
                name = words.isEmpty() ? "" : words.getFirst();
            }
            default -> {
                act = ACTS.get(program);
                if (program.equals("qsub")) {
                    name = p.value("-N").orElse(name);
                    if (p.has("-J", "-t")) {
                        act = act.many().note("submits a job array: one subjob per index");
                    }
                } else if (act.verb() != dev.interlock.model.Verb.READ && words.stream().anyMatch(w -> w.equalsIgnoreCase("all"))) {
                    act = act.all().note(act.note() + " (every job the caller may touch)");
                } else if (act.verb() != dev.interlock.model.Verb.READ && words.size() > 1) {
                    act = act.many();
                    name = String.join(" ", words);
                }
            }
        }
        Operation op = ClusterPlacement.place(inv, act.operation(inv, "pbs", name), server(inv, p, words), "PBS_CONF_FILE").build();
        if (program.equals("qsub") && !words.isEmpty()) {
            return OwnJobs.submitted(inv, op, words.getFirst(), p.value("-q"));
        }
        if (program.equals("qsub") && inv.stdin().isPresent()) {
            return OwnJobs.submitted(inv, op, "", p.value("-q")); // its script, on standard input, is judged beside it
        }
        if (program.equals("qdel") && !words.isEmpty() && words.stream().allMatch(OwnJobs::jobId)) {
            return OwnJobs.byId(inv, op);
        }
        return op;
    }

    /** qmgr's directives, from {@code -c} or standard input: the strictest of them decides. */
    private static CommandTable.Act qmgr(Optional<String> directives) {
        if (directives.isEmpty()) {
            return update("server").note("qmgr reads its directives from a terminal: what it changes is not in view");
        }
        CommandTable.Act strictest = read("server");
        for (String line : directives.get().split("[\\n;]")) {
            String[] w = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (w[0].isEmpty() || w[0].startsWith("#") || QMGR_READS.contains(w[0])) {
                continue;
            }
            String object = w.length > 1 ? w[1].replaceFirst("^(s|server)$", "server").replaceFirst("^(q|queue)$", "queue")
                    .replaceFirst("^(n|node)$", "node") : "server";
            if (line.matches("(?is).*\\b(managers|operators|acl_users|acl_roots|acl_hosts)\\b.*")) {
                return grant("server").note("changes who may administer or use the PBS server");
            }
            CommandTable.Act act = switch (w[0]) {
                case "create", "c" -> create(object);
                case "delete", "d" -> delete(object);
                default -> update(object);
            };
            if (act.verb().destructive() || strictest.verb() == dev.interlock.model.Verb.READ) {
                strictest = act;
            }
        }
        return strictest;
    }

    /** The server a destination ({@code queue@server}, {@code @server}), a job id's suffix qmgr's argument or PBS_DEFAULT names. */
    private static Optional<String> server(Invocation inv, ParsedArgs p, List<String> words) {
        if (inv.program().equals("qmgr") && !words.isEmpty()) {
            return Optional.of(words.getFirst());
        }
        Optional<String> named = p.value("-q").filter(q -> q.contains("@")).or(() -> inv.program().equals("pbsnodes")
                ? p.value("-s") : Optional.empty()).or(() -> words.stream().filter(w -> w.contains("@")).findFirst());
        if (named.isPresent()) {
            String v = named.get();
            return Optional.of(v.substring(v.indexOf('@') + 1));
        }
        for (String w : words) {
            int dot = w.indexOf('.');
            // a job id is digits (an array's with []) before the server's name; a script name is not
            if (dot > 0 && Character.isDigit(w.charAt(0)) && w.substring(0, dot).matches("\\d+(\\[\\d*])?")
                    && !w.substring(dot + 1).matches("\\d+")) {
                return Optional.of(w.substring(dot + 1));
            }
        }
        return Optional.ofNullable(inv.env().get("PBS_DEFAULT")).or(() -> Optional.ofNullable(inv.env().get("PBS_SERVER")));
    }
}
