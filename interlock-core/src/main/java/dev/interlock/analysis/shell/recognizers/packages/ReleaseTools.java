package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.packages.Publishing.local;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.op;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.mobile.FastlaneActions;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Release tools that ship to users rather than to a package registry: GoReleaser (a GitHub release with its archives,
 * images and Homebrew taps) and fastlane's store uploads ({@code deliver} to the App Store, {@code supply} to Google
 * Play, {@code pilot} to TestFlight). Shipping is judged like {@link PackagePublishRecognizer}'s publishing: an
 * irreversible transfer to many. A snapshot, a validation or an upload to testers only is not: snapshots and builds
 * are local, validations read, tester tracks an update of the app's store entry. Fastlane lanes are the project's own
 * code; a lane named for a release is not assumed local.
 */
public final class ReleaseTools implements Recognizer {

    private static final Set<String> GORELEASER_PUBLISHES = Set.of("release", "publish", "announce", "continue");
    /** fastlane actions and their aliases ({@code fastlane run upload_to_app_store}). */
    private static final Map<String, String> FASTLANE_ALIASES = Map.of("upload_to_app_store", "deliver", "appstore", "deliver",
            "upload_to_play_store", "supply", "upload_to_testflight", "pilot", "testflight", "pilot");
    private static final Set<String> FASTLANE_LOCAL = Set.of("gym", "build_app", "build_ios_app", "build_android_app", "scan",
            "run_tests", "snapshot", "capture_screenshots", "screengrab", "init", "lanes", "list", "actions", "action", "env",
            "docs", "new_action", "frameit", "precheck", "update_fastlane", "enable_auto_complete", "search_plugins",
            "add_plugin", "install_plugins", "test", "tests", "build", "lint", "screenshots", "gradle");
    /** pilot's commands; without one it uploads. */
    private static final Set<String> PILOT_COMMANDS = Set.of("upload", "distribute", "builds", "list", "add", "remove",
            "find", "export", "import");
    private static final Pattern RELEASE_LANE = Pattern.compile("(?i).*(release|deploy|publish|submit|store|prod|rollout|promote).*");

    @Override
    public Set<String> programs() {
        return Set.of("goreleaser", "fastlane");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().contains("--help") || inv.words().contains("--version") || inv.words().contains("-h")) {
            return List.of();
        }
        return inv.program().equals("goreleaser") ? List.of(goreleaser(inv)) : fastlane(inv);
    }

    private static Operation goreleaser(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--skip", "-f", "--config", "-p", "--parallelism", "--timeout", "--release-notes",
                "--release-header", "--release-footer", "--id", "-o", "--output", "--single-target"));
        String sub = p.positional(0).orElse("release"); // goreleaser alone is goreleaser release
        boolean skipsPublish = p.has("--skip-publish") || String.join(",", p.flags().getOrDefault("--skip", List.of())).contains("publish");
        if (!GORELEASER_PUBLISHES.contains(sub) || p.has("--snapshot") || skipsPublish) {
            return local(inv, "goreleaser " + sub + (p.has("--snapshot") ? " --snapshot" : ""));
        }
        return op(inv, Verb.TRANSFER, "release", "the release of " + inv.workspace().cwd()).scope(Scope.MANY).reversible(false)
                .note("goreleaser " + sub + " creates the GitHub release and pushes its archives, images and packages to everyone who installs them")
                .build();
    }

    private static List<Operation> fastlane(Invocation inv) {
        List<String> words = inv.words();
        Map<String, String> options = new HashMap<>();
        String action = "";
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                // fastlane options take a value (--track production, --submit_for_review true); a bare flag means true
                boolean valued = i + 1 < words.size() && !words.get(i + 1).startsWith("-");
                options.put(w.substring(2), valued ? words.get(++i) : "true");
            } else if (w.contains(":") && !action.isEmpty()) {
                options.put(w.substring(0, w.indexOf(':')), w.substring(w.indexOf(':') + 1)); // lane and run options: key:value
            } else if (action.isEmpty() || action.equals("run") || action.equals("ios") || action.equals("android")) {
                action = w;
            }
        }
        action = FASTLANE_ALIASES.getOrDefault(action, action);
        boolean validateOnly = Boolean.parseBoolean(option(options, "validate_only", "verify_only").orElse("false"));
        String app = option(options, "app_identifier", "package_name").orElse("the app");
        return List.of(switch (action) {
            case "", "help" -> local(inv, "fastlane");
            case "deliver" -> validateOnly || words.contains("download_metadata") || words.contains("download_screenshots")
                    || words.contains("init")
                    ? read(inv, "app", app, "fastlane deliver only verifies or downloads")
                    : Boolean.parseBoolean(option(options, "submit_for_review").orElse("false"))
                            ? ship(inv, app, "fastlane deliver --submit_for_review sends the build to App Store review and then to users")
                            : update(inv, app, "fastlane deliver uploads the build and metadata to App Store Connect");
            case "supply" -> validateOnly || words.contains("init")
                    ? read(inv, "app", app, "fastlane supply --validate_only or init only checks or downloads the Play listing")
                    : track(options).equals("production")
                            ? ship(inv, app, "fastlane supply releases to the Play Store production track")
                            : track(options).equals("internal")
                                    ? testers(inv, app, "fastlane supply uploads to Google Play's internal testing track: the team's testers only")
                                    : update(inv, app, "fastlane supply uploads to a Google Play testing track");
            case "pilot" -> words.stream().anyMatch(w -> Set.of("list", "builds").contains(w))
                    ? read(inv, "app", app, "fastlane pilot lists TestFlight builds and testers")
                    : internalTestFlight(words, options)
                            ? testers(inv, app, "fastlane pilot uploads to TestFlight for the team's internal testers")
                            : update(inv, app, "fastlane pilot changes the app's TestFlight builds or testers");
            default -> account(inv, action, options, words);
        });
    }

    /** An action on the team's Apple account ({@link FastlaneActions}), a local tool, or a lane of the project's own. */
    private static Operation account(Invocation inv, String action, Map<String, String> options, List<String> words) {
        return FastlaneActions.of(inv, action, options, words).orElseGet(() -> FASTLANE_LOCAL.contains(action) ? local(inv, "fastlane " + action)
                : RELEASE_LANE.matcher(action).matches()
                        ? op(inv, Verb.EXECUTE, "script", action).confidence(Confidence.INFERRED)
                                .note("the fastlane lane '" + action + "' may ship the app; its actions are not analyzed").build()
                        : local(inv, "fastlane " + action));
    }

    /** The Play track a supply run leaves the build on: the promotion target if any, else the track (production when unnamed). */
    private static String track(Map<String, String> options) {
        return option(options, "track_promote_to", "track").orElse("production");
    }

    /** A TestFlight upload or distribution that reaches no external tester group ({@code distribute_external}). */
    private static boolean internalTestFlight(List<String> words, Map<String, String> options) {
        String sub = words.stream().filter(PILOT_COMMANDS::contains).findFirst().orElse("upload");
        return Set.of("upload", "distribute").contains(sub)
                && !Boolean.parseBoolean(option(options, "distribute_external").orElse("false"));
    }

    /**
     * Internal testing (the Play internal track, TestFlight's internal testers) reaches the team that makes the app,
     * not its users: a change of a pre-production copy, placed in staging.
     */
    private static Operation testers(Invocation inv, String app, String note) {
        return op(inv, Verb.UPDATE, "app", app).environment(Tier.STAGING, "internal testing reaches the team's testers, not the app's users")
                .note(note).build();
    }

    private static Operation ship(Invocation inv, String app, String note) {
        return op(inv, Verb.TRANSFER, "app", app).scope(Scope.MANY).reversible(false).note(note).build();
    }

    private static Operation update(Invocation inv, String app, String note) {
        return op(inv, Verb.UPDATE, "app", app).note(note).build();
    }

    private static Optional<String> option(Map<String, String> options, String... names) {
        for (String n : names) {
            if (options.containsKey(n)) {
                return Optional.of(options.get(n));
            }
        }
        return Optional.empty();
    }
}
