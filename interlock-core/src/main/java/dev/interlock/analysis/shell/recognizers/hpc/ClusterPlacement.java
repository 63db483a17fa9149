package dev.interlock.analysis.shell.recognizers.hpc;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import java.util.Optional;

/**
 * Where a scheduler command acts. The cluster, server or schedd it names becomes the {@code cluster} locator, never
 * {@code host}: run through {@code ssh}, the login node's name stays beside it and the stricter of the two decides.
 * Failing a name, a deployment word in the path of the scheduler's configuration ({@code SLURM_CONF},
 * {@code LSF_ENVDIR}, …) says which installation the command talks to.
 */
final class ClusterPlacement {

    private ClusterPlacement() {
    }

    static Operation.Builder place(Invocation inv, Operation.Builder b, Optional<String> cluster, String configVariable) {
        cluster.filter(c -> !c.isBlank()).ifPresent(c -> b.locator("cluster", c));
        for (String part : inv.env().getOrDefault(configVariable, "").split("[/._-]")) {
            if (!part.isEmpty() && DeploymentWords.named(part)) {
                b.locator("environment", part);
                break;
            }
        }
        return b;
    }
}
