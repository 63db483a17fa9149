package dev.interlock.analysis.shell.recognizers.activedirectory;

import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * {@code evil-winrm -i HOST}: an interactive PowerShell session over WinRM, judged like {@code ssh HOST} (what is
 * typed there is not seen); with {@code -H} the login is pass-the-hash.
 */
final class WinRmShell {

    private WinRmShell() {
    }

    private static final Set<String> VALUED = Set.of("-i", "--ip", "-u", "--user", "-p", "--password", "-H", "--hash",
            "-r", "--realm", "-s", "--scripts", "-e", "--executables", "-P", "--port", "-c", "--pub-key", "-k", "--priv-key",
            "-U", "--url", "--spn", "-l", "--log", "-a", "--user-agent");

    static List<Operation> recognize(Invocation inv) {
        Targets.Words w = Targets.split(inv.words(), VALUED, Set.of());
        String host = Targets.host(w.value("-i", "--ip"));
        if (host.isEmpty()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "no host named: help or version"));
        }
        String user = w.value("-u", "--user");
        Operation shell = Targets.on(inv, execute("host").operation(inv, "windows", host).reversible(false)
                .note("an interactive PowerShell session on " + host + (user.isEmpty() ? "" : " as " + user)
                        + ": what is typed there is not seen"), host);
        if (w.has("-H", "--hash")) {
            return List.of(shell, PassTheHash.operation(inv, host, user));
        }
        return List.of(shell);
    }
}
