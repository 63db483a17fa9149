package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.json.Json;
import java.net.URI;
import java.util.List;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/hooks/{agent}}: the agents' own payloads in, their own answers out, approvals through the server. */
class HookRoutesTest {

    @TempDir
    static Path dir;
    static TestServer s;
    static String agent;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.sqlite(dir);
        agent = s.token("agent", "alice@example.com", "claude-code");
        bob = s.token("approver", "bob@example.com", "", "sre");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String claude(String command, String session) {
        return "{\"session_id\":\"" + session + "\",\"cwd\":\"/srv/app\",\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":" + Json.MAPPER.valueToTree(command) + "}}";
    }

    TestServer.Reply hook(String agentName, String payload, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base + "/v1/hooks/" + agentName))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return s.send(b, token);
    }

    @Test
    void aHeldCommandNamesItsApprovalAndTheRetryAfterApprovalIsAllowed() throws Exception {
        String restart = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";
        TestServer.Reply held = hook("claude-code", claude(restart, "hooks-1"), agent);
        assertThat(held.status()).isEqualTo(200);
        String reason = held.json().at("/hookSpecificOutput/permissionDecisionReason").asText();
        assertThat(held.json().at("/hookSpecificOutput/permissionDecision").asText()).isEqualTo("deny");
        assertThat(reason).contains("group:sre").contains(s.base + "/v1/approvals/apr_").contains("retry the same command unchanged");
        String id = reason.replaceAll("(?s).*Approval (apr_[A-Za-z0-9]+).*", "$1");

        s.get(bob, "/v1/approvals/" + id);
        Thread.sleep(1100);
        assertThat(s.post(bob, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\"}").status()).isEqualTo(200);

        TestServer.Reply released = hook("claude-code", claude(restart, "hooks-1"), agent);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.text()).as("an allow leaves the agent's own rules in charge").isEmpty();
    }

    @Test
    void kiroBlocksOnlyByExitCodeSoADenyIs403WithTheReason() {
        TestServer.Reply r = hook("kiro", "{\"hook_event_name\":\"preToolUse\",\"cwd\":\"/srv/app\",\"tool_name\":\"execute_bash\","
                + "\"tool_input\":{\"command\":\"kubectl --context prod-eu-1 delete namespace payments\"}}", agent);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).startsWith("Interlock denied this").contains("no-namespace-teardown");
    }

    @Test
    void theAgentMachinesKubeconfigDecidesNotTheServers() {
        String helm = "helm uninstall kafka -n streaming";
        TestServer.Reply prod = hook("gemini", gemini(helm), agent, "X-Interlock-Kubeconfig", "current-context=prod-eu-1");
        assertThat(prod.json().get("decision").asText()).isEqualTo("deny");
        assertThat(prod.json().get("reason").asText()).contains("held this for approval");
        TestServer.Reply unsaid = hook("gemini", gemini(helm), agent);
        assertThat(unsaid.json().path("decision").asText()).as("no context said is unknown, never the server's own").isEqualTo("deny");
        TestServer.Reply none = hook("gemini", gemini(helm), agent, "X-Interlock-Kubeconfig", "absent");
        assertThat(none.text()).as("no kubeconfig on the agent's machine: nothing to uninstall from").isEmpty();
    }

    @Test
    void theAgentMachinesEnvironmentComesInHeaders() {
        String plan = "terraform destroy -auto-approve";
        TestServer.Reply prod = hook("codex", "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"/srv/app\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":[\"bash\",\"-lc\",\"" + plan + "\"]}}", agent, "X-Interlock-Env", "TF_WORKSPACE=prod");
        assertThat(prod.json().at("/hookSpecificOutput/permissionDecision").asText()).isEqualTo("deny");
        assertThat(prod.json().at("/hookSpecificOutput/permissionDecisionReason").asText()).contains("prod");
    }

    @Test
    void failuresAreBlocksNeverAllows() {
        assertThat(hook("claude-code", claude("ls", "x"), null).status()).isEqualTo(401);
        assertThat(hook("claude-code", claude("ls", "x"), "not-a-token").status()).isEqualTo(401);
        assertThat(hook("emacs", claude("ls", "x"), agent).status()).isEqualTo(404);
        TestServer.Reply garbled = hook("claude-code", "{\"tool_name\":", agent);
        assertThat(garbled.status()).as("answered in band, for Claude Code's own http hook type").isEqualTo(200);
        assertThat(garbled.json().at("/hookSpecificOutput/permissionDecision").asText()).isEqualTo("deny");
        assertThat(garbled.json().at("/hookSpecificOutput/permissionDecisionReason").asText()).contains("not JSON").contains("fail closed");
        TestServer.Reply kiro = hook("kiro", "{\"tool_name\":", agent);
        assertThat(kiro.status()).isEqualTo(403);
        assertThat(kiro.text()).contains("not JSON");
    }

    static String gemini(String command) {
        return "{\"session_id\":\"g\",\"cwd\":\"/srv/app\",\"hook_event_name\":\"BeforeTool\",\"tool_name\":\"run_shell_command\","
                + "\"tool_input\":{\"command\":" + Json.MAPPER.valueToTree(command) + "}}";
    }

    /** Claude Code's PostToolUse for a call the server allowed: its outcome lands in the audit log, once; it never blocks. */
    @Test
    void anAfterTheToolEventReportsTheOutcomeOfTheDecisionThatAllowedIt() throws Exception {
        String read = "kubectl --context prod-eu-1 -n payments get pods";
        TestServer.Reply allowed = hook("claude-code", claude(read, "hooks-after"), agent);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.text()).doesNotContain("\"deny\"");
        String after = claude(read, "hooks-after").replace("\"PreToolUse\"", "\"PostToolUse\"")
                .replace("}}", "},\"tool_response\":{\"stdout\":\"\",\"stderr\":\"error: forbidden\",\"interrupted\":false,\"exit_code\":1}}");
        TestServer.Reply reported = hook("claude-code", after, agent);
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.text().strip()).isEqualTo("{}");

        List<JsonNode> executions = new java.util.ArrayList<>();
        for (JsonNode e : s.get(bob, "/v1/audit?after=0&limit=1000").json().get("events")) {
            if (e.get("type").asText().equals("execution.reported")) {
                executions.add(e.get("body").get("data"));
            }
        }
        assertThat(executions).singleElement().satisfies(x -> {
            assertThat(x.get("exit_code").asInt()).isEqualTo(1);
            assertThat(x.get("reported_by").get("agent").asText()).isEqualTo("claude-code");
        });
        // The same event again has no unreported decision to match: nothing new, still no block.
        assertThat(hook("claude-code", after, agent).status()).isEqualTo(200);
        long count = 0;
        for (JsonNode e : s.get(bob, "/v1/audit?after=0&limit=1000").json().get("events")) {
            count += e.get("type").asText().equals("execution.reported") ? 1 : 0;
        }
        assertThat(count).isEqualTo(1);
    }

    List<Integer> reportedExitCodes() {
        List<Integer> codes = new java.util.ArrayList<>();
        for (JsonNode e : s.get(bob, "/v1/audit?after=0&limit=1000").json().get("events")) {
            if (e.get("type").asText().equals("execution.reported")) {
                codes.add(e.get("body").get("data").get("exit_code").asInt());
            }
        }
        return codes;
    }

    /** Codex, Cursor (shell and MCP), Copilot and Kiro after-the-tool payloads report the outcome of what the server allowed. */
    @Test
    void everyAgentsAfterTheToolEventReportsTheOutcome() {
        String read = "kubectl --context prod-eu-1 -n payments get pods -l app=";
        record Case(String agent, String pre, String after, Integer exit) {
        }
        List<Case> cases = List.of(
                new Case("codex", "{\"hook_event_name\":\"PreToolUse\",\"session_id\":\"cx\",\"cwd\":\"/srv/app\",\"tool_name\":\"Bash\","
                        + "\"tool_input\":{\"command\":[\"bash\",\"-lc\",\"" + read + "a1\"]}}",
                        "{\"hook_event_name\":\"PostToolUse\",\"session_id\":\"cx\",\"cwd\":\"/srv/app\",\"tool_name\":\"Bash\","
                        + "\"tool_input\":{\"command\":[\"bash\",\"-lc\",\"" + read + "a1\"]},\"tool_response\":{\"exit_code\":3}}", 3),
                new Case("cursor", "{\"hook_event_name\":\"beforeShellExecution\",\"conversation_id\":\"cu\",\"cwd\":\"/srv/app\",\"command\":\"" + read + "a2\"}",
                        "{\"hook_event_name\":\"afterShellExecution\",\"conversation_id\":\"cu\",\"cwd\":\"/srv/app\",\"command\":\"" + read + "a2\","
                        + "\"output\":\"NAME READY\"}", 0),
                new Case("cursor", "{\"hook_event_name\":\"beforeMCPExecution\",\"conversation_id\":\"cu\",\"cwd\":\"/srv/app\",\"server\":\"github\","
                        + "\"tool_name\":\"get_issue\",\"tool_input\":\"{\\\"owner\\\":\\\"acme\\\",\\\"repo\\\":\\\"api\\\",\\\"issue_number\\\":7}\"}",
                        "{\"hook_event_name\":\"afterMCPExecution\",\"conversation_id\":\"cu\",\"cwd\":\"/srv/app\",\"server\":\"github\",\"tool_name\":\"get_issue\","
                        + "\"tool_input\":\"{\\\"owner\\\":\\\"acme\\\",\\\"repo\\\":\\\"api\\\",\\\"issue_number\\\":7}\",\"result_json\":\"{\\\"isError\\\":true}\"}", 1),
                new Case("copilot", "{\"timestamp\":1,\"cwd\":\"/srv/app\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"" + read + "a3\\\"}\"}",
                        "{\"timestamp\":2,\"cwd\":\"/srv/app\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"" + read + "a3\\\"}\","
                        + "\"toolResult\":{\"resultType\":\"failure\",\"textResultForLlm\":\"forbidden\"}}", 1),
                new Case("copilot", "{\"timestamp\":1,\"cwd\":\"/srv/app\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"" + read + "a4\\\"}\"}",
                        "{\"timestamp\":2,\"cwd\":\"/srv/app\",\"toolName\":\"bash\",\"toolArgs\":\"{\\\"command\\\":\\\"" + read + "a4\\\"}\","
                        + "\"toolResult\":{\"resultType\":\"denied\"}}", null),
                new Case("kiro", "{\"hook_event_name\":\"preToolUse\",\"cwd\":\"/srv/app\",\"tool_name\":\"execute_bash\",\"tool_input\":{\"command\":\"" + read + "a5\"}}",
                        "{\"hook_event_name\":\"postToolUse\",\"cwd\":\"/srv/app\",\"tool_name\":\"execute_bash\",\"tool_input\":{\"command\":\"" + read + "a5\"},"
                        + "\"tool_response\":{\"success\":true}}", 0));
        for (Case c : cases) {
            List<Integer> before = reportedExitCodes();
            TestServer.Reply allowed = hook(c.agent(), c.pre(), agent);
            assertThat(allowed.status()).as(c.agent() + ": " + allowed.text()).isEqualTo(200);
            assertThat(allowed.text()).as(c.agent()).doesNotContain("deny");
            TestServer.Reply after = hook(c.agent(), c.after(), agent);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.text().strip()).as(c.agent() + ": an after-event never blocks").isEqualTo("{}");
            List<Integer> now = reportedExitCodes();
            if (c.exit() == null) {
                assertThat(now).as(c.agent() + ": a call its user refused never ran").hasSameSizeAs(before);
            } else {
                assertThat(now).as(c.agent() + " " + c.after()).hasSize(before.size() + 1);
                assertThat(now.getLast()).as(c.agent()).isEqualTo(c.exit());
            }
        }
    }
}
