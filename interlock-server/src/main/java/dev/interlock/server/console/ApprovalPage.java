package dev.interlock.server.console;

import dev.interlock.server.report.Words;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.server.approval.Approval;
import dev.interlock.server.approval.ViewResult;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One approval as its reviewer reads it: everything needed to decide, on one page. */
final class ApprovalPage {

    private ApprovalPage() {
    }

    static Views.Approval of(ViewResult view, Caller reviewer, Views.PageInfo page, String flash, String error, Instant now, List<String> recent) {
        Approval a = view.approval();
        JsonNode decision = ConsoleRoutes.tree(a.decisionJson());
        JsonNode request = ConsoleRoutes.tree(a.requestJson());
        List<Views.HeldRow> held = new ArrayList<>();
        a.held().forEach(h -> held.add(new Views.HeldRow(h.rule(), h.verb().wire(), h.address(), h.environment())));
        List<Views.OperationRow> ops = new ArrayList<>();
        for (JsonNode op : decision.path("operations")) {
            JsonNode r = op.path("resource");
            ops.add(new Views.OperationRow(op.path("verb").asText(), op.path("system").asText(),
                    (r.path("type").asText() + " " + r.path("name").asText()).strip(), op.path("environment").asText()
                    + (op.path("environment_source").asText().isEmpty() ? "" : " (" + op.path("environment_source").asText() + ")"),
                    op.path("risk").asText(), op.path("confidence").asText(), op.path("note").asText()));
        }
        List<Views.RuleRow> rules = new ArrayList<>();
        for (JsonNode m : decision.path("rules")) {
            rules.add(new Views.RuleRow(m.path("id").asText(), m.path("effect").asText(), m.path("message").asText()));
        }
        List<Views.ReviewRow> reviews = new ArrayList<>();
        a.reviews().forEach(r -> reviews.add(new Views.ReviewRow(r.reviewer(), r.verdict().name().toLowerCase(java.util.Locale.ROOT),
                r.comment(), r.at().toString(), Words.duration(r.reviewTime()))));
        Instant from = view.firstSeenAt().map(t -> t.plus(a.terms().minReview())).orElse(now.plus(a.terms().minReview()));
        long wait = Math.max(0, Duration.between(now, from).toSeconds() + (Duration.between(now, from).toMillis() % 1000 > 0 ? 1 : 0));
        return new Views.Approval(page, a.id(), a.state().wire(), a.summary(), a.environment(), a.risk(), a.principal(), a.agent(),
                a.session(), a.createdAt().toString(), a.expiresAt().toString(), String.join(", ", a.terms().approvers()),
                a.terms().count(), Words.duration(a.terms().minReview()), a.terms().confirm().equals("resource-name"),
                from.toString(), wait, held, ops, rules, blast(decision.path("blast_radius")), raw(request, decision),
                pretty(request), reviews, cannotApprove(a, reviewer), flash, error,
                a.terms().maxGrant().isZero() ? "" : Words.duration(a.terms().maxGrant()),
                String.join(", ", a.held().stream().map(h -> h.address()).distinct().toList()), recent);
    }

    /** Why this reviewer cannot approve, before they try (the server checks again when they do). */
    private static String cannotApprove(Approval a, Caller reviewer) {
        if (reviewer.role() == Role.AGENT) {
            return "Agents cannot review.";
        }
        if (!a.terms().requesterMayApprove() && reviewer.principal().equals(a.principal())) {
            return "You cannot approve this: the agent works for you, and this rule needs a second person.";
        }
        boolean inGroup = reviewer.role() == Role.ADMIN && a.terms().approvers().isEmpty();
        for (String approver : a.terms().approvers()) {
            inGroup |= approver.startsWith("group:") ? reviewer.groups().contains(approver.substring(6))
                    : approver.equals(reviewer.principal()) || approver.equals("user:" + reviewer.principal());
        }
        return inGroup ? "" : "You cannot approve this: it needs " + String.join(" or ", a.terms().approvers()) + ".";
    }

    private static String blast(JsonNode b) {
        if (b.isMissingNode()) {
            return "";
        }
        StringBuilder s = new StringBuilder(b.path("summary").asText());
        if (b.path("holding_data").size() > 0) {
            s.append(" Holds data: ");
            b.path("holding_data").forEach(x -> s.append(x.asText()).append(", "));
            s.setLength(s.length() - 2);
            s.append('.');
        }
        return s.toString();
    }

    /** The command or statement the agent sent, split around the evidence of the first operation that has one. */
    private static Views.Raw raw(JsonNode request, JsonNode decision) {
        String text = request.path("command").asText(request.path("statement").asText(""));
        if (text.isEmpty()) {
            return new Views.Raw("", "", "");
        }
        for (JsonNode op : decision.path("operations")) {
            int start = op.path("evidence").path("start").asInt(-1);
            int end = op.path("evidence").path("end").asInt(-1);
            if (start >= 0 && end > start && end <= text.length()) {
                return new Views.Raw(text.substring(0, start), text.substring(start, end), text.substring(end));
            }
        }
        return new Views.Raw(text, "", "");
    }

    private static String pretty(JsonNode n) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return n.toString();
        }
    }
}
