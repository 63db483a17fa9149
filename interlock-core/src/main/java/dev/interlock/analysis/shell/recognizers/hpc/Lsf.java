package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IBM Spectrum LSF's commands. The status tools ({@code bjobs}, {@code bhosts}, {@code bqueues}, {@code bhist},
 * {@code bpeek}, {@code bacct}, {@code lsload}, …) read; {@code bsub} queues a job; {@code bkill}, {@code bstop},
 * {@code bmod}, {@code brequeue} change jobs ({@code bkill 0} or {@code -u all} reaches every job the caller may
 * touch, a filter without ids every job it matches); {@code badmin}, {@code lsadmin}, {@code bctrl} and {@code bconf}
 * close hosts and queues, restart daemons and change the live configuration, unless their subcommand only shows.
 * The installation is the one {@code LSF_ENVDIR} names.
 */
final class Lsf {

    private Lsf() {
    }

    private static final CommandTable.Act JOB = update("job");
    private static final Map<String, CommandTable.Act> ACTS = Map.ofEntries(
            Map.entry("bjobs", read("job")), Map.entry("bhist", read("job")), Map.entry("bpeek", read("job")),
            Map.entry("bacct", read("job")), Map.entry("bjdepinfo", read("job")), Map.entry("bread", read("job")),
            Map.entry("bhosts", read("host")), Map.entry("lshosts", read("host")), Map.entry("lsload", read("host")),
            Map.entry("bqueues", read("queue")), Map.entry("busers", read("user")), Map.entry("bugroup", read("user")),
            Map.entry("bmgroup", read("host")), Map.entry("bparams", read("configuration")), Map.entry("blimits", read("limit")),
            Map.entry("bslots", read("host")), Map.entry("bresources", read("resource")), Map.entry("bapp", read("application")),
            Map.entry("brsvs", read("reservation")), Map.entry("bclusters", read("cluster")), Map.entry("lsid", read("cluster")),
            Map.entry("lsclusters", read("cluster")), Map.entry("lsinfo", read("cluster")), Map.entry("bsla", read("sla")),
            Map.entry("bsub", execute("job").note("submits a batch job: its command runs on the cluster's hosts")),
            Map.entry("brestart", execute("job").note("restarts a checkpointed job")),
            Map.entry("bkill", JOB.note("kills the job: its work in progress is lost")),
            Map.entry("brequeue", JOB.note("kills and requeues the job: its work in progress is lost")),
            Map.entry("bstop", JOB.note("suspends the job")), Map.entry("bresume", JOB), Map.entry("bmod", JOB),
            Map.entry("bswitch", JOB), Map.entry("bmig", JOB), Map.entry("btop", JOB), Map.entry("bbot", JOB),
            Map.entry("bchkpnt", JOB), Map.entry("bpost", JOB), Map.entry("bresize", JOB),
            Map.entry("brsvadd", create("reservation")), Map.entry("brsvmod", update("reservation")),
            Map.entry("brsvdel", delete("reservation")));

    /** The administrators' tools: subcommand → what it does; a subcommand not listed changes the cluster. */
    private static final CommandTable ADMIN = CommandTable.builder()
            .add("", "showstatus showconf hist mbdhist hhist qhist ckconfig diagnose help perfmon", read("cluster"))
            .add("", "hclose hopen hrestart hshutdown hstartup", update("host").note("closes, opens or restarts hosts' batch daemons"))
            .add("", "qclose qopen qact qinact", update("queue").note("closes or deactivates queues: jobs stop being dispatched"))
            .add("", "reconfig mbdrestart mbddebug sbddebug schddebug mbdtime sbdtime schdtime", update("controller"))
            .add("", "limstartup limshutdown limrestart resstartup resshutdown resrestart limlock limunlock",
                    update("host").note("starts, stops or locks hosts' LSF daemons"))
            .add("", "start stop restart", update("daemon").note("starts, stops or restarts LSF daemons"))
            .build();
    private static final Set<String> ADMINS = Set.of("badmin", "lsadmin", "bctrl", "bconf");
    static final Set<String> PROGRAMS = programs();

    private static final Set<String> VALUED = Set.of("-u", "-q", "-m", "-J", "-g", "-app", "-sla", "-stat", "-s", "-C",
            "-n", "-o", "-e", "-i", "-W", "-R", "-P", "-G", "-L", "-w", "-b", "-t", "-x", "-M", "-D", "-c", "-F", "-E",
            "-Ep", "-f", "-k", "-jsdl", "-U", "-Lp", "-rn", "-ext", "-sp", "-mig", "-cwd", "-outdir", "-gpu");
    /** bkill's and the other job tools' filters: without job ids they select every job that matches. */
    private static final List<String> FILTERS = List.of("-u", "-q", "-m", "-J", "-g", "-app", "-sla", "-stat");

    private static Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(ACTS.keySet());
        all.addAll(ADMINS);
        return Set.copyOf(all);
    }

    /** A job's operation, and for {@code bsub} what its command does (it runs as the caller's own command). */
    static List<Operation> recognize(Invocation inv, Nested nested) {
        Operation op = recognize(inv);
        ParsedArgs p = inv.parse(VALUED);
        if (inv.program().equals("bsub")) {
            List<Arg> command = OwnJobs.command(inv, VALUED);
            if (command.isEmpty() && inv.stdin().isEmpty()) {
                return List.of(op); // the job's script comes from a file on standard input, not read here
            }
            List<Operation> all = new java.util.ArrayList<>(List.of(OwnJobs.submitted(inv, op, "", p.value("-q"))));
            all.addAll(command.isEmpty() ? OwnJobs.judged(inv.stdin().get(), inv, nested) : OwnJobs.judged(command, inv, nested));
            return all;
        }
        if (inv.program().equals("bkill") && !p.words().isEmpty() && FILTERS.stream().noneMatch(p::has)
                && p.words().stream().allMatch(w -> !w.equals("0") && OwnJobs.jobId(w))) {
            return List.of(OwnJobs.byId(inv, op));
        }
        return List.of(op);
    }

    private static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String program = inv.program();
        String name = words.isEmpty() ? "" : words.getFirst();
        CommandTable.Act act;
        if (ADMINS.contains(program)) {
            CommandTable.Found found = ADMIN.findOrGuess(words, 1, "cluster");
            act = program.equals("bconf") && !found.act().verb().equals(Verb.READ)
                    ? update("configuration").note("changes the live cluster configuration") : found.act();
            name = words.stream().skip(found.words()).findFirst().orElse("");
        } else {
            act = ACTS.get(program);
            if (program.equals("bsub")) {
                name = p.value("-J").orElse(name);
                if (p.value("-J").filter(j -> j.contains("[")).isPresent()) {
                    act = act.many().note("submits a job array: one element per index");
                }
            } else if (act.verb() != Verb.READ) {
                boolean everything = words.contains("0") || p.value("-u").filter(u -> u.equals("all")).isPresent();
                if (everything) {
                    act = act.all().note(act.note() + " (every job the caller may touch)");
                } else if (words.size() > 1 || words.isEmpty() && FILTERS.stream().anyMatch(p::has)) {
                    act = act.many();
                    name = words.isEmpty() ? p.value("-u", "-q", "-J", "-m").orElse("") : String.join(" ", words);
                }
            }
        }
        return ClusterPlacement.place(inv, act.operation(inv, "lsf", name), Optional.empty(), "LSF_ENVDIR").build();
    }
}
