package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Proxmox VE servers ({@code proxmox_stop_vm}, {@code rollback_snapshot_vm}, {@code create_container}): each call is
 * the {@code qm} or {@code pct} command it stands for on the node the call names, judged by the shell analysis, so
 * stopping or rolling back a guest changes it and listing guests reads. Tools that only look fall to their names.
 */
final class ProxmoxTools {

    private ProxmoxTools() {
    }

    private static final Pattern PROXMOX = Pattern.compile("(?i)proxmox|\\bpve");

    /** The tool's action word → the guest command; the snapshot forms where they differ. */
    private static final Map<String, String> GUEST = Map.ofEntries(Map.entry("start", "start"), Map.entry("stop", "stop"),
            Map.entry("shutdown", "shutdown"), Map.entry("reboot", "reboot"), Map.entry("restart", "reboot"),
            Map.entry("reset", "reset"), Map.entry("suspend", "suspend"), Map.entry("resume", "resume"),
            Map.entry("create", "create"), Map.entry("clone", "clone"), Map.entry("migrate", "migrate"),
            Map.entry("delete", "destroy"), Map.entry("destroy", "destroy"), Map.entry("remove", "destroy"),
            Map.entry("update", "set"), Map.entry("configure", "set"), Map.entry("resize", "resize"),
            Map.entry("execute", "exec"), Map.entry("exec", "exec"), Map.entry("run", "exec"));
    private static final Map<String, String> SNAPSHOT = Map.of("create", "snapshot", "delete", "delsnapshot",
            "remove", "delsnapshot", "rollback", "rollback", "restore", "rollback", "revert", "rollback");
    private static final Map<String, String> PROGRAMS = Map.of("vm", "qm", "qemu", "qm", "container", "pct", "lxc", "pct", "ct", "pct");

    private static Function<McpCall, List<Operation>> guest(String program, String command) {
        return c -> {
            List<String> argv = new ArrayList<>(List.of(program));
            argv.addAll(command.equals("exec") && program.equals("qm") ? List.of("guest", "exec") : List.of(command));
            argv.add(c.text("vmid", "vm_id", "ctid", "container_id", "id", "name"));
            argv.add(c.text(command.contains("snapshot") || command.equals("rollback") ? "snapname" : "target", "snapshot", "snapshot_name"));
            if (command.equals("exec")) {
                argv.add("--");
                argv.add(c.text("command", "cmd"));
            }
            String node = c.text("node", "node_name");
            return c.analyses().shell(Shell.join(argv)).stream()
                    .map(o -> node.isEmpty() ? o : o.toBuilder().locator("host", node).build()).toList();
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        PROGRAMS.forEach((object, program) -> {
            GUEST.forEach((action, command) -> {
                tools.put(action + "_" + object, guest(program, command));
                tools.put(action + "_" + object + "_command", guest(program, command));
            });
            SNAPSHOT.forEach((action, command) -> {
                tools.put(action + "_snapshot_" + object, guest(program, command));
                tools.put(action + "_" + object + "_snapshot", guest(program, command));
            });
        });
        SNAPSHOT.forEach((action, command) -> tools.put(action + "_snapshot", guest("qm", command)));
        return Map.copyOf(tools);
    }

    static final ToolFamily FAMILY = new ToolFamily("proxmox", c -> PROXMOX.matcher(c.server()).find(), tools());
}
