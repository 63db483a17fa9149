package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * libvirt's {@code virsh}: the connection URI ({@code -c}, {@code --connect}, {@code LIBVIRT_DEFAULT_URI}) says which
 * hypervisor. A remote one ({@code qemu+ssh://root@kvm-prod-05/system}) is placed by its host; the user's own session
 * ({@code qemu:///session}) holds VMs the user made on this machine, so work there is local.
 */
final class LibvirtCommands {

    private LibvirtCommands() {
    }

    private static final CommandTable VIRSH = CommandTable.builder()
            .add("", "list dominfo domstate domid domname domuuid dumpxml domblklist domiflist domifaddr domstats dommemstat"
                    + " domblkinfo domblkstat domifstat domjobinfo domdisplay domcontrol domfsinfo domhostname domtime"
                    + " vcpuinfo vcpucount vcpupin emulatorpin nodeinfo nodememstats nodecpustats nodecpumap capabilities"
                    + " domcapabilities hostname sysinfo uri version help freecell cpu-models maxvcpus schedinfo blkiotune"
                    + " memtune numatune dompmsuspend-status"
                    + " net-list net-info net-dumpxml net-dhcp-leases net-uuid net-name net-port-list"
                    + " pool-list pool-info pool-dumpxml pool-uuid pool-name vol-list vol-info vol-dumpxml vol-path vol-key vol-name vol-pool"
                    + " snapshot-list snapshot-info snapshot-dumpxml snapshot-parent checkpoint-list checkpoint-dumpxml"
                    + " iface-list iface-dumpxml iface-mac iface-name nodedev-list nodedev-dumpxml nwfilter-list nwfilter-dumpxml"
                    + " secret-list secret-dumpxml domjobinfo backup-dumpxml", read("domain"))
            .add("", "secret-get-value", credential("secret").note("prints a libvirt secret's value"))
            .add("", "console ssh qemu-monitor-command qemu-agent-command", execute("domain"))
            .add("", "define create snapshot-create snapshot-create-as checkpoint-create checkpoint-create-as net-define"
                    + " net-create pool-define pool-define-as pool-create pool-create-as pool-build vol-create vol-create-as"
                    + " vol-clone vol-create-from backup-begin secret-define iface-define nwfilter-define", create("domain"))
            .add("", "start resume reboot reset shutdown suspend managedsave save dompmsuspend dompmwakeup edit setmem setmaxmem"
                    + " setvcpus attach-device detach-device attach-disk detach-disk attach-interface detach-interface"
                    + " update-device migrate migrate-setmaxdowntime autostart domrename desc metadata send-key blockcommit"
                    + " blockpull blockcopy blockresize blockjob domfsfreeze domfsthaw domfstrim domsetlinkstate set-user-password"
                    + " net-start net-autostart net-edit net-update pool-start pool-autostart pool-edit pool-refresh vol-upload"
                    + " vol-resize iface-start iface-edit secret-set-value snapshot-edit snapshot-current", update("domain"))
            .add("", "destroy", update("domain").note("powers the domain off at once, like pulling its plug"))
            .add("", "restore snapshot-revert", replace("domain").note("returns the domain to a saved state: everything written since is lost"))
            .add("", "undefine snapshot-delete checkpoint-delete managedsave-remove net-destroy net-undefine pool-destroy"
                    + " pool-delete pool-undefine vol-delete vol-wipe secret-undefine nodedev-destroy nodedev-detach iface-destroy"
                    + " iface-undefine nwfilter-undefine", delete("domain"))
            .build();

    private static final Set<String> VALUED = Set.of("-c", "--connect", "-d", "--debug", "-l", "--log", "-k", "--keepalive-interval",
            "-K", "--keepalive-count");

    static Run virsh(Invocation inv) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.positionals().stream().map(Arg::value).toList();
        CommandTable.Found found = VIRSH.findOrGuess(words, 1, "domain");
        String object = found.command().startsWith("net-") ? "network" : found.command().startsWith("pool-") ? "storage-pool"
                : found.command().startsWith("vol-") ? "volume" : found.command().startsWith("snapshot-") ? "snapshot"
                : found.act().type();
        Optional<String> uri = parsed.value("-c", "--connect").or(() -> Optional.ofNullable(inv.env().get("LIBVIRT_DEFAULT_URI")));
        String host = uri.map(Hosts::of).orElse("");
        boolean session = uri.filter(u -> u.endsWith("/session") && host.isEmpty()).isPresent();
        Map<String, String> locators = host.isEmpty() ? Map.of() : Map.of("host", host);
        return new Run(found.act().on(object), found.command(), VirtualizationRecognizer.operand(words, found.words()), locators, session);
    }
}
