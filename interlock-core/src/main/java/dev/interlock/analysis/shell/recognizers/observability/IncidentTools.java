package dev.interlock.analysis.shell.recognizers.observability;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Incident tooling: PagerDuty's CLI ({@code pd}) and Opsgenie's ({@code lamp}). They act on the live on-call service
 * itself, never on this machine: resolving, acknowledging or merging an incident can end a response in progress, an
 * override or a disabled service changes who is paged. Those are changes to live operations, in whatever environment
 * the request declares (unknown when it declares none); listing and showing only read.
 */
public final class IncidentTools implements Recognizer {

    private static final Set<String> VALUED = Set.of("-i", "--ids", "--id", "-n", "--name", "-u", "--user", "-e", "--email",
            "-t", "--title", "-S", "--service", "--service-id", "-P", "--priority", "-b", "--body", "-F", "--from", "--start",
            "--end", "--since", "--until", "-k", "--keys", "--sort", "--statuses", "--urgencies", "-p", "--profile",
            "--apiKey", "--message", "--alias", "--tinyId", "--note", "--source", "--teams", "--tags", "--config");

    /** PagerDuty: group, commands (spaced or oclif's {@code incident:ack}), act. Unlisted commands are judged by their word. */
    private static final CommandTable PAGERDUTY = CommandTable.builder()
            .add("incident", "list ls show get open log notes analytics alerts", read("incident"))
            .add("incident", "ack acknowledge resolve merge assign reassign escalate priority set snooze rename responders",
                    update("incident").note("changes a live incident: the response in progress follows it"))
            .add("incident", "create", create("incident").note("opens an incident: people are paged"))
            .add("schedule", "list ls show get render oncall", read("schedule"))
            .add("schedule", "override", update("schedule").note("changes who is on call"))
            .add("service", "list ls show get", read("service"))
            .add("service", "disable enable set create", update("service").note("changes whether and how the service pages"))
            .add("service", "delete", delete("service"))
            .add("ep", "list ls show get", read("escalation-policy"))
            .add("user", "list ls show get oncall", read("user"))
            .add("auth", "get list", credential("token").note("prints the PagerDuty API token"))
            .add("rest", "get fetchall", read("api"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("pd", "lamp", "opsgenie-lamp");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || inv.words().contains("--help") || inv.words().equals(List.of("--version"))) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = new ArrayList<>();
        for (String w : p.words()) {
            // pd incident:ack is pd incident ack; lamp's createAlert is create-alert, judged by its own verb
            words.addAll(List.of(Regex.replaceAll(w, "([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).split(":")));
        }
        boolean pagerduty = inv.program().equals("pd");
        CommandTable.Found found = pagerduty ? PAGERDUTY.findOrGuess(words, 2, "incident")
                : new CommandTable.Found(words.getFirst(), CommandTable.guess(words.getFirst(), "alert"), 1);
        String name = p.value("-i", "--ids", "--id", "--alias", "--tinyId", "-n", "--name")
                .orElse(found.name(words));
        String system = pagerduty ? "pagerduty" : "opsgenie";
        String why = system + " acts on the live on-call service, not on this machine";
        return List.of(found.act().placed(inv, system, name, Map.of(),
                Tier.UNKNOWN, why));
    }
}
