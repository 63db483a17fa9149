package dev.interlock.server.approval;

import dev.interlock.model.ApprovalTerms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A held {@code require_approval} decision and everything a reviewer needs: the summary, the raw request and the
 * decision (operations, matched rules) as JSON, the requester (the agent token, its principal and agent, the session),
 * the terms (required reviewers, count, expiry, minimum review, confirmation), the fingerprint it is bound to, and the
 * reviews so far. {@code reason} is the denial reason; {@code consumedBy} the decision id that used it.
 */
public record Approval(
        String id,
        String fingerprint,
        ApprovalState state,
        Instant createdAt,
        Instant expiresAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> consumedAt,
        String tokenId,
        String principal,
        String agent,
        String session,
        String summary,
        String environment,
        String risk,
        ApprovalTerms terms,
        String requestJson,
        String decisionJson,
        List<HeldOperation> held,
        String reason,
        String consumedBy,
        Optional<Instant> reportedAt,
        long version,
        List<Review> reviews) {

    public Approval {
        held = List.copyOf(held);
        reviews = List.copyOf(reviews);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public long approvals() {
        return reviews.stream().filter(r -> r.verdict() == Verdict.APPROVE).count();
    }

    /** The rule ids that required approval, in decision order, without repeats. */
    public List<String> rules() {
        return held.stream().map(HeldOperation::rule).distinct().toList();
    }

    Approval withReviews(List<Review> newReviews) {
        return new Approval(id, fingerprint, state, createdAt, expiresAt, resolvedAt, consumedAt, tokenId, principal,
                agent, session, summary, environment, risk, terms, requestJson, decisionJson, held, reason, consumedBy,
                reportedAt, version, newReviews);
    }
}
