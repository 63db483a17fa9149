package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' tools of distributed SQL and wide-column databases. YugabyteDB's {@code yb-admin} ({@code list_…},
 * {@code get_…} read; {@code delete_…} delete) acts where {@code -master_addresses} points. TiDB's {@code tiup}:
 * {@code cluster|dm display|list|audit|check} read, {@code destroy|clean|scale-in|prune} delete and the rest change the
 * cluster they name; {@code playground} starts a throwaway cluster on this machine; {@code ctl:V pd|tikv …} reads
 * unless a word changes something, placed by its {@code -u} URL. {@code ccm} (Cassandra Cluster Manager) only builds
 * clusters of nodes on this machine's loopback addresses. FoundationDB's {@code fdbcli --exec}: {@code status},
 * {@code get}, {@code getrange} read, {@code clear}/{@code clearrange} delete, placed by the {@code -C} cluster file.
 * CockroachDB's {@code cockroach node}: {@code status} and {@code ls} read ({@code status --decommission} only adds
 * columns), {@code decommission}, {@code drain} and {@code recommission} change the cluster its URL or host names.
 */
public final class DistributedDatabaseTools implements Recognizer {

    private static final Action CLUSTER_CHANGE = Action.update("cluster", "");
    private static final Action CLUSTER_TEARDOWN = new Action(Verb.DELETE, "cluster", Scope.ALL, true, false,
            "removes the cluster's nodes and data");

    private static final Map<String, Action> TIUP_CLUSTER = Map.ofEntries(
            Map.entry("display", Action.read("cluster")), Map.entry("list", Action.read("cluster")),
            Map.entry("audit", Action.read("cluster")), Map.entry("check", Action.read("cluster")),
            Map.entry("show-config", Action.read("cluster")), Map.entry("meta", Action.read("cluster")),
            Map.entry("destroy", CLUSTER_TEARDOWN), Map.entry("clean", CLUSTER_TEARDOWN),
            Map.entry("prune", Action.delete("node", "removes the data of nodes already taken offline")),
            Map.entry("scale-in", Action.delete("node", "takes nodes out of the cluster")));

    /** Words of {@code tiup ctl}, {@code yb-admin} and {@code fdbcli} commands that change state. */
    private static final Set<String> CHANGES = Set.of("delete", "remove", "set", "add", "create", "drop", "clear",
            "clearrange", "writemode", "configure", "exclude", "kill", "coordinators", "unsafe", "operator",
            "scatter", "split", "merge", "compact", "include", "suspend", "tenant", "setclass", "lock", "unlock");

    private static final Map<String, Action> COCKROACH_NODE = Map.of(
            "status", Action.read("node"), "ls", Action.read("node"),
            "decommission", Action.update("node", "moves the node's replicas away and removes it from the cluster for good"),
            "recommission", Action.update("node", "puts a decommissioning node back in the cluster"),
            "drain", Action.update("node", "stops the node serving clients and holding leases"));
    private static final Set<String> COCKROACH_VALUED = Set.of("--url", "--host", "--port", "-p", "--certs-dir",
            "--format", "--user", "-u", "--cluster-name", "--drain-wait", "--wait", "--timeout");

    @Override
    public Set<String> programs() {
        return Set.of("yb-admin", "tiup", "ccm", "fdbcli");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return switch (inv.program()) {
            case "yb-admin" -> ybAdmin(inv);
            case "tiup" -> tiup(inv);
            case "ccm" -> ccm(inv);
            default -> fdbcli(inv);
        };
    }

    /** {@code cockroach node COMMAND [IDS]}: placed by {@code --url}/{@code --host} or COCKROACH_URL/COCKROACH_HOST. */
    static List<Operation> cockroachNode(Invocation inv) {
        ParsedArgs p = inv.parse(COCKROACH_VALUED);
        String command = p.positional(1).orElse("");
        Action action = Optional.ofNullable(COCKROACH_NODE.get(command))
                .orElse(Action.update("node", "cockroach node " + command + " changes the cluster"));
        String nodes = String.join(",", p.positionals().stream().skip(2).map(a -> a.value()).toList());
        DatabaseTarget target = DatabaseTarget.NONE;
        for (Optional<String> named : List.of(p.value("--url"), p.value("--host"),
                Optional.ofNullable(inv.env().get("COCKROACH_URL")), Optional.ofNullable(inv.env().get("COCKROACH_HOST")))) {
            target = DatabaseOps.flag(target, named.map(v -> DatabaseTarget.looksLikeUrl(v) ? v : SqlShells.hostName(v)),
                    true, inv);
        }
        Operation op = action.on(DatabaseOps.SYSTEM, nodes, inv, "cockroach node " + command).build();
        return DatabaseOps.locate(List.of(op), target, inv);
    }

    private static List<Operation> ybAdmin(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-master_addresses", "--master_addresses", "-certs_dir_name", "--certs_dir_name",
                "-timeout_ms", "--timeout_ms", "-init_master_addrs", "--init_master_addrs"));
        String command = p.positional(0).orElse("");
        Action action = command.startsWith("list_") || command.startsWith("get_") || command.startsWith("is_")
                ? Action.read("cluster")
                : command.startsWith("delete_") ? Action.delete(command.substring("delete_".length()), "")
                : Action.update("cluster", "yb-admin " + command + " changes the cluster");
        String table = String.join(".", p.positionals().stream().skip(1).map(a -> a.value()).toList());
        String masters = p.value("-master_addresses", "--master_addresses").orElse("");
        String host = Regex.before(Regex.before(masters, ","), ":");
        Operation op = action.on(DatabaseOps.SYSTEM, table, inv, "yb-admin " + command).build();
        return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.withHost(host), inv);
    }

    private static List<Operation> tiup(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--format", "-u", "--pd", "--host", "--tag", "-T", "--db", "--kv",
                "--tiflash", "--ticdc", "-N", "--node", "-R", "--role", "--user", "-i", "--identity_file"));
        String component = p.positional(0).orElse("");
        if (component.equals("playground")) {
            Operation op = Action.create("cluster", "starts a throwaway TiDB cluster on this machine")
                    .on(DatabaseOps.SYSTEM, "playground", inv).build();
            return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.withHost("localhost"), inv);
        }
        if (component.equals("cluster") || component.equals("dm")) {
            String command = p.positional(1).orElse("");
            String name = p.positional(2).orElse("");
            Action action = Optional.ofNullable(TIUP_CLUSTER.get(command)).orElse(CLUSTER_CHANGE);
            Operation.Builder op = action.on(DatabaseOps.SYSTEM, name, inv, "tiup " + component + " " + command);
            if (!name.isEmpty()) {
                op.locator("cluster", name);
            }
            return List.of(op.build());
        }
        if (component.startsWith("ctl")) {
            boolean changes = p.positionals().stream().skip(2).anyMatch(a -> CHANGES.contains(a.value()));
            Action action = changes ? CLUSTER_CHANGE : Action.read("cluster");
            String url = p.value("-u", "--pd", "--host").orElse("");
            Operation op = action.on(DatabaseOps.SYSTEM, "", inv, "tiup " + component + " " + p.positional(1).orElse("")).build();
            return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.or(url.contains("://")
                    ? DatabaseTarget.fromUrl(url) : DatabaseTarget.NONE.withHost(Regex.before(url, ":"))), inv);
        }
        return List.of(DatabaseOps.op(inv, Verb.UNKNOWN, "program", "tiup " + component).confidence(Confidence.INFERRED)
                .note("runs the tiup component " + component).build());
    }

    private static List<Operation> ccm(Invocation inv) {
        List<String> words = inv.words();
        String first = words.isEmpty() ? "" : words.getFirst();
        boolean reads = Set.of("list", "status", "show", "liveset", "switch").contains(first)
                || words.contains("status") || words.contains("ring") || words.contains("showlog");
        Action action = reads ? Action.read("cluster")
                : first.equals("remove") ? CLUSTER_TEARDOWN
                : first.equals("create") ? Action.create("cluster", "")
                : CLUSTER_CHANGE;
        // ccm's nodes listen on 127.0.0.x: every cluster it manages lives on this machine
        Operation op = action.on(DatabaseOps.SYSTEM, words.size() > 1 ? words.get(1) : "", inv, "ccm " + first).build();
        return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.withHost("localhost"), inv);
    }

    private static List<Operation> fdbcli(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-C", "--cluster-file", "--exec", "--timeout", "--log-dir", "--trace-format",
                "--tls-certificate-file", "--tls-key-file", "--tls-ca-file", "--knob"));
        Optional<String> exec = p.value("--exec");
        String file = p.value("-C", "--cluster-file").orElse("");
        Action action;
        if (exec.isEmpty()) {
            return List.of(DatabaseOps.session(inv, file));
        }
        List<String> commands = List.of(exec.get().trim().split("\\s*;\\s*"));
        boolean deletes = commands.stream().anyMatch(c -> c.startsWith("clear"));
        boolean changes = commands.stream().anyMatch(c -> CHANGES.contains(Regex.before(c, " ")));
        action = deletes ? Action.delete("key", "clears keys")
                : changes ? CLUSTER_CHANGE : Action.read("cluster");
        Operation.Builder op = action.on(DatabaseOps.SYSTEM, "", inv, "fdbcli " + exec.get());
        if (!file.isEmpty()) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            op.locator("cluster", name.endsWith(".cluster") ? name.substring(0, name.length() - 8) : name);
        }
        return List.of(op.build());
    }
}
