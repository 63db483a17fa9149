package dev.interlock.policy;

import dev.interlock.model.Confidence;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import dev.interlock.model.Operation;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;

/**
 * The built-in invariants of DESIGN.md that no policy can switch off. They only ever tighten an effect. (Approval
 * binding, single use and the second-human rule are enforced where approvals are stored.)
 */
final class Invariants {

    private Invariants() {
    }

    static Effect apply(Operation op, int index, Effect effect, List<RuleMatch> out) {
        Effect result = effect;
        if (op.system().equals("interlock") && op.verb() != Verb.READ) {
            result = tighten(result, Effect.DENY, "invariant:self-protection",
                    "Interlock's own policy, data, tokens, approvals and hook settings are off-limits to agents", index, out);
        }
        if (op.verb() == Verb.ESCALATE) {
            result = tighten(result, Effect.REQUIRE_APPROVAL, "invariant:no-self-escalation",
                    "an agent never changes its own privileges or identity without a human's approval", index, out);
        }
        if (op.confidence() == Confidence.OPAQUE && (op.environment() == Tier.PROD || op.environment() == Tier.UNKNOWN)) {
            result = tighten(result, Effect.REQUIRE_APPROVAL, "invariant:opaque-is-not-allowed",
                    "what this would do cannot be determined statically, and it may reach " + op.environment().wire(), index, out);
        }
        return result;
    }

    private static Effect tighten(Effect current, Effect floor, String id, String message, int index, List<RuleMatch> out) {
        out.add(new RuleMatch(id, "built-in", floor, message, Enforcement.ENFORCE, index));
        return Effect.strictest(current, floor);
    }
}
