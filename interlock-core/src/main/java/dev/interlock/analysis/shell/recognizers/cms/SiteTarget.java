package dev.interlock.analysis.shell.recognizers.cms;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a site CLI acts, as locators for environment resolution. A site alias ({@code wp @prod}, {@code drush
 * @shop.live}) is named for its environment; a remote route ({@code --ssh=deploy@web-prod-1/var/www/shop}, a site URL)
 * names the host; the site's own settings in the environment (Bedrock's {@code WP_ENV} and {@code DB_HOST}, Directus'
 * {@code DB_HOST}, Strapi's {@code DATABASE_URL}) name its database server and environment; a directory named for an
 * environment ({@code /var/www/magento-prod/current}) places the install. Nothing of these: the command acts on the
 * install in the working directory, on this machine. Moodle's moosh and admin scripts ({@code lms}) are placed the same way.
 */
public record SiteTarget(Map<String, String> locators) {

    /** The variables a site reads its settings from. */
    public record Settings(List<String> hosts, List<String> databases, List<String> urls, List<String> environments) {
    }

    /** A route to a container's install: {@code docker:web}, {@code docker-compose:wordpress} reach one of this machine's. */
    private static final String CONTAINER_ROUTE = "(?:docker|docker-compose|docker-compose-run):(?:[^@]*@)?(.+)";

    public static SiteTarget of(Invocation inv, Optional<String> alias, Optional<String> remote, Optional<String> url,
                         Optional<String> path, Settings settings) {
        Map<String, String> where = new TreeMap<>();
        alias.map(a -> Regex.replaceFirst(a, "^@", "")).filter(a -> !a.isEmpty() && !a.equals("self"))
                .ifPresent(a -> where.put("environment", aliasEnvironment(a)));
        remote.ifPresent(r -> {
            if (Regex.matches(r, CONTAINER_ROUTE)) {
                // a container of this machine's daemon is this machine's, unless it is named for a shared environment
                String container = Regex.replaceFirst(r, CONTAINER_ROUTE, "$1");
                if (DeploymentWords.named(container)) {
                    where.put("container", container);
                }
            } else {
                where.put("host", Hosts.of(r));
            }
        });
        url.map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> where.putIfAbsent("host", h));
        first(inv, settings.urls()).map(DatabaseTarget::fromUrl).ifPresent(t -> {
            putIfSet(where, "host", t.host());
            putIfSet(where, "database", t.database());
        });
        first(inv, settings.hosts()).ifPresent(h -> where.putIfAbsent("host", Hosts.of(h)));
        first(inv, settings.databases()).ifPresent(d -> where.putIfAbsent("database", d));
        first(inv, settings.environments()).ifPresent(e -> where.putIfAbsent("environment", e));
        if (!where.containsKey("environment")) {
            IacArgs.environmentOfPath(path.map(p -> inv.workspace().resolve(p)).orElse(inv.workspace().dir()))
                    .ifPresent(e -> where.put("environment", e));
        }
        return new SiteTarget(Map.copyOf(where));
    }

    /** The environment an alias is named for ({@code shop.prod}, {@code acme-local}); else the alias itself. */
    private static String aliasEnvironment(String alias) {
        boolean local = Arrays.stream(alias.split("[-_.]")).anyMatch("local"::equalsIgnoreCase);
        return IacArgs.environmentOfPath(alias).orElse(local ? "local" : alias);
    }

    /** The operation with these locators; with none, on this machine (unless the command itself runs elsewhere). */
    public Operation place(Operation op, Invocation inv) {
        Operation.Builder b = op.toBuilder();
        locators.forEach((k, v) -> {
            if (op.resource().locator(k).isEmpty()) {
                b.locator(k, v);
            }
        });
        if (locators.isEmpty() && !inv.remote() && op.environment() == Tier.UNKNOWN) {
            b.environment(Tier.LOCAL, inv.program() + " acts on the install in the working directory; nothing names another site");
        }
        return b.build();
    }

    public List<Operation> place(List<Operation> ops, Invocation inv) {
        return ops.stream().map(o -> place(o, inv)).toList();
    }

    private static Optional<String> first(Invocation inv, List<String> names) {
        return names.stream().map(inv.env()::get).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private static void putIfSet(Map<String, String> where, String key, String value) {
        if (!value.isEmpty()) {
            where.putIfAbsent(key, value);
        }
    }
}
