package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.api.FlagPatches;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature-flag services' admin APIs called with curl, wget or HTTPie: Unleash, LaunchDarkly, Flagsmith, GrowthBook and
 * ConfigCat. A flag is one switch with a state per environment, so a change is placed by the environment the path or the
 * body names ({@code …/environments/development/on} is dev, a LaunchDarkly patch of {@code /environments/production/on}
 * prod), as a deployment environment is; removing a flag removes it from every environment, production included. Reads
 * stay reads. Where nothing names the environment (Flagsmith's and ConfigCat's environment keys are opaque ids) the
 * inventory decides, as for any name.
 */
final class FeatureFlagApis {

    private FeatureFlagApis() {
    }

    /** Unleash, self-hosted under any host: {@code /api/admin/projects/P/features/F[/environments/E[/…]]}. */
    private static final Pattern UNLEASH = Pattern.compile(
            ".*/api/admin/projects/([^/]+)/features/([^/]+)(?:/environments/([^/]+)(/.*)?)?/?");
    private static final Pattern UNLEASH_ARCHIVE = Pattern.compile(".*/api/admin/archive/([^/]+)/?");
    private static final Pattern LAUNCHDARKLY = Pattern.compile("/api/v2/flags/([^/]+)/([^/]+)/?");
    private static final Pattern FLAGSMITH = Pattern.compile(".*/api/v1/environments/([^/]+)/(?:features/[^/]+/)?featurestates(?:/.*)?");
    private static final Pattern GROWTHBOOK = Pattern.compile("/api/v1/features/([^/]+)(?:/toggle)?/?");
    private static final Pattern CONFIGCAT = Pattern.compile("/v[12]/environments/([^/]+)/settings/([^/]+)/value/?");
    /** GrowthBook's toggle body: {@code {"environments": {"production": false}}}. */
    private static final Pattern GROWTHBOOK_ENVIRONMENTS = Pattern.compile("\"environments\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern JSON_KEY = Pattern.compile("\"([^\"]+)\"\\s*:");

    /** A container of flags on a service ({@code host} in the host name, "" for any host: Unleash is self-hosted). */
    private record Container(String service, String host, Pattern path, String type) {
    }

    /**
     * Projects and environments: deleting one deletes every flag in it (and an environment's state of every flag), a
     * whole-container teardown like deleting a namespace, which asks even in dev. One flag is not a container.
     */
    private static final List<Container> CONTAINERS = List.of(
            new Container("unleash", "", Pattern.compile(".*/api/admin/projects/([^/]+)/?"), "project"),
            new Container("unleash", "", Pattern.compile(".*/api/admin/environments/([^/]+)/?"), "environment"),
            new Container("launchdarkly", "launchdarkly", Pattern.compile("/api/v2/projects/([^/]+)/?"), "project"),
            new Container("launchdarkly", "launchdarkly", Pattern.compile("/api/v2/projects/[^/]+/environments/([^/]+)/?"), "environment"),
            new Container("flagsmith", "flagsmith", Pattern.compile("/api/v1/projects/([^/]+)/?"), "project"),
            new Container("flagsmith", "flagsmith", Pattern.compile("/api/v1/environments/([^/]+)/?"), "environment"),
            new Container("configcat", "configcat", Pattern.compile("/v1/products/([^/]+)/?"), "project"),
            new Container("configcat", "configcat", Pattern.compile("/v1/configs/([^/]+)/?"), "config"),
            new Container("configcat", "configcat", Pattern.compile("/v1/environments/([^/]+)/?"), "environment"));

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String path = NetworkRecognizer.path(url);
        // cheap gates first: every service's API is under a fixed prefix
        if (!path.contains("/api/") && !path.startsWith("/v1/") && !path.startsWith("/v2/")) {
            return Optional.empty();
        }
        String host = Hosts.of(url).toLowerCase(Locale.ROOT);
        String verb = method.isEmpty() ? body.isEmpty() ? "GET" : "POST" : method.toUpperCase(Locale.ROOT);
        String sent = String.join(" ", body);
        boolean reads = verb.equals("GET") || verb.equals("HEAD");
        if (verb.equals("DELETE")) {
            Optional<List<Operation>> teardown = teardown(inv, host, path);
            if (teardown.isPresent()) {
                return teardown;
            }
        }
        if (path.contains("/api/admin/")) {
            Matcher m = UNLEASH.matcher(path);
            if (m.matches()) {
                return built(inv, host, unleash(verb, m));
            }
            Matcher archived = UNLEASH_ARCHIVE.matcher(path);
            if (archived.matches() && !reads) {
                return built(inv, host, everywhere(flag("unleash", Verb.DELETE, archived.group(1)))
                        .note("deletes the archived flag for good"));
            }
            return Optional.empty();
        }
        if (host.contains("launchdarkly")) {
            Matcher m = LAUNCHDARKLY.matcher(path);
            if (!m.matches()) {
                return Optional.empty();
            }
            Operation.Builder b = flag("launchdarkly", Verb.UPDATE, m.group(2)).locator("flag-project", m.group(1));
            if (reads) {
                return built(inv, host, b.verb(Verb.READ));
            }
            if (verb.equals("DELETE")) {
                return built(inv, host, everywhere(b.verb(Verb.DELETE)));
            }
            return placed(inv, host, b, FlagPatches.environments(sent));
        }
        Matcher flagsmith = FLAGSMITH.matcher(path);
        if (flagsmith.matches() && (host.contains("flagsmith") || path.startsWith("/api/v1/"))) {
            return built(inv, host, flag("flagsmith", reads ? Verb.READ : verb.equals("DELETE") ? Verb.DELETE : Verb.UPDATE, path)
                    .locator("environment", flagsmith.group(1)));
        }
        Matcher growthbook = GROWTHBOOK.matcher(path);
        if (growthbook.matches() && host.contains("growthbook")) {
            Operation.Builder b = flag("growthbook", reads ? Verb.READ : verb.equals("DELETE") ? Verb.DELETE : Verb.UPDATE,
                    growthbook.group(1));
            if (reads) {
                return built(inv, host, b);
            }
            if (verb.equals("DELETE")) {
                return built(inv, host, everywhere(b));
            }
            Set<String> environments = new LinkedHashSet<>();
            Matcher m = GROWTHBOOK_ENVIRONMENTS.matcher(sent);
            while (m.find()) {
                Matcher key = JSON_KEY.matcher(m.group(1));
                while (key.find()) {
                    environments.add(key.group(1));
                }
            }
            return placed(inv, host, b, Optional.of(environments).filter(e -> !e.isEmpty()));
        }
        Matcher configcat = CONFIGCAT.matcher(path);
        if (configcat.matches() && host.contains("configcat")) {
            return built(inv, host, flag("configcat", reads ? Verb.READ : Verb.UPDATE, configcat.group(2))
                    .locator("environment", configcat.group(1)));
        }
        return Optional.empty();
    }

    private static Optional<List<Operation>> teardown(Invocation inv, String host, String path) {
        for (Container c : CONTAINERS) {
            Matcher m = c.path().matcher(path);
            if (m.matches() && host.contains(c.host())) {
                Operation.Builder b = Operation.builder(c.service(), Verb.DELETE).resource(c.type(), m.group(1)).scope(Scope.ALL)
                        .stateful(true).reversible(false).note("deletes the " + c.type() + " " + m.group(1) + " with every flag in it");
                // an environment is placed by its name, a project or config by the tier word in its name (shop-dev)
                String where = c.type().equals("environment") ? m.group(1) : DeploymentWords.tierOfName(m.group(1));
                return built(inv, host, where.isEmpty() ? b : b.locator("environment", where));
            }
        }
        return Optional.empty();
    }

    private static Operation.Builder unleash(String verb, Matcher m) {
        Operation.Builder b = flag("unleash", Verb.UPDATE, m.group(2)).locator("flag-project", m.group(1));
        if (verb.equals("GET") || verb.equals("HEAD")) {
            return b.verb(Verb.READ);
        }
        if (m.group(3) == null) {
            // DELETE …/features/F archives the flag: it stops being served in every environment
            return verb.equals("DELETE") ? everywhere(b.verb(Verb.DELETE)).reversible(true).note("archives the flag (revivable)") : b;
        }
        String rest = m.group(4) == null ? "" : m.group(4);
        b.locator("environment", m.group(3));
        if (verb.equals("DELETE")) {
            b.verb(rest.isEmpty() ? Verb.DELETE : Verb.UPDATE);
        }
        return b.note(rest.equals("/on") ? "turns the flag on in " + m.group(3)
                : rest.equals("/off") ? "turns the flag off in " + m.group(3) : "changes the flag in " + m.group(3));
    }

    /** One operation per environment named; none named leaves the change where the inventory puts it (unknown). */
    private static Optional<List<Operation>> placed(Invocation inv, String host, Operation.Builder b, Optional<Set<String>> environments) {
        if (environments.isEmpty()) {
            return built(inv, host, b.note("changes the flag in every environment"));
        }
        List<Operation> ops = new ArrayList<>();
        for (String environment : environments.get()) {
            ops.add(b.build().toBuilder().locator("environment", environment).locator("host", host).evidence(inv.evidence())
                    .note("changes the flag in " + environment).build());
        }
        return Optional.of(ops);
    }

    private static Operation.Builder flag(String system, Verb verb, String name) {
        return Operation.builder(system, verb).resource("feature-flag", name).scope(Scope.ONE).reversible(true);
    }

    /** A flag removed is removed from production too. */
    private static Operation.Builder everywhere(Operation.Builder b) {
        return b.locator("environment", "production").note("removes the flag from every environment, production included");
    }

    private static Optional<List<Operation>> built(Invocation inv, String host, Operation.Builder b) {
        return Optional.of(List.of(b.locator("host", host).evidence(inv.evidence()).build()));
    }
}
