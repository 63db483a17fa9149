package dev.interlock.server.approval;

import java.util.Locale;

/** Where an approval is in its life: pending → approved → consumed, or denied, or expired. */
public enum ApprovalState {
    PENDING, APPROVED, DENIED, CONSUMED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** Still waiting for reviewers or for the agent's retry; these are the states that expire. */
    public boolean open() {
        return this == PENDING || this == APPROVED;
    }
}
