package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.mesh.ServiceMeshes;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code linkerd uninstall | kubectl --context kind-mesh delete -f -}: the mesh CLI only renders the removal and the
 * stage that consumes it carries it out. When that consumer names its own cluster (a context or a kubeconfig), the
 * removal is judged there, as the consumer's own operation; the render is then only a look at the mesh. A consumer that
 * names none leaves the rendered removal standing, placed as the mesh CLI's own cluster is.
 */
final class RenderedRemovals {

    private RenderedRemovals() {
    }

    /** Indexes (from {@code before}) of a stage's operations that are removals only rendered to standard output. */
    static List<Integer> of(List<Operation> produced, int before) {
        return IntStream.range(0, produced.size())
                .filter(i -> !produced.get(i).resource().locator(ServiceMeshes.RENDERED_REMOVAL).isEmpty())
                .mapToObj(i -> before + i).toList();
    }

    /** The rendered removal once {@code consumer} (the next stage's operations) names the cluster it removes from. */
    static Optional<Operation> consumed(Operation rendered, List<Operation> consumer) {
        return consumer.stream().filter(op -> op.system().equals("kubernetes"))
                .map(op -> !op.resource().locator("context").isEmpty() ? "--context " + op.resource().locator("context")
                        : !op.resource().locator("kubeconfig").isEmpty() ? "--kubeconfig " + op.resource().locator("kubeconfig") : "")
                .filter(where -> !where.isEmpty()).findFirst()
                .map(where -> rendered.toBuilder().verb(Verb.READ).scope(Scope.ONE).stateful(false).reversible(true)
                        .note(rendered.resource().locator(ServiceMeshes.RENDERED_REMOVAL) + " only renders the removal; the "
                                + "next stage carries it out with " + where + " and is judged there").build());
    }
}
