package dev.interlock.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.approval.Grant;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a team's agents are safe — not how busy they are — read from the audit log of the last {@link #DAYS} days:
 * decisions per day by effect, where analysis was blind (opaque operations or unknown environments), destructive
 * actions stopped by system, how long reviewers read before approving and how often faster than a threshold (the
 * rubber-stamp signal), the rules that match most, the agents that ask for the riskiest things, and grants in force.
 */
final class Dashboard {

    static final int DAYS = 30;

    private Dashboard() {
    }

    static Views.Dashboard of(Views.PageInfo page, AuditLog audit, List<Grant> grants, int thresholdSeconds, Instant now) {
        Instant since = now.minus(DAYS, ChronoUnit.DAYS);
        TreeMap<LocalDate, long[]> days = new TreeMap<>(); // allow, ask, require_approval, deny, blind
        Map<String, Long> stopped = new HashMap<>();
        Map<String, Long> rules = new HashMap<>();
        Map<String, Long> risky = new HashMap<>();
        Map<String, List<Long>> reviewMs = new LinkedHashMap<>();
        for (LocalDate d = LocalDate.ofInstant(since, ZoneOffset.UTC); !d.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC)); d = d.plusDays(1)) {
            days.put(d, new long[5]);
        }
        long seq = 0;
        while (true) {
            List<AuditEvent> page1 = audit.read(seq, 1000);
            if (page1.isEmpty()) {
                break;
            }
            for (AuditEvent e : page1) {
                if (e.at().isBefore(since)) {
                    continue;
                }
                JsonNode data = ConsoleRoutes.tree(e.body()).path("data");
                if (e.type().equals("decision")) {
                    decision(data, days.computeIfAbsent(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), d -> new long[5]), stopped, rules, risky);
                } else if (e.type().equals("approval.reviewed") && data.path("verdict").asText().equals("approve")) {
                    reviewMs.computeIfAbsent(data.path("reviewer").asText(), r -> new ArrayList<>()).add(data.path("review_ms").asLong());
                }
            }
            seq = page1.getLast().seq();
        }
        List<Views.DayRow> dayRows = new ArrayList<>();
        days.forEach((d, c) -> dayRows.add(new Views.DayRow(d.toString(), c[0], c[1], c[2], c[3], c[4])));
        List<Views.ReviewerRow> reviewers = new ArrayList<>();
        reviewMs.forEach((who, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            long fast = sorted.stream().filter(x -> x < thresholdSeconds * 1000L).count();
            reviewers.add(new Views.ReviewerRow(who, sorted.size(), Words.duration(java.time.Duration.ofMillis(sorted.get(sorted.size() / 2))),
                    fast, (int) Math.round(100.0 * fast / sorted.size())));
        });
        reviewers.sort(Comparator.comparingInt(Views.ReviewerRow::fastPercent).reversed());
        List<Views.GrantRow> grantRows = new ArrayList<>();
        for (Grant g : grants) {
            grantRows.add(new Views.GrantRow(g.id(), String.join(", ", g.resourcePatterns()), String.join(", ", g.ruleIds()),
                    g.scope().wire() + " " + (g.session().isEmpty() ? g.principal() : g.session()), Words.duration(java.time.Duration.between(now, g.expiresAt())), g.uses()));
        }
        return new Views.Dashboard(page, DAYS, dayRows, bars(stopped), reviewers, thresholdSeconds, bars(rules), bars(risky), grantRows);
    }

    private static void decision(JsonNode data, long[] day, Map<String, Long> stopped, Map<String, Long> rules, Map<String, Long> risky) {
        String effect = data.path("effect").asText();
        int i = switch (effect) {
            case "allow" -> 0;
            case "ask" -> 1;
            case "require_approval" -> 2;
            default -> 3;
        };
        day[i]++;
        boolean blind = false;
        for (JsonNode op : data.path("operations")) {
            blind |= op.path("confidence").asText().equals("opaque") || op.path("environment").asText().equals("unknown");
            boolean destructive = op.path("verb").asText().equals("delete") || op.path("verb").asText().equals("replace");
            if (destructive && (effect.equals("deny") || effect.equals("require_approval"))) {
                stopped.merge(op.path("system").asText(), 1L, Long::sum);
            }
        }
        if (blind) {
            day[4]++;
        }
        for (JsonNode r : data.path("rules")) {
            String id = r.path("id").asText();
            if (!id.startsWith("default:")) {
                rules.merge(id, 1L, Long::sum);
            }
        }
        String risk = data.path("risk").asText();
        if (risk.equals("high") || risk.equals("critical")) {
            risky.merge(data.path("actor").path("agent").asText("(none)"), 1L, Long::sum);
        }
    }

    /** The ten largest, as bars scaled to the largest. */
    private static List<Views.Bar> bars(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).limit(10).toList();
        long max = top.isEmpty() ? 1 : top.getFirst().getValue();
        return top.stream().map(e -> new Views.Bar(e.getKey(), e.getValue(), max)).toList();
    }
}
