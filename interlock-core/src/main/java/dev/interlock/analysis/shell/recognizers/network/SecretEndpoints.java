package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API paths whose answer is a secret, so that reading them is a {@code credential} read though the method is a plain
 * GET: identity providers' client secrets (Okta's {@code /api/v1/apps/ID/credentials/secrets}; its key credentials
 * are public keys and stay reads; Auth0's clients and connections, whose answers carry {@code client_secret}
 * unless {@code fields=} leaves it out; Keycloak's {@code client-secret} and adapter installation files), feature-flag services' SDK keys and API tokens,
 * error trackers' project tokens, hosting platforms' environment variables. A POST to a
 * secrets collection mints a new secret and prints it, a credential read too. Other methods are the plain HTTP reading.
 */
public final class SecretEndpoints {

    /**
     * One row: the hosts it applies to (any, for products run under a custom domain), the path, the methods that
     * answer with the secret, and the response field that holds it when a {@code fields=} filter can leave it out.
     */
    private record Row(Pattern host, Pattern path, Pattern methods, String field, String type, String note) {

        /** A row that applies only when the query asks for the values ({@code decrypt=true}). */
        Row when(String query) {
            return new Row(host, Pattern.compile(path.pattern() + "\\?.*" + query + ".*"), methods, field, type, note);
        }
    }

    private static final Pattern ANY_HOST = Pattern.compile(".*");
    /** Auth0's Management API on a tenant's own domain; empty for the {@code auth0 api} CLI, which knows its tenant. */
    private static final Pattern AUTH0 = Pattern.compile("|.+\\.auth0\\.com");

    private static final List<Row> ROWS = List.of(
            new Row(ANY_HOST, Pattern.compile("/api/v1/apps/[^/]+/credentials/secrets(/[^/]+)?/?"), Pattern.compile("GET|POST"), "",
                    "client-secret", "reads an Okta app's client secrets"),
            new Row(AUTH0, Pattern.compile("(/api/v2)?/clients(/[^/]+)?/?"), Pattern.compile("GET"), "client_secret",
                    "client-secret", "reads Auth0 applications with their client secrets"),
            new Row(AUTH0, Pattern.compile("(/api/v2)?/connections(/[^/]+)?/?"), Pattern.compile("GET"), "options",
                    "connection-secret", "reads Auth0 connections with their options' client secrets"),
            new Row(ANY_HOST, Pattern.compile("(/auth)?/admin/realms/[^/]+/clients/[^/]+/client-secret(/rotated)?/?"), Pattern.compile("GET|POST"), "",
                    "client-secret", "reads a Keycloak client's secret"),
            new Row(ANY_HOST, Pattern.compile("(/auth)?/admin/realms/[^/]+/clients/[^/]+/installation/providers/[^/]+/?"), Pattern.compile("GET"), "",
                    "client-secret", "reads a Keycloak client's adapter configuration, secret included"),
            // feature-flag services' SDK keys and API tokens: a server-side key reads every flag and segment
            new Row(Pattern.compile("(app|sdk)\\.launchdarkly\\.(com|us)|app\\.eu\\.launchdarkly\\.com"),
                    Pattern.compile("/api/v2/projects/[^/]+/environments(/[^/]+)?/?"), Pattern.compile("GET"), "",
                    "sdk-key", "reads LaunchDarkly environments with their SDK keys"),
            new Row(ANY_HOST, Pattern.compile("/api/v2/projects/[^/]+/environments/[^/]+/(apikey|mobilekey)/?"),
                    Pattern.compile("POST"), "", "sdk-key", "resets a LaunchDarkly SDK key and prints the new one"),
            new Row(ANY_HOST, Pattern.compile("/api/admin/api-tokens(/[^/]+)?/?"), Pattern.compile("GET|POST"), "",
                    "api-token", "reads or mints Unleash API tokens"),
            new Row(ANY_HOST, Pattern.compile("/api/v1/environments/[^/]+/api-keys(/[^/]+)?/?"), Pattern.compile("GET|POST"), "",
                    "api-key", "reads or mints a Flagsmith environment's server-side keys"),
            new Row(ANY_HOST, Pattern.compile("/api/v1/organisations/[^/]+/master-api-keys/?"), Pattern.compile("POST"), "",
                    "api-key", "mints a Flagsmith organisation API key and prints it"),
            new Row(Pattern.compile("statsigapi\\.net"), Pattern.compile("/console/v1/keys(/[^/]+)?/?"), Pattern.compile("GET|POST"), "",
                    "api-key", "reads or mints Statsig server and client keys"),
            // error trackers' project tokens: a post_server_item or write token sends and edits a project's events
            new Row(Pattern.compile("api\\.rollbar\\.com"), Pattern.compile("/api/1/project/[^/]+/access_tokens?/?"),
                    Pattern.compile("GET|POST"), "", "api-token", "reads or mints a Rollbar project's access tokens"),
            // Typesense answers a new key's full value once, when it is created; a listing shows only prefixes
            new Row(Pattern.compile("(.*[.-])?typesense([.-].*)?|.+\\.typesense\\.net"), Pattern.compile("/keys/?"),
                    Pattern.compile("POST"), "", "api-key", "mints a Typesense API key"),
            new Row(ANY_HOST, Pattern.compile("/api/0/projects/[^/]+/[^/]+/keys(/[^/]+)?/?"), Pattern.compile("GET|POST"), "",
                    "dsn", "reads or mints a Sentry project's client keys (DSNs with their secrets)"),
            // hosting platforms' environment variables, answered with their values
            new Row(Pattern.compile("api\\.netlify\\.com"), Pattern.compile("/api/v1/accounts/[^/]+/env(/[^/]+)?/?"),
                    Pattern.compile("GET"), "", "secret", "reads a Netlify account's environment variables and their values"),
            new Row(Pattern.compile("api\\.vercel\\.com"), Pattern.compile("/v\\d+/projects/[^/]+/env/[^/?]+/?"),
                    Pattern.compile("GET"), "", "secret", "reads a Vercel environment variable's decrypted value"),
            new Row(Pattern.compile("api\\.vercel\\.com"), Pattern.compile("/v\\d+/projects/[^/]+/env/?"),
                    Pattern.compile("GET"), "", "secret", "reads a Vercel project's environment variables, decrypted").when("decrypt=true"));

    private SecretEndpoints() {
    }

    /** What reading {@code path} (with its {@code query}) on {@code host} by {@code method} reveals, when it is a secret. */
    public static Optional<String> reveals(String host, String path, String query, String method) {
        String p = path.toLowerCase(Locale.ROOT);
        String m = method.isEmpty() ? "GET" : method.toUpperCase(Locale.ROOT);
        String withQuery = p + "?" + query.toLowerCase(Locale.ROOT); // for rows that hold only when the query asks
        for (Row r : ROWS) {
            if (r.host().matcher(host).matches() && (r.path().matcher(p).matches() || r.path().matcher(withQuery).matches()) && r.methods().matcher(m).matches()
                    && (r.field().isEmpty() || answers(query, r.field()))) {
                return Optional.of(r.note());
            }
        }
        return Optional.empty();
    }

    /** The credential read a request of {@code url} is, when its answer is a secret (from curl, wget, HTTPie or code). */
    public static Optional<Operation> read(Invocation inv, String url, String method, boolean sends) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        return reveals(host, path, query, method.isEmpty() && sends ? "POST" : method)
                .map(note -> Operation.builder("http", Verb.CREDENTIAL).resource("credentials", path).locator("host", host)
                        .evidence(inv.evidence()).note(note + (host.isEmpty() ? "" : " on " + host)).build());
    }

    /**
     * Whether the answer holds {@code field}: Auth0's {@code fields=a,b} keeps only those fields
     * ({@code include_fields=false}: leaves them out); with no filter every field comes back.
     */
    private static boolean answers(String query, String field) {
        String fields = null;
        boolean include = true;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length > 1 ? decoded(kv[1]) : "";
            if (kv[0].equals("fields")) {
                fields = value;
            } else if (kv[0].equals("include_fields")) {
                include = !value.equalsIgnoreCase("false");
            }
        }
        if (fields == null) {
            return true;
        }
        boolean listed = Arrays.stream(fields.split(",")).map(String::trim).anyMatch(field::equals);
        return listed == include;
    }

    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
