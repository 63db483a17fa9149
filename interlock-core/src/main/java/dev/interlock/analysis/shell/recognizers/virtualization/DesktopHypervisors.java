package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Desktop hypervisors: VirtualBox's {@code VBoxManage}, Parallels' {@code prlctl} and UTM's {@code utmctl}. They only
 * drive VMs on this machine, the developer's own test boxes, so powering one off or deleting it is sandbox work — as
 * {@code vagrant destroy} is — unless the VM is named for production or staging ({@code VBoxManage unregistervm
 * prod-db --delete}): then it is placed by that name like a host.
 */
final class DesktopHypervisors {

    private DesktopHypervisors() {
    }

    private static final CommandTable VBOXMANAGE = CommandTable.builder()
            .add("", "list showvminfo showmediuminfo showhdinfo showvdiinfo getextradata metrics help"
                    + " checkmediumpwd mediumproperty", read("vm"))
            .add("", "export", read("vm").note("writes an appliance file of the VM; the VM is unchanged"))
            .add("", "createvm clonevm createmedium createhd createvdi import registervm", create("vm"))
            .add("", "startvm modifyvm movevm storageattach storagectl setextradata modifymedium modifyhd sharedfolder usbfilter"
                    + " bandwidthctl unattended natnetwork hostonlyif dhcpserver encryptvm", update("vm"))
            .add("", "controlvm", update("vm").note("changes the running VM's state (poweroff pulls its plug)"))
            .add("", "unregistervm", update("vm").note("removes the VM from VirtualBox's list; its disks stay"))
            .add("", "closemedium", update("medium").note("removes the disk from VirtualBox's list; the file stays"))
            .add("", "guestcontrol", execute("vm"))
            .add("snapshot", "list showvminfo", read("snapshot"))
            .add("snapshot", "take edit", create("snapshot"))
            .add("snapshot", "restore restorecurrent", replace("vm").note("returns the VM to a snapshot: everything written since is lost"))
            .add("snapshot", "delete", delete("snapshot"))
            .add("guestproperty", "get enumerate wait", read("vm"))
            .add("guestproperty", "set delete unset", update("vm"))
            .build();

    private static final CommandTable PRLCTL = CommandTable.builder()
            .add("", "list status statistics problem-report", read("vm"))
            .add("", "create clone register snapshot", create("vm"))
            .add("", "start stop restart reset pause resume suspend set unregister", update("vm"))
            .add("", "snapshot-list", read("snapshot"))
            .add("", "snapshot-switch", replace("vm").note("returns the VM to a snapshot: everything written since is lost"))
            .add("", "snapshot-delete", delete("snapshot"))
            .add("", "delete", delete("vm"))
            .add("", "exec enter", execute("vm"))
            .build();

    private static final CommandTable UTMCTL = CommandTable.builder()
            .add("", "list status ip-address version help", read("vm"))
            .add("", "clone", create("vm"))
            .add("", "start stop suspend attach", update("vm"))
            .add("", "delete", delete("vm"))
            .add("", "exec", execute("vm"))
            .add("file", "pull", read("file"))
            .add("file", "push", update("file"))
            .build();

    /** Options whose value is the next word (the VM name is a positional). */
    private static final Set<String> VALUED = Set.of("--name", "--basefolder", "--ostype", "--register", "--groups",
            "--uuid", "--snapshot", "--mode", "--options", "--type", "--description", "-o", "--output", "--ovf10",
            "--username", "--password", "--exe", "-l", "--location", "--vmname");

    static Run vboxmanage(Invocation inv) {
        return run(inv, VBOXMANAGE, inv.words().contains("--delete") || inv.words().contains("--delete-all"));
    }

    static Run prlctl(Invocation inv) {
        return run(inv, PRLCTL, false);
    }

    static Run utmctl(Invocation inv) {
        return run(inv, UTMCTL, false);
    }

    /**
     * The command and its VM. {@code deletes}: {@code unregistervm --delete}, {@code closemedium --delete} remove the
     * disk files as well, losing what was in the VM.
     */
    private static Run run(Invocation inv, CommandTable table, boolean deletes) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.words();
        if (words.size() > 2 && words.getFirst().equalsIgnoreCase("snapshot") && table == VBOXMANAGE) {
            // VBoxManage snapshot VM restore NAME: the VM comes before the snapshot's command
            Optional<CommandTable.Found> snapshot = table.find(List.of("snapshot", words.get(2)));
            if (snapshot.isPresent()) {
                return placed(snapshot.get().act(), snapshot.get().command(), words.get(1));
            }
        }
        CommandTable.Found found = table.findOrGuess(words, 1, "vm");
        CommandTable.Act act = deletes && Set.of("unregistervm", "closemedium").contains(found.command())
                ? delete(found.act().type()).note("deletes the VM's disk files with it") : found.act();
        String name = found.command().equals("list") ? "" : VirtualizationRecognizer.operand(words, found.words());
        return placed(act, found.command(), name);
    }

    /** On this machine, unless the VM is named for production or staging: then it is placed by that name. */
    private static Run placed(CommandTable.Act act, String command, String name) {
        boolean shared = DeploymentWords.tierWordIn(name).isPresent();
        return new Run(act, command, name, shared ? Map.of("host", name) : Map.of(), !shared);
    }
}
