package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * High-availability managers of database clusters. Patroni's {@code patronictl}: {@code list}, {@code topology},
 * {@code history}, {@code show-config}, {@code dsn}, {@code version} read; {@code failover}, {@code switchover},
 * {@code restart}, {@code pause}, {@code edit-config} change the cluster; {@code reinit} rebuilds a member from scratch;
 * {@code remove} wipes the cluster's state from the DCS. It acts on the cluster of the machine it runs on. Vitess's
 * {@code vtctldclient}/{@code vtctlclient}: {@code Get…}, {@code Find…}, {@code Validate…} commands read; the rest
 * change the topology the {@code --server} vtctld manages ({@code PlannedReparentShard}, {@code DeleteKeyspace}, …).
 */
public final class ClusterManagers implements Recognizer {

    private static final Set<String> PATRONI_VALUED = Set.of("-c", "--config-file", "--dcs-url", "--dcs", "-d", "-k",
            "--insecure", "--group", "--member", "--candidate", "--leader", "--primary", "--scheduled", "--role", "-r",
            "-W", "-w", "--watch", "-f", "--format", "-s", "--set", "-p", "--pg", "--apply");

    private static final Action CLUSTER_CHANGE = Action.update("cluster", "");

    private static final Map<String, Action> PATRONI = Map.ofEntries(
            Map.entry("list", Action.read("cluster")), Map.entry("topology", Action.read("cluster")),
            Map.entry("history", Action.read("cluster")), Map.entry("show-config", Action.read("cluster")),
            Map.entry("dsn", Action.read("cluster")), Map.entry("version", Action.read("cluster")),
            // the whole cluster's writes move with the primary, and a forced failover can lose the unreplicated ones
            Map.entry("failover", new Action(Verb.UPDATE, "cluster", Scope.ALL, false, false, "moves the primary to another member")),
            Map.entry("switchover", new Action(Verb.UPDATE, "cluster", Scope.ALL, false, false, "moves the primary to another member")),
            Map.entry("restart", CLUSTER_CHANGE), Map.entry("reload", CLUSTER_CHANGE), Map.entry("pause", CLUSTER_CHANGE),
            Map.entry("resume", CLUSTER_CHANGE), Map.entry("edit-config", CLUSTER_CHANGE), Map.entry("flush", CLUSTER_CHANGE),
            Map.entry("reinit", new Action(Verb.REPLACE, "member", Scope.ONE, true, false,
                    "wipes the member's data directory and copies it again from the primary")),
            Map.entry("remove", new Action(Verb.DELETE, "cluster", Scope.ALL, true, false,
                    "removes the cluster's state from the DCS")),
            Map.entry("query", new Action(Verb.EXECUTE, "database", Scope.ONE, false, true, "runs SQL on a member")));

    /** Vitess commands that only look, by the word they start with. */
    private static final List<String> VITESS_READS = List.of("Get", "Find", "Validate", "List", "Show", "Help", "help");
    /** Vitess commands that only look though their word does not say so. */
    private static final Set<String> VITESS_READ_COMMANDS = Set.of("ShardReplicationPositions", "PingTablet");
    /** Workflow commands ({@code Workflow}, {@code VDiff}, {@code OnlineDDL}, {@code MoveTables} …) whose action word only reports. */
    private static final Set<String> VITESS_WORKFLOW_READS = Set.of("show", "list", "status", "progress");

    private static final Map<String, Action> VITESS = Map.of(
            "DeleteKeyspace", new Action(Verb.DELETE, "keyspace", Scope.ALL, true, false, "deletes the keyspace"),
            "DeleteShards", new Action(Verb.DELETE, "shard", Scope.MANY, true, false, "deletes the shards"),
            "DeleteTablets", new Action(Verb.DELETE, "tablet", Scope.MANY, true, false, "deletes the tablets"),
            "ApplySchema", Action.update("schema", "changes the keyspace's schema"),
            "EmergencyReparentShard", Action.update("shard", "forces a new primary for the shard"),
            "PlannedReparentShard", Action.update("shard", "moves the shard's primary"));

    @Override
    public Set<String> programs() {
        return Set.of("patronictl", "vtctldclient", "vtctlclient");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return inv.program().equals("patronictl") ? patroni(inv) : vitess(inv);
    }

    private static List<Operation> patroni(Invocation inv) {
        ParsedArgs p = inv.parse(PATRONI_VALUED);
        String command = p.positional(0).orElse("");
        Action action = Optional.ofNullable(PATRONI.get(command)).orElseGet(() -> new Action(Verb.UNKNOWN, "cluster",
                Scope.ONE, false, true, "unrecognized patronictl command " + command));
        Operation.Builder op = action.on(DatabaseOps.SYSTEM, p.positional(1).orElse(""), inv, "patronictl " + command);
        return List.of((action.verb() == Verb.UNKNOWN ? op.confidence(Confidence.INFERRED) : op).build());
    }

    private static List<Operation> vitess(Invocation inv) {
        // commands are CamelCase words; flags before them may take values
        String command = inv.words().stream().filter(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)))
                .findFirst().orElse("");
        boolean reportsWorkflow = inv.words().stream().dropWhile(w -> !w.equals(command)).skip(1)
                .anyMatch(VITESS_WORKFLOW_READS::contains);
        Action action = VITESS_READS.stream().anyMatch(command::startsWith) || VITESS_READ_COMMANDS.contains(command) || reportsWorkflow
                ? Action.read("topology")
                : Optional.ofNullable(VITESS.get(command)).orElseGet(() -> command.isEmpty()
                        ? new Action(Verb.UNKNOWN, "topology", Scope.ONE, false, true, "no vtctl command")
                        : Action.update("topology", command + " changes the Vitess topology"));
        ParsedArgs p = inv.parse(Set.of("--server", "-server", "--keyspace", "--shard"));
        String server = p.value("--server", "-server").map(s -> Regex.before(s, ":")).orElse("");
        String name = p.value("--keyspace").orElse("");
        Operation op = action.on(DatabaseOps.SYSTEM, name, inv, "vtctl " + command).build();
        return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.withHost(server), inv);
    }
}
