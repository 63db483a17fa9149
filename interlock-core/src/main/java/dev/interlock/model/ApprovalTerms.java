package dev.interlock.model;

import java.time.Duration;
import java.util.List;

/**
 * What a {@code require_approval} decision needs before it can be released: who may approve, how many, whether the
 * principal the agent acts for may approve, how long the approval lives, the minimum review time, and what the
 * reviewer must type to confirm ({@code none} or {@code resource-name}), and the longest grant a reviewer may give
 * instead of a single use ({@code maxGrant}; zero: no grants).
 */
public record ApprovalTerms(List<String> approvers, int count, boolean requesterMayApprove, Duration expires,
                            Duration minReview, String confirm, Duration maxGrant) {
    public static final ApprovalTerms DEFAULT = new ApprovalTerms(List.of("group:approvers"), 1, false,
            Duration.ofMinutes(30), Duration.ofSeconds(10), "none", Duration.ZERO);

    public ApprovalTerms {
        approvers = List.copyOf(approvers);
        confirm = confirm == null || confirm.isBlank() ? "none" : confirm;
        maxGrant = maxGrant == null || maxGrant.isNegative() ? Duration.ZERO : maxGrant;
    }

    public boolean grantsAllowed() {
        return !maxGrant.isZero();
    }

    /** When two rules both require approval, the combined terms satisfy both. */
    public ApprovalTerms strictest(ApprovalTerms other) {
        java.util.LinkedHashSet<String> union = new java.util.LinkedHashSet<>(approvers);
        union.addAll(other.approvers);
        return new ApprovalTerms(List.copyOf(union), Math.max(count, other.count),
                requesterMayApprove && other.requesterMayApprove,
                expires.compareTo(other.expires) <= 0 ? expires : other.expires,
                minReview.compareTo(other.minReview) >= 0 ? minReview : other.minReview,
                "none".equals(confirm) ? other.confirm : confirm,
                maxGrant.compareTo(other.maxGrant) <= 0 ? maxGrant : other.maxGrant);
    }
}
