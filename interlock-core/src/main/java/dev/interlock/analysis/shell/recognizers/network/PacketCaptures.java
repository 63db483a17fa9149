package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Packet captures: headers printed ({@code tcpdump -nn port 443}) are a look at the traffic; its contents written to a
 * file or printed ({@code -w}, {@code -A}, {@code -X}) carry whatever passes — passwords, tokens, customer data — so on
 * a real interface that is a credential read. The loopback interface is the machine talking to itself, and reading a
 * saved capture ({@code -r}) reads a file.
 */
public final class PacketCaptures implements Recognizer {

    private static final Set<String> VALUED = Set.of("-i", "--interface", "-w", "-r", "-c", "-s", "--snapshot-length", "-C", "-G",
            "-W", "-F", "-E", "-y", "-B", "-T", "-z", "-Z", "-Y", "-f", "-o", "-a", "-b", "-e", "-d");

    @Override
    public Set<String> programs() {
        return Set.of("tcpdump", "tshark", "dumpcap", "ngrep");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        var p = inv.parse(VALUED);
        if (p.has("-r") && !p.has("-i")) {
            return List.of(LocalFiles.read(inv, p.value("-r").orElse("")));
        }
        String iface = p.value("-i", "--interface").orElse("any");
        boolean loopback = Regex.matches(iface, "lo\\d*|loopback|Loopback.*|\\\\Device\\\\NPF_Loopback");
        boolean contents = p.has("-w", "-A", "-X", "-XX", "-x", "-xx", "-V", "-P") || inv.program().equals("ngrep")
                || inv.program().equals("dumpcap") || inv.words().stream().anyMatch(w -> Regex.matches(w, "-[a-zA-Z]*[AX][a-zA-Z]*"));
        if (!contents || loopback) {
            return List.of(LocalFiles.local(inv, Operation.builder("network", Verb.READ).resource("traffic", iface)
                    .evidence(inv.evidence()), "this machine's traffic").build());
        }
        return List.of(LocalFiles.local(inv, Operation.builder("network", Verb.CREDENTIAL).resource("traffic", iface)
                .evidence(inv.evidence()).note(inv.program() + " captures the contents of the traffic on " + iface
                        + " (passwords, tokens and customer data pass there)"), "this machine's traffic").build());
    }
}
