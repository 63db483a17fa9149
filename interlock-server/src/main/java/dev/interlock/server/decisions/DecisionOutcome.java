package dev.interlock.server.decisions;

import dev.interlock.model.Decision;
import java.time.Instant;
import java.util.Optional;

/**
 * A decision as the server answered it: the engine's decision (its effect changed by an approval, a grant or a
 * reviewer's denial), the fingerprint it is bound to, and what it waits under or was released by.
 */
public record DecisionOutcome(Decision decision, String fingerprint, Optional<ApprovalRef> approval, Optional<String> grantId,
                              long auditSeq, String storedJson) {

    public DecisionOutcome(Decision decision, String fingerprint, Optional<ApprovalRef> approval, Optional<String> grantId,
                           long auditSeq) {
        this(decision, fingerprint, approval, grantId, auditSeq, "");
    }

    /** The approval a decision waits under or used: id, state, when it expires, and a reviewer's reason when denied. */
    public record ApprovalRef(String id, String state, Instant expiresAt, String reason) {
    }

    public boolean pending() {
        return approval.map(a -> a.state().equals("pending")).orElse(false);
    }
}
