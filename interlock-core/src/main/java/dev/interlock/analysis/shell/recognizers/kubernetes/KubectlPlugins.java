package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * kubectl plugins (krew's and the operators' own): {@code kubectl tree}, {@code who-can}, {@code view-secret},
 * {@code cnpg}, {@code argo rollouts}, … A table of their subcommands that only look and those that change something.
 * They talk to the cluster kubectl would, so their operations carry the same {@code --context}/{@code -n}/kubeconfig
 * and are placed like kubectl's own. A subcommand a plugin's table does not list stays unknown (or takes the plugin's
 * stated default, for a plugin whose every other subcommand changes something).
 */
final class KubectlPlugins {
    private KubectlPlugins() {}

    private static final Action LOOKS = Action.read("");

    /**
     * Keyed by the words after kubectl: the plugin alone (every subcommand does the same) or plugin and subcommand
     * words; the longest key that matches wins. The object's name is the first word after the key.
     */
    private static final Map<String, Action> TABLE = Map.ofEntries(
            // plugins that only look, whatever their arguments
            Map.entry("tree", LOOKS), Map.entry("who-can", LOOKS), Map.entry("neat", LOOKS), Map.entry("lineage", LOOKS),
            Map.entry("get-all", LOOKS), Map.entry("resource-capacity", LOOKS), Map.entry("view-allocations", LOOKS),
            Map.entry("view-utilization", LOOKS), Map.entry("access-matrix", LOOKS), Map.entry("rbac-lookup", LOOKS),
            Map.entry("rbac-tool", LOOKS), Map.entry("df-pv", LOOKS), Map.entry("images", LOOKS), Map.entry("outdated", LOOKS),
            Map.entry("deprecations", LOOKS), Map.entry("popeye", LOOKS), Map.entry("ktop", LOOKS), Map.entry("stern", LOOKS),
            Map.entry("tail", LOOKS), Map.entry("blame", LOOKS), Map.entry("np-viewer", LOOKS), Map.entry("view-webhook", LOOKS),
            Map.entry("view-quotas", LOOKS), Map.entry("count", LOOKS), Map.entry("ice", LOOKS), Map.entry("graph", LOOKS),
            Map.entry("explore", LOOKS), Map.entry("fields", LOOKS), Map.entry("cost", LOOKS), Map.entry("view-cert", LOOKS),
            Map.entry("kubescape", LOOKS), Map.entry("kubesec-scan", LOOKS),
            // plugins that print secret values in clear
            Map.entry("view-secret", new Action(Verb.CREDENTIAL, "secret", Scope.ONE, false, true, "prints the secret's values decoded")),
            Map.entry("view-serviceaccount-kubeconfig", new Action(Verb.CREDENTIAL, "serviceaccount", Scope.ONE, false, true,
                    "prints a kubeconfig with the service account's token")),
            Map.entry("modify-secret", Action.update("secret", "edits the secret's values")),
            // plugins that run something in a pod or on a node, or act as someone else
            Map.entry("node-shell", new Action(Verb.EXECUTE, "node", Scope.ONE, false, true, "a root shell on the node")),
            Map.entry("ssh-jump", new Action(Verb.EXECUTE, "node", Scope.ONE, false, true, "a shell on a node through a jump pod")),
            Map.entry("sniff", new Action(Verb.EXECUTE, "pod", Scope.ONE, false, true, "captures the pod's traffic")),
            Map.entry("iexec", new Action(Verb.EXECUTE, "pod", Scope.ONE, false, true, "exec in a pod")),
            Map.entry("flame", new Action(Verb.EXECUTE, "pod", Scope.ONE, false, true, "profiles the pod's process")),
            Map.entry("sudo", new Action(Verb.ESCALATE, "group", Scope.ONE, false, true, "acts as system:masters")),
            // Argo Rollouts: get/list/status look; promote, abort, undo, retry, restart, set change where traffic goes
            Map.entry("argo rollouts", Action.update("rollout", "changes the rollout")),
            Map.entry("argo rollouts get", LOOKS), Map.entry("argo rollouts list", LOOKS),
            Map.entry("argo rollouts status", LOOKS), Map.entry("argo rollouts version", LOOKS),
            Map.entry("argo rollouts dashboard", LOOKS), Map.entry("argo rollouts lint", LOOKS),
            Map.entry("argo rollouts completion", LOOKS),
            Map.entry("argo rollouts promote", Action.update("rollout", "promotes the rollout: the new version takes the traffic")),
            Map.entry("argo rollouts abort", Action.update("rollout", "aborts the rollout: traffic shifts back")),
            Map.entry("argo rollouts undo", Action.update("rollout", "rolls back to an earlier revision")),
            Map.entry("argo rollouts retry", Action.update("rollout", "retries an aborted rollout")),
            Map.entry("argo rollouts restart", Action.update("rollout", "restarts the rollout's pods")),
            Map.entry("argo rollouts pause", Action.update("rollout", "pauses the rollout")),
            Map.entry("argo rollouts set", Action.update("rollout", "changes the rollout's spec")),
            Map.entry("argo rollouts set image", Action.update("rollout", "starts a rollout of a new image")),
            Map.entry("argo rollouts create", Action.create("rollout", "")),
            Map.entry("argo rollouts terminate", Action.update("analysisrun", "stops an analysis run or experiment")),
            Map.entry("argo rollouts delete", Action.delete("rollout", "deletes the rollout and its pods")),
            // CloudNativePG: status, report and logs look; promote, restart, fencing, hibernation, destroy change the database
            Map.entry("cnpg status", LOOKS), Map.entry("cnpg report", LOOKS), Map.entry("cnpg logs", LOOKS),
            Map.entry("cnpg version", LOOKS), Map.entry("cnpg install", LOOKS), Map.entry("cnpg completion", LOOKS),
            Map.entry("cnpg hibernate status", LOOKS), Map.entry("cnpg report operator", LOOKS),
            Map.entry("cnpg report cluster", LOOKS), Map.entry("cnpg logs cluster", LOOKS), Map.entry("cnpg logs pretty", LOOKS),
            Map.entry("cnpg install generate", LOOKS),
            Map.entry("cnpg promote", Action.update("cluster", "makes another instance the primary")),
            Map.entry("cnpg restart", Action.update("cluster", "restarts the database instances")),
            Map.entry("cnpg reload", Action.update("cluster", "reloads the database configuration")),
            Map.entry("cnpg maintenance set", Action.update("cluster", "changes node maintenance handling")),
            Map.entry("cnpg maintenance unset", Action.update("cluster", "changes node maintenance handling")),
            Map.entry("cnpg fencing on", Action.update("cluster", "fences instances: they stop serving")),
            Map.entry("cnpg fencing off", Action.update("cluster", "lifts the fence: instances serve again")),
            Map.entry("cnpg hibernate on", Action.update("cluster", "shuts the database cluster down")),
            Map.entry("cnpg hibernate off", Action.update("cluster", "starts the hibernated database cluster again")),
            Map.entry("cnpg destroy", new Action(Verb.DELETE, "instance", Scope.ONE, true, false,
                    "deletes the instance with its volumes")),
            Map.entry("cnpg backup", Action.create("backup", "")),
            Map.entry("cnpg snapshot", Action.create("volumesnapshot", "")),
            Map.entry("cnpg certificate", Action.grant("certificate", "issues a client certificate for a database user")),
            Map.entry("cnpg pgbench", new Action(Verb.EXECUTE, "job", Scope.ONE, false, true, "runs pgbench against the database")),
            Map.entry("cnpg fio", Action.create("deployment", "runs a disk benchmark")),
            Map.entry("cnpg pgadmin4", Action.create("deployment", "deploys pgAdmin next to the database")),
            Map.entry("cnpg publication create", Action.create("publication", "")),
            Map.entry("cnpg publication drop", Action.delete("publication", "drops the publication")),
            Map.entry("cnpg subscription create", Action.create("subscription", "copies another database's tables in")),
            Map.entry("cnpg subscription drop", Action.delete("subscription", "drops the subscription")),
            Map.entry("cnpg subscription sync-sequences", Action.update("sequence", "overwrites sequence values")),
            // the RabbitMQ cluster operator's plugin
            Map.entry("rabbitmq list", LOOKS), Map.entry("rabbitmq get", LOOKS), Map.entry("rabbitmq tail", LOOKS),
            Map.entry("rabbitmq observe", LOOKS), Map.entry("rabbitmq version", LOOKS),
            Map.entry("rabbitmq secrets", new Action(Verb.CREDENTIAL, "secret", Scope.ONE, false, true, "prints the default user's credentials")),
            Map.entry("rabbitmq manage", new Action(Verb.EXECUTE, "service", Scope.ONE, false, true, "forwards the management UI here")),
            Map.entry("rabbitmq perf-test", new Action(Verb.EXECUTE, "job", Scope.ONE, false, true, "load-tests the cluster")),
            Map.entry("rabbitmq create", Action.create("rabbitmqcluster", "")),
            Map.entry("rabbitmq delete", Action.delete("rabbitmqcluster", "deletes the cluster with its queues")),
            Map.entry("rabbitmq debug", Action.update("rabbitmqcluster", "")),
            Map.entry("rabbitmq pause-reconciliation", Action.update("rabbitmqcluster", "")),
            Map.entry("rabbitmq resume-reconciliation", Action.update("rabbitmqcluster", "")),
            Map.entry("rabbitmq enable-all-feature-flags", Action.update("rabbitmqcluster", "")),
            // cert-manager's: status and checks look; renewing or approving a request issues a certificate
            Map.entry("cert-manager status", LOOKS), Map.entry("cert-manager check", LOOKS), Map.entry("cert-manager inspect", LOOKS),
            Map.entry("cert-manager version", LOOKS), Map.entry("cert-manager convert", LOOKS),
            Map.entry("cert-manager renew", Action.update("certificate", "renews the certificate")),
            Map.entry("cert-manager approve", Action.grant("certificaterequest", "approves a request: a certificate is issued")),
            Map.entry("cert-manager deny", Action.update("certificaterequest", "")),
            Map.entry("cert-manager create", Action.create("certificaterequest", "")),
            // Rook's: ceph and rook status commands look; purging, taking out or flagging OSDs changes the storage
            Map.entry("rook-ceph ceph", Action.update("cephcluster", "runs a ceph command on the cluster")),
            Map.entry("rook-ceph ceph status", LOOKS), Map.entry("rook-ceph ceph health", LOOKS),
            Map.entry("rook-ceph ceph df", LOOKS), Map.entry("rook-ceph ceph versions", LOOKS),
            Map.entry("rook-ceph ceph version", LOOKS), Map.entry("rook-ceph ceph -s", LOOKS),
            Map.entry("rook-ceph ceph osd tree", LOOKS), Map.entry("rook-ceph ceph osd df", LOOKS),
            Map.entry("rook-ceph ceph osd status", LOOKS), Map.entry("rook-ceph ceph osd stat", LOOKS),
            Map.entry("rook-ceph ceph osd ls", LOOKS), Map.entry("rook-ceph ceph osd dump", LOOKS),
            Map.entry("rook-ceph ceph mon stat", LOOKS), Map.entry("rook-ceph ceph mon dump", LOOKS),
            Map.entry("rook-ceph ceph pg stat", LOOKS), Map.entry("rook-ceph ceph pg dump", LOOKS),
            Map.entry("rook-ceph ceph fs ls", LOOKS), Map.entry("rook-ceph ceph fs status", LOOKS),
            Map.entry("rook-ceph ceph osd purge", new Action(Verb.DELETE, "osd", Scope.ONE, true, false,
                    "purges the OSD: its data is gone from the cluster")),
            Map.entry("rook-ceph ceph osd destroy", new Action(Verb.DELETE, "osd", Scope.ONE, true, false, "destroys the OSD")),
            Map.entry("rook-ceph ceph osd pool delete", new Action(Verb.DELETE, "pool", Scope.ONE, true, false,
                    "deletes the pool with its data")),
            Map.entry("rook-ceph rook status", LOOKS), Map.entry("rook-ceph rook version", LOOKS),
            Map.entry("rook-ceph health", LOOKS), Map.entry("rook-ceph rbd ls", LOOKS),
            Map.entry("rook-ceph rook purge-osd", new Action(Verb.DELETE, "osd", Scope.ONE, true, false,
                    "purges the OSD: its data is gone from the cluster")),
            Map.entry("rook-ceph maintenance", Action.update("deployment", "takes a ceph daemon into or out of maintenance")),
            Map.entry("rook-ceph restore-deleted", Action.update("cephcluster", "")),
            // Inspektor Gadget's: traces, tops, snapshots and profiles observe; deploying puts its daemonset on every node
            Map.entry("gadget trace", LOOKS), Map.entry("gadget top", LOOKS), Map.entry("gadget snapshot", LOOKS),
            Map.entry("gadget profile", LOOKS), Map.entry("gadget audit", LOOKS), Map.entry("gadget advise", LOOKS),
            Map.entry("gadget version", LOOKS),
            Map.entry("gadget deploy", Action.create("daemonset", "deploys the gadget daemonset on every node")),
            Map.entry("gadget undeploy", Action.delete("daemonset", "removes the gadget daemonset")));

    /** Plugin executables run on their own ({@code kubectl-argo-rollouts}, {@code kubectl-view_secret}): krew's names. */
    static Set<String> executables() {
        // a plugin of two words (argo rollouts) is one executable with a dash; a dash inside a word is an underscore
        return TABLE.keySet().stream().map(k -> k.startsWith("argo ") ? "argo-rollouts" : Regex.before(k, " ").replace('-', '_'))
                .map(p -> "kubectl-" + p).collect(Collectors.toUnmodifiableSet());
    }

    /** The words {@code kubectl-argo-rollouts} or {@code kubectl-view_secret} stands for after {@code kubectl}. */
    static List<String> words(String executable) {
        String rest = executable.substring("kubectl-".length());
        return rest.contains("-") ? List.of(rest.split("-")) : List.of(rest.replace('_', '-'));
    }

    /** The operations of a known plugin's subcommand; empty when {@code c.sub()} is no plugin this table knows. */
    static Optional<List<Operation>> recognize(KubectlCall c, Nested nested) {
        String sub = c.sub();
        if (sub.equals("cnpg") && c.word(0).equals("psql")) {
            return Optional.of(psql(c, nested));
        }
        for (int words = 3; words >= 0; words--) {
            StringBuilder key = new StringBuilder(sub);
            for (int i = 0; i < words; i++) {
                key.append(' ').append(c.word(i));
            }
            Action a = TABLE.get(key.toString());
            if (a != null) {
                return Optional.of(List.of(op(c, a, c.word(words))));
            }
        }
        if (TABLE.keySet().stream().anyMatch(k -> k.startsWith(sub + " "))) {
            return Optional.of(List.of(c.op(Verb.UNKNOWN, "", sub + " " + c.word(0)).confidence(Confidence.INFERRED)
                    .note("unrecognized " + sub + " subcommand '" + c.word(0) + "'").build()));
        }
        return Optional.empty();
    }

    private static Operation op(KubectlCall c, Action a, String name) {
        // a looking plugin's first word is often not an object (who-can VERB, tree KIND): it is not named
        boolean looks = a.verb() == Verb.READ;
        return c.op(a.verb(), a.type(), looks ? "" : name).scope(c.everything() ? Scope.ALL : a.scope())
                .stateful(a.stateful()).reversible(a.reversible())
                .note((c.sub() + " " + (looks ? "" : a.note())).strip()).build();
    }

    /**
     * {@code kubectl cnpg psql CLUSTER -- ARGS} is psql run in the cluster's primary pod: judged like
     * {@code kubectl exec POD -- psql ARGS}, so a query there is a read and a DELETE a change, where the pod is.
     */
    private static List<Operation> psql(KubectlCall c, Nested nested) {
        return KubectlCreate.inPod(c, c.word(1), nested, "psql");
    }
}
