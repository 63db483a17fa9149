package dev.interlock.server.approval;

import dev.interlock.model.Verb;
import dev.interlock.server.auth.Refused.Kind;
import dev.interlock.server.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in invariants a review must satisfy. Not configurable by policy; the policy only supplies the terms
 * (approvers, count, requester_may_approve, min_review, confirm, max_grant) they are checked against.
 */
final class ReviewRules {

    private ReviewRules() {
    }

    /** Invariant 1: agents never approve or deny, whatever they act for. */
    static void requireHuman(Caller reviewer, String action) {
        if (reviewer == null || !reviewer.isHuman()) {
            throw new ApprovalException(Kind.FORBIDDEN, "agents cannot " + action + " approvals; a human approver "
                    + "must do it with an approver or admin token" + (reviewer == null ? "" : " (this is agent token " + reviewer.tokenId() + ")"));
        }
    }

    /** The approval is still pending and not past its expiry. */
    static void requireOpen(Approval a, Instant now) {
        if (a.state() == ApprovalState.EXPIRED || (a.state() == ApprovalState.PENDING && a.expiredAt(now))) {
            throw new ApprovalException(Kind.GONE, "approval " + a.id() + " expired at " + a.expiresAt()
                    + "; the agent must retry the request to ask again");
        }
        if (a.state() != ApprovalState.PENDING) {
            throw new ApprovalException(Kind.CONFLICT, "approval " + a.id() + " is already " + a.state().wire()
                    + a.resolvedAt().map(t -> " (since " + t + ")").orElse("") + "; only pending approvals can be reviewed");
        }
    }

    /**
     * The reviewer is one of the terms' approvers: {@code group:NAME} matches the token's groups, {@code user:NAME} or a
     * bare name matches its principal. Admins get no bypass: the approvers list is what the policy author asked for.
     */
    static void requireApprover(Approval a, Caller reviewer) {
        for (String entry : a.terms().approvers()) {
            if (entry.startsWith("group:") ? reviewer.inGroup(entry.substring("group:".length()))
                    : reviewer.principal().equals(entry.startsWith("user:") ? entry.substring("user:".length()) : entry)) {
                return;
            }
        }
        throw new ApprovalException(Kind.FORBIDDEN, reviewer.principal() + " may not review approval " + a.id()
                + ": it needs one of " + a.terms().approvers() + ", and your token has groups " + reviewer.groups()
                + "; ask an admin for a token in one of those groups or ask one of those approvers");
    }

    /** Invariant 2: with requester_may_approve false, the human the agent acts for cannot release it. */
    static void requireNotRequester(Approval a, Caller reviewer) {
        if (!a.terms().requesterMayApprove() && reviewer.principal().equals(a.principal())) {
            throw new ApprovalException(Kind.FORBIDDEN, "you (" + reviewer.principal() + ") cannot approve approval "
                    + a.id() + ": the agent " + a.agent() + " made this request on your behalf and the rule ("
                    + String.join(", ", a.rules()) + ") sets requester_may_approve: false, so a second human must approve it");
        }
    }

    /** Rubber-stamp protection: the reviewer opened it at least {@code min_review} ago. */
    static Duration requireReviewTime(Approval a, Caller reviewer, java.util.Optional<Instant> firstView, Instant now) {
        Duration min = a.terms().minReview();
        if (firstView.isEmpty()) {
            throw new ApprovalException(Kind.TOO_EARLY, "open approval " + a.id() + " and read it before approving"
                    + (min.isZero() ? "" : "; approving is possible " + min.toSeconds() + "s after you first open it"));
        }
        Duration spent = Duration.between(firstView.get(), now);
        if (spent.compareTo(min) < 0) {
            long remaining = (min.minus(spent).toMillis() + 999) / 1000;
            throw new ApprovalException(Kind.TOO_EARLY, "approval " + a.id() + " needs at least " + min.toSeconds()
                    + "s of review after you first open it; try again in " + remaining + "s");
        }
        return spent;
    }

    /** {@code confirm: resource-name}: the reviewer typed the held resource's name, exactly (several: comma-separated). */
    static void requireConfirmation(Approval a, String confirmation) {
        if (!"resource-name".equals(a.terms().confirm())) {
            return;
        }
        String typed = confirmation == null ? "" : confirmation;
        String plan = ApprovalJson.planConfirmation(a.decisionJson());
        if (!plan.isEmpty()) {
            // A plan holds many resources; its digest names exactly what is approved, so that is what is typed.
            if (!typed.strip().equals(plan)) {
                throw new ApprovalException(Kind.INVALID, (typed.isEmpty() ? "no confirmation given" : "confirmation '" + typed
                        + "' does not match") + ": for a plan, type the first 12 characters of its digest (" + plan + ")");
            }
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        a.held().forEach(h -> names.add(h.name()));
        boolean ok = names.size() == 1 ? names.contains(typed)
                : new LinkedHashSet<>(List.of(typed.split(",", -1)).stream().map(String::strip).toList()).equals(names);
        if (!ok) {
            throw new ApprovalException(Kind.INVALID, (typed.isEmpty() ? "no confirmation given" : "confirmation '" + typed
                    + "' does not match") + ": this rule requires typing the name of the resource being changed, exactly "
                    + "(case-sensitive)" + (names.size() > 1 ? "; there are " + names.size() + " resources: type all names separated by commas" : ""));
        }
    }

    /** A grant may only widen an approval the rule allows to be widened, and only over what the reviewer saw. */
    static List<String> checkGrant(Approval a, GrantRequest g) {
        Duration max = a.terms().maxGrant();
        if (max.isZero()) {
            throw new ApprovalException(Kind.INVALID, "the rule (" + String.join(", ", a.rules()) + ") allows no grants "
                    + "(max_grant is 0): approve this one request without a grant");
        }
        if (g.duration() == null || g.duration().isNegative() || g.duration().isZero() || g.duration().compareTo(max) > 0) {
            throw new ApprovalException(Kind.INVALID, "a grant must last more than 0 and at most " + max.toMinutes()
                    + " minutes (the rule's max_grant); asked for " + g.duration());
        }
        if (a.terms().count() > 1) {
            throw new ApprovalException(Kind.INVALID, "this rule needs " + a.terms().count() + " reviewers and a grant "
                    + "would widen what the others approved; approve this one request without a grant");
        }
        if (a.held().stream().anyMatch(h -> h.verb() == Verb.ESCALATE)) {
            throw new ApprovalException(Kind.INVALID, "privilege escalation is never granted in advance: approve this one request without a grant");
        }
        if (ApprovalJson.mentionsDeny(a.decisionJson())) {
            throw new ApprovalException(Kind.INVALID, "a deny rule also matched this request (possibly in dry-run); "
                    + "grants are never given where a deny rule applies: approve this one request without a grant");
        }
        if (g.scope() == GrantScope.SESSION && a.session().isEmpty()) {
            throw new ApprovalException(Kind.INVALID, "the request names no session, so a session grant would bind to nothing: use scope principal or no grant");
        }
        if (g.resourcePattern().isEmpty()) {
            return a.held().stream().map(HeldOperation::address).distinct().toList();
        }
        String prefix = Glob.literalPrefix(g.resourcePattern());
        for (HeldOperation h : a.held()) {
            String system = h.address().substring(0, h.address().indexOf(':') + 1);
            if (!prefix.startsWith(system)) {
                throw new ApprovalException(Kind.INVALID, "resource pattern '" + g.resourcePattern() + "' must start with '"
                        + system + "' without wildcards, so the grant stays within one system");
            }
            if (!Glob.matches(g.resourcePattern(), h.address())) {
                throw new ApprovalException(Kind.INVALID, "resource pattern '" + g.resourcePattern() + "' does not match "
                        + h.address() + ", which this approval is about; widen the pattern or leave it empty for the exact address");
            }
        }
        return List.of(g.resourcePattern());
    }
}
