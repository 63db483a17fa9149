package dev.interlock.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit explorer's filter: event type, free text over the event (summaries, agents, principals, rules, effects,
 * systems — anything in it), and a time range; at most {@link #MAX} matching events, newest kept.
 */
record AuditFilter(String type, String text, String from, String to, String agent, String principal, String effect,
                   String system, String verb, String rule, String environment) {

    static final int MAX = 500;
    private static final int PAGE = 1000;

    static AuditFilter of(Context ctx) {
        return new AuditFilter(param(ctx, "type"), param(ctx, "q"), param(ctx, "from"), param(ctx, "to"), param(ctx, "agent"),
                param(ctx, "principal"), param(ctx, "effect"), param(ctx, "system"), param(ctx, "verb"), param(ctx, "rule"),
                param(ctx, "environment"));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    List<AuditEvent> apply(AuditLog audit) {
        Instant after = instant(from, Instant.MIN);
        Instant before = instant(to, Instant.MAX);
        String needle = text.toLowerCase(Locale.ROOT);
        List<AuditEvent> out = new ArrayList<>();
        long seq = 0;
        while (true) {
            List<AuditEvent> page = audit.read(seq, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent e : page) {
                if ((type.isEmpty() || e.type().equals(type)) && !e.at().isBefore(after) && !e.at().isAfter(before)
                        && (needle.isEmpty() || e.body().toLowerCase(Locale.ROOT).contains(needle)) && fields(e)) {
                    out.add(e);
                    if (out.size() > MAX) {
                        out.removeFirst();
                    }
                }
            }
            seq = page.getLast().seq();
        }
        return out;
    }

    /** The decision fields asked for (agent, principal, effect, system, verb, rule, environment): only decisions that have them pass. */
    private boolean fields(AuditEvent e) {
        if (agent.isEmpty() && principal.isEmpty() && effect.isEmpty() && system.isEmpty() && verb.isEmpty() && rule.isEmpty()
                && environment.isEmpty()) {
            return true;
        }
        if (!e.type().equals("decision")) {
            return false;
        }
        JsonNode data = ConsoleRoutes.tree(e.body()).path("data");
        return (agent.isEmpty() || data.path("actor").path("agent").asText().equals(agent))
                && (principal.isEmpty() || data.path("actor").path("principal").asText().equals(principal))
                && (effect.isEmpty() || data.path("effect").asText().equals(effect))
                && (system.isEmpty() || data.path("operations").findValuesAsText("system").contains(system))
                && (verb.isEmpty() || data.path("operations").findValuesAsText("verb").contains(verb))
                && (rule.isEmpty() || data.path("rules").findValuesAsText("id").contains(rule))
                && (environment.isEmpty() || data.path("operations").findValuesAsText("environment").contains(environment));
    }

    static Instant instant(String text, Instant fallback) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return text.length() == 16 ? Instant.parse(text + ":00Z") : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    String query() {
        return "type=" + enc(type) + "&q=" + enc(text) + "&from=" + enc(from) + "&to=" + enc(to) + "&agent=" + enc(agent)
                + "&principal=" + enc(principal) + "&effect=" + enc(effect) + "&system=" + enc(system) + "&verb=" + enc(verb) + "&rule=" + enc(rule)
                + "&environment=" + enc(environment);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One line about an event: what was decided, reviewed or reported. */
    static String summary(AuditEvent e) {
        JsonNode body = ConsoleRoutes.tree(e.body());
        JsonNode data = body.path("data");
        String s = data.path("summary").asText("");
        if (!s.isEmpty()) {
            return data.path("effect").asText("") + (data.path("effect").asText("").isEmpty() ? "" : ": ") + s;
        }
        if (data.has("approval_id")) {
            return data.path("verdict").asText(data.path("state").asText("")) + " approval " + data.path("approval_id").asText()
                    + (data.has("reviewer") ? " by " + data.path("reviewer").asText() : "");
        }
        if (data.has("decision_id")) {
            return "outcome of " + data.path("decision_id").asText() + ": exit " + data.path("exit_code").asText();
        }
        String compact = data.toString();
        return compact.length() > 140 ? compact.substring(0, 140) + "…" : compact;
    }
}
