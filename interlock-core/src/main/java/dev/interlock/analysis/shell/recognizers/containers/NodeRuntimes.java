package dev.interlock.analysis.shell.recognizers.containers;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container runtimes' own CLIs on a Kubernetes node: {@code crictl} (the CRI client) and containerd's {@code ctr}.
 * Listings, inspections, logs and stats only read, whatever the node; removing, stopping or killing what the kubelet
 * runs, or running code in it, changes the node. Containers, pods and images come back (the kubelet recreates them, a
 * pull restores an image), so removal is not data loss; where the node is comes from the {@code ssh} host or the
 * inventory, not from the tool: a node is never this machine's disposable sandbox. A node container of a local cluster
 * ({@code docker exec kind-dev-control-plane crictl rmp -a}) is that cluster's ({@link LocalClusterNodes}).
 */
public final class NodeRuntimes implements Recognizer {

    private static final CommandTable CRICTL = CommandTable.builder()
            .add("", "ps pods images img inspect inspectp inspecti logs stats statsp info version imagefsinfo metricsp "
                    + "completion help events config", read("container"))
            // a pull copies an image into the node's store: nothing that runs changes
            .add("", "pull", read("image"))
            .add("", "rm", regenerable("container"))
            .add("", "rmp", regenerable("pod"))
            .add("", "rmi", regenerable("image"))
            .add("", "stop start update checkpoint", update("container"))
            .add("", "stopp", update("pod"))
            .add("", "create run", create("container"))
            .add("", "runp", create("pod"))
            .add("", "exec attach port-forward", execute("container"))
            .build();

    private static final CommandTable CTR = CommandTable.builder()
            .add("", "version info events", read("runtime"))
            .add("containers", "list ls info", read("container"))
            .add("containers", "create", create("container"))
            .add("containers", "delete del rm remove", regenerable("container"))
            .add("containers", "label checkpoint restore", update("container"))
            .add("images", "list ls check export pull usage", read("image"))
            .add("images", "import tag label convert mount unmount", update("image"))
            .add("images", "delete del rm remove", regenerable("image"))
            .add("tasks", "list ls ps metrics", read("task"))
            .add("tasks", "kill pause resume delete del rm remove checkpoint", update("task"))
            .add("tasks", "start exec attach", execute("task"))
            .add("", "run", execute("container"))
            .add("snapshots", "list ls info tree usage", read("snapshot"))
            .add("snapshots", "prepare commit view mount unmount label", update("snapshot"))
            .add("snapshots", "delete del rm remove", regenerable("snapshot"))
            .add("namespaces", "list ls", read("namespace"))
            .add("namespaces", "create label", update("namespace"))
            .add("namespaces", "delete del rm remove", regenerable("namespace"))
            .add("content", "list ls get active", read("content"))
            .add("content", "fetch fetch-object ingest push-object label edit", update("content"))
            .add("content", "delete del rm remove prune", regenerable("content"))
            .add("leases", "list ls", read("lease"))
            .add("leases", "create delete del rm remove", update("lease"))
            .add("plugins", "list ls", read("plugin"))
            .add("sandboxes", "list ls", read("pod"))
            .add("sandboxes", "run", create("pod"))
            .add("sandboxes", "delete del rm remove", regenerable("pod"))
            .add("", "install", update("runtime"))
            .build();

    /** ctr's short and singular names for its objects. */
    private static final Map<String, String> CTR_OBJECTS = Map.ofEntries(Map.entry("c", "containers"),
            Map.entry("container", "containers"), Map.entry("i", "images"), Map.entry("image", "images"),
            Map.entry("t", "tasks"), Map.entry("task", "tasks"), Map.entry("s", "snapshots"),
            Map.entry("snapshot", "snapshots"), Map.entry("ns", "namespaces"), Map.entry("namespace", "namespaces"),
            Map.entry("plugin", "plugins"), Map.entry("lease", "leases"), Map.entry("sandbox", "sandboxes"),
            Map.entry("sb", "sandboxes"));

    private static final Set<String> VALUED = Set.of("-n", "--namespace", "-a", "--address", "-r", "--runtime-endpoint",
            "-i", "--image-endpoint", "-t", "--timeout", "-c", "--config", "--connect-timeout", "--state", "--name",
            "--label", "--pod", "--image", "-o", "--output", "--tail", "--since", "-s", "--signal", "--snapshotter",
            "--platform", "--user", "--id", "--filter", "--exec-id", "--cwd", "--env", "--creds", "--hosts-dir");

    @Override
    public Set<String> programs() {
        return Set.of("crictl", "ctr");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h")) {
            return List.of();
        }
        boolean ctr = inv.program().equals("ctr");
        List<String> command = ctr ? ctrCommand(words) : words;
        CommandTable.Found found = (ctr ? CTR : CRICTL).findOrGuess(command, ctr ? 2 : 1, "container");
        String name = found.name(command);
        if (ctr && found.command().equals("images push")) {
            return List.of(Daemon.of(inv, "", "").registry(Verb.UPDATE, name).build());
        }
        Act act = found.act();
        if (act.verb() != Verb.READ && p.has("-a", "--all", "--prune")) {
            act = p.has("--prune") ? act.many() : act.all();
        }
        if (!ctr && found.command().equals("config") && p.has("--set")) {
            act = update("config");
        }
        Operation.Builder op = act.operation(inv, inv.program(), act.scope() == Scope.ONE ? name : "");
        return List.of(LocalClusterNodes.context(inv).map(context -> op.system("kubernetes").locator("context", context)
                .note("acts on the pods of the local cluster " + context + " inside its node container")).orElse(op).build());
    }

    /** {@code ctr i ls} → {@code images ls}. */
    private static List<String> ctrCommand(List<String> words) {
        String object = CTR_OBJECTS.getOrDefault(words.getFirst(), words.getFirst());
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(object), words.stream().skip(1)).toList();
    }

    /** Removal of what the kubelet or a pull brings back: a change to the node, but no data is lost. */
    private static Act regenerable(String type) {
        return new Act(Verb.DELETE, type, false, false, Scope.ONE, "");
    }
}
