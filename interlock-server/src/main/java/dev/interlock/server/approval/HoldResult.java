package dev.interlock.server.approval;

/**
 * The approval a {@code require_approval} decision is waiting for. {@code created} is false when an identical pending
 * approval (same fingerprint and token) already existed: then no {@code approval.requested} event is due.
 */
public record HoldResult(Approval approval, boolean created) {
}
