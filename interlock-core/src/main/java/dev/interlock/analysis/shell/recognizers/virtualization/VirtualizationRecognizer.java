package dev.interlock.analysis.shell.recognizers.virtualization;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hypervisor, private-cloud and bare-metal CLIs, each known by its commands: listing and showing VMs, hosts and
 * machines reads wherever it runs ({@code qm config}, {@code virsh dominfo}, {@code vim-cmd vmsvc/getallvms}, {@code govc vm.info},
 * {@code racadm getsysinfo}, {@code maas admin machines read}); powering off, rolling back, destroying or redeploying
 * changes what runs there, in the environment the host, connection URI or cloud profile names. They are not the
 * agent's machine unless the command says so: a VM on a hypervisor host is someone's service. Desktop hypervisors
 * (VirtualBox, Parallels, UTM) are the exception: they only drive VMs on this machine.
 */
public final class VirtualizationRecognizer implements Recognizer {

    /** The program, the system its operations name, and how its words are read. */
    private static final Map<String, Map.Entry<String, Function<Invocation, Run>>> CLIS = Map.ofEntries(
            Map.entry("qm", Map.entry("proxmox", ProxmoxCommands::qm)),
            Map.entry("pct", Map.entry("proxmox", ProxmoxCommands::pct)),
            Map.entry("pvesh", Map.entry("proxmox", ProxmoxCommands::pvesh)),
            Map.entry("pvecm", Map.entry("proxmox", ProxmoxCommands::pvecm)),
            Map.entry("pvesm", Map.entry("proxmox", ProxmoxCommands::pvesm)),
            Map.entry("virsh", Map.entry("libvirt", LibvirtCommands::virsh)),
            Map.entry("vim-cmd", Map.entry("esxi", EsxiCommands::vimCmd)),
            Map.entry("esxcli", Map.entry("esxi", EsxiCommands::esxcli)),
            Map.entry("govc", Map.entry("vsphere", GovcCommands::govc)),
            Map.entry("openstack", Map.entry("openstack", OpenStackCommands::openstack)),
            Map.entry("racadm", Map.entry("bmc", BareMetalCommands::racadm)),
            Map.entry("maas", Map.entry("maas", BareMetalCommands::maas)),
            Map.entry("juju", Map.entry("juju", JujuCommands::juju)),
            Map.entry("lxc", Map.entry("lxc", LxcCommands::lxc)),
            Map.entry("incus", Map.entry("lxc", LxcCommands::lxc)),
            Map.entry("VBoxManage", Map.entry("virtualbox", DesktopHypervisors::vboxmanage)),
            Map.entry("vboxmanage", Map.entry("virtualbox", DesktopHypervisors::vboxmanage)),
            Map.entry("prlctl", Map.entry("parallels", DesktopHypervisors::prlctl)),
            Map.entry("utmctl", Map.entry("utm", DesktopHypervisors::utmctl)));

    @Override
    public Set<String> programs() {
        return CLIS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        var cli = CLIS.get(inv.program());
        Run run = cli.getValue().apply(inv);
        Operation.Builder b = run.act().operation(inv, cli.getKey(), run.name());
        if (run.act().note().isEmpty()) {
            b.note(inv.program() + " " + run.command());
        }
        run.locators().forEach(b::locator);
        if (run.here()) {
            LocalFiles.local(inv, b, "the user's own VMs on this machine");
        }
        return List.of(b.build());
    }

    /** The first word of {@code words} from {@code from} on that is not a flag, or "". */
    static String operand(List<String> words, int from) {
        return from < words.size() ? words.get(from) : "";
    }
}
