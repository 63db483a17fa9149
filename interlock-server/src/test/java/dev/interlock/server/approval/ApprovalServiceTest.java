package dev.interlock.server.approval;

import static dev.interlock.server.approval.Fixtures.ADMIN;
import static dev.interlock.server.approval.Fixtures.AGENT;
import static dev.interlock.server.approval.Fixtures.ALICE;
import static dev.interlock.server.approval.Fixtures.BOB;
import static dev.interlock.server.approval.Fixtures.BOBS_AGENT;
import static dev.interlock.server.approval.Fixtures.CAROL;
import static dev.interlock.server.approval.Fixtures.DAVE;
import static dev.interlock.server.approval.Fixtures.OTHER_AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.server.auth.Refused.Kind;
import dev.interlock.server.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval life cycle and the built-in review invariants, on a real SQLite database. */
class ApprovalServiceTest {

    @TempDir
    Path dir;

    private final Fixtures.TestClock clock = new Fixtures.TestClock();
    private Database db;
    private ApprovalService approvals;
    private final Request request = Fixtures.deleteApi();
    private Decision decision;

    @BeforeEach
    void open() {
        db = database();
        approvals = new ApprovalService(db, clock);
        decision = Fixtures.decide(Fixtures.SHIPPED, request, Effect.REQUIRE_APPROVAL);
    }

    /** SQLite in a temporary data directory; the PostgreSQL subclass runs the same tests there. */
    Database database() {
        return Database.sqlite(dir.resolve("interlock.db"));
    }

    @AfterEach
    void close() {
        if (db != null) { // null when the database was not there and the test was skipped
            db.close();
        }
    }

    /** Bob opens it, waits out min_review (15s in the shipped policy) and approves with the resource name. */
    private ReviewResult approveAsBob(String id) {
        approvals.view(id, BOB);
        clock.advance(Duration.ofSeconds(15));
        return approvals.approve(id, BOB, "looks right", "api", Optional.empty());
    }

    private static void refused(ThrowingCallable call, Kind kind, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApprovalException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void holdCarriesWhatAReviewerNeedsAndDoesNotSpam() {
        HoldResult first = approvals.hold(request, decision, AGENT);
        Approval a = first.approval();
        assertThat(first.created()).isTrue();
        assertThat(a.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(a.principal()).isEqualTo("alice");
        assertThat(a.agent()).isEqualTo("claude-code");
        assertThat(a.session()).isEqualTo("s1");
        assertThat(a.tokenId()).isEqualTo("tok_agent");
        assertThat(a.environment()).isEqualTo("prod");
        assertThat(a.summary()).isEqualTo(decision.summary());
        assertThat(a.terms().approvers()).containsExactly("group:sre");
        assertThat(a.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(a.rules()).containsExactly("prod-changes-need-a-second-human");
        assertThat(a.held()).singleElement().satisfies(h -> {
            assertThat(h.address()).isEqualTo("kubernetes:payments/deployment/api");
            assertThat(h.name()).isEqualTo("api");
        });
        assertThat(a.decisionJson()).contains("\"operations\"").contains("prod-changes-need-a-second-human");
        assertThat(RequestReader.read(a.requestJson())).isEqualTo(request);

        clock.advance(Duration.ofMinutes(1));
        HoldResult again = approvals.hold(request, Fixtures.SHIPPED.decide(request), AGENT);
        assertThat(again.created()).isFalse();
        assertThat(again.approval().id()).isEqualTo(a.id());
        assertThat(approvals.get(a.id())).get().extracting(Approval::fingerprint).isEqualTo(a.fingerprint());
    }

    @Test
    void releaseConsumesOnceAndAReplayFindsNothing() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        assertThat(approvals.release(request, AGENT, "d-0")).isInstanceOf(Release.Nothing.class);
        ReviewResult reviewed = approveAsBob(id);
        assertThat(reviewed.resolved()).isTrue();
        assertThat(reviewed.approval().state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(reviewed.review().reviewMs()).isEqualTo(15_000);
        assertThat(reviewed.review().comment()).isEqualTo("looks right");

        Release release = approvals.release(request, AGENT, "d-1");
        assertThat(release).isInstanceOfSatisfying(Release.Consumed.class, c -> {
            assertThat(c.approval().id()).isEqualTo(id);
            assertThat(c.approval().state()).isEqualTo(ApprovalState.CONSUMED);
            assertThat(c.approval().consumedBy()).isEqualTo("d-1");
            assertThat(c.approval().consumedAt()).contains(clock.instant());
        });
        assertThat(approvals.release(request, AGENT, "d-2")).isInstanceOf(Release.Nothing.class);
    }

    @Test
    void aRequestChangedByOneByteOrFromAnotherTokenDoesNotMatch() {
        approveAsBob(approvals.hold(request, decision, AGENT).approval().id());
        Request oneByte = Fixtures.shell("kubectl delete deployment apj -n payments", "s1");
        assertThat(approvals.release(oneByte, AGENT, "d-1")).isInstanceOf(Release.Nothing.class);
        Request otherSession = Fixtures.shell("kubectl delete deployment api -n payments", "s2");
        assertThat(approvals.release(otherSession, AGENT, "d-2")).isInstanceOf(Release.Nothing.class);
        assertThat(approvals.release(request, OTHER_AGENT, "d-3")).isInstanceOf(Release.Nothing.class);
        assertThat(approvals.release(request, AGENT, "d-4")).isInstanceOf(Release.Consumed.class);
    }

    @Test
    void agentsNeverReview() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        refused(() -> approvals.approve(id, AGENT, "", "api", Optional.empty()), Kind.FORBIDDEN, "agents cannot approve");
        refused(() -> approvals.deny(id, AGENT, "no"), Kind.FORBIDDEN, "agents cannot deny");
    }

    @Test
    void theRequesterMayNotApproveWhenTheRuleSaysSo() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approvals.view(id, ALICE);
        clock.advance(Duration.ofMinutes(1));
        refused(() -> approvals.approve(id, ALICE, "", "api", Optional.empty()), Kind.FORBIDDEN,
                "requester_may_approve: false, so a second human must approve it");
    }

    @Test
    void onlyListedApproversReviewAndAdminsGetNoBypass() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approvals.view(id, CAROL);
        approvals.view(id, ADMIN);
        clock.advance(Duration.ofMinutes(1));
        refused(() -> approvals.approve(id, CAROL, "", "api", Optional.empty()), Kind.FORBIDDEN, "needs one of [group:sre]");
        refused(() -> approvals.approve(id, ADMIN, "", "api", Optional.empty()), Kind.FORBIDDEN, "needs one of [group:sre]");
        refused(() -> approvals.deny(id, CAROL, "no"), Kind.FORBIDDEN, "needs one of [group:sre]");
    }

    @Test
    void approvingNeedsAViewAndMinReviewTime() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        refused(() -> approvals.approve(id, BOB, "", "api", Optional.empty()), Kind.TOO_EARLY, "open approval");
        ViewResult seen = approvals.view(id, BOB);
        assertThat(seen.firstView()).isTrue();
        assertThat(seen.firstSeenAt()).contains(clock.instant());
        clock.advance(Duration.ofSeconds(4));
        assertThat(approvals.view(id, BOB).firstView()).isFalse();
        refused(() -> approvals.approve(id, BOB, "", "api", Optional.empty()), Kind.TOO_EARLY, "try again in 11s");
        clock.advance(Duration.ofSeconds(11));
        ReviewResult ok = approvals.approve(id, BOB, "", "api", Optional.empty());
        assertThat(ok.review().reviewMs()).as("later views do not move the first view").isEqualTo(15_000);
        assertThat(ok.approval().reviews()).singleElement().extracting(Review::reviewer).isEqualTo("bob");
    }

    @Test
    void confirmationMustBeTheResourceNameExactly() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approvals.view(id, BOB);
        clock.advance(Duration.ofSeconds(20));
        refused(() -> approvals.approve(id, BOB, "", "API", Optional.empty()), Kind.INVALID, "does not match");
        refused(() -> approvals.approve(id, BOB, "", "", Optional.empty()), Kind.INVALID, "no confirmation given");
        assertThat(approvals.approve(id, BOB, "", "api", Optional.empty()).resolved()).isTrue();
    }

    @Test
    void severalHeldResourcesAreConfirmedByAllTheirNames() {
        Request both = Fixtures.shell("kubectl delete deployment api -n payments && kubectl delete deployment web -n payments", "s1");
        String id = approvals.hold(both, Fixtures.decide(Fixtures.SHIPPED, both, Effect.REQUIRE_APPROVAL), AGENT).approval().id();
        approvals.view(id, BOB);
        clock.advance(Duration.ofSeconds(20));
        refused(() -> approvals.approve(id, BOB, "", "api", Optional.empty()), Kind.INVALID, "type all names separated by commas");
        assertThat(approvals.approve(id, BOB, "", "web, api", Optional.empty()).resolved()).isTrue();
    }

    @Test
    void anExpiredApprovalCannotBeReviewedOrReleased() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approvals.view(id, BOB);
        clock.advance(Duration.ofMinutes(30));
        refused(() -> approvals.approve(id, BOB, "", "api", Optional.empty()), Kind.GONE, "expired");
        Release release = approvals.release(request, AGENT, "d-1");
        assertThat(release.expired()).containsExactly(id);
        assertThat(approvals.get(id)).get().extracting(Approval::state).isEqualTo(ApprovalState.EXPIRED);
        assertThat(approvals.hold(request, decision, AGENT).created()).as("a retry asks again").isTrue();
    }

    @Test
    void anApprovedApprovalExpiresUnusedAndTheSweepFindsIt() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approveAsBob(id);
        clock.advance(Duration.ofMinutes(30));
        assertThat(approvals.expireDue()).containsExactly(id);
        assertThat(approvals.release(request, AGENT, "d-1")).isInstanceOf(Release.Nothing.class);
    }

    @Test
    void aReviewerReviewsOnceAndResolvedApprovalsAreClosed() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        approveAsBob(id);
        refused(() -> approvals.approve(id, BOB, "", "api", Optional.empty()), Kind.CONFLICT, "already approved");
        approvals.view(id, DAVE);
        clock.advance(Duration.ofSeconds(15));
        refused(() -> approvals.approve(id, DAVE, "", "api", Optional.empty()), Kind.CONFLICT, "already approved");
        refused(() -> approvals.deny(id, DAVE, "no"), Kind.CONFLICT, "already approved");
        refused(() -> approvals.approve("apr_missing", DAVE, "", "api", Optional.empty()), Kind.NOT_FOUND, "no approval");
    }

    @Test
    void countTwoNeedsTwoDistinctReviewers() {
        Request scale = Fixtures.shell("kubectl scale deployment api --replicas=3 -n payments", "s1");
        Decision twoNeeded = Fixtures.decide(Fixtures.GRANTS, scale, Effect.REQUIRE_APPROVAL);
        String id = approvals.hold(scale, twoNeeded, AGENT).approval().id();
        approvals.view(id, ALICE);
        approvals.view(id, CAROL);
        ReviewResult first = approvals.approve(id, ALICE, "requester may approve here", "", Optional.empty());
        assertThat(first.resolved()).isFalse();
        assertThat(first.approval().state()).isEqualTo(ApprovalState.PENDING);
        assertThat(approvals.release(scale, AGENT, "d-1")).isInstanceOf(Release.Nothing.class);
        refused(() -> approvals.approve(id, ALICE, "", "", Optional.empty()), Kind.CONFLICT, "2 different reviewers");
        ReviewResult second = approvals.approve(id, CAROL, "", "", Optional.empty());
        assertThat(second.resolved()).isTrue();
        assertThat(second.approval().state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(second.approval().reviews()).extracting(Review::reviewer).containsExactlyInAnyOrder("alice", "carol");
        assertThat(approvals.release(scale, AGENT, "d-2")).isInstanceOf(Release.Consumed.class);
    }

    @Test
    void oneDenyEndsItAndTheAgentIsToldTheReasonOnce() {
        String id = approvals.hold(request, decision, AGENT).approval().id();
        refused(() -> approvals.deny(id, BOB, "  "), Kind.INVALID, "needs a reason");
        clock.advance(Duration.ofSeconds(3));
        ReviewResult denied = approvals.deny(id, BOB, "scale it to zero instead");
        assertThat(denied.resolved()).isTrue();
        assertThat(denied.approval().state()).isEqualTo(ApprovalState.DENIED);
        assertThat(denied.review().verdict()).isEqualTo(Verdict.DENY);
        refused(() -> approvals.approve(id, DAVE, "", "api", Optional.empty()), Kind.CONFLICT, "already denied");

        assertThat(approvals.release(request, AGENT, "d-1")).isInstanceOfSatisfying(Release.Denied.class,
                d -> assertThat(d.approval().reason()).isEqualTo("scale it to zero instead"));
        assertThat(approvals.release(request, AGENT, "d-2")).isInstanceOf(Release.Nothing.class);
        assertThat(approvals.hold(request, decision, AGENT).created()).isTrue();
    }

    @Test
    void agentsSeeOnlyTheirPrincipalsApprovals() {
        String alices = approvals.hold(request, decision, AGENT).approval().id();
        clock.advance(Duration.ofSeconds(1));
        Request bobsRequest = Fixtures.shell("kubectl delete deployment web -n payments", "s9");
        String bobs = approvals.hold(bobsRequest, Fixtures.SHIPPED.decide(bobsRequest), BOBS_AGENT).approval().id();

        assertThat(approvals.view(alices, OTHER_AGENT).firstView()).isFalse();
        refused(() -> approvals.view(bobs, AGENT), Kind.FORBIDDEN, "another principal");
        assertThat(approvals.list(Optional.empty(), AGENT)).extracting(Approval::id).containsExactly(alices);
        assertThat(approvals.list(Optional.empty(), BOB)).extracting(Approval::id).containsExactly(bobs, alices);
        assertThat(approvals.list(Optional.of(ApprovalState.APPROVED), BOB)).isEmpty();
        refused(() -> approvals.view("apr_nope", BOB), Kind.NOT_FOUND, "no approval");
    }

    @Test
    void onlyRequireApprovalDecisionsAreHeld() {
        Request read = Fixtures.shell("kubectl get pods -n payments", "s1");
        Decision allowed = Fixtures.SHIPPED.decide(read);
        assertThat(allowed.effect()).isNotEqualTo(Effect.REQUIRE_APPROVAL);
        refused(() -> approvals.hold(read, allowed, AGENT), Kind.INVALID, "only require_approval decisions");
    }
}
