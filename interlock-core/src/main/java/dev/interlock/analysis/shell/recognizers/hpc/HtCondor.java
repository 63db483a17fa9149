package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTCondor's commands. {@code condor_q} (also {@code -analyze}/{@code -better-analyze}), {@code condor_status},
 * {@code condor_history} and the other queries read; {@code condor_submit} and {@code condor_submit_dag} queue jobs
 * ({@code -dry-run}, {@code -no_submit} only write what they would submit); {@code condor_rm}, {@code condor_hold},
 * {@code condor_qedit} change jobs (a user name, {@code -constraint} or {@code -all} reach many); {@code condor_off},
 * {@code condor_drain}, {@code condor_vacate} and {@code condor_restart} stop daemons or evict jobs from machines.
 * Options are single-dash words ({@code -name}, {@code -pool}); the schedd or daemon {@code -name} names, else the
 * central manager of {@code -pool}, is where the command acts.
 */
final class HtCondor {

    private HtCondor() {
    }

    private static final CommandTable.Act JOB = update("job");
    private static final CommandTable.Act DAEMON = update("daemon").note("stops, restarts or reconfigures the named daemons");
    private static final Map<String, CommandTable.Act> ACTS = Map.ofEntries(
            Map.entry("condor_q", read("job")), Map.entry("condor_status", read("machine")),
            Map.entry("condor_history", read("job")), Map.entry("condor_who", read("machine")),
            Map.entry("condor_ping", read("daemon")), Map.entry("condor_version", read("daemon")),
            Map.entry("condor_tail", read("job")), Map.entry("condor_wait", read("job")),
            Map.entry("condor_fetchlog", read("log")), Map.entry("condor_check_userlogs", read("job")),
            Map.entry("condor_check_config", read("configuration")), Map.entry("condor_config_val", read("configuration")),
            Map.entry("condor_userprio", read("priority")), Map.entry("condor_transfer_data", read("job")),
            Map.entry("condor_token_list", read("token")),
            Map.entry("condor_submit", execute("job").note("submits jobs: their executables run on the pool's machines")),
            Map.entry("condor_submit_dag", execute("job").note("submits a DAG of jobs")),
            Map.entry("condor_run", execute("job").note("runs the command as a job on the pool")),
            Map.entry("condor_ssh_to_job", execute("shell").note("opens a shell in the running job's sandbox")),
            Map.entry("condor_rm", JOB.note("removes the job from the queue: its work in progress is lost")),
            Map.entry("condor_hold", JOB.note("holds the job: a running one is stopped")), Map.entry("condor_release", JOB),
            Map.entry("condor_qedit", JOB), Map.entry("condor_prio", JOB), Map.entry("condor_suspend", JOB),
            Map.entry("condor_continue", JOB), Map.entry("condor_now", JOB),
            Map.entry("condor_vacate_job", JOB.note("evicts the running job from its machine")),
            Map.entry("condor_vacate", update("machine").note("evicts every job running on the machines")),
            Map.entry("condor_drain", update("machine").note("drains the machines: their jobs are evicted or stop being matched")),
            Map.entry("condor_off", DAEMON), Map.entry("condor_on", DAEMON), Map.entry("condor_restart", DAEMON),
            Map.entry("condor_reconfig", DAEMON), Map.entry("condor_advertise", update("collector")),
            Map.entry("condor_store_cred", grant("credential").note("stores the password or credential jobs run with")),
            Map.entry("condor_token_create", credential("token").note("mints a token that authenticates to the pool")),
            Map.entry("condor_token_fetch", credential("token").note("fetches a token that authenticates to the pool")),
            Map.entry("condor_token_request_approve", grant("token").note("lets a requester into the pool")));
    static final Set<String> PROGRAMS = ACTS.keySet();

    /** Options that take a value: the words after them are not job ids, users or machines. */
    private static final Set<String> VALUED = Set.of("-name", "-pool", "-constraint", "-const", "-format", "-reason",
            "-subsystem", "-reason-code", "-addr", "-daemon", "-set", "-rset", "-unset", "-runset", "-setprio",
            "-setfactor", "-setaccum", "-setbegin", "-setlast", "-delete", "-limit", "-match", "-file", "-type",
            "-start", "-check", "-exit-on-idle", "-batch-name", "-append", "-a", "-n", "-r", "-p", "-c", "-userlog",
            "-debug", "-lease", "-remote", "-outfile_dir", "-config", "-maxjobs", "-maxidle", "-insert_sub_file",
            "-attributes", "-af", "-dry-run");
    /** condor_config_val's and condor_userprio's options that change a setting rather than show it. */
    private static final Set<String> SETTERS = Set.of("-set", "-rset", "-unset", "-runset", "-setprio", "-setfactor",
            "-setaccum", "-setbegin", "-setlast", "-resetusage", "-resetall", "-delete");
    /** Options of the job tools that select many jobs without naming them. */
    private static final Set<String> SELECTORS = Set.of("-constraint", "-const", "-all");

    static Operation recognize(Invocation inv) {
        List<String> options = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        Optional<String> name = Optional.empty();
        Optional<String> pool = Optional.empty();
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("-") || lower.length() < 2) {
                positionals.add(w);
                continue;
            }
            options.add(lower);
            if (VALUED.contains(lower) && i + 1 < args.size()) {
                String value = args.get(++i).value();
                name = lower.equals("-name") ? Optional.of(value) : name;
                pool = lower.equals("-pool") ? Optional.of(value) : pool;
            }
        }
        String program = inv.program();
        CommandTable.Act act = ACTS.get(program);
        String target = positionals.isEmpty() ? "" : positionals.getFirst();
        if ((program.equals("condor_config_val") || program.equals("condor_userprio")) && options.stream().anyMatch(SETTERS::contains)) {
            act = update(program.equals("condor_userprio") ? "priority" : "configuration")
                    .note("changes the pool's " + (program.equals("condor_userprio") ? "user priorities" : "daemon configuration"));
        } else if (options.contains("-dry-run") || program.equals("condor_submit_dag") && options.contains("-no_submit")) {
            act = read("job").note("writes what it would submit; nothing is queued");
        } else if (act.verb() != Verb.READ && act.type().equals("job") && !program.startsWith("condor_submit")) {
            if (options.contains("-all")) {
                act = act.all().note(act.note() + " (every job the caller may touch)");
            } else if (positionals.size() > 1 || options.stream().anyMatch(SELECTORS::contains)
                    || positionals.stream().anyMatch(w -> !w.isEmpty() && !Character.isDigit(w.charAt(0)))) {
                // a word that is not a job id is a user: every job of theirs
                act = act.many();
                target = String.join(" ", positionals);
            }
        } else if (act.verb() != Verb.READ && act.type().equals("machine") && positionals.size() > 1) {
            act = act.many();
            target = String.join(" ", positionals);
        }
        return ClusterPlacement.place(inv, act.operation(inv, "htcondor", target), name.isPresent() ? name : pool, "CONDOR_CONFIG").build();
    }
}
