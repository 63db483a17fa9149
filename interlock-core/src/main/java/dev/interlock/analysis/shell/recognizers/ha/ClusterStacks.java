package dev.interlock.analysis.shell.recognizers.ha;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pacemaker, Corosync and DRBD administration. These tools act on the cluster node they run on and the cluster it
 * belongs to, so an operation stands where the command runs: the ssh host ({@code ssh db-prod-01 'crm_mon -1'} is a
 * prod read), or this machine. Status and configuration listings read everywhere; resource moves, standby, DRBD role
 * changes and stopping the node change it; stopping every node ({@code --all}), destroying the cluster's
 * configuration or wiping a DRBD device's metadata take the whole cluster or its replicated data down.
 */
public final class ClusterStacks implements Recognizer {

    /** The word-driven tools: their system and table. */
    private static final Map<String, Map.Entry<String, CommandTable>> WORDED = Map.of(
            "pcs", Map.entry("pacemaker", ClusterCommands.PCS),
            "crm", Map.entry("pacemaker", ClusterCommands.CRM),
            "drbdadm", Map.entry("drbd", ClusterCommands.DRBD),
            "drbdsetup", Map.entry("drbd", ClusterCommands.DRBD),
            "drbdmeta", Map.entry("drbd", ClusterCommands.DRBD));

    private static final Set<String> VALUED = Set.of("-f", "--request-timeout", "-c", "--config-file", "-r", "--resource",
            "-H", "--history", "--wait", "-n", "--node", "-t", "--config-to-use", "--stage", "--sh-varname");
    /** Words that make a command reach every node: {@code pcs cluster stop --all}, {@code drbdadm down all}. */
    private static final Set<String> EVERY = Set.of("--all", "all");

    @Override
    public Set<String> programs() {
        return Stream.concat(WORDED.keySet().stream(), ClusterFlags.TOOLS.keySet().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        ClusterFlags.Tool flagged = ClusterFlags.TOOLS.get(program);
        if (flagged != null) {
            return List.of(placed(inv, flagged.act(inv.words()), flagged.system(), "", program));
        }
        var worded = WORDED.get(program);
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = worded.getValue().findOrGuess(words, program.startsWith("drbd") ? 1 : 2,
                worded.getKey().equals("drbd") ? "drbd-resource" : "cluster");
        Act act = found.act();
        boolean every = inv.words().stream().anyMatch(EVERY::contains);
        if (every && act.verb() != dev.interlock.model.Verb.READ) {
            boolean stops = found.command().endsWith("stop") || found.command().endsWith("kill") || found.command().equals("down");
            act = stops && !program.startsWith("drbd") ? ClusterCommands.OUTAGE : act.all();
        }
        if (program.startsWith("drbd") && found.command().equals("create-md") && inv.words().contains("--force")) {
            act = CommandTable.delete("drbd-metadata").all().note("writes new DRBD metadata over the device's old one: its data is lost to DRBD");
        }
        return List.of(placed(inv, act, worded.getKey(), found.name(words), program + " " + found.command()));
    }

    /** The operation where the command runs: the ssh host when there is one, else this machine. */
    private static Operation placed(Invocation inv, Act act, String system, String name, String command) {
        Operation.Builder b = act.operation(inv, system, name);
        if (act.note().isEmpty()) {
            b.note(command);
        }
        return LocalFiles.local(inv, b, "the cluster node this runs on is this machine").build();
    }
}
