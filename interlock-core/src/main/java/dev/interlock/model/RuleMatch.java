package dev.interlock.model;

/**
 * A rule (or built-in invariant, or tier default) that applied to one operation of a request.
 * {@code operation} is the index into the decision's operations.
 */
public record RuleMatch(String id, String policy, Effect effect, String message, Enforcement enforcement, int operation) {
    public RuleMatch {
        policy = policy == null ? "" : policy;
        message = message == null ? "" : message;
    }

    public boolean enforced() {
        return enforcement == Enforcement.ENFORCE;
    }
}
