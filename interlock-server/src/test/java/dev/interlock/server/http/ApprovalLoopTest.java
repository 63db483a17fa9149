package dev.interlock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop of DESIGN.md through the real HTTP API: held, read by a second human, released once, never replayed. */
class ApprovalLoopTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String agent;
    static String bob;
    static String alice;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.sqlite(dir);
        agent = s.token("agent", "alice@example.com", "claude-code");
        bob = s.token("approver", "bob@example.com", "", "sre");
        alice = s.token("approver", "alice@example.com", "", "sre");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static final String RESTART = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";

    static String approvalId(TestServer.Reply r) {
        return r.json().path("approval").path("id").asText();
    }

    @Test
    void heldReadApprovedReleasedOnceAndNeverReplayed() throws Exception {
        TestServer.Reply held = s.post(agent, "/v1/decisions", TestServer.shell(RESTART, "loop"));
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().get("effect").asText()).isEqualTo("require_approval");
        String id = approvalId(held);
        assertThat(held.json().path("approval").path("state").asText()).isEqualTo("pending");
        // The identical retry waits under the same approval: no spam for reviewers.
        assertThat(approvalId(s.post(agent, "/v1/decisions", TestServer.shell(RESTART, "loop")))).isEqualTo(id);

        assertThat(s.post(agent, "/v1/approvals/" + id + "/approve", "{}").status()).as("agents never approve").isEqualTo(403);
        assertThat(s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\"}").status())
                .as("not opened yet").isEqualTo(409);
        TestServer.Reply opened = s.get(bob, "/v1/approvals/" + id);
        assertThat(opened.json().get("summary").asText()).contains("deployment api");
        assertThat(opened.json().get("held").get(0).get("address").asText()).isEqualTo("kubernetes:payments/deployment/api");
        TestServer.Reply tooFast = s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\"}");
        assertThat(tooFast.status()).isEqualTo(409);
        assertThat(tooFast.error()).contains("review");

        s.get(alice, "/v1/approvals/" + id);
        Thread.sleep(1100);
        TestServer.Reply self = s.post(alice, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\"}");
        assertThat(self.status()).as("the principal the agent acts for may not approve").isEqualTo(403);
        assertThat(s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"API\"}").status()).as("typed name must match").isEqualTo(400);
        TestServer.Reply approved = s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\",\"comment\":\"read it\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("approved");

        TestServer.Reply changed = s.post(agent, "/v1/decisions", TestServer.shell(RESTART + " ", "loop"));
        assertThat(changed.json().get("effect").asText()).as("one byte changed").isEqualTo("require_approval");
        TestServer.Reply otherSession = s.post(agent, "/v1/decisions", TestServer.shell(RESTART, "another"));
        assertThat(otherSession.json().get("effect").asText()).isEqualTo("require_approval");

        TestServer.Reply released = s.post(agent, "/v1/decisions", TestServer.shell(RESTART, "loop"));
        assertThat(released.json().get("effect").asText()).isEqualTo("allow");
        assertThat(released.json().get("rules").get(0).get("id").asText()).isEqualTo("approval:" + id);
        assertThat(released.json().path("approval").path("state").asText()).isEqualTo("consumed");

        TestServer.Reply replay = s.post(agent, "/v1/decisions", TestServer.shell(RESTART, "loop"));
        assertThat(replay.json().get("effect").asText()).as("single use").isEqualTo("require_approval");
        assertThat(approvalId(replay)).isNotEqualTo(id);

        String decisionId = released.json().get("decision_id").asText();
        TestServer.Reply recorded = s.get(agent, "/v1/decisions/" + decisionId);
        assertThat(recorded.json().get("effect").asText()).isEqualTo("allow");
        assertThat(s.post(agent, "/v1/executions", "{\"decision_id\":\"" + decisionId + "\",\"exit_code\":0,\"duration_ms\":812}").status())
                .isEqualTo(201);

        List<String> types = auditTypes();
        assertThat(types).contains("approval.requested", "approval.viewed", "approval.reviewed", "approval.consumed",
                "decision", "execution.reported", "token.created", "policy.loaded");
        JsonNode verify = s.get(bob, "/v1/audit/verify").json();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void aReviewersDenialIsToldToTheAgentOnceWithTheReason() {
        String cmd = "kubectl --context prod-eu-1 -n payments scale deployment/worker --replicas=0";
        String id = approvalId(s.post(agent, "/v1/decisions", TestServer.shell(cmd, "deny")));
        assertThat(s.post(bob, "/v1/approvals/" + id + "/deny", "{}").status()).as("a reason is required").isEqualTo(400);
        assertThat(s.post(bob, "/v1/approvals/" + id + "/deny", "{\"reason\":\"not during the freeze\"}").status()).isEqualTo(200);
        TestServer.Reply told = s.post(agent, "/v1/decisions", TestServer.shell(cmd, "deny"));
        assertThat(told.json().get("effect").asText()).isEqualTo("deny");
        assertThat(told.json().get("rules").get(0).get("message").asText()).contains("not during the freeze");
        assertThat(told.json().path("approval").path("reason").asText()).isEqualTo("not during the freeze");
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell(cmd, "deny")).json().get("effect").asText())
                .as("asking again opens a new approval").isEqualTo("require_approval");
    }

    @Test
    void anExpiredApprovalIsGone() throws Exception {
        String id = approvalId(s.post(agent, "/v1/decisions", TestServer.shell("kubectl --context staging-1 -n web delete pod web-0", "exp")));
        s.get(bob, "/v1/approvals/" + id);
        Thread.sleep(2200);
        TestServer.Reply late = s.post(bob, "/v1/approvals/" + id + "/approve", "{}");
        assertThat(late.status()).as(late.text()).isEqualTo(410);
    }

    @Test
    void aGrantReleasesItsClassForItsSessionUntilRevoked() throws Exception {
        String first = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";
        String id = approvalId(s.post(agent, "/v1/decisions", TestServer.shell(first, "grant")));
        s.get(bob, "/v1/approvals/" + id);
        Thread.sleep(1100);
        TestServer.Reply tooLong = s.post(bob, "/v1/approvals/" + id + "/approve",
                "{\"confirm\":\"api\",\"grant\":{\"pattern\":\"kubernetes:payments/deployment/*\",\"scope\":\"session\",\"duration\":\"2h\"}}");
        assertThat(tooLong.status()).as("longer than max_grant").isEqualTo(400);
        TestServer.Reply granted = s.post(bob, "/v1/approvals/" + id + "/approve",
                "{\"confirm\":\"api\",\"grant\":{\"pattern\":\"kubernetes:payments/deployment/*\",\"scope\":\"session\",\"duration\":\"20m\"}}");
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell(first, "grant")).json().get("effect").asText()).isEqualTo("allow");

        TestServer.Reply other = s.post(agent, "/v1/decisions",
                TestServer.shell("kubectl --context prod-eu-1 -n payments rollout restart deployment/worker", "grant"));
        assertThat(other.json().get("effect").asText()).isEqualTo("allow");
        String grantId = other.json().path("grant").path("id").asText();
        assertThat(grantId).isNotEmpty();
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell(
                "kubectl --context prod-eu-1 -n billing rollout restart deployment/api", "grant")).json().get("effect").asText())
                .as("outside the pattern").isEqualTo("require_approval");
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell(
                "kubectl --context prod-eu-1 -n payments rollout restart deployment/worker", "elsewhere")).json().get("effect").asText())
                .as("another session").isEqualTo("require_approval");

        assertThat(s.post(agent, "/v1/grants/" + grantId + "/revoke", "").status()).isEqualTo(403);
        assertThat(s.post(bob, "/v1/grants/" + grantId + "/revoke", "").status()).isEqualTo(200);
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell(
                "kubectl --context prod-eu-1 -n payments rollout restart deployment/worker", "grant")).json().get("effect").asText())
                .as("after revocation").isEqualTo("require_approval");
        assertThat(auditTypes()).contains("grant.created", "grant.used", "grant.revoked");
    }

    @Test
    void longPollingAnswersWhenTheReviewerDecides() throws Exception {
        String cmd = "kubectl --context prod-eu-1 -n payments rollout restart deployment/poll";
        String id = approvalId(s.post(agent, "/v1/decisions", TestServer.shell(cmd, "poll")));
        CompletableFuture<TestServer.Reply> waiting = CompletableFuture.supplyAsync(() ->
                s.post(agent, "/v1/decisions?wait=30s", TestServer.shell(cmd, "poll")));
        s.get(bob, "/v1/approvals/" + id);
        Thread.sleep(1100);
        assertThat(waiting).as(() -> waiting.getNow(null) == null ? "" : waiting.getNow(null).text()).isNotDone();
        assertThat(s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"poll\"}").status()).isEqualTo(200);
        assertThat(waiting.get().json().get("effect").asText()).isEqualTo("allow");
    }

    @Test
    void theRunawayAgentIsStoppedBySessionHistory() {
        List<String> effects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            effects.add(s.post(agent, "/v1/decisions", TestServer.shell("kubectl --context dev-1 -n scratch delete pod p" + i, "runaway"))
                    .json().get("effect").asText());
        }
        assertThat(effects).containsExactly("allow", "allow", "allow", "require_approval", "require_approval");
        assertThat(s.post(agent, "/v1/decisions", TestServer.shell("kubectl --context dev-1 -n scratch delete pod p9", "calm"))
                .json().get("effect").asText()).as("another session has its own history").isEqualTo("allow");
    }

    @Test
    void theServerNeverTakesItsOwnHostForTheAgents() {
        TestServer.Reply r = s.post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"kubectl delete deployment api\"}");
        assertThat(r.json().get("operations").get(0).get("environment").asText()).isEqualTo("unknown");
        assertThat(r.json().get("effect").asText()).isEqualTo("require_approval");
    }

    static List<String> auditTypes() {
        return AuditTypes.types(s, bob);
    }
}
