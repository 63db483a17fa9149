package dev.interlock.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.SessionHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates resolved operations against a policy snapshot. Per operation: the enforced rules that match decide
 * (strictest wins); when none matches, the tier default for the operation's risk decides; then the built-in
 * invariants tighten. Dry-run rules are reported, never applied. Pure: no I/O, no clock.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static Evaluation evaluate(CompiledPolicy policy, Request request, List<Operation> operations) {
        return evaluate(policy, request, operations, SessionHistory.EMPTY);
    }

    /** {@code session} is what the request's session did before, as the server knows it (empty without a server). */
    public static Evaluation evaluate(CompiledPolicy policy, Request request, List<Operation> operations, SessionHistory session) {
        Map<String, Object> requestVars = Activation.request(request, session);
        List<Effect> effects = new ArrayList<>(operations.size());
        List<RuleMatch> matches = new ArrayList<>();
        ApprovalTerms approval = null;
        String tool = request.payload() instanceof dev.interlock.model.Payload.Mcp m ? m.server() + "/" + m.tool() : null;
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            Map<String, Object> vars = null;
            Effect decided = null;
            for (Rule rule : policy.candidates(op)) {
                if (!rule.match().matches(op, request.actor(), tool)) {
                    continue;
                }
                if (vars == null) {
                    vars = Activation.withOperation(requestVars, op);
                }
                Condition c = condition(rule, vars);
                if (!c.holds()) {
                    continue;
                }
                matches.add(new RuleMatch(rule.id(), rule.policy(), rule.effect(), message(rule, vars, c), rule.enforcement(), i));
                if (rule.enforcement() == Enforcement.ENFORCE) {
                    decided = decided == null ? rule.effect() : Effect.strictest(decided, rule.effect());
                    if (rule.effect() == Effect.REQUIRE_APPROVAL) {
                        ApprovalTerms terms = rule.approval().orElse(ApprovalTerms.DEFAULT);
                        approval = approval == null ? terms : approval.strictest(terms);
                    }
                }
            }
            if (decided == null) {
                decided = policy.defaults().effect(op.environment(), op.risk());
                matches.add(new RuleMatch("default:" + op.environment().wire() + "/" + op.risk().wire(), "defaults", decided,
                        "no rule matched; the " + op.environment().wire() + " default for " + op.risk().wire() + " risk is "
                                + decided.wire(), Enforcement.ENFORCE, i));
            }
            effects.add(Invariants.apply(op, i, decided, matches));
        }
        Effect overall = effects.stream().reduce(Effect.ALLOW, Effect::strictest);
        Optional<ApprovalTerms> terms = overall == Effect.REQUIRE_APPROVAL
                ? Optional.of(approval == null ? ApprovalTerms.DEFAULT : approval) : Optional.empty();
        return new Evaluation(effects, matches, terms);
    }

    private record Condition(boolean holds, String error) {
    }

    /**
     * A condition that fails to evaluate (a missing key, a type error) fails closed: a restricting rule applies, an
     * allowing rule does not.
     */
    private static Condition condition(Rule rule, Map<String, Object> vars) {
        if (rule.when().isEmpty()) {
            return new Condition(true, "");
        }
        try {
            return new Condition(Boolean.TRUE.equals(rule.when().get().eval(vars)), "");
        } catch (CelEvaluationException | RuntimeException e) {
            return new Condition(rule.effect() != Effect.ALLOW, "condition failed at " + rule.when().get().where() + ": " + e.getMessage());
        }
    }

    private static String message(Rule rule, Map<String, Object> vars, Condition c) {
        String text = rule.description();
        if (rule.message().isPresent()) {
            try {
                text = String.valueOf(rule.message().get().eval(vars));
            } catch (CelEvaluationException | RuntimeException e) {
                text = rule.description().isEmpty() ? "(message failed: " + e.getMessage() + ")" : rule.description();
            }
        }
        return c.error().isEmpty() ? text : text + " [" + c.error() + "]";
    }
}
