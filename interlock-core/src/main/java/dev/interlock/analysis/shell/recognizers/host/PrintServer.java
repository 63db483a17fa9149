package dev.interlock.analysis.shell.recognizers.host;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CUPS, the print server, judged by program and flag: {@code lpstat}, {@code lpq} and {@code lpinfo} only list;
 * {@code lpadmin -x} deletes a queue, {@code -d} changes the default and any other form adds or changes one;
 * {@code cancel -a} and {@code lprm -} drop every job; enabling, disabling, accepting and rejecting change a queue. The
 * server is the one {@code -h host[:port]} or {@code CUPS_SERVER} names, else this host (placed by ssh when remote).
 */
public final class PrintServer implements Recognizer {

    /** A flag and what it does; the first row whose flag the command line has decides, else the program's own act. */
    private record Row(Set<String> flags, Act act) {
    }

    private static final Map<String, List<Row>> FLAGS = Map.of(
            "lpadmin", List.of(new Row(Set.of("-x"), delete("printer").losesData()),
                    new Row(Set.of("-d"), update("printer").note("changes the default printer"))),
            "cancel", List.of(new Row(Set.of("-a", "-x"), delete("print-job").all().note("cancels every job on the queue"))),
            "lprm", List.of(new Row(Set.of("-"), delete("print-job").all().note("removes every job on the queue"))));
    private static final Map<String, Act> PROGRAMS = Map.of(
            "lpstat", read("printer"), "lpq", read("print-job"), "lpinfo", read("printer-device"),
            "lpadmin", update("printer"), "cancel", delete("print-job"), "lprm", delete("print-job"),
            "cupsenable", update("printer"), "cupsdisable", update("printer"), "cupsaccept", update("printer"),
            "cupsreject", update("printer"));

    @Override
    public Set<String> programs() {
        return PROGRAMS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.contains("--help")) {
            return List.of();
        }
        Act act = FLAGS.getOrDefault(inv.program(), List.of()).stream().filter(r -> words.stream().anyMatch(r.flags()::contains))
                .map(Row::act).findFirst().orElse(PROGRAMS.get(inv.program()));
        if (inv.program().equals("lpadmin") && act.verb() == dev.interlock.model.Verb.UPDATE && words.contains("-p")
                && words.stream().anyMatch(w -> w.equals("-v") || w.equals("-m") || w.equals("-E"))) {
            act = create("printer").note("adds or reconfigures a print queue");
        }
        String queue = inv.program().equals("cancel") ? queue(words) : "";
        if (!queue.isEmpty() && act.scope() == dev.interlock.model.Scope.ALL) {
            act = delete("print-job").many().note("cancels every job on queue " + queue); // one queue's jobs, not the server's
        }
        int at = words.indexOf("-h");
        String host = at >= 0 && at + 1 < words.size() ? words.get(at + 1) : inv.env().getOrDefault("CUPS_SERVER", "");
        int named = words.indexOf("-p");
        String name = named >= 0 && named + 1 < words.size() ? words.get(named + 1) : queue;
        return List.of(DirectoryAdmin.operation(inv, "cups", act, name, host.replaceFirst(":\\d+$", "")));
    }

    /** The destination {@code cancel} names ({@code cancel -a QUEUE}), not a job id ({@code Q-123}) or an option's value. */
    private static String queue(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (Set.of("-h", "-U", "-u").contains(w)) {
                i++;
            } else if (!w.startsWith("-") && !w.matches(".*-\\d+|\\d+")) {
                return w;
            }
        }
        return "";
    }
}
