package dev.interlock.cli;

import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import dev.interlock.model.RuleMatch;
import java.util.Locale;

/** A decision for a human: one summary line, then why (rules, messages, evidence, environment). */
final class TextRenderer {

    private final boolean colour;

    TextRenderer(boolean colour) {
        this.colour = colour;
    }

    static boolean terminal() {
        var console = System.console();
        return console != null && console.isTerminal() && System.getenv("NO_COLOR") == null;
    }

    String render(Decision d) {
        StringBuilder out = new StringBuilder();
        out.append(effect(d.effect())).append("  ").append(d.summary()).append("  [risk ").append(d.risk().wire()).append("]\n");
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (RuleMatch r : d.rules()) {
            if (r.id().startsWith("default:") && r.effect() == Effect.ALLOW && d.effect() != Effect.ALLOW
                    || !shown.add(r.id() + '\u0000' + r.message())) {
                continue;
            }
            out.append("  ").append(r.enforced() ? "why " : "dry-run ").append(r.id());
            if (!r.policy().isEmpty()) {
                out.append(" (").append(r.policy()).append(')');
            }
            out.append(" -> ").append(r.effect().wire());
            if (!r.message().isEmpty()) {
                out.append(": ").append(r.message());
            }
            out.append('\n');
        }
        for (int i = 0; i < d.operations().size(); i++) {
            Operation op = d.operations().get(i);
            out.append("  op ").append(i).append(": ").append(op.system()).append(' ').append(op.verb().wire());
            if (!op.resource().type().isEmpty() || !op.resource().name().isEmpty()) {
                out.append(' ').append(op.resource().type()).append(' ').append(op.resource().name());
            }
            out.append(" | ").append(op.environment().wire());
            if (!op.environmentSource().isEmpty()) {
                out.append(" (").append(op.environmentSource()).append(')');
            }
            out.append(" | scope ").append(op.scope().wire()).append(", ").append(op.confidence().wire())
                    .append(", risk ").append(op.risk().wire()).append('\n');
            if (!op.evidence().text().isEmpty()) {
                out.append("        evidence: ").append(oneLine(op.evidence().text())).append('\n');
            }
            if (!op.note().isEmpty()) {
                out.append("        note: ").append(oneLine(op.note())).append('\n');
            }
        }
        d.approval().ifPresent(a -> out.append("  approval: ").append(String.join(", ", a.approvers()))
                .append(", ").append(a.count()).append(" needed, requester may approve: ").append(a.requesterMayApprove())
                .append(", expires ").append(a.expires().toMinutes()).append("m, min review ").append(a.minReview().toSeconds())
                .append("s, confirm ").append(a.confirm()).append('\n'));
        out.append("  policy ").append(d.policyVersion()).append("  decision ").append(d.decisionId()).append('\n');
        return out.toString();
    }

    String effect(Effect e) {
        String word = e.wire().toUpperCase(Locale.ROOT);
        if (!colour) {
            return word;
        }
        String code = switch (e) {
            case ALLOW -> "32";
            case ASK -> "33";
            case REQUIRE_APPROVAL -> "35";
            case DENY -> "31";
        };
        return "\u001b[1;" + code + "m" + word + "\u001b[0m";
    }

    private static String oneLine(String s) {
        String flat = s.replace('\n', '⏎');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
