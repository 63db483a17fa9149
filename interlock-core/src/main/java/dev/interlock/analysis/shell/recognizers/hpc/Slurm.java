package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slurm's commands. The status tools ({@code sinfo}, {@code squeue}, {@code sacct}, {@code sshare}, {@code sprio},
 * {@code sstat}, {@code sreport}, {@code scontrol show}, {@code sacctmgr show}) read; {@code sbatch} queues a script to
 * run unattended on the cluster's nodes, while {@code srun}'s and {@code salloc}'s command runs now and is judged
 * itself; {@code scancel} and {@code scontrol update|hold|requeue} change jobs, nodes and partitions (a filter such as
 * {@code -u}, {@code -p} or {@code --state} instead of job ids reaches every job it matches); {@code sacctmgr
 * add|modify|delete} changes accounts, and for users, associations and coordinators that is who may use the cluster
 * and with what priority. The cluster is {@code -M}/{@code --clusters} (or {@code SLURM_CLUSTERS}), else the one the
 * machine's configuration names ({@code SLURM_CONF}).
 */
final class Slurm {

    private Slurm() {
    }

    private static final Map<String, CommandTable.Act> READERS = Map.ofEntries(
            Map.entry("sinfo", read("partition")), Map.entry("squeue", read("job")), Map.entry("sacct", read("job")),
            Map.entry("sshare", read("share")), Map.entry("sprio", read("job")), Map.entry("sstat", read("job")),
            Map.entry("sreport", read("report")), Map.entry("sdiag", read("scheduler")), Map.entry("seff", read("job")),
            Map.entry("sview", read("cluster")), Map.entry("smap", read("cluster")), Map.entry("sattach", read("job")),
            Map.entry("sh5util", read("job")), Map.entry("sjstat", read("job")));
    private static final Map<String, CommandTable.Act> SUBMITTERS = Map.of(
            "sbatch", execute("job").note("submits a batch job: its script runs on the cluster's nodes"),
            "sbcast", update("file").note("copies a file onto every node of the job"));
    static final Set<String> PROGRAMS = programs();

    private static final CommandTable SCONTROL = CommandTable.builder()
            .add("", "show listpids listjobs liststeps ping version pidinfo getent help", read("cluster"))
            .add("", "update", update("cluster"))
            .add("", "hold uhold release requeue requeuehold suspend resume top notify wait_job", update("job"))
            .add("", "create", create("cluster"))
            .add("", "delete", delete("cluster"))
            .add("", "reboot reboot_nodes cancel_reboot", update("node").note("reboots nodes: the jobs on them are killed or requeued"))
            .add("", "reconfigure setdebug setdebugflags schedloglevel write", update("controller"))
            .add("", "shutdown takeover", update("controller").note("stops or moves the cluster's controller"))
            .build();
    private static final CommandTable SACCTMGR = CommandTable.builder()
            .add("", "show list dump", read("association"))
            .add("", "add create", create("association"))
            .add("", "modify update", update("association"))
            .add("", "delete remove", delete("association"))
            .add("", "archive load", update("accounting"))
            .build();
    /** sacctmgr's entities whose changes decide who may use the cluster, and with what rights and priority. */
    private static final Set<String> PEOPLE = Set.of("user", "users", "account", "accounts", "association", "associations",
            "coordinator", "coordinators");
    /** scancel's filters: without job ids they select every job that matches. */
    private static final List<String> FILTERS = List.of("-u", "--user", "-p", "--partition", "-t", "--state", "-A",
            "--account", "-n", "--name", "--jobname", "-w", "--nodelist", "-q", "--qos", "-R", "--reservation", "--me",
            "-M", "--clusters", "--wckey");
    private static final Set<String> VALUED = Set.of("-u", "--user", "-p", "--partition", "-t", "--state", "-A",
            "--account", "-n", "--name", "--jobname", "-w", "--nodelist", "-q", "--qos", "-R", "--reservation", "-M",
            "--clusters", "--wckey", "-s", "--signal", "-o", "--format", "-O", "--Format", "-j", "--jobs", "-S",
            "--starttime", "-E", "--endtime", "-i", "--iterate", "-N", "--nodes", "-J", "--job-name", "--time", "-T",
            "--array", "-a", "-c", "--cpus-per-task", "--gres", "--mem", "--output", "-e", "--error", "-D", "--chdir",
            "--ntasks", "--export", "--dependency", "-d", "--sort", "-L", "--licenses", "-b", "--batch", "--wrap");
    /** sacctmgr's options: {@code -i} answers yes to its own prompt ({@code --immediate}), {@code -n} drops the header. */
    private static final Set<String> SACCTMGR_VALUED = Set.of("-M", "--clusters");
    /** srun's and salloc's options that take a separate value: the command starts after them. */
    private static final Set<String> STEP_VALUED = Set.of("-A", "--account", "-p", "--partition", "-N", "--nodes", "-n",
            "--ntasks", "-c", "--cpus-per-task", "-t", "--time", "-J", "--job-name", "-w", "--nodelist", "-x", "--exclude",
            "-q", "--qos", "-o", "--output", "-e", "--error", "-i", "--input", "-D", "--chdir", "-G", "--gpus",
            "--gres", "--mem", "--mem-per-cpu", "--mem-per-gpu", "-C", "--constraint", "-M", "--clusters",
            "--reservation", "--ntasks-per-node", "--gpus-per-node", "--gpus-per-task", "--cpu-bind", "--mpi",
            "--export", "-d", "--dependency", "-L", "--licenses", "--jobid", "-m", "--distribution", "-W", "--wait");

    private static Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(READERS.keySet());
        all.addAll(SUBMITTERS.keySet());
        all.addAll(Set.of("scancel", "scontrol", "sacctmgr", "strigger", "scrontab", "srun", "salloc"));
        return Set.copyOf(all);
    }

    static List<Operation> recognize(Invocation inv, Nested nested) {
        if ((inv.program().equals("sbatch") || inv.program().equals("srun")) && testOnlyOption(inv)) {
            return List.of(testOnly(inv));
        }
        if (inv.program().equals("srun") || inv.program().equals("salloc")) {
            return step(inv, nested);
        }
        Operation job = job(inv);
        if (!inv.program().equals("sbatch")) {
            return List.of(job);
        }
        ParsedArgs p = inv.parse(VALUED);
        // --wrap's command, or a script given on standard input (a heredoc): the job's code is on the line
        Optional<String> wrap = p.value("--wrap").or(() -> p.words().isEmpty() ? inv.stdin() : Optional.empty());
        if (wrap.isEmpty() && p.words().isEmpty()) {
            return List.of(job); // the script comes from a file on standard input, not read here
        }
        Operation submitted = OwnJobs.submitted(inv, job, wrap.isPresent() ? "" : p.words().getFirst(), p.value("-p", "--partition"));
        if (wrap.isEmpty()) {
            return List.of(submitted);
        }
        // the job's command is on the line: judged as the caller's own command, as srun's is
        List<Operation> all = new java.util.ArrayList<>(List.of(submitted));
        all.addAll(OwnJobs.judged(wrap.get(), inv, nested));
        return all;
    }

    /** {@code --test-only} among the options, not among the arguments of the script or command that follows them. */
    private static boolean testOnlyOption(Invocation inv) {
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size() && args.get(i).value().startsWith("-"); i++) {
            String w = args.get(i).value();
            if (w.equals("--test-only")) {
                return true;
            }
            if (w.equals("--")) {
                return false;
            }
            if (!w.contains("=") && (STEP_VALUED.contains(w) || VALUED.contains(w))) {
                i++;
            }
        }
        return false;
    }

    /** {@code --test-only} validates the request and estimates when it would start: nothing is queued or run. */
    private static Operation testOnly(Invocation inv) {
        ParsedArgs p = inv.parse(STEP_VALUED);
        Operation.Builder b = read("job").note("--test-only: validates and estimates a start time; nothing is submitted")
                .operation(inv, "slurm", p.value("-J", "--job-name")
                        .orElse(inv.program().equals("sbatch") && !p.words().isEmpty() ? p.words().getFirst() : ""));
        located(inv, p, b);
        return b.build();
    }

    /**
     * {@code srun CMD} and {@code salloc CMD} run CMD interactively on nodes allocated to the caller (inside a batch
     * script, as a step of that job): what is at stake is what CMD does, judged as a command the caller runs. Without
     * a command, {@code srun --pty bash} opens a shell on a compute node.
     */
    private static List<Operation> step(Invocation inv, Nested nested) {
        List<Arg> inner = OwnJobs.command(inv, STEP_VALUED);
        if (inner.isEmpty()) {
            return List.of(LocalFiles.execute(inv, "shell", "opens a shell on a compute node allocated to the caller"));
        }
        return OwnJobs.judged(inner, inv, nested);
    }

    private static Operation job(Invocation inv) {
        ParsedArgs p = inv.parse(inv.program().equals("sacctmgr") ? SACCTMGR_VALUED : VALUED);
        List<String> words = p.words();
        String program = inv.program();
        CommandTable.Act act;
        String name = words.isEmpty() ? "" : words.getFirst();
        switch (program) {
            case "scancel" -> {
                boolean filtered = FILTERS.stream().anyMatch(p::has);
                act = update("job").note("cancels the job: its work in progress is lost");
                if (filtered && words.size() <= 1 || words.size() > 1) {
                    act = act.many().note("cancels every job " + (words.size() > 1 ? "listed" : "the filter matches"));
                    name = words.size() > 1 ? String.join(" ", words) : p.value("-u", "--user", "-p", "--partition", "-A", "--account").orElse("");
                }
                if (ownJobs(inv, p, words, filtered)) {
                    Operation.Builder b = act.operation(inv, "slurm", name);
                    located(inv, p, b);
                    return OwnJobs.byId(inv, b.build());
                }
            }
            case "scontrol" -> {
                CommandTable.Found found = SCONTROL.findOrGuess(words, 1, "cluster");
                act = found.act();
                String target = words.stream().skip(found.words()).filter(w -> w.contains("=")).findFirst()
                        .or(() -> words.stream().skip(found.words()).findFirst()).orElse("");
                int eq = target.indexOf('=');
                if (eq > 0 && act.type().equals("cluster")) {
                    act = act.on(target.substring(0, eq).toLowerCase(Locale.ROOT).replaceFirst("(name|id)$", ""));
                }
                name = eq > 0 ? target.substring(eq + 1) : target;
                if (act.verb() != dev.interlock.model.Verb.READ && (name.contains("[") || name.contains(",") || name.equalsIgnoreCase("ALL"))) {
                    act = act.many();
                }
            }
            case "sacctmgr" -> {
                List<String> rest = words.stream().filter(w -> !w.startsWith("-")).toList();
                CommandTable.Found found = SACCTMGR.findOrGuess(rest, 1, "association");
                String entity = rest.size() > found.words() ? rest.get(found.words()).toLowerCase(Locale.ROOT) : "";
                act = found.act();
                if (found.command().equals("archive") && rest.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).matches("purge\\w*=.*"))) {
                    // Purge…After= deletes the archived records from the accounting database: a dump in name only
                    act = delete("accounting").many().note("purges job, step or event records from the accounting database");
                } else if (act.verb() != dev.interlock.model.Verb.READ && (PEOPLE.contains(entity)
                        || rest.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).startsWith("adminlevel=")))) {
                    act = grant(entity.replaceFirst("s$", "")).note("changes who may use the cluster and with what rights or priority");
                } else if (!entity.isEmpty()) {
                    act = act.on(entity.replaceFirst("s$", ""));
                }
                name = rest.stream().filter(w -> w.toLowerCase(Locale.ROOT).matches("(name|names|user|users|account|accounts)=.*"))
                        .findFirst().map(w -> w.substring(w.indexOf('=') + 1)).orElse(rest.size() > found.words() + 1 ? rest.get(found.words() + 1) : "");
            }
            case "strigger" -> act = p.has("--get") ? read("trigger") : p.has("--clear") ? delete("trigger") : create("trigger");
            case "scrontab" -> act = p.has("-l") ? read("crontab") : p.has("-r") ? delete("crontab") : update("crontab");
            default -> {
                act = READERS.getOrDefault(program, SUBMITTERS.getOrDefault(program, read("cluster")));
                name = p.value("-J", "--job-name", "-p", "--partition").orElse(name);
                if (program.equals("sbatch") && p.has("--array", "-a")) {
                    act = act.many().note("submits a job array: one task per index");
                }
            }
        }
        Operation.Builder b = act.operation(inv, "slurm", name);
        located(inv, p, b);
        return b.build();
    }

    /**
     * scancel of job ids alone, or of the caller's own jobs ({@code --me}, {@code -u} with their own name): a user may
     * only cancel their own. Another user, an account or a partition reaches everyone's.
     */
    private static boolean ownJobs(Invocation inv, ParsedArgs p, List<String> words, boolean filtered) {
        if (!words.isEmpty() && !words.stream().allMatch(OwnJobs::jobId)) {
            return false;
        }
        if (!filtered) {
            return !words.isEmpty();
        }
        boolean own = p.has("--me") || p.value("-u", "--user").filter(u -> OwnJobs.caller(inv).filter(u::equals).isPresent()).isPresent();
        return own && FILTERS.stream().filter(f -> !f.equals("--me") && !f.equals("-u") && !f.equals("--user"))
                .noneMatch(f -> p.has(f) && !STATE_OR_NAME.contains(f));
    }

    /** Filters that narrow the caller's own jobs further. */
    private static final Set<String> STATE_OR_NAME = Set.of("-t", "--state", "-n", "--name", "--jobname");

    /** The cluster: {@code -M}, {@code SLURM_CLUSTERS}, or a deployment word in the configuration's path. */
    private static void located(Invocation inv, ParsedArgs p, Operation.Builder b) {
        ClusterPlacement.place(inv, b, p.value("-M", "--clusters").or(() -> java.util.Optional.ofNullable(inv.env().get("SLURM_CLUSTERS"))),
                "SLURM_CONF");
    }
}
