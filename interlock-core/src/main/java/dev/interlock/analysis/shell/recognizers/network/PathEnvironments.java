package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a REST path names as a segment: {@code …/environments/Dev/…} (Split),
 * {@code …/environments/development/ruleset} (Optimizely), {@code /envs/production/…}. Flag and config services keep
 * one state per environment under such a path, so a change there lands in that environment alone. Only the tier
 * word counts ({@code DeploymentWords.tierOfName}): an id or a variable in that place names nothing.
 */
final class PathEnvironments {

    private PathEnvironments() {
    }

    private static final Pattern SEGMENT = Pattern.compile("(?i)/(?:environments|envs|environment)/([^/]+)(/.*)?");

    /**
     * The tier word of the segment after {@code environments}, or empty. Deleting the path that ends at the environment
     * deletes the environment itself, which its own name does not make routine: that is left unplaced.
     */
    static Optional<String> of(String path, String method) {
        Matcher m = SEGMENT.matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        boolean whole = m.group(2) == null || m.group(2).equals("/");
        if (whole && method.equals("DELETE")) {
            return Optional.empty();
        }
        return Optional.of(DeploymentWords.tierOfName(m.group(1))).filter(w -> !w.isEmpty());
    }
}
