package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.mesh.ServiceMeshes;
import dev.interlock.model.Operation;
import dev.interlock.model.Resource;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code linkerd uninstall | kubectl --context kind-mesh delete -f -}: the mesh CLI only renders the removal and the
 * stage that consumes it carries it out. When that consumer names its own cluster (a context or a kubeconfig), the
 * removal is judged there, on that cluster. A consumer that
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

    /**
     * The rendered removal once {@code consumer} (the next stage's operations) names the cluster it removes from: the
     * same removal, on that cluster.
     */
    static Optional<Operation> consumed(Operation rendered, List<Operation> consumer) {
        return consumer.stream().filter(op -> op.system().equals("kubernetes"))
                .filter(op -> !op.resource().locator("context").isEmpty() || !op.resource().locator("kubeconfig").isEmpty())
                .findFirst()
                .map(op -> {
                    java.util.Map<String, String> where = new java.util.HashMap<>(rendered.resource().locators());
                    for (String kind : List.of("context", "kubeconfig")) {
                        where.remove(kind);
                        if (!op.resource().locator(kind).isEmpty()) {
                            where.put(kind, op.resource().locator(kind));
                        }
                    }
                    Resource on = new Resource(rendered.resource().type(), rendered.resource().name(), where);
                    return rendered.toBuilder().system(op.system()).resource(on).note(rendered.resource().locator(ServiceMeshes.RENDERED_REMOVAL) + " renders the removal; the "
                            + "next stage carries it out on the cluster it names").build();
                });
    }
}
