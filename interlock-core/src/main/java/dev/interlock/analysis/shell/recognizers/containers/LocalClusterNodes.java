package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import java.util.Optional;

/**
 * The node containers of the local clusters that run in this machine's docker ({@code kind}, {@code k3d},
 * {@code minikube}'s docker driver): a command run in one through {@code docker exec} works on that cluster, so its
 * runtime CLI's pods and containers are the cluster's, placed by the cluster's kube context ({@code kind-dev},
 * {@code k3d-dev}, {@code minikube}) as kubectl's would be. A container of another daemon (over ssh) is not.
 */
final class LocalClusterNodes {

    private LocalClusterNodes() {
    }

    /** The kube context of the local cluster whose node container {@code inv} runs in, if any. */
    static Optional<String> context(Invocation inv) {
        String container = inv.locators().getOrDefault("container", "");
        String host = inv.locators().getOrDefault("host", "");
        if (container.isEmpty() || !host.isEmpty() && !Hosts.loopback(host)) {
            return Optional.empty();
        }
        if (container.startsWith("k3d-")) {
            // k3d-CLUSTER-server-0, k3d-CLUSTER-agent-1
            String cluster = Regex.replaceFirst(container.substring(4), "-(server|agent)-\\d+$", "");
            return cluster.length() < container.length() - 4 && !cluster.isEmpty() ? Optional.of("k3d-" + cluster) : Optional.empty();
        }
        if (Regex.matches(container, "minikube(-m\\d+)?")) {
            return Optional.of("minikube");
        }
        // kind's nodes are CLUSTER-control-plane, CLUSTER-control-plane2, CLUSTER-worker3; its context is kind-CLUSTER.
        // Only a cluster named for kind is known by its name alone.
        String cluster = Regex.replaceFirst(container, "-(control-plane|worker)\\d*$", "");
        boolean kind = cluster.equals("kind") || cluster.startsWith("kind-");
        return kind && cluster.length() < container.length() ? Optional.of("kind-" + cluster) : Optional.empty();
    }
}
