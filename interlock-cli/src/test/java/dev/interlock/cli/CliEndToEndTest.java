package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launcher ({@code ./interlock}) as a user would, after {@code package} built the distribution. */
class CliEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exit, String out, String err) {
    }

    static Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("interlock").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().remove("KUBECONFIG");
        pb.environment().put("HOME", ROOT.resolve("interlock-cli/target").toString());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void checkAnswersWithExitCodesAndExplains() throws Exception {
        Result deny = run("", "check", "--env", "prod", "--", "kubectl", "delete", "ns", "payments");
        assertThat(deny.exit()).as(deny.err()).isEqualTo(12);
        assertThat(deny.out()).startsWith("DENY").contains("no-environment-teardown").contains("evidence: kubectl delete ns payments");
        Result allow = run("", "check", "--env", "prod", "--", "kubectl", "get", "pods");
        assertThat(allow.exit()).isEqualTo(0);
        Result approval = run("", "check", "--env", "prod", "--format", "json", "--", "kubectl", "apply", "-f", "app.yaml");
        assertThat(approval.exit()).isEqualTo(11);
        JsonNode d = JSON.readTree(approval.out());
        assertThat(d.get("effect").asText()).isEqualTo("require_approval");
        assertThat(d.get("approval").get("approvers").get(0).asText()).isEqualTo("group:sre");
        assertThat(d.get("policy_version").asText()).startsWith("sha256:");
    }

    @Test
    void batchAnswersEveryLineInOrderAndDeniesBadLines() throws Exception {
        String in = """
                {"id":"r1","kind":"shell","command":"kubectl delete ns payments","context":{"environment":"prod"}}
                {"id":"r2","kind":"sql","statement":"DROP TABLE users","context":{"target":"postgres://db.prod.internal/app"}}
                not json at all
                {"id":"r4","kind":"teleport"}
                {"id":"r5","kind":"shell","command":"git status","context":{"cwd":"/home/dev/project"}}
                {"id":"r6","kind":"mcp","server":"kubernetes","tool":"resources_delete","arguments":{"kind":"Namespace","name":"payments"}}
                """;
        Result r = run(in, "check", "--batch", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("r1", "r2", "line 3", "r4", "r5", "r6");
        assertThat(lines).extracting(n -> n.get("effect").asText()).containsExactly("deny", "require_approval", "deny", "deny", "allow", "deny");
        assertThat(lines.get(2).get("summary").asText()).contains("malformed JSON");
        assertThat(lines.get(3).get("summary").asText()).contains("'teleport' is not one of");
    }

    @Test
    void batchDecidesARepeatedRequestOnceAndAnswersEachCopyWithItsOwnIds(@TempDir Path dir) throws Exception {
        // More lines than one chunk, ids that need escaping, and copies that differ only in their id.
        String[] ids = {"plain", "quote \" and \\ backslash", "ünïcode ✓", "tab\tnew\nline"};
        StringBuilder in = new StringBuilder();
        int lines = 5000;
        for (int i = 0; i < lines; i++) {
            String command = i % 2 == 0 ? "kubectl delete ns payments" : "git status";
            String id = JSON.writeValueAsString(ids[i % ids.length] + " " + i);
            in.append("{\"id\":").append(id).append(",\"kind\":\"shell\",\"command\":\"").append(command)
                    .append("\",\"context\":{\"environment\":\"prod\"}}\n");
        }
        in.append("{\"id\":7,\"kind\":\"shell\",\"command\":\"git status\",\"context\":{\"environment\":\"prod\"}}\n");
        // A file, not stdin: this test writes all input before reading any output.
        Path requests = Files.writeString(dir.resolve("requests.jsonl"), in);
        Result r = run("", "check", "--batch", requests.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String[] out = r.out().strip().split("\n");
        assertThat(out).hasSize(lines + 1);
        java.util.Set<String> decisionIds = new java.util.HashSet<>();
        for (int i = 0; i < out.length; i++) {
            JsonNode answer = JSON.readTree(out[i]);
            String expectedId = i < lines ? ids[i % ids.length] + " " + i : "7";
            assertThat(answer.get("id").asText()).isEqualTo(expectedId);
            assertThat(answer.get("effect").asText()).isEqualTo(i % 2 == 0 && i < lines ? "deny" : "allow");
            decisionIds.add(answer.get("decision_id").asText());
            JsonNode first = JSON.readTree(out[i < lines ? i % 2 : 1]);
            ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove(List.of("id", "decision_id"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) first).remove(List.of("id", "decision_id"));
            assertThat(answer).isEqualTo(first);
        }
        assertThat(decisionIds).hasSize(out.length);
    }

    @Test
    void usageErrorsAndBrokenPoliciesFailClosed(@TempDir Path dir) throws Exception {
        assertThat(run("", "check").exit()).isEqualTo(2);
        assertThat(run("", "check", "--format", "yaml", "--", "ls").exit()).isEqualTo(2);
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: {name: p}\nspec:\n  rules:\n    - {id: x, when: 'op.verb ==', effect: deny}\n");
        Result broken = run("", "check", "--policy", dir.toString(), "--", "ls");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("p.yaml:6:").contains("when is not valid CEL");
        Result bad = run("{\"kind\":", "check", "--request", "-");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("bad request: malformed JSON").contains("deny");
    }

    @Test
    void policyTestAndDemoRunOnTheShippedDefaults() throws Exception {
        Result test = run("", "policy", "test");
        assertThat(test.exit()).as(test.out()).isZero();
        assertThat(test.out()).contains("PASS production-guardrails: kiro-style teardown is denied").contains("0 failed");
        Result demo = run("", "demo");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("delete and recreate").contains("DENY").contains("REQUIRE_APPROVAL").contains("ALLOW");
        // Part 2, against the real server in-process: each step of the approval loop, as the server answered it.
        String part2 = demo.out().substring(demo.out().indexOf("part 2: with the server"));
        String incident = demo.out().substring(demo.out().indexOf("the incident report of this session"));
        assertThat(incident).contains("# Incident report", "Audit chain verified", "## Contributing controls", "## Approvals", "## Timeline");
        assertThat(part2).containsSubsequence(
                "REQUIRE_APPROVAL  update deployment api (kubernetes, prod)", "held as approval apr_",
                "refused: you (alice@example.com) cannot approve", "(HTTP 403)",
                "refused: approval apr_", "needs at least 15s of review",
                "bob reads", "approved by bob@example.com after 1", "state approved",
                "ALLOW  released by approval apr_", "single use",
                "REQUIRE_APPROVAL  held again as a new approval apr_",
                "chain intact: ", "events: policy.loaded, token.created ×3, approval.requested, decision",
                "every step behaved as narrated");
        assertThat(part2).doesNotContain("✗").doesNotContain("\r");
        Result engineOnly = run("", "demo", "--no-server");
        assertThat(engineOnly.exit()).isZero();
        assertThat(engineOnly.out()).contains("Session: ").doesNotContain("part 2");
    }
}
