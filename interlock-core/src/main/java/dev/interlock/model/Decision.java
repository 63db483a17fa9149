package dev.interlock.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a request. {@code rules} lists every rule, invariant and default that applied (dry-run rules too,
 * marked as such); {@code summary} is one line a human reads in two seconds; plans carry their blast radius.
 */
public record Decision(
        String id,
        Effect effect,
        Risk risk,
        String summary,
        List<Operation> operations,
        List<RuleMatch> rules,
        Optional<ApprovalTerms> approval,
        String policyVersion,
        String decisionId,
        Optional<BlastRadius> blastRadius) {

    public Decision {
        id = id == null ? "" : id;
        operations = List.copyOf(operations);
        rules = List.copyOf(rules);
        blastRadius = blastRadius == null ? Optional.empty() : blastRadius;
    }

    /** The same decision with another effect and rules (the server's approval lookup and grants use it). */
    public Decision with(Effect newEffect, List<RuleMatch> newRules) {
        return new Decision(id, newEffect, risk, summary, operations, newRules, approval, policyVersion, decisionId, blastRadius);
    }

    /** The rules whose effect was applied (not dry-run) and that set the final effect. */
    public List<RuleMatch> deciding() {
        return rules.stream().filter(r -> r.enforced() && r.effect() == effect).toList();
    }
}
