package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hosted app a platform CLI's command acts on, as the {@code app} locator the inventory places like a profile
 * ({@code shop-api-dev} is dev, {@code shop-api-prod} prod): {@code -a}/{@code --app} (heroku, fly, flyctl, dokku),
 * the CLI's own variable ({@code HEROKU_APP}, {@code FLY_APP}), and for heroku a git remote other than
 * {@code heroku} ({@code -r staging}), which names a stage. One piece for every hosting recognizer, so a command that
 * reads, changes or destroys is placed by the same words.
 */
public final class HostingApps {

    private HostingApps() {
    }

    /** CLIs whose {@code -a} is the app (elsewhere {@code -a} often means "all"). */
    private static final Set<String> APP_SHORT_FLAG = Set.of("heroku", "fly", "flyctl", "dokku");
    /** The variable each CLI reads its app from when no flag names it. */
    private static final Map<String, String> APP_VARIABLES = Map.of("heroku", "HEROKU_APP", "fly", "FLY_APP",
            "flyctl", "FLY_APP");
    private static final Set<String> VALUED = Set.of("-a", "--app", "-r", "--remote");

    /** The app and stage locators of {@code inv}; empty when nothing names them. */
    public static Map<String, String> locators(Invocation inv) {
        Map<String, String> locators = new TreeMap<>();
        if (!HostingPlatforms.PROGRAMS.contains(inv.program()) && !inv.program().startsWith("cf")) {
            return locators;
        }
        ParsedArgs p = inv.parse(VALUED);
        Optional<String> app = APP_SHORT_FLAG.contains(inv.program()) ? p.value("-a", "--app") : p.value("--app");
        app.or(() -> Optional.ofNullable(APP_VARIABLES.get(inv.program())).map(inv.env()::get))
                .filter(a -> !a.isBlank() && !a.startsWith("$"))
                .ifPresent(a -> locators.put("app", a));
        if (inv.program().equals("heroku")) {
            p.value("-r", "--remote").filter(r -> !r.equals("heroku")).ifPresent(r -> locators.put("environment", r));
        }
        return locators;
    }
}
