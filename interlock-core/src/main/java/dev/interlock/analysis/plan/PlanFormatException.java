package dev.interlock.analysis.plan;

/** A plan that cannot be read: malformed, truncated, of an unknown format or version, or too large. Never an allow. */
public final class PlanFormatException extends RuntimeException {
    public PlanFormatException(String message) {
        super(message);
    }
}
