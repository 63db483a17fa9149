package dev.interlock.server.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.Json;
import dev.interlock.server.audit.Verification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An incident report that tells the truth afterwards: whether the audit chain is intact (first), what the agent
 * asked and in what order, every allowed destructive or escalating step with the control that allowed it and the
 * privileges in effect, every approval with its reviewer and reading time (flagged below the rubber-stamp threshold),
 * what was prevented, where Interlock was blind, and which controls failed or were missing — never which person.
 */
public record Incident(boolean chainOk, String chain, List<String> filter, List<Timeline.Step> steps, List<Timeline.Step> allowedRisky,
                       List<Timeline.Step> approvals, List<Timeline.Step> prevented, List<String> gaps, List<String> contributing,
                       int rubberStampSeconds) {

    private static final Set<String> RISKY = Set.of("delete", "replace", "escalate", "grant", "credential");

    public static Incident of(AuditPages audit, Verification chain, Timeline.Filter filter, int rubberStampSeconds) {
        List<Timeline.Step> steps = Timeline.of(audit, filter);
        List<Timeline.Step> risky = new ArrayList<>();
        List<Timeline.Step> approvals = new ArrayList<>();
        List<Timeline.Step> prevented = new ArrayList<>();
        Set<String> gaps = new LinkedHashSet<>();
        Set<String> contributing = new LinkedHashSet<>();
        Set<String> reported = new HashSet<>();
        for (Timeline.Step s : steps) {
            if (s.type().equals("execution.reported")) {
                reported.add(s.data().path("decision_id").asText());
            }
        }
        for (Timeline.Step s : steps) {
            JsonNode d = s.data();
            if (s.type().equals("approval.reviewed")) {
                approvals.add(s);
                long ms = d.path("review_ms").asLong();
                if (d.path("verdict").asText().equals("approve") && ms < rubberStampSeconds * 1000L) {
                    contributing.add("Approval " + d.path("approval_id").asText() + " was given after " + Timeline.seconds(ms)
                            + " of reading, under the " + rubberStampSeconds + " s rubber-stamp threshold: the review step did not make anyone read"
                            + " (raise the rule's min_review, require confirm: resource-name, or count: 2).");
                }
                continue;
            }
            if (!s.type().equals("decision")) {
                continue;
            }
            String effect = d.path("effect").asText();
            List<String> controls = Timeline.controls(d);
            boolean isRisky = false;
            for (JsonNode op : d.path("operations")) {
                String where = op.path("address").asText() + " in " + op.path("environment").asText();
                isRisky |= RISKY.contains(op.path("verb").asText());
                if (op.path("confidence").asText().equals("opaque")) {
                    gaps.add("#" + s.seq() + ": " + where + " was opaque: analysis could not see what it would do (" + effect + ").");
                    if (effect.equals("allow")) {
                        contributing.add("An opaque operation was allowed (" + where + "): no rule covers what Interlock cannot see there.");
                    }
                }
                if (op.path("environment").asText().equals("unknown")) {
                    gaps.add("#" + s.seq() + ": nothing named the environment of " + op.path("address").asText() + " (" + effect + ").");
                }
            }
            for (JsonNode r : d.path("rules")) {
                if (r.path("enforcement").asText().equals("dry-run")) {
                    gaps.add("#" + s.seq() + ": dry-run rule " + r.path("id").asText() + " would have answered " + r.path("effect").asText()
                            + " (" + effect + " was enforced).");
                    contributing.add("Rule " + r.path("id").asText() + " is in dry-run: enforced, it would have answered " + r.path("effect").asText() + ".");
                }
            }
            switch (effect) {
                case "allow" -> {
                    if (isRisky) {
                        risky.add(s);
                        if (controls.stream().anyMatch(c -> c.startsWith("tier default"))) {
                            contributing.add("A destructive or escalating step was allowed by a tier default, not a rule: " + d.path("summary").asText()
                                    + " — no rule was written for it.");
                        }
                    }
                    if (!d.path("operations").findValuesAsText("verb").stream().allMatch("read"::equals) && !reported.contains(d.path("decision_id").asText())) {
                        gaps.add("#" + s.seq() + ": allowed, no outcome ever reported: " + d.path("summary").asText() + ".");
                    }
                }
                case "deny", "require_approval", "ask" -> prevented.add(s);
                default -> {
                }
            }
        }
        if (gaps.stream().anyMatch(g -> g.contains("no outcome ever reported"))) {
            contributing.add("Allowed steps have no reported outcome: the adapter that ran them does not report executions, so whether they ran is unknown.");
        }
        List<String> filters = new ArrayList<>(filter.needles());
        return new Incident(chain.ok(), chain.message(), filters, steps, risky, approvals, prevented, List.copyOf(gaps),
                List.copyOf(contributing), rubberStampSeconds);
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("# Incident report\n\n");
        s.append(chainOk ? "Audit chain verified: " : "**THE AUDIT CHAIN IS BROKEN — what follows cannot be trusted as complete or unaltered:** ")
                .append(chain).append("\n\n");
        s.append("Looking at decisions matching ").append(filter.isEmpty() ? "anything" : String.join(" and ", filter.stream().map(f -> "`" + f + "`").toList()))
                .append(": ").append(steps.size()).append(" steps.\n\n");
        s.append("## Contributing controls\n\n");
        list(s, contributing, "No control failed or was missing in these steps.");
        s.append("## Allowed destructive or escalating steps, and what allowed them\n\n");
        steps(s, allowedRisky, true);
        s.append("## Approvals\n\n");
        if (approvals.isEmpty()) {
            s.append("None.\n\n");
        } else {
            for (Timeline.Step a : approvals) {
                long ms = a.data().path("review_ms").asLong();
                boolean fast = a.data().path("verdict").asText().equals("approve") && ms < rubberStampSeconds * 1000L;
                s.append("- ").append(a.at()).append(" ").append(a.who()).append(" ").append(a.data().path("verdict").asText())
                        .append(" approval ").append(a.data().path("approval_id").asText()).append(" after reading ").append(Timeline.seconds(ms))
                        .append(fast ? " — **under the " + rubberStampSeconds + " s rubber-stamp threshold**" : "").append('\n');
            }
            s.append('\n');
        }
        s.append("## Prevented (denied, held, asked)\n\n");
        steps(s, prevented, false);
        s.append("## Gaps\n\n");
        list(s, gaps, "None: every step was seen into, named an environment, and reported its outcome.");
        s.append("## Timeline\n\n| # | at | what | control | who |\n|---|---|---|---|---|\n");
        for (Timeline.Step t : steps) {
            s.append("| ").append(t.seq()).append(" | ").append(t.at()).append(" | ").append(cell(t.what())).append(" | ")
                    .append(cell(t.control())).append(" | ").append(cell(t.who())).append(" |\n");
        }
        return s.toString();
    }

    private static void list(StringBuilder s, List<String> items, String none) {
        if (items.isEmpty()) {
            s.append(none).append("\n\n");
            return;
        }
        items.forEach(i -> s.append("- ").append(i).append('\n'));
        s.append('\n');
    }

    private static void steps(StringBuilder s, List<Timeline.Step> steps, boolean privileges) {
        if (steps.isEmpty()) {
            s.append("None.\n\n");
            return;
        }
        for (Timeline.Step t : steps) {
            s.append("- ").append(t.at()).append(" **").append(t.what()).append("** — ").append(t.control()).append(" — ").append(t.who());
            if (privileges) {
                s.append(" — acting in ").append(privileges(t.data()));
            }
            s.append('\n');
        }
        s.append('\n');
    }

    /** The environment each operation resolved to and why, and the agent machine's ambient identity when it said. */
    static String privileges(JsonNode d) {
        Set<String> where = new LinkedHashSet<>();
        for (JsonNode op : d.path("operations")) {
            where.add(op.path("environment").asText() + " (" + op.path("environment_source").asText() + ")");
        }
        JsonNode context = d.path("request").path("context");
        List<String> ambient = new ArrayList<>();
        context.path("env").properties().forEach(e -> {
            if (List.of("AWS_PROFILE", "KUBECONFIG", "CLOUDSDK_CORE_PROJECT", "TF_WORKSPACE", "AZURE_SUBSCRIPTION_ID").contains(e.getKey())) {
                ambient.add(e.getKey() + "=" + e.getValue().asText());
            }
        });
        if (!context.path("kubeconfig").asText().isEmpty()) {
            ambient.add("kube context " + context.path("kubeconfig").asText());
        }
        return String.join(", ", where) + (ambient.isEmpty() ? "" : "; " + String.join(", ", ambient));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    public JsonNode json() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("chain").put("ok", chainOk).put("message", chain);
        filter.forEach(out.putArray("filter")::add);
        out.put("rubber_stamp_seconds", rubberStampSeconds);
        contributing.forEach(out.putArray("contributing_controls")::add);
        steps(out.putArray("allowed_risky"), allowedRisky);
        steps(out.putArray("approvals"), approvals);
        steps(out.putArray("prevented"), prevented);
        gaps.forEach(out.putArray("gaps")::add);
        steps(out.putArray("timeline"), steps);
        return out;
    }

    private static void steps(ArrayNode into, List<Timeline.Step> steps) {
        for (Timeline.Step t : steps) {
            into.addObject().put("seq", t.seq()).put("at", t.at().toString()).put("type", t.type()).put("what", t.what())
                    .put("control", t.control()).put("who", t.who());
        }
    }

    /** The Markdown report as a page (escaped; headings and lists kept), for browsers and attachments. */
    public String html() {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Incident report</title></head><body>\n");
        boolean inList = false;
        for (String line : markdown().split("\n")) {
            String text = escape(line).replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replaceAll("`(.+?)`", "<code>$1</code>");
            if (line.startsWith("- ")) {
                if (!inList) {
                    h.append("<ul>\n");
                    inList = true;
                }
                h.append("<li>").append(text.substring(2)).append("</li>\n");
                continue;
            }
            if (inList) {
                h.append("</ul>\n");
                inList = false;
            }
            if (line.startsWith("## ")) {
                h.append("<h2>").append(text.substring(3)).append("</h2>\n");
            } else if (line.startsWith("# ")) {
                h.append("<h1>").append(text.substring(2)).append("</h1>\n");
            } else if (line.startsWith("|")) {
                if (!line.startsWith("|---")) {
                    h.append("<pre>").append(text).append("</pre>\n");
                }
            } else if (!line.isBlank()) {
                h.append("<p>").append(text).append("</p>\n");
            }
        }
        return h.append(inList ? "</ul>\n" : "").append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
