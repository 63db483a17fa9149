package dev.interlock.analysis.shell.recognizers.kubernetes;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * {@code kubeadm}, run on a cluster's nodes: plans, expiry checks, listings and printed configuration only read;
 * {@code token create} and {@code kubeconfig user} mint credentials that let a machine join or a user act on the
 * cluster (and {@code token list} prints the live ones); {@code upgrade apply}, {@code certs renew}, {@code init} and
 * {@code join} change the cluster; {@code reset} wipes the node, with the etcd member a control plane holds. The
 * node is where {@code ssh} ran it, placed by the inventory.
 */
public final class Kubeadm implements Recognizer {

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "version completion help", read("cluster"))
            .add("", "init", create("cluster").note("creates a control plane on this node"))
            .add("init", "phase", update("cluster"))
            .add("", "join", update("node").note("joins the node to the cluster"))
            .add("join", "phase", update("node"))
            .add("", "reset", delete("node").note("wipes the node's cluster state, its etcd member included"))
            .add("reset", "phase", delete("node"))
            .add("upgrade", "plan diff", read("cluster"))
            .add("upgrade", "apply node", update("cluster").note("upgrades the cluster's control plane or the node"))
            .add("token", "create", credential("bootstrap-token").note("mints a bootstrap token: any machine holding it can join the cluster"))
            .add("token", "list", credential("bootstrap-token").note("prints the cluster's live bootstrap tokens"))
            .add("token", "delete", update("bootstrap-token").note("revokes a bootstrap token"))
            // a random value printed, registered nowhere
            .add("token", "generate", read("bootstrap-token"))
            .add("certs", "check-expiration certificate-key", read("certificate"))
            .add("certs", "renew", update("certificate").note("replaces the cluster's certificates; components must restart"))
            .add("certs", "generate-csr", update("certificate"))
            .add("kubeconfig", "user", credential("kubeconfig").note("mints a client certificate signed by the cluster's CA"))
            .add("config", "print view validate migrate", read("config"))
            .add("config", "images", read("image"))
            .add("config", "upload", update("config"))
            .build();

    private static final Set<String> VALUED = Set.of("--config", "--kubeconfig", "--cert-dir", "--ttl", "--groups",
            "--usages", "--description", "-o", "--output", "--token", "--discovery-token", "--apiserver-advertise-address",
            "--control-plane-endpoint", "--pod-network-cidr", "--service-cidr", "--kubernetes-version", "--cri-socket",
            "--node-name", "--ignore-preflight-errors", "--skip-phases", "--certificate-key", "--client-name", "--org",
            "--validity-period", "--discovery-token-ca-cert-hash", "--patches", "--feature-gates", "--rootfs", "-v", "--v");

    @Override
    public Set<String> programs() {
        return Set.of("kubeadm");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        if (p.has("--help", "-h")) {
            return List.of();
        }
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "cluster");
        // init, join, reset, upgrade and renew all take --dry-run: they print what they would do
        CommandTable.Act act = p.has("--dry-run") ? read(found.act().type()) : found.act();
        String name = found.name(words);
        return List.of(act.operation(inv, "kubeadm", name).build());
    }
}
