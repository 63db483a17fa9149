package dev.interlock.policy;

import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import java.util.Optional;

/** A compiled rule: match clause, optional CEL condition and message, effect, approval terms, enforcement mode. */
public record Rule(String id, String policy, String description, RuleMatcher match, Optional<CelExpression> when,
                   Effect effect, Optional<ApprovalTerms> approval, Optional<CelExpression> message,
                   Enforcement enforcement, SourceLocation where) {
}
