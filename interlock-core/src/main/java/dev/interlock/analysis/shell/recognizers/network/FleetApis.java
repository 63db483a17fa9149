package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IoT fleet services' REST APIs called with curl, wget or HTTPie: Golioth ({@code /v1/projects/acme-dev/releases}),
 * Memfault ({@code /api/v0/organizations/O/projects/P/…}), Particle products ({@code /v1/products/P/firmware/release})
 * and balena's OData API ({@code /v6/release?$filter=belongs_to__application/any(a:a/app_name eq 'sensors-dev')}). The
 * API host is the same for every environment, so a call is placed by the project, product or fleet its URL names, as
 * the fleet CLIs place their commands: {@code acme-dev} is dev, a production name or none at all is held. A release
 * or deployment reaches every device of the project; keys and credentials read are credentials.
 */
final class FleetApis {

    private FleetApis() {
    }

    /** A service: its host, the path that names the place (group 1) and what follows (group 2), and the locator kind. */
    private record Service(String system, Pattern host, Pattern path, String locator) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("golioth", Pattern.compile("api\\.golioth\\.io"), Pattern.compile("/v1/projects/([^/]+)(/.*)?"), "project"),
            new Service("memfault", Pattern.compile("api\\.memfault\\.com"),
                    Pattern.compile("/api/v0/organizations/[^/]+/projects/([^/]+)(/.*)?"), "project"),
            new Service("particle", Pattern.compile("api\\.particle\\.io"), Pattern.compile("/v1/products/([^/]+)(/.*)?"), "project"),
            new Service("balena", Pattern.compile("api\\.balena-(cloud|staging)\\.com"), Pattern.compile("/v\\d+/(\\w+)(.*)"), "app"));
    /** A balena fleet in an OData filter or key: {@code app_name eq 'x'}, {@code slug eq 'org/x'}, {@code application(slug='org/x')}. */
    private static final Pattern BALENA_FLEET = Pattern.compile("(?:app_name|slug)\\s*(?:eq\\s*|=)'([^']+)'|@id='([^']+)'");
    /** What a release or deployment reaches: every device of the project. */
    private static final Set<String> ROLLOUTS = Set.of("release", "releases", "deployment", "deployments", "rollout", "rollouts",
            "cohorts", "firmware");
    /** Collections whose listing prints secrets: API keys, device pre-shared keys, tokens. */
    private static final Pattern SECRETS = Pattern.compile("(?i).*/(apikeys|api-keys|api_key|credentials|psks?|tokens?|access_tokens|secrets?)(/.*)?");

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url).toLowerCase(Locale.ROOT);
        for (Service service : SERVICES) {
            if (!service.host().matcher(host).matches()) {
                continue;
            }
            Matcher m = service.path().matcher(NetworkRecognizer.path(url));
            if (!m.matches()) {
                return Optional.empty();
            }
            String verb = method.isEmpty() ? body.isEmpty() && !uploads(inv) ? "GET" : "POST" : method.toUpperCase(Locale.ROOT);
            boolean balena = service.system().equals("balena");
            String rest = m.group(2) == null ? "" : m.group(2);
            String collection = balena ? m.group(1) : first(rest);
            String place = balena ? balenaFleet(url) : decoded(m.group(1));
            Verb v = switch (verb) {
                case "GET", "HEAD", "OPTIONS" -> SECRETS.matcher(rest).matches() || balena && collection.contains("api_key") ? Verb.CREDENTIAL : Verb.READ;
                case "DELETE" -> Verb.DELETE;
                case "POST" -> Verb.CREATE;
                default -> Verb.UPDATE;
            };
            boolean rollout = v != Verb.READ && v != Verb.CREDENTIAL && ROLLOUTS.contains(collection.toLowerCase(Locale.ROOT));
            Operation.Builder b = Operation.builder(service.system(), v).resource(collection.isEmpty() ? service.locator() : collection, NetworkRecognizer.path(url))
                    .locator("host", host).scope(rollout ? Scope.MANY : Scope.ONE).stateful(v == Verb.DELETE)
                    .reversible(v != Verb.DELETE).evidence(inv.evidence())
                    .note(rollout ? "a release or deployment the devices of " + (place.isEmpty() ? "the fleet" : place) + " install next"
                            : verb + " " + NetworkRecognizer.path(url) + " on " + host);
            if (!place.isEmpty()) {
                b.locator(service.locator(), place);
            }
            return Optional.of(List.of(b.build()));
        }
        return Optional.empty();
    }

    /** The first segment of a path ({@code /releases/3} → releases), or "". */
    private static String first(String rest) {
        String[] parts = rest.split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    /** The fleet a balena URL names in its filter or key, or "" (an id in a body names none). */
    private static String balenaFleet(String url) {
        Matcher m = BALENA_FLEET.matcher(decoded(url));
        return m.find() ? m.group(1) != null ? m.group(1) : m.group(2) : "";
    }

    /** Percent-decoded text ({@code %20eq%20}); text that is not valid percent-encoding stays as it is. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** A form or file upload ({@code -F firmware=@app.bin}, {@code -T}) posts even without inline data or a method. */
    private static boolean uploads(Invocation inv) {
        return inv.words().stream().anyMatch(w -> w.equals("-F") || w.startsWith("--form") || w.equals("-T") || w.equals("--upload-file"));
    }
}
