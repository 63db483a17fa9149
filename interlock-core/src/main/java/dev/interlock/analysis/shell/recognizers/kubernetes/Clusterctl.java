package dev.interlock.analysis.shell.recognizers.kubernetes;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code clusterctl}, Cluster API's CLI, run against a management cluster: {@code describe}, {@code generate} and
 * {@code upgrade plan} only read; {@code get kubeconfig} prints a workload cluster's admin kubeconfig (a credential);
 * {@code init}, {@code upgrade apply} and {@code move} change the management cluster; {@code delete} removes providers
 * (with {@code --include-crd}, every cluster object they manage). The management cluster is the one named by
 * {@code --kubeconfig-context}, placed by the inventory like a kubectl context.
 */
public final class Clusterctl implements Recognizer {

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "version completion help describe generate config", read("cluster"))
            .add("", "init", update("management-cluster").note("installs Cluster API providers into the management cluster"))
            .add("", "delete", delete("provider").note("removes providers from the management cluster"))
            .add("", "move", new CommandTable.Act(Verb.UPDATE, "cluster", false, true, Scope.ALL,
                    "moves every Cluster API object, and the clusters they own, to another management cluster"))
            .add("upgrade", "plan", read("provider"))
            .add("upgrade", "apply", update("provider").note("upgrades the management cluster's providers"))
            .add("get", "providers", read("provider"))
            .add("get", "kubeconfig", credential("kubeconfig").note("prints the workload cluster's admin kubeconfig"))
            .add("alpha", "rollout", update("cluster"))
            .add("alpha", "topology", read("cluster"))
            .build();

    private static final Set<String> VALUED = Set.of("--kubeconfig", "--kubeconfig-context", "-n", "--namespace",
            "--config", "-v", "--v", "--to-kubeconfig", "--to-kubeconfig-context", "--infrastructure", "--core",
            "--bootstrap", "--control-plane", "--ipam", "--runtime-extension", "--addon", "--target-namespace",
            "--kubernetes-version", "--flavor", "--from", "--control-plane-machine-count", "--worker-machine-count",
            "--show-conditions", "--grouping", "--echo", "--disable-grouping", "--contract", "-o", "--output");

    @Override
    public Set<String> programs() {
        return Set.of("clusterctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        if (p.has("--help", "-h")) {
            return List.of();
        }
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "cluster");
        CommandTable.Act act = p.has("--dry-run") ? read(found.act().type()) : found.act();
        String name = found.name(words);
        if (!words.isEmpty() && words.getFirst().equals("delete") && (p.has("--all") || p.has("--include-crd"))) {
            act = new CommandTable.Act(act.verb(), act.type(), act.here(), true, Scope.ALL,
                    p.has("--include-crd") ? "removes every provider and its CRDs: every cluster object they manage goes with them"
                            : "removes every provider from the management cluster");
        }
        String context = p.value("--kubeconfig-context").orElse("");
        return List.of(act.placed(inv, "kubernetes", name, Map.of("context", context), Tier.UNKNOWN, ""));
    }
}
