package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expo Application Services ({@code eas}). A build runs on Expo's servers and produces a binary that reaches no one
 * until it is submitted, whatever its profile; submitting ({@code eas submit}, {@code eas build --auto-submit}) sends it
 * to the stores. Over-the-air updates change what every app on a channel runs at its next start, so the branch or
 * channel they name is the environment ({@code eas update --branch production}, {@code eas channel:edit production},
 * {@code eas channel:rollout production --action create}). Listings, views and {@code eas config} only read. The
 * environment-variable commands print values, and with {@code --include-sensitive} the sensitive ones in clear: a
 * credential read in the environment they name. Anything else is judged like an unfamiliar CLI.
 */
public final class ExpoServices implements Recognizer {

    /** Commands that print variables' values. */
    private static final Set<String> PRINTS = Set.of("env:list", "env:get", "env:exec");
    /** Commands that only look, besides every {@code …:list} and {@code …:view}. */
    private static final Set<String> READS = Set.of("config", "whoami", "diagnostics", "project:info", "fingerprint:compare",
            "fingerprint:generate", "build:inspect", "update:view", "account:view");
    /** Over-the-air commands that change what a branch or channel serves, and the noun they act on. */
    private static final Map<String, Verb> OVER_THE_AIR = Map.ofEntries(Map.entry("update", Verb.UPDATE),
            Map.entry("update:republish", Verb.UPDATE), Map.entry("update:rollback", Verb.UPDATE),
            Map.entry("update:revert-update-rollout", Verb.UPDATE), Map.entry("update:edit", Verb.UPDATE),
            Map.entry("update:delete", Verb.DELETE), Map.entry("channel:edit", Verb.UPDATE),
            Map.entry("channel:rollout", Verb.UPDATE), Map.entry("channel:pause", Verb.UPDATE),
            Map.entry("channel:resume", Verb.UPDATE), Map.entry("channel:delete", Verb.DELETE),
            Map.entry("branch:delete", Verb.DELETE));
    private static final Set<String> VALUED = Set.of("--profile", "-e", "--platform", "-p", "--branch", "--channel",
            "--message", "-m", "--action", "--percent", "--runtime-version", "--environment", "--group", "--out",
            "--auto-submit-with-profile", "--id", "--limit", "--offset", "--json-key", "--message-source", "--input-dir",
            "--target", "--build-profile", "--wait-timeout");

    @Override
    public Set<String> programs() {
        return Set.of("eas");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        ParsedArgs p = inv.parse(VALUED);
        String command = p.positional(0).orElse("");
        if (PRINTS.contains(command) && words.contains("--include-sensitive")) {
            Operation.Builder b = op(inv, Verb.CREDENTIAL, "secrets", "eas")
                    .note("eas " + command + " --include-sensitive prints sensitive variables' values in clear");
            p.value("--environment", "-e").ifPresent(e -> b.locator("environment", e));
            return List.of(b.build());
        }
        Optional<String> action = p.value("--action");
        if (READS.contains(command) || command.endsWith(":list") || command.endsWith(":view")
                || command.equals("channel:rollout") && action.filter(a -> a.equals("view")).isPresent()) {
            return List.of(op(inv, Verb.READ, "project", inv.workspace().cwd()).build());
        }
        boolean submits = command.equals("submit") || command.equals("build") && (p.has("--auto-submit", "-s")
                || p.has("--auto-submit-with-profile"));
        if (submits) {
            // to TestFlight or a Play track as the submit profile says: either way the build leaves for the stores
            Operation.Builder b = op(inv, Verb.TRANSFER, "app", p.value("--profile", "-e").orElse("the app")).scope(Scope.MANY)
                    .reversible(false).note("eas " + command + (command.equals("build") ? " --auto-submit" : "")
                            + " sends the build to the App Store or Google Play");
            p.value("--profile", "-e").ifPresent(profile -> b.locator("profile", profile));
            return List.of(b.build());
        }
        if (command.equals("build")) {
            return List.of(op(inv, Verb.CREATE, "build", p.value("--profile", "-e").orElse("the app"))
                    .environment(Tier.DEV, "a build on Expo's servers produces a binary and releases it to no one").build());
        }
        Verb verb = OVER_THE_AIR.get(command);
        if (verb == null) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        // channel:* and branch:* name their channel or branch first; updates name theirs with --branch or --channel
        String target = command.startsWith("update")
                ? p.value("--branch", "--channel").orElse("")
                : p.positional(1).orElse("");
        Operation.Builder b = op(inv, verb, command.startsWith("channel") ? "channel" : "branch", target)
                .note("eas " + command + " changes what the apps on " + (target.isEmpty() ? "a channel" : target) + " run at their next start");
        if (!target.isEmpty()) {
            b.locator("environment", target);
        }
        return List.of(verb == Verb.DELETE ? b.stateful(true).reversible(false).build() : b.build());
    }

    private static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder("eas", verb).resource(type, name).confidence(Confidence.INFERRED).evidence(inv.evidence());
    }
}
