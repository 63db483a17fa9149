package dev.interlock.hooks;

import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.RuleMatch;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the hook tells the agent: the effect, a one-line summary, why (the deciding rules' messages), and, for a held
 * action, the approval it waits under. Built from a local decision or from the server's answer.
 */
public record HookVerdict(Effect effect, String summary, String why, Optional<Approval> approval, String decisionId) {

    /**
     * An approval as the agent's user needs to know it.
     *
     * @param id        {@code apr_…}, or "" when no server holds approvals (local mode)
     * @param state     pending, approved, denied, expired, consumed
     * @param approvers who may approve ({@code group:sre}, …)
     * @param url       where a reviewer reads and approves it, or ""
     * @param expires   when it expires (ISO-8601), or ""
     * @param reviewerReason a reviewer's reason when denied, else ""
     */
    public record Approval(String id, String state, String approvers, String url, String expires, String reviewerReason) {
    }

    public HookVerdict {
        summary = summary == null ? "" : summary;
        why = why == null ? "" : why;
        decisionId = decisionId == null ? "" : decisionId;
    }

    public static HookVerdict allow(String summary) {
        return new HookVerdict(Effect.ALLOW, summary, "", Optional.empty(), "");
    }

    /** A decision made here (local mode): a held action has terms but no approval to wait under. */
    public static HookVerdict local(Decision d) {
        Optional<Approval> approval = d.effect() == Effect.REQUIRE_APPROVAL
                ? Optional.of(new Approval("", "unavailable", d.approval().map(t -> String.join(", ", t.approvers())).orElse(""), "", "", ""))
                : Optional.empty();
        return new HookVerdict(d.effect(), d.summary(), why(d), approval, d.decisionId());
    }

    /** The messages of the rules that set the effect, each once. */
    public static String why(Decision d) {
        Set<String> reasons = new LinkedHashSet<>();
        for (RuleMatch r : d.deciding()) {
            reasons.add((r.message().isEmpty() ? r.id() : r.message()) + " [" + r.id() + "]");
            if (reasons.size() == 3) {
                break;
            }
        }
        return String.join("; ", reasons);
    }
}
