package dev.interlock.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.server.audit.AuditEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An incident, reconstructed from the audit log: the decisions that match (every needle — a resource, an agent, a
 * principal, a session, an environment, any text — found in them) within a time window, and everything that followed
 * from them — the approvals opened and reviewed, grants, reported outcomes — and the policy loads in between, in the
 * order they happened. Each step names the control that let it happen or stopped it: the deciding rule or the tier
 * default or the approval that released it; for a review, the reviewer and how long they read.
 */
public final class Timeline {

    public static final int MAX = 5000;

    /** What to look at: needles that must all be found in a decision, and a time window. */
    public record Filter(List<String> needles, Instant from, Instant to) {
        public Filter {
            needles = needles.stream().filter(n -> n != null && !n.isBlank()).map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            from = from == null ? Instant.MIN : from;
            to = to == null ? Instant.MAX : to;
        }

        boolean matches(String body) {
            String text = body.toLowerCase(Locale.ROOT);
            return needles.stream().allMatch(text::contains);
        }
    }

    /** One step; {@code data} is the event's data, for reports that look closer. */
    public record Step(long seq, Instant at, String type, String what, String control, String who, JsonNode data) {
    }

    private Timeline() {
    }

    public static List<Step> of(AuditPages audit, Filter filter) {
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
                if (e.at().isBefore(filter.from()) || e.at().isAfter(filter.to())) {
                    continue;
                }
                window.add(e);
                if (e.type().equals("decision") && filter.matches(e.body())) {
                    JsonNode data = data(e);
                    decisions.add(data.path("decision_id").asText());
                    if (data.path("approval").has("id")) {
                        approvals.add(data.path("approval").path("id").asText());
                    }
                }
            }
            seq = chunk.getLast().seq();
        }
        List<Step> steps = new ArrayList<>();
        for (AuditEvent e : window) {
            JsonNode data = data(e);
            Step step = switch (e.type()) {
                case "decision" -> decisions.contains(data.path("decision_id").asText()) ? decision(e, data) : null;
                case "approval.viewed", "approval.reviewed" -> approvals.contains(data.path("approval_id").asText()) ? review(e, data) : null;
                case "grant.created" -> approvals.contains(data.path("approval_id").asText())
                        ? step(e, data, "grant " + data.path("id").asText() + " for " + data.path("patterns"), "from approval "
                        + data.path("approval_id").asText() + ", until " + data.path("expires_at").asText(), data.path("created_by").asText()) : null;
                case "execution.reported" -> decisions.contains(data.path("decision_id").asText())
                        ? step(e, data, "it ran: exit " + data.path("exit_code").asText() + " after " + data.path("duration_ms").asText() + " ms",
                        "decision " + data.path("decision_id").asText(), data.path("reported_by").path("agent").asText()) : null;
                case "policy.loaded" -> step(e, data, "policy " + data.path("policy_version").asText() + " loaded " + data.path("policies"),
                        "in force from here", data.path("by").asText());
                case "policy.refused" -> step(e, data, "a policy change was refused: " + data.path("reason").asText(),
                        "the previous policy stays", data.path("by").asText());
                default -> null;
            };
            if (step != null && steps.size() < MAX) {
                steps.add(step);
            }
        }
        return steps;
    }

    static JsonNode data(AuditEvent e) {
        try {
            return Json.MAPPER.readTree(e.body()).path("data");
        } catch (IOException ex) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** The controls that set a decision's effect: rules, the tier default, or the approval that released it. */
    public static List<String> controls(JsonNode decision) {
        String effect = decision.path("effect").asText();
        List<String> controls = new ArrayList<>();
        for (JsonNode r : decision.path("rules")) {
            if (r.path("effect").asText().equals(effect) && !r.path("enforcement").asText().equals("dry-run")) {
                String id = r.path("id").asText();
                String named = id.startsWith("default:") ? "tier default " + id.substring(8) : "rule " + id;
                if (!controls.contains(named)) {
                    controls.add(named);
                }
            }
        }
        if (decision.hasNonNull("grant")) {
            controls.add("grant " + decision.path("grant").asText());
        }
        return controls;
    }

    private static Step decision(AuditEvent e, JsonNode data) {
        List<String> controls = controls(data);
        JsonNode actor = data.path("actor");
        String who = actor.path("agent").asText() + " for " + actor.path("principal").asText()
                + (actor.path("session").asText().isEmpty() ? "" : " (session " + actor.path("session").asText() + ")");
        return step(e, data, data.path("effect").asText() + ": " + data.path("summary").asText(),
                (controls.isEmpty() ? "(no rule recorded)" : String.join(", ", controls)) + " · policy " + data.path("policy_version").asText(), who);
    }

    private static Step review(AuditEvent e, JsonNode data) {
        if (e.type().equals("approval.viewed")) {
            return step(e, data, "approval " + data.path("approval_id").asText() + " opened", "review clock starts", data.path("reviewer").asText());
        }
        String comment = data.path("comment").asText();
        return step(e, data, data.path("verdict").asText() + " approval " + data.path("approval_id").asText() + " → " + data.path("state").asText(),
                "read for " + seconds(data.path("review_ms").asLong()) + (comment.isEmpty() ? "" : ": “" + comment + "”"),
                data.path("reviewer").asText());
    }

    static String seconds(long millis) {
        Duration d = Duration.ofMillis(millis);
        return d.toSeconds() < 60 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    private static Step step(AuditEvent e, JsonNode data, String what, String control, String who) {
        return new Step(e.seq(), e.at(), e.type(), what, control, who, data);
    }
}
