package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One audit event as one line: seq, time, type, and the few fields of its body that say what happened. */
final class AuditLine {

    /** Fields worth a glance, in the order they read best; the rest stays in {@code audit export}. */
    private static final List<String> FIELDS = List.of("effect", "verdict", "state", "summary", "reviewer", "reason",
            "exit_code", "duration_ms", "role", "principal", "agent", "policy_version", "decision_id", "approval_id", "grant_id");

    private AuditLine() {
    }

    static String of(JsonNode event) {
        JsonNode body = Answers.object(event.get("body"));
        JsonNode data = body.path("data").isObject() ? body.get("data") : body;
        List<String> parts = new ArrayList<>();
        for (String field : FIELDS) {
            JsonNode v = data.get(field);
            if (v == null || !v.isValueNode() || v.asText().isEmpty()) {
                continue;
            }
            String text = Table.flat(v.asText());
            parts.add(switch (field) {
                case "effect", "verdict", "state" -> text.toUpperCase(java.util.Locale.ROOT);
                case "summary", "reason" -> text;
                case "decision_id", "approval_id", "grant_id" -> field.substring(0, field.length() - 3) + " " + Answers.shortIds(List.of(text)).get(text);
                default -> field + "=" + text;
            });
        }
        if (data.path("actor").isObject()) {
            String agent = Answers.text(data, "actor.agent");
            parts.add("by " + (agent.isEmpty() ? "" : agent + "@") + Answers.text(data, "actor.principal"));
        }
        String at = Answers.text(event, "at").isEmpty() ? Answers.text(body, "time") : Answers.text(event, "at");
        return Table.cut(String.format("%6s  %s  %-20s %s", Answers.text(event, "seq"), at, Answers.text(event, "type"),
                String.join("  ", parts)).stripTrailing(), 240);
    }
}
