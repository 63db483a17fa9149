package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Approvals for a reviewer: a table to scan in two seconds, and one approval in full. Pure: {@code now} is passed in. */
final class ApprovalView {

    static final Table LIST = new Table(List.of("id", "state", "age", "left", "env", "risk", "agent@principal", "summary"),
            List.of(0, 9, 6, 6, 10, 8, 36, 80));

    private ApprovalView() {
    }

    static String table(List<JsonNode> approvals, Instant now) {
        Map<String, String> ids = Answers.shortIds(approvals.stream().map(a -> Answers.text(a, "id")).toList());
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : approvals) {
            rows.add(List.of(ids.get(Answers.text(a, "id")), Answers.text(a, "state"),
                    Answers.instant(a, "created_at").map(t -> Durations.human(Duration.between(t, now))).orElse("?"),
                    left(a, now), Answers.text(a, "environment"), Answers.text(a, "risk"), requester(a),
                    Answers.text(a, "summary")));
        }
        return LIST.render(rows);
    }

    static String requester(JsonNode a) {
        String agent = Answers.text(a, "requester.agent");
        String principal = Answers.text(a, "requester.principal");
        return (agent.isEmpty() ? "?" : agent) + "@" + (principal.isEmpty() ? "?" : principal);
    }

    /** Time until expiry for a pending approval; a dash once it is decided. */
    static String left(JsonNode a, Instant now) {
        if (!Answers.text(a, "state").equals("pending")) {
            return "-";
        }
        return Answers.instant(a, "expires_at").map(t -> now.isBefore(t) ? Durations.human(Duration.between(now, t)) : "expired").orElse("?");
    }

    /**
     * How long before this reviewer's approval is accepted: {@code min_review} after their first view, which the server
     * reports ({@code you_may_approve_from}). Without it, this view is taken as the first (the {@code GET} recorded it).
     */
    static Duration reviewWait(JsonNode a, Instant now) {
        Instant from = Answers.instant(a, "you_may_approve_from").orElseGet(() -> Answers.instant(a, "you_first_saw_it_at").orElse(now)
                .plus(Answers.duration(a, "terms.min_review").orElse(Duration.ZERO)));
        Duration left = Duration.between(now, from);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Operations and rules listed one by one; a plan of thousands is summarised by its blast radius above them. */
    private static final int MAX_OPS = 30;

    static String show(JsonNode a, Instant now) {
        StringBuilder out = new StringBuilder();
        String state = Answers.text(a, "state");
        out.append("approval ").append(Answers.text(a, "id")).append("  ").append(state.toUpperCase(java.util.Locale.ROOT)).append('\n');
        out.append("  wants:      ").append(Table.flat(Answers.text(a, "summary"))).append('\n');
        out.append("  requester:  ").append(requester(a));
        String session = Answers.text(a, "requester.session");
        out.append(session.isEmpty() ? "" : " (session " + session + ")").append('\n');
        out.append("  where:      ").append(Answers.text(a, "environment")).append(", risk ").append(Answers.text(a, "risk")).append('\n');
        JsonNode decision = Answers.object(a.get("decision"));
        List<JsonNode> ops = Answers.items(decision.path("operations"), "");
        JsonNode blast = decision.path("blast_radius");
        if (blast.isObject()) {
            out.append("  plan:       ").append(Answers.text(blast, "plan")).append('\n');
            out.append("  blast:      ").append(Table.flat(Answers.text(blast, "summary"))).append('\n');
            List<JsonNode> lost = Answers.items(blast.path("data_lost"), "");
            if (!lost.isEmpty()) {
                out.append("  data lost:  ").append(String.join(", ", lost.stream().map(JsonNode::asText).toList())).append('\n');
            }
            Answers.items(blast.path("findings"), "").forEach(f -> out.append("  finding:    ").append(Table.flat(f.asText())).append('\n'));
        }
        int shownOps = Math.min(ops.size(), MAX_OPS);
        for (int i = 0; i < shownOps; i++) {
            JsonNode op = ops.get(i);
            out.append("  op ").append(i).append(":       ").append(Answers.text(op, "verb")).append(' ')
                    .append(resource(op)).append(" | ").append(Answers.text(op, "environment"))
                    .append(" | risk ").append(Answers.text(op, "risk")).append('\n');
            String evidence = Answers.text(op, "evidence.text");
            if (!evidence.isEmpty()) {
                out.append("              evidence: ").append(Table.cut(Table.flat(evidence), 160)).append('\n');
            }
        }
        if (ops.size() > shownOps) {
            out.append("  …           ").append(ops.size() - shownOps).append(" more operations (--format json shows them all)\n");
        }
        java.util.Set<String> shownRules = new java.util.HashSet<>();
        for (JsonNode rule : Answers.items(decision.path("rules"), "")) {
            if (Answers.text(rule, "effect").equals("allow") || !shownRules.add(Answers.text(rule, "id") + Answers.text(rule, "message"))
                    || shownRules.size() > MAX_OPS) {
                continue;
            }
            out.append("  rule:       ").append(Answers.text(rule, "id")).append(" -> ").append(Answers.text(rule, "effect"));
            String message = Answers.text(rule, "message");
            out.append(message.isEmpty() ? "" : ": " + Table.flat(message)).append('\n');
        }
        out.append("  request:    ").append(Table.cut(Table.flat(request(a.path("request"))), 400)).append('\n');
        out.append("  terms:      ").append(terms(a)).append('\n');
        for (JsonNode r : Answers.items(a.path("reviews"), "")) {
            out.append("  review:     ").append(Answers.text(r, "reviewer")).append(' ').append(Answers.text(r, "verdict"));
            if (r.path("review_ms").isNumber()) {
                out.append(" after ").append(Durations.human(Duration.ofMillis(r.get("review_ms").asLong())));
            }
            String comment = Answers.text(r, "comment");
            out.append(comment.isEmpty() ? "" : ": " + Table.flat(comment)).append('\n');
        }
        String reason = Answers.text(a, "reason");
        if (!reason.isEmpty()) {
            out.append("  reason:     ").append(Table.flat(reason)).append('\n');
        }
        Answers.instant(a, "expires_at").ifPresent(t -> out.append("  expires:    ").append(t)
                .append(state.equals("pending") ? " (in " + left(a, now) + ")" : "").append('\n'));
        if (state.equals("pending")) {
            Duration wait = reviewWait(a, now);
            out.append("  ").append(wait.isZero() ? "you can approve now" : "you can approve in " + Durations.human(wait)
                    + " (min_review " + Durations.human(Answers.duration(a, "terms.min_review").orElse(Duration.ZERO)) + " from your first view)").append('\n');
            out.append("  interlock approvals approve ").append(Answers.text(a, "id"));
            out.append(Answers.text(a, "terms.confirm").equals("resource-name") ? " --confirm " + (blast.isObject()
                    ? Answers.text(blast, "digest").substring(Math.min(7, Answers.text(blast, "digest").length()),
                            Math.min(19, Answers.text(blast, "digest").length())) : confirmHint(ops)) : "").append('\n');
        }
        return out.toString();
    }

    private static String resource(JsonNode op) {
        String type = Answers.text(op, "resource.type");
        String name = Answers.text(op, "resource.name");
        String address = Answers.text(op, "address");
        String r = (type + " " + name).strip();
        return r.isEmpty() ? address : r;
    }

    private static String confirmHint(List<JsonNode> ops) {
        return ops.stream().map(op -> Answers.text(op, "resource.name")).filter(n -> !n.isEmpty()).findFirst()
                .map(n -> ShellQuote.quote(n, false)).orElse("NAME");
    }

    /** The raw request in one line: a shell command as itself, anything else as its JSON. */
    private static String request(JsonNode request) {
        JsonNode r = Answers.object(request);
        for (String field : List.of("command", "statement", "input")) {
            if (r.path(field).isTextual()) {
                String kind = Answers.text(r, "kind");
                return (kind.isEmpty() ? "" : kind + ": ") + r.get(field).asText();
            }
        }
        return Answers.json(r);
    }

    private static String terms(JsonNode a) {
        JsonNode t = a.path("terms");
        List<String> approvers = Answers.items(t.path("approvers"), "").stream().map(JsonNode::asText).toList();
        StringBuilder s = new StringBuilder();
        s.append(approvers.isEmpty() ? "any approver" : String.join(", ", approvers));
        s.append(", ").append(Answers.text(t, "count").isEmpty() ? "1" : Answers.text(t, "count")).append(" needed");
        Answers.duration(t, "min_review").ifPresent(d -> s.append(", min_review ").append(Durations.human(d)));
        String confirm = Answers.text(t, "confirm");
        s.append(", confirm ").append(confirm.isEmpty() ? "none" : confirm);
        Answers.duration(t, "max_grant").ifPresent(d -> s.append(", max_grant ").append(d.isZero() ? "none" : Durations.human(d)));
        if (Answers.text(t, "requester_may_approve").equals("false")) {
            s.append(", not the requester");
        }
        return s.toString();
    }
}
