package dev.interlock.policy;

import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Effect;
import dev.interlock.model.RuleMatch;
import java.util.List;
import java.util.Optional;

/** What policy made of a request's operations: an effect per operation, and every rule that applied. */
public record Evaluation(List<Effect> effects, List<RuleMatch> matches, Optional<ApprovalTerms> approval) {
    public Evaluation {
        effects = List.copyOf(effects);
        matches = List.copyOf(matches);
    }

    public Effect effect() {
        return effects.stream().reduce(Effect.ALLOW, Effect::strictest);
    }
}
