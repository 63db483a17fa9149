package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code etcdctl}, v3 commands and the v2 ones ({@code ETCDCTL_API=2}: {@code rm}, {@code set}, {@code ls}): keys are
 * the resource; {@code del KEY --prefix} deletes everything under KEY, and the empty prefix (or {@code --from-key ''})
 * every key; compaction discards history; users, roles and {@code auth} change who may do what. The endpoints are
 * {@code --endpoints} (v2 {@code --endpoint}, {@code --peers}) or {@code ETCDCTL_ENDPOINTS}.
 */
final class EtcdCtl {

    private static final Action KEYS_READ = Action.read("key");
    private static final Action CLUSTER = Action.update("cluster", "changes the cluster's membership or maintenance state");
    private static final Action ACCESS = Action.grant("access", "changes etcd users, roles or permissions");
    /** By "command" or "command subcommand". */
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("get", KEYS_READ), Map.entry("watch", KEYS_READ), Map.entry("ls", KEYS_READ), Map.entry("version", KEYS_READ),
            Map.entry("check", KEYS_READ), Map.entry("endpoint", KEYS_READ), Map.entry("member list", KEYS_READ),
            Map.entry("alarm list", KEYS_READ), Map.entry("lease list", KEYS_READ), Map.entry("lease timetolive", KEYS_READ),
            Map.entry("snapshot status", KEYS_READ), Map.entry("user list", KEYS_READ), Map.entry("user get", KEYS_READ),
            Map.entry("role list", KEYS_READ), Map.entry("role get", KEYS_READ), Map.entry("auth status", KEYS_READ),
            Map.entry("cluster-health", KEYS_READ), Map.entry("member", KEYS_READ),
            // a copy of the data set on this machine
            Map.entry("snapshot save", new Action(Verb.READ, "key", Scope.ALL, false, true, "copies every key to a local file")),
            Map.entry("put", new Action(Verb.UPDATE, "key", Scope.ONE, true, false, "overwrites the key's value")),
            Map.entry("set", new Action(Verb.UPDATE, "key", Scope.ONE, true, false, "overwrites the key's value")),
            Map.entry("update", new Action(Verb.UPDATE, "key", Scope.ONE, true, false, "overwrites the key's value")),
            Map.entry("mk", Action.create("key", "")), Map.entry("mkdir", Action.create("key", "")),
            Map.entry("setdir", Action.create("key", "")), Map.entry("updatedir", Action.update("key", "")),
            Map.entry("txn", new Action(Verb.UPDATE, "key", Scope.MANY, true, false, "runs a transaction that can write and delete keys")),
            Map.entry("del", Action.delete("key", "deletes the key")),
            Map.entry("rm", Action.delete("key", "deletes the key")),
            Map.entry("rmdir", Action.delete("key", "deletes the directory")),
            Map.entry("compaction", new Action(Verb.DELETE, "history", Scope.MANY, true, false,
                    "discards every revision before the one given")),
            Map.entry("lease revoke", new Action(Verb.DELETE, "lease", Scope.MANY, true, false,
                    "revokes the lease and deletes every key attached to it")),
            Map.entry("lease grant", Action.create("lease", "")), Map.entry("lease keep-alive", Action.update("lease", "")),
            Map.entry("lock", Action.update("lock", "holds a distributed lock")),
            Map.entry("elect", Action.update("election", "campaigns in a leader election")),
            Map.entry("defrag", CLUSTER), Map.entry("move-leader", CLUSTER), Map.entry("alarm disarm", CLUSTER),
            Map.entry("member add", CLUSTER), Map.entry("member update", CLUSTER), Map.entry("member promote", CLUSTER),
            Map.entry("member remove", Action.delete("member", "removes a member from the cluster")),
            Map.entry("snapshot restore", Action.update("data-directory", "writes a data directory from a snapshot")),
            Map.entry("make-mirror", new Action(Verb.UPDATE, "key", Scope.ALL, true, false, "copies every key into another cluster")),
            Map.entry("user", ACCESS), Map.entry("role", ACCESS), Map.entry("auth enable", ACCESS),
            // with authentication off every client can do anything, this agent included
            Map.entry("auth disable", new Action(Verb.ESCALATE, "access", Scope.ALL, false, true,
                    "switches authentication off: every client may do anything")));

    private static final Set<String> VALUED = Set.of("--endpoints", "--endpoint", "--peers", "-C", "--cacert", "--cert",
            "--key", "--user", "--password", "--dial-timeout", "--command-timeout", "--keepalive-time", "--keepalive-timeout",
            "-w", "--write-out", "--discovery-srv", "--lease", "--rev", "--limit", "--sort-by", "--order", "--range-end",
            "--prev-kv", "--data-dir", "--name", "--initial-cluster", "--initial-cluster-token", "--initial-advertise-peer-urls",
            "--dest-prefix", "--prefix-to", "--ttl", "--consistency");

    private EtcdCtl() {
    }

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String host = DataServiceRecognizer.host(p.value("--endpoints", "--endpoint", "--peers", "-C")
                .orElse(inv.env().getOrDefault("ETCDCTL_ENDPOINTS", inv.env().getOrDefault("ETCDCTL_PEERS", ""))));
        if (words.isEmpty()) {
            return Optional.of(DataServiceRecognizer.located(KEYS_READ.on("etcd", "", inv), host, inv));
        }
        String command = words.getFirst();
        Action action = words.size() > 1 && COMMANDS.containsKey(command + " " + words.get(1))
                ? COMMANDS.get(command + " " + words.get(1)) : COMMANDS.get(command);
        if (action == null) {
            return Optional.empty();
        }
        String key = action.type().equals("key") && words.size() > 1 ? words.get(1) : "";
        boolean prefix = p.has("--prefix", "--from-key", "--recursive", "-r") || p.has("--range-end");
        if (action.type().equals("key") && action.verb() != Verb.READ && prefix) {
            // del '' --prefix, del / --prefix, --from-key '': every key in the store
            action = action.scope(key.isEmpty() || key.equals("/") || key.equals("\0") ? Scope.ALL : Scope.MANY);
        }
        return Optional.of(DataServiceRecognizer.located(action.on("etcd", key, inv), host, inv));
    }
}
