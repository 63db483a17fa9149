package dev.interlock.server.approval;

import dev.interlock.decision.Fingerprint;
import dev.interlock.json.DecisionWriter;
import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import dev.interlock.server.auth.Refused.Kind;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import dev.interlock.server.storage.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The life of an approval: hold a {@code require_approval} decision, let authorized humans view and review it, and
 * release it once to the agent's identical retry. Time comes only from the injected clock. Each call is one
 * transaction; every state change is a compare-and-set (see {@link ApprovalStore}), and a lost race is reported as
 * {@link Kind#CONFLICT} rather than applied twice.
 */
public final class ApprovalService {

    private static final int DEFAULT_LIST_LIMIT = 200;

    private final Database db;
    private final Clock clock;
    private final ApprovalStore store = new ApprovalStore();
    private final GrantStore grants = new GrantStore();
    private final SecureRandom random = new SecureRandom();

    public ApprovalService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Holds {@code decision} (effect {@code require_approval}) for {@code requester}'s token. An identical pending
     * approval (same fingerprint, same token) is returned instead of a new one, so a retrying agent does not spam
     * reviewers; the database's partial unique index settles races between servers. A pending approval held under
     * other terms or rules (the policy changed) is superseded: it becomes expired and a new one is held.
     */
    public HoldResult hold(Request request, Decision decision, Caller requester) {
        if (decision.effect() != Effect.REQUIRE_APPROVAL || decision.approval().isEmpty()) {
            throw new ApprovalException(Kind.INVALID, "only require_approval decisions are held for approval; decision "
                    + decision.decisionId() + " is " + decision.effect().wire());
        }
        ApprovalTerms terms = decision.approval().get();
        List<HeldOperation> held = held(decision);
        Instant now = now();
        String fingerprint = Fingerprint.of(request);
        Approval draft = new Approval("apr_" + randomHex(12), fingerprint, ApprovalState.PENDING, now,
                now.plus(terms.expires()), Optional.empty(), Optional.empty(), requester.tokenId(),
                // The token, not the request's actor field, says whom the agent acts for: an agent cannot dodge the
                // requester_may_approve check by naming someone else.
                requester.principal(), requester.agent().isEmpty() ? request.actor().agent() : requester.agent(),
                request.actor().session(), decision.summary(),
                String.join(",", held.stream().map(HeldOperation::environment).distinct().toList()),
                decision.risk().wire(), terms, ApprovalJson.request(request), DecisionWriter.toJson(decision), held, "", "",
                Optional.empty(), 0, List.of());
        return db.transaction(c -> {
            for (Approval a : store.byRequest(c, fingerprint, requester.tokenId())) {
                if (a.state() == ApprovalState.PENDING && a.expiredAt(now)) {
                    store.expire(c, a, now);
                } else if (a.state() == ApprovalState.PENDING && (!a.terms().equals(terms) || !a.rules().equals(draft.rules()))) {
                    // Reviewers must judge under the terms the policy sets now, not laxer ones from before a reload.
                    store.supersede(c, a, now);
                }
            }
            if (store.insertPending(c, draft)) {
                return new HoldResult(draft, true);
            }
            return new HoldResult(store.pending(c, fingerprint, requester.tokenId()).orElseThrow(() -> new ApprovalException(
                    Kind.CONFLICT, "an identical approval changed state while this one was being held; retry the request")), false);
        });
    }

    /**
     * The pipeline's lookup for a {@code require_approval} decision: consumes an approved, unexpired approval of this
     * exact request from this token (single use), or reports a denial not yet told to the agent, or finds nothing.
     * Overdue approvals of this request become expired on the way.
     */
    public Release release(Request request, Caller requester, String decisionId) {
        String fingerprint = Fingerprint.of(request);
        Instant now = now();
        return db.transaction(c -> {
            List<Approval> all = store.byRequest(c, fingerprint, requester.tokenId());
            List<String> expired = new ArrayList<>();
            for (Approval a : all) {
                if (a.state().open() && a.expiredAt(now) && store.expire(c, a, now)) {
                    expired.add(a.id());
                }
            }
            for (Approval a : all.reversed()) {
                if (a.state() == ApprovalState.APPROVED && !a.expiredAt(now) && store.consume(c, a, decisionId, now)) {
                    return new Release.Consumed(store.find(c, a.id()).orElseThrow(), decisionId, now, List.copyOf(expired));
                }
            }
            Optional<Approval> denied = all.stream()
                    .filter(a -> a.state() == ApprovalState.DENIED && a.reportedAt().isEmpty())
                    .max(java.util.Comparator.comparing(a -> a.resolvedAt().orElse(a.createdAt())));
            if (denied.isPresent() && store.report(c, denied.get(), now)) {
                return new Release.Denied(store.find(c, denied.get().id()).orElseThrow(), now, List.copyOf(expired));
            }
            return new Release.Nothing(List.copyOf(expired));
        });
    }

    /**
     * Shows an approval. A human's first view starts their review time (later views do not move it); an agent may see
     * the approvals of the principal it acts for, and no others.
     */
    public ViewResult view(String id, Caller viewer) {
        Instant now = now();
        return db.transaction(c -> {
            Approval a = found(c, id);
            if (!viewer.isHuman()) {
                requireOwn(a, viewer);
                return new ViewResult(a, viewer.display(), Optional.empty(), false);
            }
            ApprovalStore.FirstView first = store.view(c, id, viewer.principal(), now);
            return new ViewResult(a, viewer.principal(), Optional.of(first.at()), first.recorded());
        });
    }

    /**
     * Approves as {@code reviewer}. Checks, in order: human role, pending and unexpired, listed approver, not the
     * requester when the rule forbids it, not reviewed before, viewed at least {@code min_review} ago, confirmation,
     * and the grant if one is asked for. The approval becomes approved once {@code count} distinct reviewers approved.
     */
    public ReviewResult approve(String id, Caller reviewer, String comment, String confirmation, Optional<GrantRequest> grant) {
        ReviewRules.requireHuman(reviewer, "approve");
        Instant now = now();
        return db.transaction(c -> {
            Approval a = found(c, id);
            ReviewRules.requireOpen(a, now);
            ReviewRules.requireApprover(a, reviewer);
            ReviewRules.requireNotRequester(a, reviewer);
            requireFirstReview(a, reviewer);
            Duration spent = ReviewRules.requireReviewTime(a, reviewer, store.firstView(c, id, reviewer.principal()), now);
            ReviewRules.requireConfirmation(a, confirmation);
            Optional<List<String>> patterns = grant.map(g -> ReviewRules.checkGrant(a, g));
            Review review = new Review(id, reviewer.principal(), Verdict.APPROVE, comment == null ? "" : comment, now, spent);
            record(c, a, review);
            boolean enough = a.approvals() + 1 >= a.terms().count();
            boolean won = enough ? store.resolve(c, a, ApprovalState.APPROVED, "", now) : store.touch(c, a);
            if (!won) {
                throw concurrent(a);
            }
            Optional<Grant> created = Optional.empty();
            if (enough && grant.isPresent()) {
                GrantRequest g = grant.get();
                Grant made = new Grant("grt_" + randomHex(12), id, a.rules(), patterns.orElseThrow(), g.scope(),
                        g.scope() == GrantScope.SESSION ? a.session() : "", a.principal(), reviewer.principal(), now,
                        now.plus(g.duration()), Optional.empty(), "", 0);
                grants.insert(c, made);
                created = Optional.of(made);
            }
            return new ReviewResult(store.find(c, id).orElseThrow(), review, enough, created);
        });
    }

    /** Denies with a reason the agent is told. One deny from a listed approver ends the approval. */
    public ReviewResult deny(String id, Caller reviewer, String reason) {
        ReviewRules.requireHuman(reviewer, "deny");
        if (reason == null || reason.isBlank()) {
            throw new ApprovalException(Kind.INVALID, "a denial needs a reason: the agent is told it, so say what to do instead");
        }
        Instant now = now();
        return db.transaction(c -> {
            Approval a = found(c, id);
            ReviewRules.requireOpen(a, now);
            ReviewRules.requireApprover(a, reviewer);
            requireFirstReview(a, reviewer);
            // Denying needs no minimum review (it only makes things safer); an unviewed denial counts as seen now.
            Instant first = store.view(c, id, reviewer.principal(), now).at();
            Review review = new Review(id, reviewer.principal(), Verdict.DENY, reason.strip(), now, Duration.between(first, now));
            record(c, a, review);
            if (!store.resolve(c, a, ApprovalState.DENIED, reason.strip(), now)) {
                throw concurrent(a);
            }
            return new ReviewResult(store.find(c, id).orElseThrow(), review, true, Optional.empty());
        });
    }

    /** Approvals newest first (at most {@code limit}); agents see only those of the principal they act for. */
    public List<Approval> list(Optional<ApprovalState> state, Caller caller, int limit) {
        expireDue();
        return db.transaction(c -> store.list(c, state,
                caller.isHuman() ? Optional.empty() : Optional.of(caller.principal()), Math.max(1, limit)));
    }

    public List<Approval> list(Optional<ApprovalState> state, Caller caller) {
        return list(state, caller, DEFAULT_LIST_LIMIT);
    }

    /** One approval, without recording a view (for the pipeline and the HTTP layer's own checks). */
    public Optional<Approval> get(String id) {
        return db.transaction(c -> store.find(c, id));
    }

    /** Moves every overdue pending or approved approval to expired; returns their ids. Safe to run from any server. */
    public List<String> expireDue() {
        Instant now = now();
        return db.transaction(c -> {
            List<String> expired = new ArrayList<>();
            for (Approval a : store.due(c, now)) {
                if (store.expire(c, a, now)) {
                    expired.add(a.id());
                }
            }
            return expired;
        });
    }

    static List<HeldOperation> held(Decision decision) {
        List<HeldOperation> held = new ArrayList<>();
        for (RuleMatch r : decision.rules()) {
            if (r.enforced() && r.effect() == Effect.REQUIRE_APPROVAL && r.operation() >= 0
                    && r.operation() < decision.operations().size()) {
                Operation op = decision.operations().get(r.operation());
                held.add(new HeldOperation(r.operation(), r.id(), op.address(), op.verb(), op.resource().name(),
                        op.environment().wire()));
            }
        }
        if (held.isEmpty()) {
            throw new ApprovalException(Kind.INVALID, "decision " + decision.decisionId() + " requires approval but no "
                    + "enforced rule says which operation needs it; cannot bind an approval to it");
        }
        return held;
    }

    private void record(Connection c, Approval a, Review review) throws SQLException {
        if (!store.insertReview(c, review)) {
            throw new ApprovalException(Kind.CONFLICT, review.reviewer() + " already reviewed approval " + a.id()
                    + "; each reviewer reviews once");
        }
    }

    private static void requireFirstReview(Approval a, Caller reviewer) {
        a.reviews().stream().filter(r -> r.reviewer().equals(reviewer.principal())).findFirst().ifPresent(r -> {
            throw new ApprovalException(Kind.CONFLICT, "you (" + reviewer.principal() + ") already " + (r.verdict() == Verdict.APPROVE
                    ? "approved" : "denied") + " approval " + a.id() + " at " + r.at() + "; each reviewer reviews once"
                    + (a.terms().count() > 1 ? ", and " + a.terms().count() + " different reviewers must approve" : ""));
        });
    }

    private static void requireOwn(Approval a, Caller agent) {
        if (agent.role() != Role.AGENT || !a.principal().equals(agent.principal())) {
            throw new ApprovalException(Kind.FORBIDDEN, "approval " + a.id() + " belongs to another principal; an agent "
                    + "token sees only the approvals of the human it acts for (" + agent.principal() + ")");
        }
    }

    private Approval found(Connection c, String id) throws SQLException {
        return store.find(c, id).orElseThrow(() -> new ApprovalException(Kind.NOT_FOUND,
                "no approval with id '" + id + "': list approvals to see their ids"));
    }

    private static ApprovalException concurrent(Approval a) {
        return new ApprovalException(Kind.CONFLICT, "approval " + a.id() + " changed while you were reviewing it "
                + "(another reviewer or server acted); reload it and review again");
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
