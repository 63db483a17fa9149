package dev.interlock.server.approval;

import java.time.Instant;
import java.util.List;

/**
 * What the pipeline's approval lookup found for a request. {@code expired} lists approvals for the same request that
 * this lookup moved to {@link ApprovalState#EXPIRED}.
 */
public sealed interface Release {

    List<String> expired();

    /** An approved approval was used up by decision {@code decisionId}: the request is allowed ({@code approval.consumed}). */
    record Consumed(Approval approval, String decisionId, Instant at, List<String> expired) implements Release {
    }

    /** The latest approval for this request was denied; tell the agent {@code approval.reason()}. Reported once. */
    record Denied(Approval approval, Instant at, List<String> expired) implements Release {
    }

    /** Nothing approved or newly denied: hold the request (again). */
    record Nothing(List<String> expired) implements Release {
    }
}
