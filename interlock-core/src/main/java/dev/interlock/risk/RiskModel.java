package dev.interlock.risk;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;

/**
 * Scores an operation by what it does, how much it touches, whether it can be undone, where it runs, and how sure
 * analysis is. docs/risk.md holds the same table; keep them together.
 */
public final class RiskModel {

    private RiskModel() {
    }

    public static Operation assess(Operation op) {
        return op.withRisk(risk(op));
    }

    public static Risk risk(Operation op) {
        return level(score(op));
    }

    /** The points behind the level (exposed for explanations and tests). */
    public static int score(Operation op) {
        int score = verbWeight(op.verb());
        boolean changes = op.verb() != Verb.READ;
        if (changes) {
            if (op.stateful() && (op.verb().destructive() || op.verb() == Verb.UPDATE)) {
                score += 1;
            }
            if (!op.reversible()) {
                score += 1;
            }
            score += switch (op.scope()) {
                case ONE -> 0;
                case MANY -> 1;
                case ALL -> 2;
            };
            score += environmentWeight(op.environment());
        }
        if (op.confidence() == Confidence.OPAQUE) {
            score += 2;
        }
        return score;
    }

    static int verbWeight(Verb verb) {
        return switch (verb) {
            case READ -> 0;
            case CREATE, UPDATE, EXECUTE -> 1;
            case DELETE, TRANSFER, CREDENTIAL, UNKNOWN -> 2;
            case REPLACE, GRANT, ESCALATE -> 3;
        };
    }

    static int environmentWeight(Tier tier) {
        return switch (tier) {
            case PROD, UNKNOWN -> 2;
            case STAGING -> 1;
            case DEV, LOCAL -> 0;
        };
    }

    static Risk level(int score) {
        if (score <= 1) {
            return Risk.LOW;
        }
        if (score <= 3) {
            return Risk.MEDIUM;
        }
        if (score <= 5) {
            return Risk.HIGH;
        }
        return Risk.CRITICAL;
    }
}
