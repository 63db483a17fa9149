package dev.interlock.analysis.api;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environments a LaunchDarkly flag patch touches, however it is sent (a curl body, {@code ldcli flags update
 * --data}, an MCP server's patch argument): a JSON patch's paths {@code /environments/ENV/…} and a semantic patch's
 * {@code environmentKey}. A flag has one state per environment, so a patch confined to those paths changes only them.
 */
public final class FlagPatches {

    private FlagPatches() {
    }

    private static final Pattern ENVIRONMENT = Pattern.compile(
            "\"path\"\\s*:\\s*\"/environments/([^/\"]+)|\"environmentKey\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PATH = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]*)\"");

    /**
     * The environments named; empty when none is, or when some instruction changes the flag itself (its variations,
     * name, targeting shared by all environments), which then no one environment places.
     */
    public static Optional<Set<String>> environments(String sent) {
        Set<String> environments = new LinkedHashSet<>();
        Matcher m = ENVIRONMENT.matcher(sent);
        while (m.find()) {
            environments.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher paths = PATH.matcher(sent);
        while (paths.find()) {
            if (!paths.group(1).startsWith("/environments/")) {
                return Optional.empty();
            }
        }
        return Optional.of(environments).filter(e -> !e.isEmpty());
    }
}
