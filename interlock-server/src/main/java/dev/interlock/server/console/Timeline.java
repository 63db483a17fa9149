package dev.interlock.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An incident, reconstructed from the audit log: the decisions that match (a resource, an agent, a session, any text
 * in them) within a time window, and everything that followed from them — the approvals opened and reviewed, grants,
 * reported outcomes — and the policy loads in between, in the order they happened. Each step names the control that
 * let it happen or stopped it: the deciding rule or the tier default, the reviewer and how long they read.
 */
final class Timeline {

    static final int MAX = 1000;

    private Timeline() {
    }

    static Views.Timeline of(Views.PageInfo page, AuditLog audit, String text, String from, String to) {
        Instant after = AuditFilter.instant(from, Instant.MIN);
        Instant before = AuditFilter.instant(to, Instant.MAX);
        String needle = text.toLowerCase(Locale.ROOT);
        List<AuditEvent> window = new ArrayList<>();
        Set<String> decisions = new HashSet<>();
        Set<String> approvals = new HashSet<>();
        long seq = 0;
        while (true) {
            List<AuditEvent> chunk = audit.read(seq, 1000);
            if (chunk.isEmpty()) {
                break;
            }
            for (AuditEvent e : chunk) {
                if (e.at().isBefore(after) || e.at().isAfter(before)) {
                    continue;
                }
                window.add(e);
                if (e.type().equals("decision") && (needle.isEmpty() || e.body().toLowerCase(Locale.ROOT).contains(needle))) {
                    JsonNode data = ConsoleRoutes.tree(e.body()).path("data");
                    decisions.add(data.path("decision_id").asText());
                    if (data.path("approval").has("id")) {
                        approvals.add(data.path("approval").path("id").asText());
                    }
                }
            }
            seq = chunk.getLast().seq();
        }
        List<Views.Step> steps = new ArrayList<>();
        for (AuditEvent e : window) {
            JsonNode data = ConsoleRoutes.tree(e.body()).path("data");
            Views.Step step = switch (e.type()) {
                case "decision" -> decisions.contains(data.path("decision_id").asText()) ? decision(e, data) : null;
                case "approval.viewed", "approval.reviewed" -> approvals.contains(data.path("approval_id").asText()) ? review(e, data) : null;
                case "grant.created" -> approvals.contains(data.path("approval_id").asText())
                        ? step(e, "grant " + data.path("id").asText() + " for " + data.path("patterns"), "from approval "
                        + data.path("approval_id").asText() + ", until " + data.path("expires_at").asText(), data.path("created_by").asText()) : null;
                case "execution.reported" -> decisions.contains(data.path("decision_id").asText())
                        ? step(e, "it ran: exit " + data.path("exit_code").asText() + " after " + data.path("duration_ms").asText() + " ms",
                        "decision " + data.path("decision_id").asText(), data.path("reported_by").path("agent").asText()) : null;
                case "policy.loaded" -> step(e, "policy " + data.path("policy_version").asText() + " loaded " + data.path("policies"),
                        "in force from here", data.path("by").asText());
                case "policy.refused" -> step(e, "a policy change was refused: " + data.path("reason").asText(),
                        "the previous policy stays", data.path("by").asText());
                default -> null;
            };
            if (step != null && steps.size() < MAX) {
                steps.add(step);
            }
        }
        return new Views.Timeline(page, text, from, to, steps);
    }

    private static Views.Step decision(AuditEvent e, JsonNode data) {
        String effect = data.path("effect").asText();
        List<String> controls = new ArrayList<>();
        for (JsonNode r : data.path("rules")) {
            if (r.path("effect").asText().equals(effect) && !r.path("enforcement").asText().equals("dry-run")) {
                String id = r.path("id").asText();
                controls.add(id.startsWith("default:") ? "tier default " + id.substring(8) : "rule " + id);
            }
        }
        JsonNode actor = data.path("actor");
        String who = actor.path("agent").asText() + " for " + actor.path("principal").asText()
                + (actor.path("session").asText().isEmpty() ? "" : " (session " + actor.path("session").asText() + ")");
        return step(e, effect + ": " + data.path("summary").asText(), controls.isEmpty() ? "(no rule recorded)" : String.join(", ", controls), who);
    }

    private static Views.Step review(AuditEvent e, JsonNode data) {
        if (e.type().equals("approval.viewed")) {
            return step(e, "approval " + data.path("approval_id").asText() + " opened", "review clock starts", data.path("reviewer").asText());
        }
        String comment = data.path("comment").asText();
        return step(e, data.path("verdict").asText() + " approval " + data.path("approval_id").asText() + " → " + data.path("state").asText(),
                "read for " + Words.duration(Duration.ofMillis(Math.max(1000, data.path("review_ms").asLong()))) + (comment.isEmpty() ? "" : ": “" + comment + "”"),
                data.path("reviewer").asText());
    }

    private static Views.Step step(AuditEvent e, String what, String control, String who) {
        return new Views.Step(e.seq(), e.at().toString(), e.type(), what, control, who);
    }
}
