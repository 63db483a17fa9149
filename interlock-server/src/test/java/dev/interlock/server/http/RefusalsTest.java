package dev.interlock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.interlock.server.notify.Webhook;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and the wrong caller get the right 4xx, as JSON, and change nothing. */
class RefusalsTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String agent;
    static String bob;
    static HttpServer hookReceiver;
    static final LinkedBlockingQueue<String> HOOKS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        // A webhook receiver on loopback stands in for Slack: a real HTTP peer of ours, not a part of Interlock.
        hookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hookReceiver.createContext("/hook", ex -> {
            HOOKS.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hookReceiver.start();
        s = new TestServer(dir.resolve("data"), "", List.of(Webhook.parse("sre=http://127.0.0.1:" + hookReceiver.getAddress().getPort() + "/hook")));
        agent = s.token("agent", "alice@example.com", "claude-code");
        bob = s.token("approver", "bob@example.com", "", "sre");
    }

    @AfterAll
    static void stop() {
        s.close();
        hookReceiver.stop(0);
    }

    @Test
    void malformedOversizedMistypedAndUnknownBodiesAreRefused() {
        String big = "{\"kind\":\"shell\",\"command\":\"echo " + "x".repeat(1_100_000) + "\"}";
        assertThat(s.post(agent, "/v1/decisions", big).status()).isEqualTo(413);
        TestServer.Reply malformed = s.post(agent, "/v1/decisions", "{\"kind\":\"shell\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).contains("malformed JSON");
        TestServer.Reply text = s.send(HttpRequest.newBuilder(URI.create(s.base + "/v1/decisions")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"shell\",\"command\":\"ls\"}")), agent);
        assertThat(text.status()).isEqualTo(415);
        TestServer.Reply unknown = s.post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"comand\":\"ls\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).contains("unknown field 'comand'");
        assertThat(s.post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"ls\",\"context\":{\"enviroment\":\"prod\"}}").status())
                .isEqualTo(400);
        assertThat(s.post(agent, "/v1/decisions", "{\"kind\":\"teleport\"}").status()).isEqualTo(400);
        assertThat(s.post(agent, "/v1/decisions?wait=soon", TestServer.shell("ls", "x")).status()).isEqualTo(400);
    }

    @Test
    void tokensAreChecked() {
        assertThat(s.post(null, "/v1/decisions", TestServer.shell("ls", "x")).status()).isEqualTo(401);
        assertThat(s.post("il_not-a-token", "/v1/decisions", TestServer.shell("ls", "x")).status()).isEqualTo(401);
        String doomed = s.token("agent", "carol@example.com", "codex");
        assertThat(s.post(doomed, "/v1/decisions", TestServer.shell("ls", "x")).status()).isEqualTo(200);
        String id = s.get(s.adminToken, "/v1/tokens").json().get("tokens").findValues("id").stream()
                .map(n -> n.asText()).reduce((a, b) -> b).orElseThrow();
        assertThat(s.delete(s.adminToken, "/v1/tokens/" + id).status()).isEqualTo(200);
        TestServer.Reply revoked = s.post(doomed, "/v1/decisions", TestServer.shell("ls", "x"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error()).contains("revoked");
    }

    @Test
    void agentsCannotActAsHumansOrAsSomeoneElse() {
        assertThat(s.get(agent, "/v1/audit").status()).isEqualTo(403);
        assertThat(s.get(agent, "/v1/audit/verify").status()).isEqualTo(403);
        assertThat(s.get(agent, "/v1/grants").status()).isEqualTo(403);
        assertThat(s.post(agent, "/v1/policy/reload", "").status()).isEqualTo(403);
        assertThat(s.post(agent, "/v1/tokens", "{\"role\":\"admin\",\"principal\":\"mallory\"}").status()).isEqualTo(403);
        assertThat(s.post(bob, "/v1/tokens", "{\"role\":\"admin\",\"principal\":\"bob\"}").status()).as("approvers do not mint").isEqualTo(403);
        TestServer.Reply claim = s.post(agent, "/v1/decisions",
                "{\"kind\":\"shell\",\"command\":\"ls\",\"actor\":{\"principal\":\"bob@example.com\"}}");
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.error()).contains("alice@example.com");
        assertThat(s.post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"ls\",\"actor\":{\"agent\":\"cursor\"}}").status())
                .isEqualTo(403);
    }

    @Test
    void otherPrincipalsApprovalsAreNotAnAgentsBusiness() {
        String carol = s.token("agent", "carol@example.com", "codex");
        String id = s.post(carol, "/v1/decisions", TestServer.shell("kubectl --context prod-eu-1 -n shop delete deployment cart", "c"))
                .json().path("approval").path("id").asText();
        assertThat(s.get(agent, "/v1/approvals/" + id).status()).isIn(403, 404);
        assertThat(s.get(agent, "/v1/approvals?state=all").json().get("approvals").findValues("id").stream().map(n -> n.asText()))
                .doesNotContain(id);
        assertThat(s.get(bob, "/v1/approvals/" + id).status()).isEqualTo(200);
    }

    @Test
    void approversAreToldByWebhook() throws Exception {
        s.post(agent, "/v1/decisions", TestServer.shell("kubectl --context prod-eu-1 -n payments delete deployment legacy", "hook"));
        String body = HOOKS.poll(10, TimeUnit.SECONDS);
        assertThat(body).isNotNull().contains("\"text\"").contains("Approval needed").contains("deployment legacy").contains("/v1/approvals/");
    }

    @Test
    void aPolicyThatFailsIsRefusedAndTheOldOneStays() throws Exception {
        String before = s.get(null, "/readyz").status() == 200 ? version() : "";
        Path broken = s.policyDir.resolve("zz-broken.yaml");
        Files.writeString(broken, "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: { name: broken }\nspec:\n  rules:\n"
                + "    - { id: bad, when: 'op.verb ==', effect: deny }\n");
        TestServer.Reply refused = s.post(s.adminToken, "/v1/policy/reload", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).contains("zz-broken.yaml");
        assertThat(version()).isEqualTo(before);
        Files.writeString(broken, "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: { name: extra }\nspec:\n  rules:\n"
                + "    - { id: no-curl-bash, match: { systems: [network] }, effect: ask }\n");
        TestServer.Reply loaded = s.post(s.adminToken, "/v1/policy/reload", "");
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.json().get("policy_version").asText()).isNotEqualTo(before);
        Files.delete(broken);
        s.post(s.adminToken, "/v1/policy/reload", "");
        assertThat(AuditTypes.types(s, bob)).contains("policy.refused", "policy.loaded");
    }

    @Test
    void aChangedPolicyFileIsPickedUpWithoutARestart() throws Exception {
        String before = version();
        Path added = s.policyDir.resolve("watched.yaml");
        Files.writeString(added, "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: { name: watched }\nspec:\n  rules:\n"
                + "    - { id: watched-rule, match: { systems: [docker] }, effect: ask }\n");
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (version().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(version()).as("the file watch reloads the policy").isNotEqualTo(before);
        } finally {
            Files.delete(added);
            // the watch picks the removal up too: wait for it, so that no reload lands in another test
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!version().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        assertThat(version()).as("the file watch reloads the policy without the removed file").isEqualTo(before);
    }

    String version() {
        return s.post(agent, "/v1/decisions", TestServer.shell("ls", "v")).json().get("policy_version").asText();
    }

    @Test
    void healthReadinessMetricsAndTheApiDocumentNeedNoToken() {
        assertThat(s.get(null, "/healthz").status()).isEqualTo(200);
        TestServer.Reply ready = s.get(null, "/readyz");
        assertThat(ready.json().get("ready").asBoolean()).as(ready.text()).isTrue();
        s.post(agent, "/v1/decisions", TestServer.shell("kubectl --context prod-eu-1 get pods", "m"));
        String metrics = s.get(null, "/metrics").text();
        assertThat(metrics).contains("interlock_decisions_total{", "interlock_decision_latency_seconds_bucket",
                "interlock_audit_append_latency_seconds", "interlock_approvals_pending", "interlock_grants_active");
        assertThat(s.get(null, "/openapi.json").json().get("paths").has("/v1/decisions")).isTrue();
        TestServer.Reply none = s.get(agent, "/v1/nothing-here");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().has("error")).isTrue();
    }
}
