package dev.interlock.server.approval;

import static dev.interlock.server.approval.Fixtures.AGENT;
import static dev.interlock.server.approval.Fixtures.BOB;
import static dev.interlock.server.approval.Fixtures.BOBS_AGENT;
import static dev.interlock.server.approval.Fixtures.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Grants: when a reviewer may give one, and exactly which later decisions it releases. */
class GrantServiceTest {

    @TempDir
    Path dir;

    private final Fixtures.TestClock clock = new Fixtures.TestClock();
    private Database db;
    private ApprovalService approvals;
    private GrantService grants;

    @BeforeEach
    void open() {
        db = database();
        approvals = new ApprovalService(db, clock);
        grants = new GrantService(db, clock);
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

    private static Request delete(String name, String session) {
        return Fixtures.shell("kubectl delete deployment " + name + " -n payments", session);
    }

    private static Decision decide(Request r) {
        return Fixtures.decide(GRANTS, r, Effect.REQUIRE_APPROVAL);
    }

    /** Holds {@code r}, lets Bob review it for 10s (the rule's min_review) and approve it with {@code grant}. */
    private ReviewResult approveWithGrant(Request r, String confirmation, GrantRequest grant) {
        String id = approvals.hold(r, decide(r), AGENT).approval().id();
        approvals.view(id, BOB);
        clock.advance(Duration.ofSeconds(10));
        return approvals.approve(id, BOB, "", confirmation, Optional.of(grant));
    }

    private static void refused(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApprovalException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INVALID);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void aGrantReleasesRepeatedRequestsOfItsClassAndCountsUses() {
        ReviewResult r = approveWithGrant(delete("api", "s1"), "api",
                new GrantRequest("kubernetes:payments/deployment/*", GrantScope.SESSION, Duration.ofHours(1)));
        Grant g = r.grant().orElseThrow();
        assertThat(g.ruleIds()).containsExactly("prod-deletes");
        assertThat(g.session()).isEqualTo("s1");
        assertThat(g.principal()).isEqualTo("alice");
        assertThat(g.createdBy()).isEqualTo("bob");
        assertThat(g.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        for (String name : new String[] {"web", "worker", "api"}) {
            Request again = delete(name, "s1");
            assertThat(grants.findUsable(decide(again), again, AGENT)).as(name).isPresent();
        }
        Request legacy = delete("legacy", "s1");
        assertThat(grants.findUsable(decide(legacy), legacy, AGENT)).as("a dry-run deny matched").isEmpty();
        Request two = Fixtures.shell("kubectl delete deployment a -n payments && kubectl delete deployment b -n payments", "s1");
        GrantUse use = grants.findUsable(decide(two), two, AGENT).orElseThrow();
        assertThat(use.grant().uses()).isEqualTo(4);
        assertThat(use.decisionId()).isNotEmpty();
        assertThat(grants.list(true)).singleElement().extracting(Grant::uses).isEqualTo(4L);
    }

    @Test
    void aGrantDoesNotReachOutsideItsPatternSessionPrincipalOrRule() {
        approveWithGrant(delete("api", "s1"), "api",
                new GrantRequest("kubernetes:payments/deployment/a??", GrantScope.SESSION, Duration.ofHours(1)));
        Request otherName = delete("apiv2", "s1");
        Request otherNamespace = Fixtures.shell("kubectl delete deployment api -n billing", "s1");
        Request otherSession = delete("api", "s2");
        Request oneInsideOneOutside = Fixtures.shell("kubectl delete deployment api -n payments && kubectl delete deployment web -n payments", "s1");
        Request otherRule = Fixtures.shell("kubectl scale deployment api --replicas=3 -n payments", "s1");
        for (Request r : new Request[] {otherName, otherNamespace, otherSession, oneInsideOneOutside, otherRule}) {
            assertThat(grants.findUsable(decide(r), r, AGENT)).as(r.payload().toString()).isEmpty();
        }
        Request inside = delete("abc", "s1");
        assertThat(grants.findUsable(decide(inside), inside, BOBS_AGENT)).as("another principal").isEmpty();
        assertThat(grants.findUsable(decide(inside), inside, AGENT)).isPresent();
    }

    @Test
    void theDefaultPatternIsTheExactAddressAndPrincipalScopeSpansSessions() {
        Grant g = approveWithGrant(delete("api", "s1"), "api", new GrantRequest("", GrantScope.PRINCIPAL, Duration.ofMinutes(5)))
                .grant().orElseThrow();
        assertThat(g.resourcePatterns()).containsExactly("kubernetes:payments/deployment/api");
        Request sameInOtherSession = delete("api", "s7");
        assertThat(grants.findUsable(decide(sameInOtherSession), sameInOtherSession, AGENT)).isPresent();
        Request web = delete("web", "s1");
        assertThat(grants.findUsable(decide(web), web, AGENT)).isEmpty();
    }

    @Test
    void revokedAndExpiredGrantsReleaseNothing() {
        GrantRequest hour = new GrantRequest("kubernetes:payments/deployment/*", GrantScope.SESSION, Duration.ofHours(1));
        Grant g = approveWithGrant(delete("api", "s1"), "api", hour).grant().orElseThrow();
        Request web = delete("web", "s1");
        assertThat(grants.findUsable(decide(web), web, AGENT)).isPresent();
        assertThatThrownBy(() -> grants.revoke(g.id(), AGENT)).isInstanceOfSatisfying(ApprovalException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN));
        GrantRevoked revoked = grants.revoke(g.id(), BOB);
        assertThat(revoked.revokedBy()).isEqualTo("bob");
        assertThat(revoked.grant().revokedAt()).contains(clock.instant());
        assertThat(grants.findUsable(decide(web), web, AGENT)).isEmpty();
        assertThatThrownBy(() -> grants.revoke(g.id(), BOB)).isInstanceOfSatisfying(ApprovalException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));

        approveWithGrant(delete("worker", "s1"), "worker", hour);
        assertThat(grants.findUsable(decide(web), web, AGENT)).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(grants.findUsable(decide(web), web, AGENT)).isEmpty();
        assertThat(grants.list(true)).isEmpty();
        assertThat(grants.list(false)).hasSize(2);
    }

    @Test
    void grantsAreRefusedWhereTheRuleOrTheRequestDoesNotAllowThem() {
        refused(() -> approveWithGrant(delete("api", "s1"), "api",
                new GrantRequest("", GrantScope.SESSION, Duration.ofMinutes(61))), "at most 60 minutes");
        refused(() -> approveWithGrant(delete("web", "s1"), "web",
                new GrantRequest("kubernetes:payments/deployment/x*", GrantScope.SESSION, Duration.ofMinutes(5))), "does not match");
        refused(() -> approveWithGrant(delete("db", "s1"), "db",
                new GrantRequest("*", GrantScope.SESSION, Duration.ofMinutes(5))), "must start with 'kubernetes:'");
        refused(() -> approveWithGrant(delete("job", ""), "job",
                new GrantRequest("", GrantScope.SESSION, Duration.ofMinutes(5))), "names no session");

        refused(() -> approveWithGrant(delete("legacy", "s1"), "legacy",
                new GrantRequest("", GrantScope.SESSION, Duration.ofMinutes(5))), "a deny rule also matched");

        Request sudo = Fixtures.shell("sudo -i", "s1");
        String id = approvals.hold(sudo, decide(sudo), AGENT).approval().id();
        approvals.view(id, BOB);
        refused(() -> approvals.approve(id, BOB, "", "", Optional.of(new GrantRequest("", GrantScope.SESSION,
                Duration.ofMinutes(5)))), "privilege escalation is never granted");
        assertThat(approvals.approve(id, BOB, "", "", Optional.empty()).grant()).isEmpty();

        Request shipped = Fixtures.deleteApi();
        HoldResult underShippedPolicy = approvals.hold(shipped, Fixtures.decide(Fixtures.SHIPPED, shipped, Effect.REQUIRE_APPROVAL), AGENT);
        assertThat(underShippedPolicy.created()).as("the pending approval under laxer terms is superseded").isTrue();
        assertThat(underShippedPolicy.approval().terms().maxGrant()).isZero();
        String noGrants = underShippedPolicy.approval().id();
        approvals.view(noGrants, BOB);
        clock.advance(Duration.ofSeconds(15));
        refused(() -> approvals.approve(noGrants, BOB, "", "api", Optional.of(new GrantRequest("", GrantScope.SESSION,
                Duration.ofMinutes(1)))), "max_grant is 0");
        assertThat(approvals.get(noGrants)).get().extracting(Approval::state)
                .as("a refused grant approves nothing").isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void anEscalationIsNeverReleasedByAGrant() {
        approveWithGrant(delete("api", "s1"), "api", new GrantRequest("", GrantScope.SESSION, Duration.ofHours(1)));
        Request sudo = Fixtures.shell("sudo -i", "s1");
        assertThat(grants.findUsable(decide(sudo), sudo, AGENT)).isEmpty();
    }

    @Test
    void globsMatchWholeAddresses() {
        assertThat(Glob.matches("kubernetes:payments/deployment/*", "kubernetes:payments/deployment/api")).isTrue();
        assertThat(Glob.matches("kubernetes:payments/*", "kubernetes:payments/deployment/api")).isTrue();
        assertThat(Glob.matches("kubernetes:payments/deployment/a?i", "kubernetes:payments/deployment/api")).isTrue();
        assertThat(Glob.matches("kubernetes:payments/deployment/a?", "kubernetes:payments/deployment/api")).isFalse();
        assertThat(Glob.matches("kubernetes:pay.ents/*", "kubernetes:payments/x")).as("regex characters are literal").isFalse();
        assertThat(Glob.matches("kubernetes:payments", "kubernetes:payments/deployment/api")).isFalse();
    }
}
