package dev.interlock.server.decisions;

import dev.interlock.model.Decision;
import dev.interlock.model.Request;
import dev.interlock.server.auth.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approval lookup of the pipeline, as the decision service needs it: an approved approval or a grant that releases
 * a held request, a reviewer's denial to report, or a pending approval to hold it under. Storage lives behind it.
 */
public interface ApprovalGate {

    /** What released or ended a {@code require_approval} request. */
    sealed interface Release {
        /** A single-use approval was consumed by this request. */
        record Approved(String approvalId, List<String> reviewers, Map<String, Object> audit) implements Release {
        }

        /** A reviewer denied it; the agent is told once, with the reason. */
        record Denied(String approvalId, String reviewer, String reason, Map<String, Object> audit) implements Release {
        }

        /** A grant covers it; its use is counted. */
        record Granted(String grantId, String approvalId, Instant expiresAt, Map<String, Object> audit) implements Release {
        }
    }

    /** The approval a request waits under. {@code created} is false when an identical pending one was reused. */
    record Held(String approvalId, String state, Instant expiresAt, boolean created, List<String> approvers,
                Map<String, Object> audit) {
    }

    /** Looks for an approved approval of this exact request and token (consuming it), a denial, or a covering grant. */
    Optional<Release> release(Request request, Decision decision, Caller caller, Instant now);

    /** Holds the request under a pending approval (new, or the identical pending one). */
    Held hold(Request request, Decision decision, Caller caller, Instant now);

    /** The state of an approval now ({@code pending}, {@code approved}, …), for long-polling. */
    Optional<String> state(String approvalId);
}
