package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;

/**
 * API gateways' admin APIs where consumers' credentials live: Kong's {@code key-auth}, {@code jwt}, {@code basic-auth},
 * {@code hmac-auth} and {@code oauth2} entities (per consumer or listed whole) answer with the keys and secrets
 * themselves, and Tyk's {@code /tyk/keys} lists the API keys. Reading them is a {@code credential} read; creating one
 * issues a key to a consumer, a {@code grant}. Other methods are the plain HTTP reading.
 */
final class GatewayAdminApis {

    private static final String KONG_CREDENTIALS = "(key-auth|keyauth_credentials|key-auths|jwt|jwts|basic-auth|basic-auths|"
            + "basicauth_credentials|hmac-auth|hmac-auths|hmacauth_credentials|oauth2|oauth2_credentials|oauth2_tokens)";

    private GatewayAdminApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, boolean sends) {
        String path = NetworkRecognizer.path(url);
        boolean kong = Regex.matches(path, "(/[^/]+)?/consumers/[^/]+/" + KONG_CREDENTIALS + "(/[^/]+)?/?")
                || Regex.matches(path, "(/[^/]+)?/" + KONG_CREDENTIALS + "(/[^/]+)?/?") && Regex.find(url, "(?i)kong|:8001\\b|:8444\\b");
        boolean tyk = Regex.matches(path, "/tyk/keys(/[^/]+)?/?");
        if (!kong && !tyk) {
            return Optional.empty();
        }
        String host = Hosts.of(url);
        String m = method.isEmpty() ? (sends ? "POST" : "GET") : method;
        if (m.equals("GET")) {
            return Optional.of(List.of(Operation.builder("http", Verb.CREDENTIAL).resource("api-keys", path).locator("host", host)
                    .evidence(inv.evidence()).note("reads consumers' API credentials from the gateway's admin API").build()));
        }
        if (m.equals("POST") || m.equals("PUT")) {
            return Optional.of(List.of(Operation.builder("http", Verb.GRANT).resource("api-keys", path).locator("host", host)
                    .evidence(inv.evidence()).note("issues an API credential to a gateway consumer").build()));
        }
        return Optional.empty();
    }
}
