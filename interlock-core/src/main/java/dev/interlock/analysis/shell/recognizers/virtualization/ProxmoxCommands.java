package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proxmox VE's CLIs on a cluster node: {@code qm} (VMs), {@code pct} (containers), {@code pvesh} (the REST API by
 * path), {@code pvecm} (the cluster) and {@code pvesm} (storage). The node is a hypervisor: where it stands comes from
 * the ssh host, the node named in an API path, or the request's context, never from the agent's machine.
 */
final class ProxmoxCommands {

    private ProxmoxCommands() {
    }

    private static final CommandTable GUESTS = CommandTable.builder()
            .add("", "list config status pending showcmd listsnapshot help wait cpusets df", read("vm"))
            .add("cloudinit", "dump pending", read("vm"))
            .add("guest", "cmd exec-status", read("vm"))
            .add("agent", "ping info get-fsinfo get-host-name get-osinfo get-time get-timezone get-users get-vcpus get-memory-blocks network-get-interfaces", read("vm"))
            .add("guest", "exec", execute("vm"))
            .add("", "exec enter console terminal monitor vncproxy mtunnel", execute("vm"))
            .add("guest", "passwd", grant("vm").note("sets a password inside the guest"))
            .add("", "create clone template importovf restore snapshot", create("vm"))
            .add("", "set start resume unlock rescan resize move-disk move_disk move-volume importdisk migrate remote-migrate sendkey"
                    + " mount unmount push fstrim fsck nbdstop cleanup", update("vm"))
            .add("disk", "import move resize rescan", update("vm"))
            .add("cloudinit", "update", update("vm"))
            .add("", "stop shutdown reboot reset suspend", update("vm").note("stops or restarts the guest: what runs on it is interrupted"))
            .add("", "rollback", replace("vm").note("returns the guest to a snapshot: everything written since is lost"))
            .add("", "destroy", delete("vm").note("deletes the guest and its disks"))
            .add("", "delsnapshot unlink", delete("vm"))
            .add("disk", "unlink", delete("vm"))
            .build();

    private static final CommandTable CLUSTER = CommandTable.builder()
            .add("", "status nodes help", read("cluster"))
            .add("qdevice", "status", read("cluster"))
            .add("", "add addnode create expected keygen updatecerts mtunnel", update("cluster"))
            .add("qdevice", "setup", update("cluster"))
            .add("", "delnode", delete("cluster-node").note("removes a node from the cluster"))
            .add("qdevice", "remove", delete("cluster"))
            .build();

    private static final CommandTable STORAGE = CommandTable.builder()
            .add("", "status list path scan nfsscan cifsscan glusterfsscan iscsiscan lvmscan lvmthinscan zfsscan help export", read("storage"))
            .add("", "add set alloc import", update("storage"))
            .add("", "remove free prune-backups", delete("storage"))
            .build();

    private static final Set<String> QM_VALUED = Set.of("--timeout", "--storage", "--target", "--name", "--node");

    static Run qm(Invocation inv) {
        return guest(inv, "vm");
    }

    static Run pct(Invocation inv) {
        return guest(inv, "container");
    }

    /** {@code qm stop 104}, {@code pct exec 120 -- …}: the command, then the guest's id. */
    private static Run guest(Invocation inv, String type) {
        List<String> words = inv.parse(QM_VALUED).positionals().stream().map(Arg::value).toList();
        CommandTable.Found found = GUESTS.findOrGuess(words, 1, type);
        return new Run(found.act().on(type), found.command(), VirtualizationRecognizer.operand(words, found.words()), Map.of(), false);
    }

    static Run pvecm(Invocation inv) {
        return table(inv, CLUSTER, "cluster");
    }

    static Run pvesm(Invocation inv) {
        return table(inv, STORAGE, "storage");
    }

    private static Run table(Invocation inv, CommandTable table, String type) {
        List<String> words = inv.parse(Set.of()).positionals().stream().map(Arg::value).toList();
        CommandTable.Found found = table.findOrGuess(words, 1, type);
        return new Run(found.act(), found.command(), VirtualizationRecognizer.operand(words, found.words()), Map.of(), false);
    }

    /**
     * {@code pvesh get|ls|usage PATH} reads; {@code create}, {@code set} and {@code delete} change what the path names:
     * {@code pvesh create /nodes/N/qemu/104/status/reboot} reboots a VM. Access lists and users are grants; tickets
     * and API tokens are secrets.
     */
    static Run pvesh(Invocation inv) {
        List<String> words = inv.parse(Set.of("--output-format", "--noproxy")).positionals().stream().map(Arg::value).toList();
        String method = VirtualizationRecognizer.operand(words, 0);
        String path = VirtualizationRecognizer.operand(words, 1);
        String type = Regex.matches(path, ".*/(qemu|lxc)/\\d+.*") ? "vm" : "api-path";
        Map<String, String> locators = new HashMap<>();
        java.util.regex.Matcher node = java.util.regex.Pattern.compile("/nodes/([^/]+)").matcher(path);
        if (node.find()) {
            locators.put("host", node.group(1));
        }
        CommandTable.Act act = switch (method) {
            case "get", "ls", "usage", "help", "" -> path.contains("/access/ticket") ? credential(type) : read(type);
            case "delete" -> delete(type);
            default -> path.startsWith("/access/acl") || path.contains("/access/users") || path.contains("/access/groups")
                    || path.contains("/access/roles") ? path.contains("/token") ? credential("api-token") : grant("access")
                    : path.contains("/access/ticket") ? credential("ticket")
                    : path.contains("/status/") ? update(type).note("changes the guest's power state: what runs on it is interrupted")
                    : update(type);
        };
        return new Run(act, method, path, locators, false);
    }
}
