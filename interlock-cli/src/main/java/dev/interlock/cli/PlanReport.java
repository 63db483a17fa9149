package dev.interlock.cli;

import dev.interlock.model.BlastRadius;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plan decision for people: text for a terminal, markdown for a pull-request comment or a CI job summary. Both lead
 * with the effect and the blast radius and list what holds data; every change is in the markdown's collapsed table.
 */
final class PlanReport {

    /** Changes listed one by one in text output; the rest are counted. */
    private static final int TEXT_CHANGES = 25;
    /** Rows of the markdown table of all changes (GitHub truncates comments at 65,536 characters). */
    private static final int MARKDOWN_ROWS = 200;

    private PlanReport() {
    }

    static String text(Decision d, TextRenderer effects) {
        BlastRadius b = d.blastRadius().orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append(effects.effect(d.effect())).append("  ").append(b.summary()).append("  [risk ").append(d.risk().wire()).append("]\n");
        out.append("  plan ").append(b.plan()).append('\n');
        out.append("  environment ").append(b.environment().wire());
        if (!b.whereSource().isEmpty()) {
            out.append(" (").append(b.whereSource()).append(')');
        }
        out.append('\n');
        b.byType().forEach((type, counts) -> {
            out.append("  ").append(String.format("%-40s", type));
            counts.forEach((verb, n) -> out.append(' ').append(verb.wire()).append(' ').append(n));
            out.append('\n');
        });
        for (String f : b.findings()) {
            out.append("  finding: ").append(f).append('\n');
        }
        for (RuleMatch r : deciding(d)) {
            out.append("  why ").append(r.id()).append(" -> ").append(r.effect().wire());
            if (!r.message().isEmpty()) {
                out.append(": ").append(r.message());
            }
            out.append('\n');
        }
        int shown = 0;
        for (Operation op : d.operations()) {
            if (op.verb() == Verb.READ || op.verb() == Verb.CREATE && op.risk().ordinal() < 2) {
                continue;
            }
            if (shown++ == TEXT_CHANGES) {
                out.append("  … (every change: --format json or markdown)\n");
                break;
            }
            out.append("  ").append(op.verb().wire()).append(' ').append(op.resource().name())
                    .append(" | ").append(op.environment().wire()).append(" | risk ").append(op.risk().wire());
            if (!op.note().isEmpty()) {
                out.append(" | ").append(op.note());
            }
            out.append('\n');
        }
        d.approval().ifPresent(a -> out.append("  approval: ").append(String.join(", ", a.approvers())).append(", ")
                .append(a.count()).append(" needed, min review ").append(a.minReview().toSeconds()).append("s, bound to ")
                .append(b.digest()).append('\n'));
        out.append("  policy ").append(d.policyVersion()).append("  decision ").append(d.decisionId()).append('\n');
        return out.toString();
    }

    static String markdown(Decision d) {
        BlastRadius b = d.blastRadius().orElseThrow();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(icon(d.effect())).append(" Interlock: **").append(d.effect().wire().toUpperCase(Locale.ROOT).replace('_', ' '))
                .append("** — ").append(escape(b.summary())).append("\n\n");
        md.append("Environment **").append(b.environment().wire()).append("**");
        if (!b.whereSource().isEmpty()) {
            md.append(" (").append(escape(b.whereSource())).append(')');
        }
        md.append(" · risk **").append(d.risk().wire()).append("** · ").append(b.changes()).append(" changes, ")
                .append(b.unchanged()).append(" unchanged\n\n");
        md.append("| resource type |");
        List<Verb> verbs = List.copyOf(b.byVerb().keySet());
        verbs.forEach(v -> md.append(' ').append(v.wire()).append(" |"));
        md.append("\n|---|").append("---:|".repeat(verbs.size())).append('\n');
        b.byType().forEach((type, counts) -> {
            md.append("| `").append(type).append("` |");
            verbs.forEach(v -> md.append(' ').append(counts.getOrDefault(v, 0) == 0 ? "" : counts.get(v)).append(" |"));
            md.append('\n');
        });
        md.append('\n');
        if (!b.holdingData().isEmpty()) {
            md.append("**Deleted or replaced, holding data** (").append(b.holdingData().size()).append(", ")
                    .append(b.dataLost().size()).append(" lose it):\n\n");
            Set<String> lost = new HashSet<>(b.dataLost());
            for (Operation op : d.operations()) {
                if (op.verb().destructive() && op.resource().locator("holds").equals("data")) {
                    md.append("- ").append(lost.contains(op.resource().name()) ? "🔥 " : "").append('`').append(op.resource().name())
                            .append("` — ").append(op.verb().wire()).append(", ").append(escape(op.note())).append('\n');
                }
            }
            md.append('\n');
        }
        if (!b.accessCut().isEmpty()) {
            md.append("**Deleted or replaced, cutting access**: ")
                    .append(String.join(", ", b.accessCut().stream().map(a -> "`" + a + "`").toList())).append("\n\n");
        }
        for (String f : b.findings()) {
            md.append("> ").append(escape(f)).append('\n');
        }
        if (!b.findings().isEmpty()) {
            md.append('\n');
        }
        List<RuleMatch> why = deciding(d);
        if (!why.isEmpty()) {
            md.append("**Why**\n\n");
            why.forEach(r -> md.append("- `").append(r.id()).append("` → ").append(r.effect().wire())
                    .append(r.message().isEmpty() ? "" : ": " + escape(r.message())).append('\n'));
            md.append('\n');
        }
        d.approval().ifPresent(a -> md.append("Approval: ").append(String.join(", ", a.approvers())).append(", ")
                .append(a.count()).append(" needed; bound to plan `").append(b.digest()).append("` — a changed plan needs a new approval.\n\n"));
        md.append("<details><summary>All ").append(d.operations().size()).append(" operations</summary>\n\n");
        md.append("| address | type | verb | environment | risk | note |\n|---|---|---|---|---|---|\n");
        int rows = 0;
        for (Operation op : d.operations()) {
            if (rows++ == MARKDOWN_ROWS) {
                md.append("| … | ").append(d.operations().size() - MARKDOWN_ROWS).append(" more | | | | |\n");
                break;
            }
            md.append("| `").append(op.resource().name()).append("` | `").append(op.resource().type()).append("` | ")
                    .append(op.verb().wire()).append(" | ").append(op.environment().wire()).append(" | ")
                    .append(op.risk().wire()).append(" | ").append(escape(op.note())).append(" |\n");
        }
        md.append("\n</details>\n\n");
        md.append("<sub>plan `").append(b.digest()).append("` · policy `").append(d.policyVersion()).append("` · decision `")
                .append(d.decisionId()).append("`</sub>\n");
        return md.toString();
    }

    /** GitHub workflow commands: one annotation per decision, escaped as the runner requires. */
    static String annotation(Decision d) {
        String level = switch (d.effect()) {
            case DENY, REQUIRE_APPROVAL -> "error";
            case ASK -> "warning";
            case ALLOW -> "notice";
        };
        String title = "Interlock " + d.effect().wire().replace('_', ' ');
        return "::" + level + " title=" + workflowEscape(title).replace(",", "%2C").replace(":", "%3A") + "::"
                + workflowEscape(d.summary()) + "\n";
    }

    private static List<RuleMatch> deciding(Decision d) {
        Set<String> seen = new HashSet<>();
        return d.deciding().stream().filter(r -> seen.add(r.id() + '\u0000' + r.message())).limit(10).toList();
    }

    private static String workflowEscape(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }

    private static String icon(Effect e) {
        return switch (e) {
            case ALLOW -> "✅";
            case ASK -> "❔";
            case REQUIRE_APPROVAL -> "✋";
            case DENY -> "⛔";
        };
    }
}
