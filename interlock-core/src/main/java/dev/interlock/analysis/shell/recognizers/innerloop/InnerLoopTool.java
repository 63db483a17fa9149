package dev.interlock.analysis.shell.recognizers.innerloop;

import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one inner-loop CLI reads: its command phrases, and the flags and variables that name the cluster it acts on.
 *
 * @param system       the operations' system: {@code kubernetes}, or {@code helm} for helmfile's releases
 * @param type         what a cluster command acts on (the tool's deployed resources)
 * @param commands     command phrase (up to three words) → what it does
 * @param valued       flags that take a value, so their values are not read as subcommands
 * @param contexts     flags naming the kube context (or, for okteto, its context URL)
 * @param namespaces   flags naming the namespace
 * @param environments flags naming a deployment environment or profile ({@code helmfile -e prod}, {@code skaffold -p prod})
 * @param variables    environment variables that do the same, by locator ({@code SKAFFOLD_KUBE_CONTEXT} → context)
 */
record InnerLoopTool(String system, String type, Map<String, Row> commands, Set<String> valued, List<String> contexts,
                     List<String> namespaces, List<String> environments, Map<String, String> variables) {

    /** Where a command's effect lands: in the cluster, or only on this machine (files, images, the CLI's session). */
    enum Where { CLUSTER, MACHINE }

    /** What one command phrase does; {@code note} says it in words for the explanation. */
    record Row(Verb verb, Where where, Scope scope, String note) {
    }

    static Row cluster(Verb verb, String note) {
        return new Row(verb, Where.CLUSTER, Scope.ONE, note);
    }

    static Row clusterWide(Verb verb, String note) {
        return new Row(verb, Where.CLUSTER, Scope.ALL, note);
    }

    static Row many(Verb verb, String note) {
        return new Row(verb, Where.CLUSTER, Scope.MANY, note);
    }

    static Row machine(Verb verb, String note) {
        return new Row(verb, Where.MACHINE, Scope.ONE, note);
    }

    /** Several phrases that do the same thing. */
    static Map<String, Row> same(Row row, String... phrases) {
        Map<String, Row> out = new HashMap<>();
        for (String phrase : phrases) {
            out.put(phrase, row);
        }
        return out;
    }

    @SafeVarargs
    static Map<String, Row> table(Map<String, Row>... parts) {
        Map<String, Row> out = new HashMap<>();
        for (Map<String, Row> part : parts) {
            out.putAll(part);
        }
        return Map.copyOf(out);
    }
}
