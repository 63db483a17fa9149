package dev.interlock.server.approval;

import dev.interlock.model.ApprovalTerms;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.Verb;
import dev.interlock.server.auth.Refused.Kind;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Using and revoking grants (reviewers create them by approving with a {@link GrantRequest}). A grant releases a
 * decision only when it covers every operation a {@code require_approval} rule matched: same rule, address inside
 * the pattern, not an escalation, same principal (and session), unrevoked and unexpired; and never when a deny rule
 * matched (even in dry-run) or the policy no longer allows grants for it.
 */
public final class GrantService {

    private final Database db;
    private final Clock clock;
    private final GrantStore store = new GrantStore();

    public GrantService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A grant that releases {@code decision} for {@code requester} (the agent token; the request gives the session),
     * with its use counted; empty when none covers it. The use is counted in the same conditional update that checks
     * the grant is still unrevoked and unexpired.
     */
    public Optional<GrantUse> findUsable(Decision decision, Request request, Caller requester) {
        if (decision.effect() != Effect.REQUIRE_APPROVAL
                // Any deny rule, even in dry-run, means the policy author doubts this class: as when giving a grant.
                || decision.rules().stream().anyMatch(r -> r.effect() == Effect.DENY)
                // The policy as it is now must still allow grants for this decision: setting max_grant to 0 stops them.
                || !decision.approval().map(ApprovalTerms::grantsAllowed).orElse(false)) {
            return Optional.empty();
        }
        List<RuleMatch> needs = decision.rules().stream()
                .filter(r -> r.enforced() && r.effect() == Effect.REQUIRE_APPROVAL).toList();
        if (needs.isEmpty() || needs.stream().anyMatch(r -> operation(decision, r).map(op -> op.verb() == Verb.ESCALATE).orElse(true))) {
            return Optional.empty();
        }
        Instant now = now();
        String session = request.actor().session();
        return db.transaction(c -> {
            for (Grant g : store.usable(c, requester.principal(), now)) {
                if (g.scope() == GrantScope.SESSION && (session.isEmpty() || !g.session().equals(session))) {
                    continue;
                }
                boolean coversAll = needs.stream().allMatch(r -> g.ruleIds().contains(r.id())
                        && g.covers(operation(decision, r).orElseThrow().address()));
                if (coversAll && store.use(c, g.id(), now)) {
                    return Optional.of(new GrantUse(store.find(c, g.id()).orElseThrow(), decision.decisionId(), now));
                }
            }
            return Optional.<GrantUse>empty();
        });
    }

    /** Grants newest first; {@code activeOnly} leaves out revoked and expired ones. */
    public List<Grant> list(boolean activeOnly) {
        Instant now = now();
        return db.transaction(c -> store.list(c, activeOnly, now));
    }

    public Optional<Grant> get(String id) {
        return db.transaction(c -> store.find(c, id));
    }

    /** Revokes a grant at once. Any approver or admin may: revoking only ever makes things stricter. */
    public GrantRevoked revoke(String id, Caller by) {
        ReviewRules.requireHuman(by, "revoke grants of");
        Instant now = now();
        return db.transaction(c -> {
            Grant g = store.find(c, id).orElseThrow(() -> new ApprovalException(Kind.NOT_FOUND,
                    "no grant with id '" + id + "': list grants to see their ids"));
            if (!store.revoke(c, id, by.principal(), now)) {
                throw new ApprovalException(Kind.CONFLICT, "grant " + id + " was already revoked by " + g.revokedBy()
                        + g.revokedAt().map(t -> " at " + t).orElse(""));
            }
            return new GrantRevoked(store.find(c, id).orElseThrow(), by.principal(), now);
        });
    }

    private static Optional<Operation> operation(Decision d, RuleMatch r) {
        return r.operation() >= 0 && r.operation() < d.operations().size()
                ? Optional.of(d.operations().get(r.operation())) : Optional.empty();
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
