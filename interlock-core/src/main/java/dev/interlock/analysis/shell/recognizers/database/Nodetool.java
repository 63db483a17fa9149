package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
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
 * Cassandra's and ScyllaDB's {@code nodetool}: statistics and status ({@code status}, {@code tablestats}, {@code
 * describecluster}, every {@code get…}) only read; taking a node out of the ring ({@code decommission}, {@code
 * removenode}, {@code assassinate}), deleting snapshots, draining or stopping a node and the maintenance that rewrites
 * SSTables change the cluster. The node is {@code -h}, or the machine it runs on ({@code ssh cass-prod-2 nodetool …}).
 */
final class Nodetool {

    private static final Set<String> VALUED = Set.of("-h", "--host", "-p", "--port", "-u", "--username", "-pw",
            "--password", "-pwf", "--password-file", "-t", "--tag", "-kt", "--kt-list", "-cf", "--column-family", "-st", "-et",
            "--start-token", "--end-token", "-dc", "--in-dc", "-hosts", "--in-hosts", "-j", "--job-threads");

    private static final Action READ = Action.read("node");
    private static final Action MAINTENANCE = Action.update("node", "rewrites or reorganizes the node's data");
    private static final Action STATE = Action.update("node", "changes how the node serves or joins the cluster");
    private static final Action SETTING = Action.update("node", "changes a setting of the running node");
    private static final Action LEAVES = new Action(Verb.DELETE, "node", Scope.ONE, true, false,
            "takes the node out of the cluster; its token ranges move to other nodes");
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("decommission", LEAVES), Map.entry("removenode", LEAVES),
            Map.entry("assassinate", new Action(Verb.DELETE, "node", Scope.ONE, true, false,
                    "forcibly removes the node from gossip without streaming its data")),
            Map.entry("clearsnapshot", new Action(Verb.DELETE, "snapshot", Scope.MANY, true, false, "deletes snapshots")),
            Map.entry("truncatehints", new Action(Verb.DELETE, "hints", Scope.MANY, true, false, "discards undelivered writes")),
            Map.entry("resetlocalschema", new Action(Verb.REPLACE, "schema", Scope.ONE, true, true, "drops and refetches the local schema")),
            Map.entry("drain", STATE), Map.entry("stopdaemon", new Action(Verb.UPDATE, "node", Scope.ONE, false, false,
                    "stops the Cassandra process")),
            Map.entry("join", STATE), Map.entry("move", STATE), Map.entry("rebuild", STATE), Map.entry("refresh", STATE),
            Map.entry("import", STATE), Map.entry("reloadtriggers", STATE), Map.entry("reloadlocalschema", STATE),
            Map.entry("reloadssl", STATE), Map.entry("reloadseeds", STATE), Map.entry("replaybatchlog", STATE),
            Map.entry("pausehandoff", STATE), Map.entry("resumehandoff", STATE), Map.entry("stop", STATE),
            Map.entry("cleanup", new Action(Verb.DELETE, "data", Scope.MANY, true, false, "deletes data the node no longer owns")),
            Map.entry("garbagecollect", MAINTENANCE), Map.entry("compact", MAINTENANCE), Map.entry("flush", MAINTENANCE),
            Map.entry("repair", MAINTENANCE), Map.entry("repair_admin", MAINTENANCE), Map.entry("scrub", MAINTENANCE),
            Map.entry("upgradesstables", MAINTENANCE), Map.entry("relocatesstables", MAINTENANCE),
            Map.entry("recompress_sstables", MAINTENANCE), Map.entry("rebuild_index", MAINTENANCE),
            Map.entry("snapshot", Action.create("snapshot", "takes a snapshot on the node")),
            Map.entry("status", READ), Map.entry("info", READ), Map.entry("ring", READ), Map.entry("describecluster", READ),
            Map.entry("describering", READ), Map.entry("tablestats", READ), Map.entry("cfstats", READ),
            Map.entry("tablehistograms", READ), Map.entry("cfhistograms", READ), Map.entry("tpstats", READ),
            Map.entry("compactionstats", READ), Map.entry("compactionhistory", READ), Map.entry("netstats", READ),
            Map.entry("gossipinfo", READ), Map.entry("proxyhistograms", READ), Map.entry("version", READ),
            Map.entry("listsnapshots", READ), Map.entry("toppartitions", READ), Map.entry("profileload", READ),
            Map.entry("failuredetector", READ), Map.entry("rangekeysample", READ), Map.entry("viewbuildstatus", READ),
            Map.entry("help", READ), Map.entry("sjk", READ), Map.entry("clientstats", READ), Map.entry("datapaths", READ));

    private Nodetool() {
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "help" : words.getFirst();
        Action action = Optional.ofNullable(COMMANDS.get(command)).orElseGet(() -> byPrefix(command));
        String what = words.size() > 1 ? words.get(1) : p.value("-h", "--host").orElse("");
        Operation.Builder b = action.on(DatabaseOps.SYSTEM, what, inv, "nodetool " + command);
        if (!COMMANDS.containsKey(command)) {
            b.confidence(Confidence.INFERRED);
        }
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("-h", "--host"), true, inv);
        return DatabaseOps.locateClient(List.of(b.build()), target, inv).getFirst();
    }

    /** The families nodetool names by prefix: getters and status read, setters and switches change the node. */
    private static Action byPrefix(String command) {
        if (command.startsWith("get") || command.startsWith("status") || command.startsWith("describe")
                || command.startsWith("list") || command.endsWith("stats") || command.endsWith("histograms")) {
            return READ;
        }
        if (command.startsWith("set") || command.startsWith("enable") || command.startsWith("disable")
                || command.startsWith("invalidate") || command.startsWith("reset")) {
            return SETTING;
        }
        return new Action(Verb.UNKNOWN, "node", Scope.ONE, false, true, "unrecognized nodetool command " + command);
    }
}
