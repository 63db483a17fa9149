package dev.interlock.analysis.shell.recognizers.bi;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looker's command-line clients, placed by the instance they talk to. {@code gzr NOUN VERB --host H} (gzr's default
 * host is {@code localhost}): listing, showing and exporting content and users read; {@code query runquery} answers with
 * a query's rows; removing content and users deletes; importing, moving, updating and deploying change what people
 * report from. Spectacles ({@code spectacles sql|assert|content|lookml --base-url URL}) only validates: it runs the
 * explores' SQL, the LookML data tests and the content checks, in development mode on a branch, and changes nothing.
 */
public final class LookerClis implements Recognizer {

    private static final Map<String, Action> GZR_VERBS = Map.ofEntries(
            Map.entry("rm", Action.delete("content", "deletes Looker content (a dashboard, look, folder or user)")),
            Map.entry("delete", Action.delete("content", "deletes a Looker object")),
            Map.entry("import", Action.update("content", "imports content into the Looker instance, overwriting with --force")),
            Map.entry("update", Action.update("content", "")),
            Map.entry("create", Action.create("content", "")),
            Map.entry("mv", Action.update("content", "moves content to another folder")),
            Map.entry("disable", Action.update("user", "disables a Looker user or schedule")),
            Map.entry("enable", Action.update("user", "")),
            Map.entry("deploy", Action.update("project", "deploys a LookML project to production mode")),
            Map.entry("checkout", Action.update("project", "")),
            Map.entry("run", Action.update("schedule", "runs a schedule now: its deliveries go out")),
            Map.entry("randomize", Action.update("schedule", "")),
            Map.entry("set", Action.update("content", "")),
            Map.entry("runquery", Action.read(DatabaseOps.QUERY_RESULTS)));
    private static final Set<String> GZR_READS = Set.of("ls", "cat", "me", "tree", "search", "top", "export", "member_users",
            "member_groups", "dialects", "failures", "test", "get", "branch", "validate", "version", "help");
    private static final Set<String> VALUED = Set.of("--host", "--port", "--client-id", "--client-secret", "--token", "--token-file",
            "--su", "--api-version", "--dir", "--fields", "--plans", "--base-url", "--project", "--branch", "--commit-ref",
            "--concurrency", "--config-file", "--explores", "--folders", "--exclude-folders", "--runtime-threshold", "--timeout",
            "--ref", "--severity", "--log-dir", "--chunk-size", "--target-dir", "--ignore-hidden");

    @Override
    public Set<String> programs() {
        return Set.of("gzr", "spectacles");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (inv.program().equals("spectacles")) {
            String command = words.isEmpty() ? "" : words.getFirst();
            Operation.Builder b = Action.read("lookml").on("looker", p.value("--project").orElse(""), inv,
                    "validates " + (command.isEmpty() ? "the project" : "with spectacles " + command) + "; changes nothing");
            p.value("--base-url").map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> b.locator("host", h));
            return List.of(b.build());
        }
        String noun = words.isEmpty() ? "" : words.getFirst();
        String verb = words.size() > 1 ? words.get(1) : "";
        Action row = GZR_READS.contains(verb) || verb.isEmpty() ? Action.read(noun.isEmpty() ? "looker" : noun)
                : GZR_VERBS.getOrDefault(verb, Action.update(noun, "a Looker change gzr's words do not say"));
        if (verb.equals("rm") && p.has("--force", "-f") && noun.matches("space|folder")) {
            row = row.scope(Scope.MANY);
        }
        String name = p.words().size() > 2 ? p.words().get(2) : noun;
        Operation.Builder b = row.on("looker", name, inv);
        b.locator("host", p.value("--host").map(Hosts::of).filter(h -> !h.isEmpty()).orElse("localhost"));
        return List.of(b.build());
    }
}
