package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the real server ({@code ./interlock serve}) on a free port with a fresh data directory and drives it with the
 * real launcher, as an agent (alice, claude-code), a reviewer (bob, group sre) and an admin would: a production
 * change is held, waited on, reviewed no faster than min_review, approved, run, reported, audited, and a replay is
 * held again because the approval was single use.
 */
class ServerEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final ObjectMapper JSON = new ObjectMapper();

    static Path dir;
    static Process server;
    static String url;
    static String admin;
    static String agent;
    static String approver;
    /** A stand-in kubectl on PATH: it records its argv and exits 3, so we see the command ran and its exit code. */
    static Path fakeBin;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("interlock-server-e2e");
        // Build once, up front: concurrent launchers must not each decide to rebuild.
        assertThat(run(Map.of(), "--version").exit()).isZero();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        Path data = dir.resolve("data");
        ProcessBuilder pb = launcher(Map.of(), "serve", "--port", Integer.toString(port), "--data", data.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        server = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(server.isAlive()).as(log()).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("server ready within 120s\n" + log()).isLessThan(deadline);
            Thread.sleep(250);
        }
        admin = Files.readString(data.resolve("admin-token")).strip();
        fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path kubectl = fakeBin.resolve("kubectl");
        Files.writeString(kubectl, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("kubectl.args") + "\"\nexit 3\n");
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aHeldProductionChangeIsReviewedApprovedRunReportedAndSingleUse() throws Exception {
        Result a = as(admin, "token", "create", "--role", "agent", "--principal", "alice", "--agent", "claude-code", "--description", "e2e");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.err()).contains("will not be shown again");
        agent = a.out().strip();
        Result b = as(admin, "token", "create", "--role", "approver", "--principal", "bob", "--group", "sre");
        assertThat(b.exit()).as(b.err()).isZero();
        approver = b.out().strip();
        Result tokens = as(admin, "token", "list");
        assertThat(tokens.out()).contains("alice").contains("claude-code").contains("bob").contains("sre");

        String[] restart = {"exec", "--wait", "3m", "--env", "prod", "--session", "s1", "--",
                "kubectl", "rollout", "restart", "deployment/api", "-n", "payments"};
        Process waiting = launcher(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agent), restart).start();

        JsonNode pending = awaitPending();
        String id = pending.get("id").asText();
        Result list = as(approver, "approvals", "list");
        assertThat(list.out()).contains("claude-code@alice").contains("prod").contains(id.substring(0, 8));

        Result show = as(approver, "approvals", "show", id);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("PENDING").contains("kubectl rollout restart deployment/api -n payments")
                .contains("prod-changes-need-a-second-human").contains("you can approve in");
        Result tooFast = as(approver, "approvals", "approve", id, "--confirm", "api");
        assertThat(tooFast.exit()).isEqualTo(1);
        assertThat(tooFast.err()).contains("interlock: ").contains("409").doesNotContain("Exception");

        JsonNode full = JSON.readTree(as(approver, "approvals", "show", id, "--format", "json").out());
        Duration minReview = Durations.parse(full.at("/terms/min_review").asText());
        Thread.sleep(minReview.plusSeconds(1).toMillis());
        Result approve = as(approver, "approvals", "approve", id, "--confirm", "api", "--comment", "checked the dashboard");
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(approve.out()).contains("approved");

        assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String waitErr = new String(waiting.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waiting.exitValue()).as(waitErr).isEqualTo(3);
        assertThat(waitErr).contains("waiting up to 3m for approval").contains("interlock approvals show " + id)
                .doesNotContain("warning");
        assertThat(Files.readAllLines(dir.resolve("kubectl.args"))).containsExactly("rollout", "restart", "deployment/api", "-n", "payments");

        Result audit = as(approver, "audit", "tail", "--after", "0");
        assertThat(audit.exit()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("decision").contains("approval.requested").contains("approval.consumed")
                .contains("execution.reported").contains("exit_code=3").contains("REQUIRE_APPROVAL");

        Files.delete(dir.resolve("kubectl.args"));
        String[] replay = List.of(restart).subList(3, restart.length).toArray(String[]::new);
        Result again = run(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agent), concat("exec", replay));
        assertThat(again.exit()).as(again.err()).isEqualTo(11);
        assertThat(again.err()).contains("REQUIRE_APPROVAL").contains("not run");
        assertThat(dir.resolve("kubectl.args")).doesNotExist();

        Result deny = run(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agent), "exec", "--env", "prod", "--", "kubectl", "delete", "ns", "payments");
        assertThat(deny.exit()).isEqualTo(12);
        assertThat(deny.err()).contains("DENY").contains("no-environment-teardown");

        assertThat(as(approver, "grants", "list").exit()).isZero();
        Result verify = as(approver, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit log intact");
        Path export = dir.resolve("audit.jsonl");
        assertThat(as(approver, "audit", "export", "--since", "1h", "--out", export.toString()).exit()).isZero();
        assertThat(Files.readAllLines(export)).allSatisfy(l -> assertThat(JSON.readTree(l).has("hash")).isTrue()).hasSizeGreaterThan(4);
    }

    @Test
    void aTerraformApplyIsApprovedAsItsPlanAndOnlyThatPlanIsApplied() throws Exception {
        String agentToken = tokenFor("agent", "erin", "--agent", "claude-code");
        String reviewer = tokenFor("approver", "frank", "--group", "sre");
        Path terraform = fakeBin.resolve("terraform");
        Files.copy(ROOT.resolve("interlock-cli/src/test/resources/stand-ins/terraform"), terraform, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(terraform, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path planA = ROOT.resolve("interlock-core/src/test/resources/plans/terraform/moved-block.plan.json");
        Path planB = dir.resolve("changed.plan.json");
        Files.writeString(planB, Files.readString(planA).replace("web tier", "web tier, changed after approval"));
        Path config = Files.createDirectories(dir.resolve("infra"));
        Path log = dir.resolve("terraform.log");
        Map<String, String> env = new java.util.HashMap<>(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agentToken,
                "FAKE_TF_LOG", log.toString(), "FAKE_TF_PLAN", planA.toString()));
        String[] apply = {"exec", "--", "terraform", "-chdir=" + config, "apply", "-auto-approve"};

        Result held = run(env, apply);
        assertThat(held.exit()).as(held.err()).isEqualTo(11);
        assertThat(held.err()).contains("checking terraform plan sha256:").contains("not run: still waiting for approval");
        JsonNode pending = awaitPending(reviewer, "erin");
        String id = pending.get("id").asText();
        Result show = as(reviewer, "approvals", "show", id);
        assertThat(show.out()).contains("plan:       terraform plan sha256:").contains("blast:      update 1 resource in production (prod)")
                .contains("finding:    moved without change");
        String digest = JSON.readTree(as(reviewer, "approvals", "show", id, "--format", "json").out()).at("/decision/blast_radius/digest").asText();
        Thread.sleep(16_000);
        Result wrong = as(reviewer, "approvals", "approve", id, "--confirm", "aws_security_group.web");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("type the first 12 characters of its digest");
        Result approve = as(reviewer, "approvals", "approve", id, "--confirm", digest.substring(7, 19), "--comment", "read the plan");
        assertThat(approve.exit()).as(approve.err()).isZero();

        env.put("FAKE_TF_PLAN", planB.toString());
        Result changed = run(env, apply);
        assertThat(changed.exit()).as("a plan that changed since approval needs a new approval: " + changed.err()).isEqualTo(11);
        assertThat(Files.readAllLines(log)).noneSatisfy(l -> assertThat(l).startsWith("apply"));

        env.put("FAKE_TF_PLAN", planA.toString());
        Result applied = run(env, apply);
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.err()).contains("applying exactly the checked plan " + digest);
        assertThat(Files.readAllLines(log)).filteredOn(l -> l.startsWith("apply")).singleElement().asString()
                .startsWith("apply " + PlanEndToEndTest.sha16(planA));

        Result again = run(env, apply);
        assertThat(again.exit()).as("the approval was used once").isEqualTo(11);
    }

    @Test
    void anMcpCallHeldByTheServerGoesThroughOnlyAfterApprovalAndItsOutcomeIsAudited(@org.junit.jupiter.api.io.TempDir Path files) throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
        int reportedBefore = executionsReported();
        String agentToken = tokenFor("agent", "gina", "--agent", "cursor");
        String reviewer = tokenFor("approver", "hank", "--group", "sre");
        String call = JSON.createObjectNode().put("name", "write_file").set("arguments", JSON.createObjectNode()
                .put("path", files.resolve("restart.sh").toString())
                .put("content", "#!/bin/sh\nkubectl --context prod-eu-1 -n payments rollout restart deployment/api\n")).toString();
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(files,
                Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agentToken), "--name", "files")) {
            g.initialize();
            JsonNode held = g.call(2, "tools/call", call);
            assertThat(held.at("/result/isError").asBoolean()).as(held.toString()).isTrue();
            assertThat(held.at("/result/content/0/text").asText()).contains("holding this call for a human's approval").contains("apr_");
            assertThat(files.resolve("restart.sh")).doesNotExist();

            JsonNode pending = awaitPending(reviewer, "gina");
            String id = pending.get("id").asText();
            assertThat(as(reviewer, "approvals", "show", id).out()).contains("write_file");
            Thread.sleep(16_000);
            Result approve = as(reviewer, "approvals", "approve", id, "--confirm", "api");
            assertThat(approve.exit()).as(approve.err()).isZero();

            JsonNode through = g.call(3, "tools/call", call);
            assertThat(through.at("/result/isError").asBoolean(false)).as(through.toString()).isFalse();
            assertThat(files.resolve("restart.sh")).exists();
        }
        // With --wait the call is held open: it completes as soon as a reviewer approves.
        String second = call.replace("restart.sh", "restart-again.sh");
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(files,
                Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agentToken), "--name", "files", "--wait", "2m")) {
            g.initialize();
            g.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":" + second + "}");
            String id = awaitPending(reviewer, "gina").get("id").asText();
            as(reviewer, "approvals", "show", id);
            Thread.sleep(16_000);
            assertThat(files.resolve("restart-again.sh")).as("still held").doesNotExist();
            assertThat(as(reviewer, "approvals", "approve", id, "--confirm", "api").exit()).isZero();
            JsonNode done = g.answer(7);
            assertThat(done.at("/result/isError").asBoolean(false)).as(done.toString()).isFalse();
            assertThat(files.resolve("restart-again.sh")).exists();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (executionsReported() <= reportedBefore) {
            assertThat(System.nanoTime()).as("the call's outcome reaches the audit log").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    static int executionsReported() throws Exception {
        String tail = as(admin, "audit", "tail", "--after", "0").out();
        return tail.split("execution.reported", -1).length - 1;
    }

    @Test
    void aReviewerCanDenyAndTheWaitingAgentIsToldWhy() throws Exception {
        String agentToken = tokenFor("agent", "carol", "--agent", "codex");
        String reviewer = tokenFor("approver", "dave", "--group", "sre");
        Process waiting = launcher(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", agentToken),
                "exec", "--wait", "2m", "--env", "prod", "--", "kubectl", "scale", "deployment/web", "--replicas=0", "-n", "shop").start();
        String id = awaitPending(reviewer, "carol").get("id").asText();
        Result deny = as(reviewer, "approvals", "deny", id, "--reason", "not during the freeze");
        assertThat(deny.exit()).as(deny.err()).isZero();
        assertThat(waiting.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(waiting.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(waiting.exitValue()).as(err).isEqualTo(12);
        assertThat(err).contains("not during the freeze").contains("not run");
        assertThat(run(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", reviewer), "approvals", "deny", id).exit()).isEqualTo(2);
    }

    @Test
    void errorsAreOneClearLine() throws Exception {
        Result noToken = run(Map.of("INTERLOCK_URL", url), "approvals", "list");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err().strip()).startsWith("interlock: ").contains("401").doesNotContain("\n").doesNotContain("Exception");
        Result nowhere = run(Map.of("INTERLOCK_URL", "http://127.0.0.1:1"), "exec", "--", "true");
        assertThat(nowhere.exit()).isEqualTo(1);
        assertThat(nowhere.err()).contains("cannot reach the Interlock server at http://127.0.0.1:1").contains("was not run");
        String revoked = tokenFor("approver", "erin", "--group", "sre");
        assertThat(as(revoked, "grants", "list").exit()).isZero();
        for (JsonNode t : tokensOf(as(admin, "token", "list", "--format", "json").out())) {
            if (t.path("principal").asText().equals("erin")) {
                assertThat(as(admin, "token", "revoke", t.get("id").asText()).exit()).isZero();
            }
        }
        assertThat(as(revoked, "grants", "list").exit()).isEqualTo(1);
    }

    @Test
    void theHookInServerModeHoldsForApprovalAndTheServerAudits() throws Exception {
        String hookToken = tokenFor("agent", "dana", "--agent", "codex");
        String reviewer = tokenFor("approver", "frank", "--group", "sre");
        String payload = "{\"session_id\":\"hook-e2e\",\"cwd\":\"/srv/app\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":[\"bash\",\"-lc\",\"kubectl --context prod-eu-1 -n payments rollout restart deployment/api\"]}}";
        Result held = withStdin(payload, Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", hookToken), "hook", "codex");
        assertThat(held.exit()).as(held.err()).isZero();
        assertThat(held.out()).contains("\"permissionDecision\":\"deny\"").contains("Approval apr_").contains(url + "/v1/approvals/apr_")
                .contains("retry the same command unchanged");
        JsonNode pending = awaitPending(reviewer, "dana");
        assertThat(pending.path("id").asText()).startsWith("apr_");
        Result badToken = withStdin(payload, Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", "nope"), "hook", "codex");
        assertThat(badToken.exit()).isEqualTo(2);
        assertThat(badToken.err()).contains("401");
    }

    static Result withStdin(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = launcher(env, args).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    // --- helpers ---

    static List<JsonNode> tokensOf(String json) throws IOException {
        JsonNode n = JSON.readTree(json);
        List<JsonNode> out = new ArrayList<>();
        (n.isArray() ? n : n.path("tokens")).forEach(out::add);
        return out;
    }

    static String tokenFor(String role, String principal, String... more) throws Exception {
        Result r = as(admin, concat(concat("token", "create", "--role", role, "--principal", principal), more));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out().strip();
    }

    static JsonNode awaitPending() throws Exception {
        return awaitPending(approver, "alice");
    }

    static JsonNode awaitPending(String token, String principal) throws Exception {
        for (int i = 0; i < 120; i++) {
            Result r = as(token, "approvals", "list", "--format", "json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode answer = JSON.readTree(r.out());
            for (JsonNode a : answer.isArray() ? answer : answer.path("approvals")) {
                if (a.at("/requester/principal").asText().equals(principal)) {
                    return a;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no pending approval for " + principal + " within a minute\n" + log());
    }

    static Result as(String token, String... args) throws Exception {
        return run(Map.of("INTERLOCK_URL", url, "INTERLOCK_TOKEN", token), args);
    }

    static String[] concat(String first, String... rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A real {@code ./interlock serve} on a free loopback port, data in {@code dir/data}, log in {@code dir/server.log}, once ready. */
    record Served(Process process, String url, Path data) {
    }

    static Served serve(Path dir, String... extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path data = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--data", data.toString()));
        args.addAll(List.of(extra));
        Process p = launcher(Map.of(), args.toArray(String[]::new))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(p.isAlive()).as(Files.readString(dir.resolve("server.log"))).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return new Served(p, url, data);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("server ready within 120s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    static ProcessBuilder launcher(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("interlock").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER") || k.equals("KUBECONFIG"));
        e.put("HOME", ROOT.resolve("interlock-cli/target").toString());
        if (fakeBin != null) {
            e.put("PATH", fakeBin + ":" + e.getOrDefault("PATH", "/usr/bin:/bin"));
        }
        e.putAll(env);
        return pb;
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = launcher(env, args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    static String log() {
        try {
            return "server log:\n" + Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }
}
