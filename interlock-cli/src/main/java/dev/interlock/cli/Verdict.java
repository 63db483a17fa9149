package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.RuleMatch;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code exec} needs from a decision, local or from the server: the effect, and the words to tell the user.
 *
 * @param effect     what happens to the command
 * @param summary    what the command would do, in plain words
 * @param reason     the messages of the rules that decided it (those with the final effect), and a reviewer's reason
 * @param decisionId the server's decision id, to report the execution against ("" locally)
 * @param approvalId the approval it is held under or was released by ("" when none)
 * @param approvalUrl where a reviewer acts on it ("" when none)
 */
record Verdict(Effect effect, String summary, String reason, String decisionId, String approvalId, String approvalUrl) {

    /** Reads the server's decision JSON; an effect we do not know is an error, so the command does not run. */
    static Verdict of(JsonNode d) {
        String wire = Answers.text(d, "effect");
        Effect effect = null;
        for (Effect e : Effect.values()) {
            if (e.wire().equals(wire)) {
                effect = e;
            }
        }
        if (effect == null) {
            throw new IllegalStateException("the server answered an unknown effect '" + wire + "'");
        }
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (JsonNode r : Answers.items(d.path("rules"), "")) {
            String ruleEffect = Answers.text(r, "effect");
            if (!ruleEffect.equals("allow") && !Answers.text(r, "message").isEmpty() && !Answers.text(r, "enforcement").equals("dry-run")) {
                (ruleEffect.equals(wire) ? reasons : others).add(Answers.text(r, "message") + " (" + Answers.text(r, "id") + ")");
            }
        }
        if (reasons.isEmpty()) {
            reasons.addAll(others);
        }
        String reviewer = Answers.text(d, "approval.reason");
        if (!reviewer.isEmpty()) {
            reasons.add("reviewer: " + reviewer);
        }
        return new Verdict(effect, Answers.text(d, "summary"), String.join("; ", reasons),
                Answers.text(d, "decision_id"), Answers.text(d, "approval.id"), Answers.text(d, "approval.url"));
    }

    static Verdict of(Decision d) {
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (RuleMatch r : d.rules()) {
            if (r.effect() != Effect.ALLOW && r.enforced() && !r.message().isEmpty()) {
                (r.effect() == d.effect() ? reasons : others).add(r.message() + " (" + r.id() + ")");
            }
        }
        if (reasons.isEmpty()) {
            reasons.addAll(others);
        }
        return new Verdict(d.effect(), d.summary(), String.join("; ", reasons), "", "", "");
    }

    /** {@code DENY: delete namespace payments (kubernetes, prod): … (rule)} — one line for stderr. */
    String line() {
        return effect.wire().toUpperCase(Locale.ROOT) + ": " + summary + Optional.of(reason).filter(r -> !r.isEmpty()).map(r -> ": " + r).orElse("");
    }
}
