package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code cephadm}, the Ceph cluster's deployment tool. {@code cephadm shell -- CMD} runs CMD in a container with the
 * cluster's admin keyring: CMD decides ({@code ceph orch ps} only looks). {@code rm-cluster} and {@code zap-osds} wipe the
 * cluster and its disks.
 */
public final class CephAdm implements Recognizer {

    private static final Set<String> READS = Set.of("ls", "list-networks", "check-host", "version", "logs", "inspect-image",
            "gather-facts", "host-maintenance-check", "list-images", "help", "");
    private static final Set<String> REMOVES = Set.of("rm-cluster", "rm-daemon", "zap-osds", "rm-repo");

    @Override
    public Set<String> programs() {
        return Set.of("cephadm");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        String sub = inv.words().stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        int dashes = inv.words().indexOf("--");
        if (sub.equals("shell") && dashes >= 0 && dashes + 1 < args.size()) {
            String inner = String.join(" ", args.subList(dashes + 1, args.size()).stream().map(Arg::shellText).toList());
            return nested.shell(inner, inv).stream().map(op -> op.withEvidence(inv.evidence())).toList();
        }
        Operation.Builder b = Operation.builder("ceph", READS.contains(sub) ? Verb.READ
                        : REMOVES.contains(sub) ? Verb.DELETE : sub.equals("shell") ? Verb.EXECUTE : Verb.UPDATE)
                .resource("cluster", inv.parse(Set.of("--fsid", "--name", "-n")).value("--fsid").orElse(""))
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (REMOVES.contains(sub)) {
            b.scope(sub.equals("rm-cluster") ? Scope.ALL : Scope.ONE).stateful(true).reversible(false)
                    .note("cephadm " + sub + " removes the cluster's daemons and data");
        } else if (sub.equals("shell")) {
            b.note("cephadm shell opens a shell with the cluster's admin keyring");
        }
        return List.of(b.build());
    }
}
