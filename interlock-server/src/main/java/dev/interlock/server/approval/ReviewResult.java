package dev.interlock.server.approval;

import java.util.Optional;

/**
 * A recorded review ({@code approval.reviewed}): the approval after it, the review (reviewer, verdict, comment, time,
 * review time), whether it decided the approval ({@code resolved}: approved with enough reviewers, or denied), and the
 * grant it created ({@code grant.created}), if any.
 */
public record ReviewResult(Approval approval, Review review, boolean resolved, Optional<Grant> grant) {
}
