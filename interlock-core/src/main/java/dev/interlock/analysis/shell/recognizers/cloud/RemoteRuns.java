package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;

/**
 * Commands a cloud CLI runs on its machines ({@code aws ssm send-command}, {@code gcloud compute ssh --command},
 * {@code az vm run-command invoke}, {@code az ssh vm -- …}): once the command is analyzed, what it does there is the
 * decision, as for {@code ssh HOST 'cmd'} — a {@code df -h} on a prod VM is a read there. The operations take the
 * run's placement (project, profile, resource group) where their own says nothing, and never this machine's.
 */
final class RemoteRuns {

    private RemoteRuns() {
    }

    static List<Operation> placed(List<Operation> inner, Operation run) {
        return inner.stream().map(op -> {
            Operation.Builder b = op.toBuilder();
            run.resource().locators().forEach((k, v) -> {
                if (op.resource().locator(k).isEmpty() && !v.isEmpty()) {
                    b.locator(k, v);
                }
            });
            if (op.environment() == Tier.LOCAL) {
                b.environment(Tier.UNKNOWN, "");
            }
            return b.build();
        }).toList();
    }
}
