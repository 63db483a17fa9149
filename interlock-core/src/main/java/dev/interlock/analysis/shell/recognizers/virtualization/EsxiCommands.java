package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ESXi host's own shell tools. {@code vim-cmd NAMESPACE/COMMAND} ({@code vmsvc/getallvms}, {@code vmsvc/power.off 42},
 * {@code hostsvc/maintenance_mode_enter}): the {@code get.*} and listing commands read; power, snapshot, register and
 * maintenance commands change the host or its VMs. {@code esxcli NAMESPACE… COMMAND}: {@code list} and {@code get} read,
 * {@code kill} and {@code remove} delete, anything else changes the host.
 */
final class EsxiCommands {

    private EsxiCommands() {
    }

    private static final CommandTable VIM_CMD = CommandTable.builder()
            .add("vmsvc", "getallvms get.summary get.config get.guest get.guestheartbeatstatus get.runtime get.datastores"
                    + " get.networks get.snapshotinfo get.tasklist get.filelayout get.environment get.capability"
                    + " get.configoption get.device get.disabledmethods get.managedentitystatus power.getstate queryftcompat"
                    + " message", read("vm"))
            .add("hostsvc", "hostsummary hosthardware runtimeinfo hostconfig get_service_status net/info net/config"
                    + " datastore/listsummary datastore/info storage/fs_info vmotion/netstack_info firewall_info querydisabledmethods",
                    read("host"))
            .add("solo", "environment querycfgopt querycfgoptdesc connect logout", read("host"))
            .add("", "help", read("host"))
            .add("vmsvc", "power.on power.off power.reset power.reboot power.shutdown power.suspend power.hibernate reload"
                    + " device.connection device.diskadd device.diskaddexisting device.nic.add device.toolsSyncSet tools.install"
                    + " tools.upgrade upgrade connect disconnect snapshot.setoncurrent", update("vm"))
            .add("vmsvc", "snapshot.create", create("vm"))
            .add("vmsvc", "snapshot.revert", replace("vm").note("returns the VM to a snapshot: everything written since is lost"))
            .add("vmsvc", "destroy snapshot.remove snapshot.removeall unregister device.diskremove device.nic.remove", delete("vm"))
            .add("solo", "registervm", create("vm"))
            .add("hostsvc", "maintenance_mode_enter maintenance_mode_exit standby_mode_enter enable_ssh disable_ssh start_ssh"
                    + " stop_ssh enable_esx_shell disable_esx_shell refresh_services net/refresh", update("host"))
            .build();

    static Run vimCmd(Invocation inv) {
        List<String> words = new ArrayList<>();
        for (Arg a : inv.parse(Set.of()).positionals()) {
            String w = a.value();
            // vmsvc/power.off → vmsvc, power.off; hostsvc/datastore/listsummary → hostsvc, datastore/listsummary
            int slash = words.isEmpty() ? w.indexOf('/') : -1;
            if (slash > 0) {
                words.add(w.substring(0, slash));
                words.add(w.substring(slash + 1));
            } else {
                words.add(w);
            }
        }
        CommandTable.Found found = VIM_CMD.findOrGuess(words, 2, "vm");
        return new Run(found.act(), found.command(), VirtualizationRecognizer.operand(words, found.words()), Map.of(), false);
    }

    private static final CommandTable ESXCLI = CommandTable.builder()
            .add("vm process", "kill", update("vm").note("kills a running VM's process: the guest stops at once"))
            .add("system maintenancemode", "set", update("host"))
            .add("system shutdown", "poweroff reboot", update("host").note("stops or restarts the host and every VM on it"))
            .add("software vib", "install update", update("host"))
            .build();

    /** What an esxcli command ({@code network firewall get}) does, here or run through {@code govc host.esxcli}. */
    static CommandTable.Act esxcliAct(List<String> words) {
        return ESXCLI.find(words).map(CommandTable.Found::act)
                .orElseGet(() -> CommandTable.guess(words.isEmpty() ? "help" : words.getLast(), "host"));
    }

    private static final Set<String> GLOBAL_VALUED = Set.of("-s", "--server", "-u", "--username", "-p", "--password",
            "--formatter", "-f", "--thumbprint", "-h", "--host", "--vihost", "--config", "-c");

    static Run esxcli(Invocation inv) {
        ParsedArgs parsed = inv.parse(GLOBAL_VALUED);
        // the namespaces and the command come before the first option; later words are option values
        List<String> words = new ArrayList<>();
        List<String> all = inv.words();
        for (int i = 0; i < all.size(); i++) {
            String w = all.get(i);
            if (!w.startsWith("-")) {
                words.add(w);
            } else if (!words.isEmpty()) {
                break;
            } else if (GLOBAL_VALUED.contains(w)) {
                i++;
            }
        }
        String command = String.join(" ", words);
        CommandTable.Act act = esxcliAct(words);
        Map<String, String> locators = parsed.value("-s", "--server", "-h", "--host").map(h -> Map.of("host", h)).orElse(Map.of());
        return new Run(act, command, parsed.value("--world-id", "-w", "--vmname").orElse(""), locators, false);
    }
}
