package dev.interlock.analysis.shell.recognizers.hpc;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grid Engine's own administration tools (SGE, Univa/Altair, Open Cluster Scheduler; its {@code qsub}, {@code qstat}
 * and {@code qdel} are read as PBS's). {@code qhost}, {@code qacct} and {@code qquota} read; {@code qmod} disables,
 * suspends or reschedules queues and jobs; {@code qconf} acts by its option's prefix: {@code -s…} shows, {@code -a…}
 * adds, {@code -m…} modifies, {@code -d…} deletes, {@code -k…} kills daemons, and the manager, operator and user-list
 * options decide who administers or uses the cluster. The cell ({@code SGE_CELL}) or cluster name places it.
 */
final class GridEngine {

    private GridEngine() {
    }

    static final Set<String> PROGRAMS = Set.of("qhost", "qacct", "qquota", "qmod", "qconf");

    /** qconf options about managers, operators and access lists: grants, whichever way they go. */
    private static final Set<String> PEOPLE = Set.of("-am", "-ao", "-au", "-Au", "-dm", "-do", "-du", "-dul", "-mu", "-Mu");

    static Operation recognize(Invocation inv) {
        List<String> words = inv.words();
        String name = words.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        CommandTable.Act act = switch (inv.program()) {
            case "qmod" -> update(words.contains("-cj") || words.contains("-sj") || words.contains("-usj") || words.contains("-rj")
                    ? "job" : "queue").note("changes queues' or jobs' state (disable, suspend, clear, reschedule)");
            case "qconf" -> qconf(words);
            default -> read("job");
        };
        Optional<String> cell = Optional.ofNullable(inv.env().get("SGE_CLUSTER_NAME")).or(() -> Optional.ofNullable(inv.env().get("SGE_CELL")));
        return ClusterPlacement.place(inv, act.operation(inv, "gridengine", name), cell, "SGE_ROOT").build();
    }

    private static CommandTable.Act qconf(List<String> words) {
        CommandTable.Act strictest = read("configuration");
        for (String w : words) {
            if (!w.startsWith("-") || w.length() < 3) {
                continue;
            }
            if (PEOPLE.contains(w)) {
                return grant("access-list").note("changes who administers or may use the cluster");
            }
            CommandTable.Act act = switch (Character.toLowerCase(w.charAt(1))) {
                case 's', 'h' -> read("configuration");
                case 'a' -> create("configuration");
                case 'd' -> delete("configuration");
                case 'k' -> update("daemon").note("kills the cluster's daemons");
                default -> update("configuration");
            };
            if (act.verb().destructive() || strictest.verb() == dev.interlock.model.Verb.READ) {
                strictest = act;
            }
        }
        return strictest;
    }
}
