package dev.interlock.analysis.shell.recognizers.schedulers;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AutoSys Workload Automation's commands: {@code autorep}, {@code autostatus}, {@code job_depends} and the other
 * reports read; {@code sendevent -E EVENT -J JOB} acts by its event (force-starting, killing, holding, icing or
 * marking a job's status releases or stops what depends on it); {@code jil} loads job definitions (its input's
 * {@code delete_job} removes them). The instance ({@code AUTOSERV}) names the environment.
 */
final class AutoSys {

    private AutoSys() {
    }

    static final Set<String> PROGRAMS = Set.of("autorep", "autostatus", "job_depends", "autoping", "chk_auto_up",
            "autotrack", "forecast", "monbro", "autoflags", "time0", "sendevent", "jil", "autosys_secure",
            "archive_events", "clean_files", "autocal_asc");

    private static final Map<String, CommandTable.Act> PROGRAM_ACTS = Map.of(
            "jil", update("job-definition").note("loads job definitions: inserts, updates or deletes scheduled jobs"),
            "autosys_secure", grant("credential").note("changes the users and passwords jobs run as"),
            "archive_events", delete("event").many().note("archives and deletes the scheduler's event history"),
            "clean_files", delete("log").many().note("deletes old job logs"),
            "autocal_asc", update("calendar").note("changes the calendars jobs run by"));

    private static final CommandTable.Act START = execute("job").note("starts the job now, outside its conditions");
    private static final CommandTable.Act JOB_STATE = update("job").note("changes the job's state: what depends on it starts or stops");

    /** sendevent's events. An event not listed still changes the scheduler. */
    private static final Map<String, CommandTable.Act> EVENTS = Map.ofEntries(
            Map.entry("STARTJOB", START), Map.entry("FORCE_STARTJOB", START), Map.entry("RESTARTJOB", START),
            Map.entry("KILLJOB", update("job").note("kills the running job")),
            Map.entry("SEND_SIGNAL", update("job").note("signals the running job")),
            Map.entry("CHANGE_STATUS", update("job").losesData()
                    .note("sets the job's status by hand: jobs that wait on it run (or never do) as if it had")),
            Map.entry("JOB_ON_HOLD", JOB_STATE), Map.entry("JOB_OFF_HOLD", JOB_STATE),
            Map.entry("JOB_ON_ICE", JOB_STATE), Map.entry("JOB_OFF_ICE", JOB_STATE),
            Map.entry("JOB_ON_NOEXEC", JOB_STATE), Map.entry("JOB_OFF_NOEXEC", JOB_STATE),
            Map.entry("CHANGE_PRIORITY", update("job")),
            Map.entry("DELETEJOB", delete("job")),
            Map.entry("SET_GLOBAL", update("global-variable").note("changes a global variable jobs read")),
            Map.entry("STOP_DEMON", update("scheduler").note("stops the scheduler: nothing runs until it is restarted")),
            Map.entry("MACH_OFFLINE", update("machine")), Map.entry("MACH_ONLINE", update("machine")),
            Map.entry("COMMENT", update("event")), Map.entry("ALARM", update("event")));

    private static final Set<String> VALUED = Set.of("-J", "-j", "-E", "-s", "-S", "-M", "-m", "-G", "-g", "-C", "-c",
            "-P", "-p", "-T", "-t", "-q", "-K", "-k", "-A", "-a", "-I", "-l", "-D", "-d", "-u", "-r", "-f", "-o", "-n");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        String program = inv.program();
        String job = p.value("-J", "-j", "-G", "-M").orElse("");
        CommandTable.Act act;
        if (program.equals("sendevent")) {
            String event = p.value("-E").orElse("").toUpperCase(Locale.ROOT);
            act = EVENTS.getOrDefault(event, update("job"));
            if (event.equals("SET_GLOBAL")) {
                job = p.value("-G").orElse(job);
            }
        } else if (program.equals("jil")) {
            act = jil(inv);
        } else if (program.equals("autotrack") && p.has("-u")) {
            act = update("scheduler").note("changes what the scheduler tracks");
        } else {
            act = PROGRAM_ACTS.getOrDefault(program, read("job"));
        }
        return act.operation(inv, "autosys", job).build();
    }

    /** JIL fed in the command itself says what it does; a file's is not known. */
    private static CommandTable.Act jil(Invocation inv) {
        String text = inv.stdin().orElse("").toLowerCase(Locale.ROOT);
        if (text.contains("delete_job") || text.contains("delete_box") || text.contains("delete_machine")) {
            return delete("job").note("deletes job definitions from the scheduler");
        }
        return PROGRAM_ACTS.get("jil");
    }
}
