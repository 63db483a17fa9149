package dev.interlock.server.http;

import dev.interlock.server.approval.Approval;
import dev.interlock.server.approval.ApprovalException;
import dev.interlock.server.approval.ApprovalService;
import dev.interlock.server.approval.ApprovalState;
import dev.interlock.server.approval.GrantRequest;
import dev.interlock.server.approval.ReviewResult;
import dev.interlock.server.approval.ViewResult;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.metrics.ServerMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a reviewer works, whichever door they came in by (the API, the console): opening an approval records their
 * first view ({@code approval.viewed}), every review is audited ({@code approval.reviewed}, and
 * {@code grant.created}) and counted. The rules themselves live in {@link ApprovalService}.
 */
public final class ApprovalDesk {

    private final ApprovalService approvals;
    private final AuditLog audit;
    private final ServerMetrics metrics;

    public ApprovalDesk(ApprovalService approvals, AuditLog audit, ServerMetrics metrics) {
        this.approvals = approvals;
        this.audit = audit;
        this.metrics = metrics;
    }

    public List<Approval> list(Optional<ApprovalState> state, Caller caller) {
        return approvals.list(state, caller);
    }

    public Optional<Approval> get(String id) {
        return approvals.get(id);
    }

    public ViewResult open(String id, Caller caller) {
        ViewResult view = approvals.view(id, caller);
        if (view.firstView()) {
            audit.append("approval.viewed", Map.of("approval_id", view.approval().id(), "reviewer", view.viewer(),
                    "first_seen_at", view.firstSeenAt().map(Object::toString).orElse("")));
        }
        return view;
    }

    public ReviewResult approve(String id, Caller reviewer, String comment, String confirmation, Optional<GrantRequest> grant) {
        try {
            return reviewed(approvals.approve(id, reviewer, comment, confirmation, grant));
        } catch (ApprovalException e) {
            if (e.kind() == ApprovalException.Kind.TOO_EARLY) {
                metrics.refusedTooFast();
            }
            throw e;
        }
    }

    public ReviewResult deny(String id, Caller reviewer, String reason) {
        return reviewed(approvals.deny(id, reviewer, reason));
    }

    private ReviewResult reviewed(ReviewResult r) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("approval_id", r.approval().id());
        event.put("fingerprint", r.approval().fingerprint());
        event.putAll(ApprovalViews.review(r.review()));
        event.put("state", r.approval().state().wire());
        event.put("resolved", r.resolved());
        r.grant().ifPresent(g -> event.put("grant_id", g.id()));
        audit.append("approval.reviewed", event);
        r.grant().ifPresent(g -> audit.append("grant.created", ApprovalViews.grant(g)));
        if (r.resolved()) {
            metrics.approvalResolved(r.approval().state().wire(), r.review().reviewTime());
        }
        return r;
    }
}
