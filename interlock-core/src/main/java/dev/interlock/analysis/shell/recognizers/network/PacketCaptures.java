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
 * a real interface that is a credential read. So is a capture that picks out the secrets themselves: Wireshark fields
 * or filters naming authorization headers, cookies or passwords ({@code tshark -Y http.authorization -T fields -e
 * http.authorization}), a full decode ({@code -T json}, {@code -T pdml}), a followed stream, or tshark's own credentials
 * tap ({@code -z credentials}). The loopback interface is the machine talking to itself, and reading a saved capture
 * ({@code -r}) reads a file.
 */
public final class PacketCaptures implements Recognizer {

    private static final Set<String> VALUED = Set.of("-i", "--interface", "-w", "-r", "-c", "-s", "--snapshot-length", "-C", "-G",
            "-W", "-F", "-E", "-y", "-B", "-T", "-z", "-Z", "-Y", "-f", "-o", "-a", "-b", "-e", "-d", "-R", "-j", "-J",
            "--display-filter", "--read-filter");
    /** Wireshark fields and filter words that carry secrets: auth headers, cookies, passwords, tokens, NTLM/Kerberos. */
    private static final java.util.regex.Pattern SECRET_FIELDS = java.util.regex.Pattern.compile("(?i)authorization|cookie|passw"
            + "|\\bpass\\b|token|secret|credential|ntlmssp|kerberos|\\.auth\\b|auth\\.|bearer|\\.request\\.arg"
            + "|imap\\.request|pop\\.request|telnet\\.data|http\\.file_data");
    /** Output formats that decode every layer of every packet: the payload, secrets and all. */
    private static final Set<String> FULL_DECODES = Set.of("json", "jsonraw", "ek", "pdml", "psml");

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
                || secretsPicked(p) || p.value("-T").map(FULL_DECODES::contains).orElse(false)
                || inv.program().equals("dumpcap") || inv.words().stream().anyMatch(w -> Regex.matches(w, "-[a-zA-Z]*[AX][a-zA-Z]*"));
        if (!contents || loopback) {
            return List.of(LocalFiles.local(inv, Operation.builder("network", Verb.READ).resource("traffic", iface)
                    .evidence(inv.evidence()), "this machine's traffic").build());
        }
        return List.of(LocalFiles.local(inv, Operation.builder("network", Verb.CREDENTIAL).resource("traffic", iface)
                .evidence(inv.evidence()).note(inv.program() + " captures the contents of the traffic on " + iface
                        + " (passwords, tokens and customer data pass there)"), "this machine's traffic").build());
    }

    /** Fields printed ({@code -e}), filters ({@code -Y}, {@code -R}) and taps ({@code -z}) that single out secrets or whole streams. */
    private static boolean secretsPicked(dev.interlock.analysis.shell.ParsedArgs p) {
        return java.util.stream.Stream.of("-e", "-Y", "-R", "--display-filter", "--read-filter", "-z")
                .flatMap(f -> p.flags().getOrDefault(f, List.of()).stream())
                .anyMatch(v -> SECRET_FIELDS.matcher(v).find() || v.startsWith("follow,") || v.equals("credentials"));
    }
}
