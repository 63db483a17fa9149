package dev.interlock.analysis.shell.recognizers.enterprise;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Enterprise ETL servers' command lines: Informatica's {@code pmcmd COMMAND …} and IBM DataStage's
 * {@code dsjob -OPTION … PROJECT JOB}. Details, statistics, logs, reports and listings read; starting a workflow or
 * job runs it (it loads data), stopping, aborting, resetting and scheduling change what runs. The integration service
 * and domain ({@code -sv IS_PROD -d Domain_Prod}) or the project ({@code DW_PROD}) place it.
 */
public final class EtlJobs implements Recognizer {

    private static final String SYSTEM = "etl";

    private static final Map<String, Verb> PMCMD = Map.ofEntries(Map.entry("getworkflowdetails", Verb.READ),
            Map.entry("getsessionstatistics", Verb.READ), Map.entry("gettaskdetails", Verb.READ),
            Map.entry("getservicedetails", Verb.READ), Map.entry("getserviceproperties", Verb.READ),
            Map.entry("getrunningsessionsdetails", Verb.READ), Map.entry("pingservice", Verb.READ),
            Map.entry("showsettings", Verb.READ), Map.entry("version", Verb.READ), Map.entry("help", Verb.READ),
            Map.entry("connect", Verb.READ), Map.entry("disconnect", Verb.READ), Map.entry("exit", Verb.READ),
            Map.entry("setwait", Verb.READ), Map.entry("setnowait", Verb.READ), Map.entry("setfolder", Verb.READ),
            Map.entry("startworkflow", Verb.EXECUTE), Map.entry("starttask", Verb.EXECUTE),
            Map.entry("recoverworkflow", Verb.EXECUTE), Map.entry("resumeworkflow", Verb.EXECUTE),
            Map.entry("resumeworklet", Verb.EXECUTE), Map.entry("stopworkflow", Verb.UPDATE),
            Map.entry("abortworkflow", Verb.UPDATE), Map.entry("stoptask", Verb.UPDATE), Map.entry("aborttask", Verb.UPDATE),
            Map.entry("scheduleworkflow", Verb.UPDATE), Map.entry("unscheduleworkflow", Verb.UPDATE),
            Map.entry("waitworkflow", Verb.READ), Map.entry("waittask", Verb.READ));

    private static final Set<String> PMCMD_VALUED = Set.of("-sv", "-service", "-d", "-domain", "-u", "-user", "-p",
            "-password", "-uv", "-usernamevar", "-pv", "-passwordvar", "-usd", "-usersecuritydomain", "-usdv", "-f",
            "-folder", "-t", "-timeout", "-lpf", "-localparamfile", "-paramfile", "-rin", "-runinsname", "-wfrunid",
            "-osprofile", "-o", "-startfrom", "-recovery", "-hostname", "-port");

    /** dsjob's options: the first one names the command. */
    private static final Map<String, Verb> DSJOB = Map.ofEntries(Map.entry("-jobinfo", Verb.READ), Map.entry("-logsum", Verb.READ),
            Map.entry("-logdetail", Verb.READ), Map.entry("-lognewest", Verb.READ), Map.entry("-logid", Verb.READ),
            Map.entry("-report", Verb.READ), Map.entry("-lprojects", Verb.READ), Map.entry("-ljobs", Verb.READ),
            Map.entry("-lstages", Verb.READ), Map.entry("-llinks", Verb.READ), Map.entry("-lparams", Verb.READ),
            Map.entry("-projectinfo", Verb.READ), Map.entry("-stageinfo", Verb.READ), Map.entry("-linkinfo", Verb.READ),
            Map.entry("-paraminfo", Verb.READ), Map.entry("-jobid", Verb.READ), Map.entry("-lenvs", Verb.READ),
            Map.entry("-listtraces", Verb.READ), Map.entry("-run", Verb.EXECUTE), Map.entry("-stop", Verb.UPDATE),
            Map.entry("-reset", Verb.UPDATE), Map.entry("-log", Verb.CREATE), Map.entry("-setparam", Verb.UPDATE));

    private static final Set<String> DSJOB_VALUED = Set.of("-domain", "-user", "-password", "-server", "-authfile",
            "-mode", "-param", "-warn", "-rows", "-opmetadata", "-max", "-type", "-wave", "-queue", "-local", "-status");

    @Override
    public Set<String> programs() {
        return Set.of("pmcmd", "dsjob");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(inv.program().equals("pmcmd") ? pmcmd(inv) : dsjob(inv));
    }

    private static Operation pmcmd(Invocation inv) {
        // pmcmd's options are single-dash words (-sv, -wait, -usd): never bundled letters
        List<String> words = new java.util.ArrayList<>();
        Map<String, String> values = new java.util.HashMap<>();
        List<String> args = inv.args().stream().map(a -> a.value()).toList();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.toLowerCase(Locale.ROOT);
            if (PMCMD_VALUED.contains(flag) && i + 1 < args.size()) {
                values.put(flag, args.get(++i));
            } else if (!a.startsWith("-")) {
                words.add(a);
            }
        }
        String command = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        Verb verb = PMCMD.getOrDefault(command, Verb.UNKNOWN);
        String name = words.size() > 1 ? words.getLast() : "";
        Operation.Builder b = Operation.builder(SYSTEM, verb).resource(command.contains("task") ? "task" : "workflow", name)
                .evidence(inv.evidence()).note("pmcmd " + command);
        if (verb == Verb.UNKNOWN) {
            b.confidence(Confidence.INFERRED);
        }
        for (String[] place : new String[][] {{"-sv", "app"}, {"-service", "app"}, {"-d", "environment"},
                {"-domain", "environment"}, {"-f", "project"}, {"-folder", "project"}}) {
            if (values.containsKey(place[0])) {
                b.locator(place[1], values.get(place[0]));
            }
        }
        return b.build();
    }

    private static Operation dsjob(Invocation inv) {
        ParsedArgs p = inv.parse(DSJOB_VALUED);
        String command = inv.args().stream().map(a -> a.value().toLowerCase(Locale.ROOT)).filter(DSJOB::containsKey)
                .findFirst().orElse("");
        Verb verb = DSJOB.getOrDefault(command, Verb.UNKNOWN);
        String mode = p.value("-mode").orElse("").toUpperCase(Locale.ROOT);
        if (command.equals("-run") && mode.equals("VALIDATE")) {
            verb = Verb.READ; // validation checks the job's design and connections, no rows move
        } else if (command.equals("-run") && mode.equals("RESET")) {
            verb = Verb.UPDATE;
        }
        List<String> words = p.words();
        String project = words.isEmpty() ? "" : words.getFirst();
        String job = words.size() > 1 ? words.get(1) : "";
        Operation.Builder b = Operation.builder(SYSTEM, verb).resource(job.isEmpty() ? "project" : "job", job.isEmpty() ? project : job)
                .evidence(inv.evidence()).note("dsjob " + command + (mode.isEmpty() ? "" : " -mode " + mode));
        if (verb == Verb.UNKNOWN) {
            b.confidence(Confidence.INFERRED);
        }
        if (!project.isEmpty()) {
            b.locator("project", project);
        }
        p.value("-server").ifPresent(v -> b.locator("host", v.contains(":") ? v.substring(0, v.indexOf(':')) : v));
        p.value("-domain").ifPresent(v -> b.locator("environment", v.contains(":") ? v.substring(0, v.indexOf(':')) : v));
        return b.build();
    }
}
