package dev.interlock.server.decisions;

import dev.interlock.model.Decision;
import dev.interlock.model.Request;
import dev.interlock.server.approval.Approval;
import dev.interlock.server.approval.ApprovalService;
import dev.interlock.server.approval.GrantService;
import dev.interlock.server.approval.GrantUse;
import dev.interlock.server.approval.HoldResult;
import dev.interlock.server.approval.Review;
import dev.interlock.server.approval.Verdict;
import dev.interlock.server.auth.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The approval gate on the approval and grant services: what the audit log records of each step is built here. */
public final class StoredApprovals implements ApprovalGate {

    private final ApprovalService approvals;
    private final GrantService grants;

    public StoredApprovals(ApprovalService approvals, GrantService grants) {
        this.approvals = approvals;
        this.grants = grants;
    }

    @Override
    public Optional<ApprovalGate.Release> release(Request request, Decision decision, Caller caller, Instant now) {
        dev.interlock.server.approval.Release found = approvals.release(request, caller, decision.decisionId());
        switch (found) {
            case dev.interlock.server.approval.Release.Consumed c -> {
                List<String> reviewers = c.approval().reviews().stream().filter(r -> r.verdict() == Verdict.APPROVE)
                        .map(Review::reviewer).toList();
                Map<String, Object> audit = base(c.approval());
                audit.put("reviewers", reviewers);
                audit.put("consumed_at", c.at().toString());
                return Optional.of(new ApprovalGate.Release.Approved(c.approval().id(), reviewers, audit));
            }
            case dev.interlock.server.approval.Release.Denied d -> {
                String reviewer = d.approval().reviews().stream().filter(r -> r.verdict() == Verdict.DENY)
                        .map(Review::reviewer).findFirst().orElse("a reviewer");
                Map<String, Object> audit = base(d.approval());
                audit.put("reviewer", reviewer);
                audit.put("reason", d.approval().reason());
                return Optional.of(new ApprovalGate.Release.Denied(d.approval().id(), reviewer, d.approval().reason(), audit));
            }
            case dev.interlock.server.approval.Release.Nothing n -> {
                return grants.findUsable(decision, request, caller).map(StoredApprovals::granted);
            }
        }
    }

    private static ApprovalGate.Release granted(GrantUse use) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("grant_id", use.grant().id());
        audit.put("approval_id", use.grant().approvalId());
        audit.put("rules", use.grant().ruleIds());
        audit.put("patterns", use.grant().resourcePatterns());
        audit.put("scope", use.grant().scope().wire());
        audit.put("uses", use.grant().uses());
        audit.put("expires_at", use.grant().expiresAt().toString());
        return new ApprovalGate.Release.Granted(use.grant().id(), use.grant().approvalId(), use.grant().expiresAt(), audit);
    }

    @Override
    public Held hold(Request request, Decision decision, Caller caller, Instant now) {
        HoldResult held = approvals.hold(request, decision, caller);
        Approval a = held.approval();
        Map<String, Object> audit = base(a);
        audit.put("summary", a.summary());
        audit.put("environment", a.environment());
        audit.put("risk", a.risk());
        audit.put("requester", Map.of("principal", a.principal(), "agent", a.agent(), "session", a.session(), "token", a.tokenId()));
        audit.put("approvers", a.terms().approvers());
        audit.put("count", a.terms().count());
        audit.put("requester_may_approve", a.terms().requesterMayApprove());
        audit.put("min_review", a.terms().minReview().toString());
        audit.put("confirm", a.terms().confirm());
        audit.put("expires_at", a.expiresAt().toString());
        audit.put("rules", a.rules());
        return new Held(a.id(), a.state().wire(), a.expiresAt(), held.created(), a.terms().approvers(), audit);
    }

    @Override
    public Optional<String> state(String approvalId) {
        return approvals.get(approvalId).map(a -> a.state().wire());
    }

    private static Map<String, Object> base(Approval a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("approval_id", a.id());
        m.put("fingerprint", a.fingerprint());
        return m;
    }
}
