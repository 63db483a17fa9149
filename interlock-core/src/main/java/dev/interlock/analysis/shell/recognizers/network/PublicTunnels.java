package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tunnels that publish a port of this machine on the internet ({@code ngrok http 3000}, {@code cloudflared tunnel
 * --url …}, {@code lt --port}, {@code bore local}, {@code tailscale funnel}): whatever listens there — a dev server, a
 * database, sshd — is then reachable by anyone with the URL. Fetching or printing the account's or a tunnel's
 * credentials ({@code cloudflared tunnel login} stores a certificate that can create tunnels and DNS records for the
 * whole zone) is a credential read. Their other subcommands are judged as any unfamiliar CLI.
 */
public final class PublicTunnels implements Recognizer {

    /** Program → the words (first argument) that open a public tunnel; "*" for any invocation that is not a read. */
    private static final Map<String, Set<String>> OPENS = Map.of(
            "ngrok", Set.of("http", "tcp", "tls", "start", "tunnel"),
            "cloudflared", Set.of("tunnel"),
            "lt", Set.of("*"),
            "localtunnel", Set.of("*"),
            "bore", Set.of("local"),
            "zrok", Set.of("share"),
            "loclx", Set.of("tunnel"),
            "tailscale", Set.of("funnel"));

    /** Program → its first two words that fetch or print an account certificate or a tunnel's token. */
    private static final Map<String, Set<String>> CREDENTIALS = Map.of(
            "cloudflared", Set.of("tunnel login", "tunnel token", "access login", "access token"));

    /** Words after the opening one that only look (cloudflared tunnel list, tailscale funnel status). */
    private static final Set<String> LOOKS = Set.of("list", "info", "status", "ls", "--help", "-h", "help", "version",
            "token", "login", "cleanup", "delete", "reset", "off");

    @Override
    public Set<String> programs() {
        return OPENS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        dev.interlock.analysis.shell.ParsedArgs p = inv.parse(Set.of("--port", "-p", "--url", "--to", "--subdomain", "--config",
                "--authtoken", "--region", "--domain", "--hostname"));
        List<String> words = p.words();
        String first = words.isEmpty() ? "" : words.getFirst();
        String second = words.size() > 1 ? words.get(1) : "";
        if (CREDENTIALS.getOrDefault(inv.program(), Set.of()).contains(first + " " + second) && !p.has("--help", "-h")) {
            return List.of(Operation.builder(inv.program(), Verb.CREDENTIAL)
                    .resource(second.equals("login") ? "account-certificate" : "token", words.size() > 2 ? words.get(2) : "")
                    .evidence(inv.evidence()).note(inv.program() + " " + first + " " + second
                            + (second.equals("login") ? " obtains and stores an account credential that can create tunnels and DNS records"
                            : " prints a credential")).build());
        }
        Set<String> opens = OPENS.get(inv.program());
        boolean opening = p.has("--help", "-h", "--version", "-v") ? false
                : opens.contains("*") ? !LOOKS.contains(first)
                : opens.contains(first) && !LOOKS.contains(second)
                && !(inv.program().equals("cloudflared") && !p.has("--url") && !second.equals("run"));
        if (!opening) {
            // Everything else these CLIs do (cloudflared tunnel delete, tailscale down) is judged like any unfamiliar CLI.
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String port = words.stream().filter(w -> Regex.matches(w, "(https?://)?(localhost|127\\.0\\.0\\.1)?:?\\d{2,5}"))
                .findFirst().orElse(p.value("--port", "-p", "--url").orElse(""));
        Operation.Builder b = Operation.builder("network", Verb.TRANSFER).resource("port", port).locator("host", inv.program())
                .reversible(true).evidence(inv.evidence())
                .note("publishes " + (port.isEmpty() ? "a port" : "port " + port) + " of this machine on the internet through "
                        + inv.program() + ": whatever listens there is reachable by anyone with the URL");
        return List.of(LocalFiles.local(inv, b, "a port of this machine").build());
    }
}
