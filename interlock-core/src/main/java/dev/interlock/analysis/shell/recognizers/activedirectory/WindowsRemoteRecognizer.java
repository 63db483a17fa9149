package dev.interlock.analysis.shell.recognizers.activedirectory;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Windows hosts and Active Directory administered from Linux: one entry point for the family's tools. */
public final class WindowsRemoteRecognizer implements Recognizer {

    private static final Set<String> NETEXEC = Set.of("nxc", "netexec", "crackmapexec", "cme");

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(Impacket.programs());
        all.addAll(NETEXEC);
        all.addAll(Set.of("smbclient", "smbmap", "rpcclient", "evil-winrm"));
        return all;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "smbclient" -> SmbClients.smbclient(inv);
            case "smbmap" -> SmbClients.smbmap(inv);
            case "rpcclient" -> RpcClient.recognize(inv);
            case "evil-winrm" -> WinRmShell.recognize(inv);
            case "nxc", "netexec", "crackmapexec", "cme" -> NetExec.recognize(inv);
            default -> Impacket.recognize(inv);
        };
    }
}
