package dev.interlock.cli;

import static dev.interlock.cli.ReliabilityServers.JSON;
import static dev.interlock.cli.ReliabilityServers.get;
import static dev.interlock.cli.ReliabilityServers.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.cli.ReliabilityServers.Reply;
import dev.interlock.cli.ReliabilityServers.Server;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Process-level reliability of the real server ({@code ./interlock serve}):
 * <ul>
 *   <li>a {@code kill -9} in the middle of a load loses no decision whose answer reached the client, and the audit
 *       chain of the SQLite data directory still verifies after a restart;</li>
 *   <li>two servers on one PostgreSQL share tokens and approvals (an approval given on one is consumed once across
 *       both) and build one gap-free audit chain that both verify the same way.</li>
 * </ul>
 * Built for two shared cores: timeouts are generous and nothing asserts on latency.
 */
class ServerReliabilityEndToEndTest {

    static final String POLICY = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: reliability-test }
            spec:
              rules:
                - id: prod-changes
                  match: { environments: [prod], verbs: [create, update, delete, replace, execute] }
                  effect: require_approval
                  approval: { approvers: [group:sre], count: 1, requester_may_approve: false, expires: 30m, min_review: 1s, confirm: resource-name }
            """;

    /** A mix of reads, workspace work, dev changes and held production changes. */
    static final List<String[]> COMMANDS = List.of(
            new String[] {"git status && git diff --stat", ""},
            new String[] {"kubectl -n payments get pods", "prod"},
            new String[] {"mvn -q test", ""},
            new String[] {"rm -rf ./target", ""},
            new String[] {"kubectl -n scratch rollout restart deployment/api", "dev"},
            new String[] {"terraform -chdir=envs/dev plan", "dev"},
            new String[] {"kubectl -n shop delete deployment web", "prod"},
            new String[] {"cat README.md | grep -n interlock", ""});

    Path dir;
    Path policy;
    ReliabilityServers servers;

    @BeforeAll
    static void build() throws Exception {
        ReliabilityServers.buildOnce();
    }

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("interlock-reliability");
        policy = Files.createDirectories(dir.resolve("policy"));
        Files.writeString(policy.resolve("reliability.yaml"), POLICY);
        servers = new ReliabilityServers();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        servers.close();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void noAnsweredDecisionIsLostWhenTheServerIsKilledInTheMiddleOfALoad() throws Exception {
        Path data = dir.resolve("data");
        Server first = servers.start(data, policy, null);
        HttpClient http = ReliabilityServers.client();
        String admin = first.adminToken();
        String agent = token(http, first, admin, Map.of("role", "agent", "principal", "alice@example.com", "agent", "claude-code"));
        String auditor = token(http, first, admin, Map.of("role", "approver", "principal", "bob@example.com", "groups", List.of("sre")));

        // 16 clients post decisions until the kill; every answer that arrived in full is recorded.
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killing = new AtomicBoolean();
        long loadDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int client = t;
            clients.add(Thread.ofPlatform().name("load-" + t).start(() -> {
                for (long n = 0; !stop.get() && System.nanoTime() < loadDeadline; n++) {
                    Reply r;
                    try {
                        r = post(http, first.url() + "/v1/decisions", agent, decision(client, n));
                    } catch (IOException e) {
                        if (!killing.get()) {
                            unexpected.add("before the kill: " + describe(e));
                        }
                        continue; // the server died under us: this request's answer never arrived
                    } catch (InterruptedException e) {
                        return;
                    }
                    statuses.computeIfAbsent(r.status(), s -> new AtomicLong()).incrementAndGet();
                    if (r.status() == 200 && r.body().hasNonNull("decision_id") && r.body().path("audit_seq").asLong() > 0) {
                        answered.put(r.body().get("decision_id").asText(), r.body().get("audit_seq").asLong());
                    } else if (!killing.get()) {
                        unexpected.add(r.status() + " " + r.raw());
                    }
                }
            }));
        }
        // Kill after ~2 s of load, once a few hundred answers are in (a cold JVM on two shared cores may need longer).
        long started = System.nanoTime();
        while ((System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2) || answered.size() < 300)
                && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120) && first.process().isAlive()) {
            Thread.sleep(50);
        }
        killing.set(true);
        first.killHard();
        int seenAtKill = answered.size();
        stop.set(true);
        for (Thread c : clients) {
            c.join(TimeUnit.SECONDS.toMillis(90));
            assertThat(c.isAlive()).as("client thread " + c.getName() + " ended").isFalse();
        }
        Map<String, Long> recorded = Map.copyOf(answered);
        System.out.printf("kill -9: %d decisions answered before the kill (%d when it was sent), statuses %s%n",
                recorded.size(), seenAtKill, statuses);
        assertThat(unexpected).as("every answer before the kill was a recorded decision (no 5xx, no fail-closed deny)\n" + first.log()).isEmpty();
        assertThat(recorded).as("the load meant something: hundreds of decisions before the kill").hasSizeGreaterThanOrEqualTo(300);
        assertThat(Files.exists(data.resolve("audit-ed25519.pub"))).isTrue();

        // Restart on the same data directory: every answered decision is there, in the decisions table and the chain.
        Server second = servers.start(data, policy, null);
        HttpClient after = ReliabilityServers.client();
        List<String> missing = new ArrayList<>();
        for (String id : recorded.keySet()) {
            Reply r = get(after, second.url() + "/v1/decisions/" + id, agent);
            if (r.status() != 200 || !id.equals(r.body().path("decision_id").asText(id))) {
                missing.add(id + " -> " + r.status() + " " + r.raw());
            }
        }
        assertThat(missing).as("answered decisions retrievable after kill -9 and restart\n" + second.log()).isEmpty();

        Map<Long, JsonNode> chain = readChain(after, second, auditor);
        Map<String, Long> decisionEvents = new HashMap<>();
        chain.forEach((seq, e) -> {
            if (e.path("type").asText().equals("decision")) {
                decisionEvents.put(e.at("/body/data/decision_id").asText(), seq);
            }
        });
        assertThat(decisionEvents).as("every answered decision has its decision event, at the audit_seq it was answered with")
                .containsAllEntriesOf(recorded);
        assertVerified(after, second, auditor, chain.size());

        // The restarted server carries on the same chain.
        Reply more = post(after, second.url() + "/v1/decisions", agent, decision(99, 1));
        assertThat(more.status()).as(more.raw()).isEqualTo(200);
        assertThat(more.body().path("audit_seq").asLong()).isGreaterThan(chain.size());
        assertVerified(after, second, auditor, -1);
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void twoServersOnOnePostgresShareTokensApprovalsAndOneChain() throws Exception {
        String database = ReliabilityServers.freshPostgresDatabase();
        Path dataA = dir.resolve("a");
        Path dataB = dir.resolve("b");
        Server a = servers.start(dataA, policy, database);
        Server b = servers.start(dataB, policy, database);
        // Each server signs checkpoints with its own key; each trusts the other's.
        Files.copy(dataA.resolve("audit-ed25519.pub"), Files.createDirectories(dataB.resolve("trusted-keys")).resolve("server-a.pub"));
        Files.copy(dataB.resolve("audit-ed25519.pub"), Files.createDirectories(dataA.resolve("trusted-keys")).resolve("server-b.pub"));

        HttpClient http = ReliabilityServers.client();
        String admin = a.adminToken();
        String agent = token(http, a, admin, Map.of("role", "agent", "principal", "alice@example.com", "agent", "claude-code"));
        String reviewer = token(http, a, admin, Map.of("role", "approver", "principal", "bob@example.com", "groups", List.of("sre")));
        Reply onB = get(http, b.url() + "/v1/approvals", agent);
        assertThat(onB.status()).as("a token created on A works on B: " + onB.raw()).isEqualTo(200);

        // Held on A, visible and approved on B, consumed once across both.
        ObjectNode change = request("kubectl rollout restart deployment/api -n payments", "prod", "s1");
        Reply held = post(http, a.url() + "/v1/decisions", agent, change);
        assertThat(held.status()).as(held.raw()).isEqualTo(200);
        assertThat(held.body().path("effect").asText()).as(held.raw()).isEqualTo("require_approval");
        String approvalId = held.body().at("/approval/id").asText();
        assertThat(approvalId).isNotEmpty();
        Reply seen = get(http, b.url() + "/v1/approvals/" + approvalId, reviewer);
        assertThat(seen.status()).as(seen.raw()).isEqualTo(200);
        assertThat(seen.body().path("state").asText()).isEqualTo("pending");
        Reply approved = approveAfterMinReview(http, b, reviewer, approvalId, "api");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().path("state").asText()).as(approved.raw()).isEqualTo("approved");

        Reply released = post(http, a.url() + "/v1/decisions", agent, change);
        assertThat(released.status()).as(released.raw()).isEqualTo(200);
        assertThat(released.body().path("effect").asText()).as("the retry on A is released by the approval given on B: " + released.raw()).isEqualTo("allow");
        assertThat(released.body().at("/approval/id").asText()).isEqualTo(approvalId);
        Reply replay = post(http, b.url() + "/v1/decisions", agent, change);
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.body().path("effect").asText()).as("the approval was consumed on A; a replay on B is held again: " + replay.raw())
                .isEqualTo("require_approval");
        assertThat(replay.body().at("/approval/id").asText()).isNotEqualTo(approvalId);
        assertThat(get(http, a.url() + "/v1/approvals/" + approvalId, reviewer).body().path("state").asText()).isEqualTo("consumed");

        // Concurrent decisions to both servers build one chain.
        Map<String, Long> answered = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int client = t;
            Server target = t % 2 == 0 ? a : b;
            clients.add(Thread.ofPlatform().name("both-" + t).start(() -> {
                for (long n = 0; n < 150 && System.nanoTime() < deadline; n++) {
                    try {
                        Reply r = post(http, target.url() + "/v1/decisions", agent, decision(client, n));
                        if (r.status() == 200 && r.body().path("audit_seq").asLong() > 0) {
                            answered.put(r.body().get("decision_id").asText(), r.body().get("audit_seq").asLong());
                        } else {
                            failures.add(target.url() + " " + r.status() + " " + r.raw());
                        }
                    } catch (IOException e) {
                        failures.add(target.url() + " " + describe(e) + (target.process().isAlive() ? "" : " (server exited " + target.process().exitValue() + ")"));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread c : clients) {
            c.join(TimeUnit.MINUTES.toMillis(6));
            assertThat(c.isAlive()).as("client thread " + c.getName() + " ended").isFalse();
        }
        assertThat(failures).as("every concurrent decision answered\n" + a.log() + "\n" + b.log()).isEmpty();
        assertThat(answered).hasSize(8 * 150);
        assertThat(answered.values()).as("no two decisions share an audit seq").doesNotHaveDuplicates();

        Map<Long, JsonNode> chainA = readChain(http, a, reviewer);
        Map<Long, JsonNode> chainB = readChain(http, b, reviewer);
        assertThat(chainB.keySet()).isEqualTo(chainA.keySet());
        assertThat(chainB.get((long) chainB.size()).path("hash").asText()).isEqualTo(chainA.get((long) chainA.size()).path("hash").asText());
        Map<String, Long> decisionEvents = new HashMap<>();
        chainA.forEach((seq, e) -> {
            if (e.path("type").asText().equals("decision")) {
                decisionEvents.put(e.at("/body/data/decision_id").asText(), seq);
            }
        });
        assertThat(decisionEvents).containsAllEntriesOf(answered);
        assertVerified(http, a, reviewer, chainA.size());
        assertVerified(http, b, reviewer, chainA.size());
        System.out.printf("two servers: %d events in one chain, %d decisions from 8 concurrent clients%n", chainA.size(), answered.size());
    }

    // --- helpers ---

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(b.isEmpty() ? "" : " <- ").append(t);
        }
        return b.toString();
    }

    static ObjectNode request(String command, String environment, String session) {
        ObjectNode r = JSON.createObjectNode().put("kind", "shell").put("command", command);
        ObjectNode context = r.putObject("context").put("cwd", "/srv/app");
        if (!environment.isEmpty()) {
            context.put("environment", environment);
        }
        r.putObject("actor").put("session", session);
        return r;
    }

    static ObjectNode decision(int client, long n) {
        String[] c = COMMANDS.get((int) ((client + n) % COMMANDS.size()));
        return request(c[0], c[1], "c" + client + "-s" + (n % 4));
    }

    static String token(HttpClient http, Server server, String admin, Map<String, Object> body) throws Exception {
        Reply r = post(http, server.url() + "/v1/tokens", admin, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("token").asText();
    }

    /** The reviewer opened the approval already; approve once min_review has passed (retrying while 409 says too fast). */
    static Reply approveAfterMinReview(HttpClient http, Server server, String reviewer, String id, String confirm) throws Exception {
        Thread.sleep(1_500);
        Reply r = null;
        for (int i = 0; i < 30; i++) {
            r = post(http, server.url() + "/v1/approvals/" + id + "/approve", reviewer, Map.of("confirm", confirm, "comment", "reliability test"));
            if (r.status() != 409 || !r.raw().contains("more second")) {
                return r;
            }
            Thread.sleep(1_000);
        }
        return r;
    }

    /** Every event, by seq, paging through {@code /v1/audit}; asserts the seqs run 1..N without a gap. */
    static Map<Long, JsonNode> readChain(HttpClient http, Server server, String token) throws Exception {
        Map<Long, JsonNode> events = new HashMap<>();
        long after = 0;
        for (int page = 0; page < 10_000; page++) {
            Reply r = get(http, server.url() + "/v1/audit?after=" + after + "&limit=1000", token);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            JsonNode list = r.body().path("events");
            if (list.isEmpty()) {
                break;
            }
            for (JsonNode e : list) {
                long seq = e.path("seq").asLong();
                assertThat(seq).as("audit seqs run 1..N without a gap (" + server.url() + ")").isEqualTo(after + 1);
                events.put(seq, e);
                after = seq;
            }
            assertThat(r.body().path("next").asLong()).isEqualTo(after);
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    /** {@code /v1/audit/verify} is ok (and, when {@code events >= 0}, checked exactly that many events). */
    static void assertVerified(HttpClient http, Server server, String token, int events) throws Exception {
        Reply v = get(http, server.url() + "/v1/audit/verify", token);
        assertThat(v.status()).as(v.raw()).isEqualTo(200);
        assertThat(v.body().path("ok").asBoolean()).as("audit verify on " + server.url() + ": " + v.raw()).isTrue();
        if (events >= 0) {
            assertThat(v.body().path("events").asInt()).as(v.raw()).isEqualTo(events);
        }
    }
}
