package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sentry-cli}: release work (sourcemaps, debug files, releases and deploy markers) only adds files and records
 * that symbolicate stack traces, a routine build step that changes no running system; deleting a release or project
 * loses its history, and resolving or muting issues ({@code --all}: every one) hides them from whoever is on call.
 * {@code monitors run SLUG -- CMD} runs CMD, which is judged itself. Other commands read.
 */
public final class SentryCli implements Recognizer {

    private static final Action RELEASE = Action.create("release-files", "uploads release files to Sentry; they change no running system");
    private static final Action ISSUES = Action.update("issue", "changes the state of Sentry issues, hiding them from whoever is on call");
    /** A test event only records one report in the project; like release files it changes no running system. */
    private static final Action EVENT = Action.create("event", "sends one event to Sentry");
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("sourcemaps upload", RELEASE), Map.entry("sourcemaps inject", RELEASE),
            Map.entry("debug-files upload", RELEASE), Map.entry("dif upload", RELEASE), Map.entry("upload-dif", RELEASE),
            Map.entry("upload-dsym", RELEASE), Map.entry("upload-proguard", RELEASE), Map.entry("build upload", RELEASE),
            Map.entry("releases new", RELEASE), Map.entry("releases finalize", RELEASE), Map.entry("releases set-commits", RELEASE),
            Map.entry("releases files", RELEASE), Map.entry("releases deploys", RELEASE), Map.entry("deploys new", RELEASE),
            Map.entry("releases propose-version", Action.read("release")),
            Map.entry("releases delete", Action.delete("release", "deletes a Sentry release and its files")),
            Map.entry("releases archive", Action.update("release", "archives a Sentry release")),
            Map.entry("projects delete", Action.delete("project", "deletes a Sentry project with its events")),
            Map.entry("issues resolve", ISSUES), Map.entry("issues mute", ISSUES), Map.entry("issues unresolve", ISSUES),
            Map.entry("send-event", EVENT), Map.entry("send-envelope", EVENT));
    private static final Set<String> VALUED = Set.of("-o", "--org", "-p", "--project", "-r", "--release", "--dist", "-e", "--env",
            "--url-prefix", "--url-suffix", "--ext", "-x", "--ignore", "--ignore-file", "-i", "--id", "-s", "--status", "--auth-token",
            "--url", "--header", "--log-level", "-m", "--message", "-t", "--type", "--strip-prefix", "--ignore-prefix", "--commit",
            "--bundle", "--bundle-sourcemap", "--name", "--started", "--finished", "--time");
    private static final Placement ORG = Placement.of("organization", "-o", "--org").orVariables("SENTRY_ORG");
    /** A self-hosted Sentry: its address places the work (one on this machine is a local sandbox). */
    private static final Placement SERVER = Placement.of("host", "--url").orVariables("SENTRY_URL");

    @Override
    public Set<String> programs() {
        return Set.of("sentry-cli");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> all = inv.words();
        int dashes = all.indexOf("--");
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String sub = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.isEmpty() ? "" : words.getFirst();
        if (sub.equals("monitors run") && dashes >= 0 && dashes + 1 < all.size()) {
            List<Operation> ops = new ArrayList<>();
            for (Operation op : nested.shell(String.join(" ", all.subList(dashes + 1, all.size()).stream().map(SentryCli::quoted).toList()), inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
            return ops;
        }
        Action row = COMMANDS.getOrDefault(sub, COMMANDS.getOrDefault(words.isEmpty() ? "" : words.getFirst(), Action.read("sentry")));
        if (row == ISSUES && p.has("-a", "--all")) {
            row = row.scope(Scope.ALL);
        }
        String name = row == RELEASE ? p.value("-r", "--release").orElse(words.size() > 2 ? words.get(2) : "")
                : p.value("-p", "--project", "-i", "--id").orElse(words.size() > 2 ? words.get(2) : "");
        Operation.Builder b = row.on("sentry", name, inv);
        ORG.locators(inv, p).forEach(b::locator);
        SERVER.locators(inv, p).forEach(b::locator);
        p.value("-p", "--project").ifPresent(project -> b.locator("project", project));
        if (row == RELEASE || row == EVENT) {
            b.environment(Tier.DEV, "release files and test events only add records to Sentry; no running system changes");
        }
        return List.of(b.build());
    }

    private static String quoted(String word) {
        return word.matches("[\\w./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
