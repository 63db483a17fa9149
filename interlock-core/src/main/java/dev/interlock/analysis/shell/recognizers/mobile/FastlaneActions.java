package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * fastlane actions that act on the team's Apple Developer and App Store Connect account rather than on the build:
 * code signing ({@code match}, {@code cert}, {@code sigh}, {@code pem}) is shared by every developer and every release
 * pipeline of the team, so nuking it is a delete of all of it and forcing it regenerates what the others use; a plain
 * fetch (or {@code readonly}) is the everyday sync and stays the project's own run. {@code spaceauth} prints an Apple
 * ID session cookie. The store uploads themselves are {@code ReleaseTools}'.
 */
public final class FastlaneActions {

    /** Actions (and their aliases) that fetch signing assets, creating or renewing them when forced. */
    private static final Set<String> SIGNING = Set.of("match", "sync_code_signing", "cert", "get_certificates", "sigh",
            "get_provisioning_profile", "pem", "get_push_certificate");
    /** Options that make a signing action regenerate what exists. */
    private static final Set<String> FORCING = Set.of("force", "force_for_new_devices", "force_for_new_certificates");
    /** Actions that change the team's account: its apps and its registered devices (a limited yearly allowance). */
    private static final Map<String, String> ACCOUNT_CHANGES = Map.of("produce", "creates the app on App Store Connect",
            "create_app_online", "creates the app on App Store Connect", "register_devices", "registers devices with the team",
            "register_device", "registers a device with the team");
    /** Actions that mint and print a session for the Apple ID. */
    private static final Set<String> SESSIONS = Set.of("spaceauth");

    private FastlaneActions() {
    }

    /**
     * What the account action does, or empty for an action that is not one of these (or a plain fetch of signing
     * assets). {@code words} are fastlane's arguments, {@code options} its parsed {@code --name value} and {@code name:value}.
     */
    public static Optional<Operation> of(Invocation inv, String action, Map<String, String> options, List<String> words) {
        if (SESSIONS.contains(action)) {
            return Optional.of(account(inv, Verb.CREDENTIAL, "session", options.getOrDefault("u", options.getOrDefault("user", "Apple ID")))
                    .note("fastlane spaceauth logs in and prints the Apple ID session cookie (FASTLANE_SESSION)").build());
        }
        if (ACCOUNT_CHANGES.containsKey(action)) {
            return Optional.of(account(inv, action.startsWith("register") ? Verb.UPDATE : Verb.CREATE, "app",
                    options.getOrDefault("app_identifier", "")).note("fastlane " + action + " " + ACCOUNT_CHANGES.get(action)).build());
        }
        boolean nuke = action.equals("match_nuke") || (action.equals("match") || action.equals("sync_code_signing")) && words.contains("nuke");
        if (nuke) {
            String type = words.stream().dropWhile(w -> !w.equals("nuke")).skip(1).filter(w -> !w.startsWith("-")).findFirst()
                    .orElse(options.getOrDefault("type", ""));
            return Optional.of(account(inv, Verb.DELETE, "signing", (type + " certificates and profiles").trim()).scope(Scope.ALL)
                    .stateful(true).reversible(false)
                    .note("fastlane match nuke revokes every " + type + " certificate and profile of the team: every build signed with them stops installing").build());
        }
        if (!SIGNING.contains(action) || option(options, "readonly")) {
            return Optional.empty();
        }
        if (words.contains("change_password") || words.contains("import")) {
            return Optional.of(account(inv, Verb.UPDATE, "signing", "the shared match repository")
                    .note("fastlane match " + (words.contains("import") ? "import" : "change_password") + " rewrites the team's shared signing repository").build());
        }
        if (FORCING.stream().anyMatch(o -> option(options, o))) {
            return Optional.of(account(inv, Verb.UPDATE, "signing", options.getOrDefault("app_identifier", "the team's profiles"))
                    .note("fastlane " + action + " with force regenerates certificates or profiles the whole team signs with").build());
        }
        return Optional.empty();
    }

    private static boolean option(Map<String, String> options, String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    private static Operation.Builder account(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder("fastlane", verb).resource(type, name).confidence(Confidence.INFERRED).evidence(inv.evidence());
    }
}
