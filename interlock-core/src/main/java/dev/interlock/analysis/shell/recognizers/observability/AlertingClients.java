package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alertmanager's {@code amtool}: a silence or an injected alert changes who gets paged — in production it hides a
 * real incident or wakes someone for a fake one — so it is a change where the Alertmanager is; queries, config checks
 * and route tests only read. Where comes from {@code --alertmanager.url} (or {@code ALERTMANAGER_URL}).
 */
public final class AlertingClients implements Recognizer {

    /** Subcommand (two words) → what it does; anything else amtool does reads. */
    private static final Map<String, Verb> CHANGES = Map.of("silence add", Verb.CREATE, "silence import", Verb.CREATE,
            "silence update", Verb.UPDATE, "silence expire", Verb.DELETE, "silence expire-all", Verb.DELETE, "alert add", Verb.CREATE);
    private static final Set<String> VALUED = Set.of("--alertmanager.url", "--output", "-o", "--timeout", "--config.file",
            "--duration", "-d", "--comment", "-c", "--author", "-a", "--start", "--end", "--annotation", "--generator-url",
            "--http.config.file", "--date.format");

    @Override
    public Set<String> programs() {
        return Set.of("amtool");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        var p = inv.parse(VALUED);
        List<String> words = p.words();
        String sub = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.isEmpty() ? "" : words.getFirst();
        // "amtool silence" alone queries, as "amtool alert" does
        Verb verb = CHANGES.getOrDefault(sub, Verb.READ);
        String url = p.value("--alertmanager.url").orElse(inv.env().getOrDefault("ALERTMANAGER_URL", ""));
        Operation.Builder b = Operation.builder("alertmanager", verb)
                .resource(words.size() > 1 && words.getFirst().equals("alert") ? "alert" : "silence", String.join(" ", words.stream().skip(2).toList()))
                .evidence(inv.evidence());
        String host = Hosts.of(url);
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        if (verb != Verb.READ) {
            b.note("amtool " + sub + " changes who gets paged" + (host.isEmpty() ? "" : " by " + host));
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
