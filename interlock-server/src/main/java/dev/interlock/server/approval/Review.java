package dev.interlock.server.approval;

import java.time.Duration;
import java.time.Instant;

/**
 * One reviewer's verdict. {@code reviewTime} is from the reviewer's first view to the verdict: short times across many
 * approvals are how rubber-stamping shows up in reports.
 */
public record Review(String approvalId, String reviewer, Verdict verdict, String comment, Instant at, Duration reviewTime) {
    public long reviewMs() {
        return reviewTime.toMillis();
    }
}
