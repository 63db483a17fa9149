package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a monitor's downtime or mute applies, by the tags of its scope ({@code env:dev service:checkout},
 * {@code host:web-3}, {@code *}): a downtime scoped to a dev environment silences only dev alerts, one scoped to
 * {@code *} or to no environment silences production's too. Shared by Datadog's MCP tools and its HTTP API.
 */
public final class MonitorScopes {

    private MonitorScopes() {
    }

    /** Tags are separated by blanks or commas, and in a query by parentheses and boolean words' blanks. */
    private static final Pattern TAGS = Pattern.compile("[\\s,()\\[\\]\"]+");

    /**
     * What the scope texts name: the first host, the one environment (none when they name several, so that the
     * strictest cannot be missed), and whether {@code *} covers everything.
     */
    public record Placement(String host, String environment, boolean everything) {

        /** Adds the locators and the scope to {@code b} ({@code host} only when the call named none itself). */
        public Operation.Builder apply(Operation.Builder b, boolean withHost) {
            if (withHost) {
                b.locator("host", host);
            }
            b.locator("environment", environment);
            return everything ? b.scope(Scope.ALL) : b;
        }
    }

    public static Placement of(Iterable<String> texts) {
        String host = "";
        Set<String> environments = new LinkedHashSet<>();
        boolean everything = false;
        for (String text : texts) {
            for (String tag : TAGS.split(text)) {
                if (tag.startsWith("host:") && host.isEmpty()) {
                    host = tag.substring("host:".length());
                } else if (tag.startsWith("env:")) {
                    environments.add(tag.substring("env:".length()));
                } else if (tag.equals("*")) {
                    everything = true;
                }
            }
        }
        return new Placement(host, environments.size() == 1 ? environments.iterator().next() : "", everything);
    }
}
