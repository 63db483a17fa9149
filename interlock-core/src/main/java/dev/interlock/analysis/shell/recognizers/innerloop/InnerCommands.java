package dev.interlock.analysis.shell.recognizers.innerloop;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's own command, run in a workload's context: {@code mirrord exec} and {@code telepresence intercept … --}
 * run it on this machine with the workload's environment, network and traffic; {@code okteto exec} and
 * {@code devspace enter} run it inside the remote container. Either way what it does is analyzed, carrying the cluster's
 * locators (context, namespace, kubeconfig), so {@code mirrord exec --target deploy/api -- rm -rf /data} is judged
 * as the deletion it is, where it lands.
 */
final class InnerCommands {

    private InnerCommands() {
    }

    /** Command phrase → whether its command runs inside the remote container (else here, in the workload's context). */
    private static final Map<String, Boolean> ROUTES = Map.of("mirrord exec", false, "mirrord container", false,
            "telepresence intercept", false, "telepresence replace", false, "telepresence wiretap", false,
            "telepresence ingest", false, "okteto exec", true, "devspace enter", true);
    /** mirrord takes its program without {@code --} too ({@code mirrord exec -t deploy/api npm run dev}). */
    private static final Set<String> BARE = Set.of("mirrord exec");
    /** The workload operation's locators that name the cluster, handed on to the command. */
    private static final Set<String> CLUSTER = Set.of("context", "kubeconfig", "namespace", "environment", "server", "directory");

    /**
     * The workload operation, followed by the command's own; a command run inside the container that only reads
     * needs no entry of its own (as {@code kubectl exec POD -- cat …}).
     */
    static List<Operation> of(Invocation inv, Nested nested, String phrase, ParsedArgs p, Operation workload) {
        Boolean inside = ROUTES.get(phrase);
        List<Arg> command = inside == null ? List.of() : command(inv, p, phrase);
        if (command.isEmpty()) {
            return List.of(workload);
        }
        Map<String, String> where = new HashMap<>(inv.locators());
        workload.resource().locators().forEach((kind, value) -> {
            if (CLUSTER.contains(kind)) {
                where.put(kind, value);
            }
        });
        if (inside) {
            where.put("pod", workload.resource().name().isEmpty() ? "unknown" : workload.resource().name());
        }
        Invocation at = new Invocation(inv.program(), inv.args(), inv.env(), inv.workspace(), inv.evidence(),
                java.util.Optional.empty(), where);
        StringBuilder line = new StringBuilder();
        command.forEach(a -> line.append(a.shellText()).append(' '));
        List<Operation> ran = new ArrayList<>();
        for (Operation op : nested.shell(line.toString().strip(), at)) {
            ran.add(op.withEvidence(inv.evidence()));
        }
        List<Operation> ops = new ArrayList<>();
        if (!(inside && !ran.isEmpty() && ran.stream().allMatch(op -> op.verb() == Verb.READ))) {
            ops.add(workload);
        }
        ops.addAll(ran);
        return ops;
    }

    /** The words after {@code --}, or for mirrord the words from the first positional after its phrase. */
    private static List<Arg> command(Invocation inv, ParsedArgs p, String phrase) {
        if (!p.afterDoubleDash().isEmpty()) {
            return p.afterDoubleDash();
        }
        int length = phrase.split(" ").length;
        if (!BARE.contains(phrase) || p.positionals().size() <= length) {
            return List.of();
        }
        int start = inv.args().indexOf(p.positionals().get(length));
        return start < 0 ? List.of() : inv.args().subList(start, inv.args().size());
    }
}
