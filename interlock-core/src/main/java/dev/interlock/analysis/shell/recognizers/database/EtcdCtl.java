package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
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
 * {@code --endpoints} (v2 {@code --endpoint}, {@code --peers}) or {@code ETCDCTL_ENDPOINTS}. {@code snapshot save}
 * copies the whole store (a cluster's Secrets with it) to this machine; a restore ({@code etcdctl} or {@code etcdutl})
 * only writes a data directory here.
 */
final class EtcdCtl {

    private static final Action KEYS_READ = Action.read("key");
    private static final Action CLUSTER = Action.update("cluster", "changes the cluster's membership or maintenance state");
    private static final Action ACCESS = Action.grant("access", "changes etcd users, roles or permissions");
    private static final Action RESTORE = Action.update("data-directory", "writes a data directory from a snapshot");
    /** etcdutl works on files, never on a running member: a snapshot or a data directory on this machine. */
    private static final Map<String, Action> ETCDUTL = Map.of(
            "snapshot status", Action.read("snapshot"), "version", Action.read("version"), "hashkv", Action.read("data-directory"),
            "snapshot restore", RESTORE,
            "defrag", Action.update("data-directory", "defragments a stopped member's data directory"),
            "migrate", Action.update("data-directory", "rewrites a data directory for another etcd version"));
    /** By "command" or "command subcommand". */
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("get", KEYS_READ), Map.entry("watch", KEYS_READ), Map.entry("ls", KEYS_READ), Map.entry("version", KEYS_READ),
            Map.entry("check", KEYS_READ), Map.entry("endpoint", KEYS_READ), Map.entry("member list", KEYS_READ),
            Map.entry("alarm list", KEYS_READ), Map.entry("lease list", KEYS_READ), Map.entry("lease timetolive", KEYS_READ),
            Map.entry("snapshot status", KEYS_READ), Map.entry("user list", KEYS_READ), Map.entry("user get", KEYS_READ),
            Map.entry("role list", KEYS_READ), Map.entry("role get", KEYS_READ), Map.entry("auth status", KEYS_READ),
            Map.entry("cluster-health", KEYS_READ), Map.entry("member", KEYS_READ),
            // a copy of the whole store on this machine: in a Kubernetes cluster's etcd, every Secret
            Map.entry("snapshot save", new Action(Verb.READ, "snapshot", Scope.ALL, false, true,
                    "copies every key (in a Kubernetes cluster's etcd, every Secret) into a file")),
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
            Map.entry("snapshot restore", RESTORE),
            Map.entry("make-mirror", new Action(Verb.UPDATE, "key", Scope.ALL, true, false, "copies every key into another cluster")),
            Map.entry("user", ACCESS), Map.entry("role", ACCESS), Map.entry("auth enable", ACCESS),
            // with authentication off every client can do anything, this agent included
            Map.entry("auth disable", new Action(Verb.ESCALATE, "access", Scope.ALL, false, true,
                    "switches authentication off: every client may do anything")));

    private static final Action SECRETS = new Action(Verb.CREDENTIAL, "secret", Scope.MANY, false, true,
            "prints Kubernetes Secrets as the API server stores them in etcd");
    /** Where Kubernetes keeps Secrets in etcd (OpenShift 3 used the second). */
    private static final List<String> SECRET_PREFIXES = List.of("/registry/secrets", "/kubernetes.io/secrets");
    /** Client certificates only a Kubernetes control plane's etcd has: kubeadm's and k3s's. */
    private static final List<String> CLUSTER_CERTS = List.of("/etc/kubernetes/pki/etcd/", "/var/lib/rancher/k3s/server/tls/etcd/");

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
        Map<String, Action> table = inv.program().equals("etcdutl") ? ETCDUTL : COMMANDS;
        Action action = words.size() > 1 && table.containsKey(command + " " + words.get(1))
                ? table.get(command + " " + words.get(1)) : table.get(command);
        if (action == null) {
            return Optional.empty();
        }
        if (action.type().equals("data-directory")) {
            return Optional.of(dataDirectory(inv, p, action, host));
        }
        if (action.type().equals("snapshot")) {
            String file = words.size() > 2 ? words.get(2) : "";
            Operation.Builder b = action.on("etcd", file, inv);
            if (command.equals("snapshot") && words.get(1).equals("save")) {
                // where the endpoint is prod, the keys (and secrets) of prod now sit in a file here
                b.locator(DatabaseOps.COPIES_DATA, "keys");
            }
            return Optional.of(DataServiceRecognizer.located(b, host, inv));
        }
        String key = action.type().equals("key") && words.size() > 1 ? words.get(1) : "";
        boolean prefix = p.has("--prefix", "--from-key", "--recursive", "-r") || p.has("--range-end");
        if ((command.equals("get") || command.equals("watch")) && printsSecrets(inv, p, key, prefix)) {
            return Optional.of(DataServiceRecognizer.located(SECRETS.on("etcd", key, inv), host, inv));
        }
        if (action.type().equals("key") && action.verb() != Verb.READ && prefix) {
            // del '' --prefix, del / --prefix, --from-key '': every key in the store
            action = action.scope(key.isEmpty() || key.equals("/") || key.equals("\0") ? Scope.ALL : Scope.MANY);
        }
        return Optional.of(DataServiceRecognizer.located(action.on("etcd", key, inv), host, inv));
    }

    /**
     * A read of values under Kubernetes' Secrets: the key is below {@code /registry/secrets}, or a prefix or
     * {@code --from-key} range that takes them in ({@code /registry --prefix}); with the control plane's own client
     * certificates, the whole store ({@code get "" --prefix}) is that cluster's too. Key names alone
     * ({@code --keys-only}, {@code --count-only}) are no secret.
     */
    private static boolean printsSecrets(Invocation inv, ParsedArgs p, String key, boolean prefix) {
        if (p.has("--keys-only", "--count-only")) {
            return false;
        }
        boolean wholeStore = (key.isEmpty() || key.equals("/") || key.equals("\0")) && prefix;
        if (wholeStore) {
            String certs = p.value("--cacert").orElse("") + " " + p.value("--cert").orElse("")
                    + " " + inv.env().getOrDefault("ETCDCTL_CERT", "") + " " + inv.env().getOrDefault("ETCDCTL_CACERT", "");
            return CLUSTER_CERTS.stream().anyMatch(certs::contains);
        }
        for (String secrets : SECRET_PREFIXES) {
            if (key.startsWith(secrets) || prefix && !key.isEmpty() && secrets.startsWith(key)
                    || p.has("--from-key") && key.startsWith(secrets.substring(0, secrets.indexOf('/', 1))) && key.compareTo(secrets) <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A restore, defragmentation or migration of a data directory ({@code --data-dir}, by default {@code NAME.etcd}
     * here): it touches files, not the endpoints. One in the workspace or a temp directory is a scratch copy on this
     * machine; elsewhere it may be a member's own directory, so it keeps where the command line points.
     */
    private static Operation dataDirectory(Invocation inv, ParsedArgs p, Action action, String host) {
        String dir = p.value("--data-dir").orElse(p.value("--name").orElse("default") + ".etcd");
        String resolved = inv.workspace().resolve(dir);
        Workspace.Area area = inv.workspace().area(dir);
        Operation.Builder b = action.on("etcd", resolved, inv).locator("path", resolved).locator("area", area.wire());
        if (area == Workspace.Area.WORKSPACE || area == Workspace.Area.TEMP) {
            return LocalFiles.local(inv, b, "a data directory in the " + area.wire() + " on this machine").build();
        }
        return DataServiceRecognizer.located(b, host, inv);
    }
}
