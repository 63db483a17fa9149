package dev.interlock.analysis.shell.recognizers.security;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Supply-chain CLIs beside the scanners: Snyk's settings, where its API token is kept ({@code snyk config get api}
 * and {@code snyk auth} are credentials; other settings are this machine's), and Rekor, sigstore's transparency log,
 * whose {@code get}, {@code search} and {@code verify} read while {@code upload} publishes an entry no one can take
 * back, to a log the organisation does not own (placed by {@code --rekor_server}, the public instance by default).
 * Commands not listed (a {@code snyk test}) are left to the fallback.
 */
final class SupplyChainClis {

    static final Set<String> PROGRAMS = Set.of("snyk", "rekor-cli");

    private static final CommandTable SNYK = CommandTable.builder()
            .add("", "auth", credential("api-token").note("stores (or prints) the Snyk API token"))
            .add("config get", "api snyk_token snyk_oauth_token internal_oauth_token_storage",
                    credential("api-token").note("prints the Snyk API token"))
            .add("config", "get set unset clear", local("settings"))
            .add("", "logout", local("settings"))
            .build();

    private static final CommandTable REKOR = CommandTable.builder()
            .add("", "get search verify loginfo logproof version help", read("log-entry"))
            .add("", "upload", new CommandTable.Act(Verb.TRANSFER, "log-entry", false, true,
                    dev.interlock.model.Scope.ONE, "publishes an entry to a transparency log: public, and never removed"))
            .build();

    /** The Rekor server: its flag in either spelling, else the environment's, else the public instance. */
    private static final Placement REKOR_SERVER = Placement.of("host", "--rekor_server", "--rekor-server")
            .orVariables("REKOR_SERVER", "REKOR_URL", "SIGSTORE_REKOR_URL");
    private static final String PUBLIC_REKOR = "rekor.sigstore.dev";

    private static final Set<String> VALUED = Set.of("--rekor_server", "--rekor-server", "--artifact", "--signature",
            "--public-key", "--pki-format", "--type", "--entry", "--uuid", "--log-index", "--sha", "--email", "--format",
            "--api-key", "--timeout", "--org", "--file", "--severity-threshold", "--project-name", "--remote-repo-url",
            "--target-reference", "--policy-path");

    private SupplyChainClis() {
    }

    /** The command's operation, or empty when its table does not list it. */
    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        boolean rekor = inv.program().equals("rekor-cli");
        return (rekor ? REKOR : SNYK).find(p.words()).map(found -> {
            if (!rekor || found.act().here()) {
                return List.of(found.act().operation(inv, inv.program(), found.command()).build());
            }
            String host = REKOR_SERVER.locators(inv, p).getOrDefault("host", PUBLIC_REKOR);
            if (Hosts.loopback(host)) {
                // a Rekor on this machine (a test instance): an upload leaves nothing outside it
                Operation.Builder b = found.act().operation(inv, "rekor", found.command()).locator("host", host);
                return List.of(LocalFiles.local(inv, found.act().verb() == Verb.TRANSFER ? b.verb(Verb.CREATE) : b,
                        "a Rekor server on this machine").build());
            }
            return List.of(found.act().placed(inv, "rekor", found.command(), Map.of("host", host), Tier.UNKNOWN, ""));
        }).orElse(List.of());
    }
}
