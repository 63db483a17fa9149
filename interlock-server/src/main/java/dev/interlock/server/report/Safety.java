package dev.interlock.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.approval.Grant;
import dev.interlock.server.audit.AuditEvent;
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
public final class Safety {

    public static final int DAYS = 30;

    public record DayRow(String day, long allow, long ask, long requireApproval, long deny, long blind) {
    }

    /** One bar: its label, its count and the largest count beside it. */
    public record Bar(String label, long count, long max) {
    }

    public record ReviewerRow(String reviewer, int approvals, String medianRead, long fast, int fastPercent) {
    }

    public record GrantRow(String id, String patterns, String rules, String scope, String timeLeft, long uses) {
    }

    public record Figures(int days, List<DayRow> perDay, List<Bar> stopped, List<ReviewerRow> reviewers, int thresholdSeconds,
                          List<Bar> topRules, List<Bar> riskyAgents, List<GrantRow> grants, List<Bar> reviewTimes) {
    }

    /** How long approvals were read before the verdict, in buckets a reviewer can compare with min_review. */
    private static final long[] BUCKETS = {10_000, 30_000, 120_000, 600_000};
    private static final String[] BUCKET_NAMES = {"under 10 s", "10–30 s", "30 s – 2 min", "2–10 min", "over 10 min"};

    private Safety() {
    }

    public static Figures of(AuditPages audit, List<Grant> grants, int thresholdSeconds, Instant now, int period) {
        Instant since = now.minus(period, ChronoUnit.DAYS);
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
                JsonNode data = Timeline.data(e);
                if (e.type().equals("decision")) {
                    decision(data, days.computeIfAbsent(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), d -> new long[5]), stopped, rules, risky);
                } else if (e.type().equals("approval.reviewed") && data.path("verdict").asText().equals("approve")) {
                    reviewMs.computeIfAbsent(data.path("reviewer").asText(), r -> new ArrayList<>()).add(data.path("review_ms").asLong());
                }
            }
            seq = page1.getLast().seq();
        }
        List<DayRow> dayRows = new ArrayList<>();
        days.forEach((d, c) -> dayRows.add(new DayRow(d.toString(), c[0], c[1], c[2], c[3], c[4])));
        List<ReviewerRow> reviewers = new ArrayList<>();
        reviewMs.forEach((who, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            long fast = sorted.stream().filter(x -> x < thresholdSeconds * 1000L).count();
            reviewers.add(new ReviewerRow(who, sorted.size(), Words.duration(java.time.Duration.ofMillis(sorted.get(sorted.size() / 2))),
                    fast, (int) Math.round(100.0 * fast / sorted.size())));
        });
        reviewers.sort(Comparator.comparingInt(ReviewerRow::fastPercent).reversed());
        List<GrantRow> grantRows = new ArrayList<>();
        for (Grant g : grants) {
            grantRows.add(new GrantRow(g.id(), String.join(", ", g.resourcePatterns()), String.join(", ", g.ruleIds()),
                    g.scope().wire() + " " + (g.session().isEmpty() ? g.principal() : g.session()), Words.duration(java.time.Duration.between(now, g.expiresAt())), g.uses()));
        }
        long[] buckets = new long[BUCKET_NAMES.length];
        reviewMs.values().forEach(list -> list.forEach(ms -> {
            int i = 0;
            while (i < BUCKETS.length && ms >= BUCKETS[i]) {
                i++;
            }
            buckets[i]++;
        }));
        long most = java.util.Arrays.stream(buckets).max().orElse(0);
        List<Bar> reviewTimes = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            reviewTimes.add(new Bar(BUCKET_NAMES[i], buckets[i], Math.max(1, most)));
        }
        return new Figures(period, dayRows, bars(stopped), reviewers, thresholdSeconds, bars(rules), bars(risky), grantRows,
                reviewMs.isEmpty() ? List.of() : reviewTimes);
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
    private static List<Bar> bars(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).limit(10).toList();
        long max = top.isEmpty() ? 1 : top.getFirst().getValue();
        return top.stream().map(e -> new Bar(e.getKey(), e.getValue(), max)).toList();
    }

    /** The figures as Markdown: what a team should track instead of adoption counts. */
    public static String markdown(Figures f) {
        StringBuilder s = new StringBuilder("# Safety report: last " + f.days() + " days\n\n");
        long[] totals = new long[5];
        for (DayRow d : f.perDay()) {
            totals[0] += d.allow();
            totals[1] += d.ask();
            totals[2] += d.requireApproval();
            totals[3] += d.deny();
            totals[4] += d.blind();
        }
        long all = totals[0] + totals[1] + totals[2] + totals[3];
        s.append("Decisions: ").append(all).append(" — allow ").append(totals[0]).append(", ask ").append(totals[1])
                .append(", require_approval ").append(totals[2]).append(", deny ").append(totals[3]).append(".\n");
        s.append("Where analysis was blind (opaque or unknown environment): ").append(totals[4])
                .append(all == 0 ? "" : " (" + Math.round(100.0 * totals[4] / all) + " %)").append(".\n\n");
        bars(s, "Destructive actions stopped, by system", f.stopped());
        s.append("## Approvals: how long reviewers read\n\n");
        if (f.reviewers().isEmpty()) {
            s.append("No approvals.\n\n");
        } else {
            s.append("| reviewer | approvals | median reading | under ").append(f.thresholdSeconds()).append(" s |\n|---|---|---|---|\n");
            for (ReviewerRow r : f.reviewers()) {
                s.append("| ").append(r.reviewer()).append(" | ").append(r.approvals()).append(" | ").append(r.medianRead()).append(" | ")
                        .append(r.fastPercent()).append(" % (").append(r.fast()).append(") |\n");
            }
            s.append('\n');
        }
        bars(s, "Time to decision, all approvals", f.reviewTimes());
        bars(s, "Rules that matched most", f.topRules());
        bars(s, "Agents by high and critical risk requests", f.riskyAgents());
        s.append("## Grants in force\n\n");
        if (f.grants().isEmpty()) {
            s.append("None.\n");
        } else {
            for (GrantRow g : f.grants()) {
                s.append("- ").append(g.id()).append(": ").append(g.patterns()).append(" (").append(g.rules()).append("), ").append(g.scope())
                        .append(", ").append(g.timeLeft()).append(" left, used ").append(g.uses()).append(" times\n");
            }
        }
        return s.toString();
    }

    private static void bars(StringBuilder s, String title, List<Bar> bars) {
        s.append("## ").append(title).append("\n\n");
        if (bars.isEmpty()) {
            s.append("None.\n\n");
            return;
        }
        for (Bar b : bars) {
            s.append("- ").append(b.label()).append(": ").append(b.count()).append('\n');
        }
        s.append('\n');
    }
}
