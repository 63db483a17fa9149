package dev.interlock.policy;

/** A policy that cannot be loaded. The message starts with {@code file:line:column:} and says what to fix. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }

    static PolicyException at(SourceLocation where, String reason) {
        return new PolicyException(where + ": " + reason);
    }
}
