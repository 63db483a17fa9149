package dev.interlock.analysis.shell.recognizers.schedulers;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Control-M's Automation API CLI, {@code ctm SERVICE [OBJECT::ACTION] ARGS}. {@code build} only validates job
 * definitions; {@code deploy FILE} replaces them on the server, {@code run FILE} and {@code run order} run jobs now.
 * Object commands are judged by their action: {@code jobs:status::get} reads, {@code job::setToOk} marks a job done
 * (its successors start), {@code job::delete} removes it. {@code env}, {@code session} and {@code package} only touch
 * this machine. The environment is the one {@code -e} names, else the machine's.
 */
final class ControlM {

    private ControlM() {
    }

    /** Whole services and the file-taking forms of {@code deploy} and {@code run}. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "build", read("job-definitions"))
            .add("", "deploy", update("job-definitions").note("replaces the scheduled jobs' definitions on the server"))
            .add("", "run", execute("job").note("runs the jobs in the file now"))
            .add("run", "order", execute("folder").note("orders the folder's jobs into today's plan"))
            .add("run", "status", read("job"))
            .add("", "reporting archive usage documentation", read("report"))
            .add("", "env session package", local("configuration"))
            .add("", "provision", update("agent").note("installs or registers a Control-M agent"))
            .build();

    /** The action of an {@code OBJECT::ACTION} command, by its verb. */
    private static final Map<String, CommandTable.Act> ACTIONS = Map.ofEntries(
            Map.entry("get", read("job")), Map.entry("list", read("job")), Map.entry("query", read("job")),
            Map.entry("test", read("job")), Map.entry("ping", read("job")),
            Map.entry("add", create("job")), Map.entry("create", create("job")),
            Map.entry("delete", delete("job")), Map.entry("remove", delete("job")),
            Map.entry("settook", update("job").note("marks the job Ended OK: its successors start on its word")),
            Map.entry("confirm", execute("job")), Map.entry("rerun", execute("job")), Map.entry("runnow", execute("job")),
            Map.entry("kill", update("job").note("kills the running job")));

    private static final Set<String> VALUED = Set.of("-e", "--environment", "-s", "--search", "-f", "--file",
            "-a", "-d", "-t", "-o", "--output");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String object = words.size() > 1 && words.get(1).contains("::") ? words.get(1) : "";
        CommandTable.Act act;
        int used;
        if (!object.isEmpty()) {
            String action = object.substring(object.indexOf("::") + 2).toLowerCase(Locale.ROOT);
            // "jobs:status", "server:agent": the first part is what it acts on
            String type = object.substring(0, object.indexOf(':')).replaceFirst("s$", "");
            act = ACTIONS.getOrDefault(action, CommandTable.guess(action, type)).on(type.isEmpty() ? "job" : type);
            if (type.equals("authorization") && act.verb() != Verb.READ) {
                act = grant("role"); // roles and users: who may run what
            }
            used = 2;
        } else {
            CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "job");
            act = found.act();
            used = found.words();
        }
        String name = words.size() > used ? words.get(used) : "";
        Operation.Builder b = act.operation(inv, "control-m", name);
        p.value("-e", "--environment").ifPresent(env -> b.locator("environment", env));
        return b.build();
    }
}
