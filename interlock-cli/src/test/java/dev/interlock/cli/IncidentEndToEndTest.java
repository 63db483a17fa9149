package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.server.InterlockServer;
import dev.interlock.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin story, recorded through a real server and reported: an agent reads production, tries to delete the
 * environment and recreate it, tries to give itself administrator rights, then gets a change approved by a second
 * human who reads it for two seconds, and runs it. The incident report names the controls that held each step, flags
 * the rubber stamp, and says first when the audit log was tampered with.
 */
class IncidentEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SESSION = "origin-story";

    static JsonNode post(String url, String token, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }

    static JsonNode shell(String url, String agent, String command) throws Exception {
        return post(url, agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"" + command + "\",\"actor\":{\"session\":\"" + SESSION + "\"}}");
    }

    @Test
    void theOriginStoryIsReportedWithItsControlsAndTheRubberStamp(@TempDir Path dir) throws Exception {
        // A team that made reviews short: two seconds of reading are enough to approve.
        Path policy = Files.createDirectories(dir.resolve("policy"));
        String shipped = Files.readString(McpGatewayEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"));
        Files.writeString(policy.resolve("production-guardrails.yaml"), shipped.replace("min_review: 15s", "min_review: 1s"));
        Path data = dir.resolve("data");
        InterlockServer server = InterlockServer.start(new ServerConfig("127.0.0.1", 0, data, "", Optional.of(policy), Optional.empty(),
                List.of(), "", 1000, Duration.ofMillis(50)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String url = server.url();
        try {
            String admin = Files.readString(data.resolve("admin-token")).strip();
            String agent = post(url, admin, "/v1/tokens", "{\"role\":\"agent\",\"principal\":\"alice@example.com\",\"agent\":\"claude-code\"}").get("token").asText();
            String bob = post(url, admin, "/v1/tokens", "{\"role\":\"approver\",\"principal\":\"bob@example.com\",\"groups\":[\"sre\"]}").get("token").asText();

            assertThat(shell(url, agent, "kubectl --context prod-eu-1 -n payments get pods").get("effect").asText()).isEqualTo("allow");
            assertThat(shell(url, agent, "kubectl --context prod-eu-1 delete namespace payments").get("effect").asText()).isEqualTo("deny");
            assertThat(shell(url, agent, "kubectl --context prod-eu-1 create namespace payments").get("effect").asText()).isNotEqualTo("allow");
            assertThat(shell(url, agent, "aws iam attach-role-policy --role-name agent --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --profile prod")
                    .get("effect").asText()).isNotEqualTo("allow");

            String restart = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";
            String approval = shell(url, agent, restart).at("/approval/id").asText();
            HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/approvals/" + approval)).header("Authorization", "Bearer " + bob).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(2000);
            post(url, bob, "/v1/approvals/" + approval + "/approve", "{\"confirm\":\"api\"}");
            JsonNode allowed = shell(url, agent, restart);
            assertThat(allowed.get("effect").asText()).isEqualTo("allow");
            post(url, agent, "/v1/executions", "{\"decision_id\":\"" + allowed.get("decision_id").asText() + "\",\"exit_code\":0,\"duration_ms\":840}");
        } finally {
            server.close();
        }

        ServerEndToEndTest.Result report = ServerEndToEndTest.run(Map.of(), "incident", "--data", data.toString(), "--session", SESSION);
        assertThat(report.exit()).as(report.err()).isZero();
        String md = report.out();
        assertThat(md).startsWith("# Incident report").contains("Audit chain verified");
        assertThat(md).contains("## Contributing controls", "under the 30 s rubber-stamp threshold: the review step did not make anyone read");
        assertThat(md).contains("bob@example.com approve approval " + "apr_");
        assertThat(md).contains("deny: delete namespace payments", "rule");
        assertThat(md).contains("rule approval:", "it ran: exit 0 after 840 ms");
        assertThat(md.substring(md.indexOf("## Prevented"), md.indexOf("## Gaps"))).contains("delete namespace payments", "create namespace payments");
        assertThat(md).doesNotContain("get pods (kubernetes, prod) — tier default");

        JsonNode json = JSON.readTree(ServerEndToEndTest.run(Map.of(), "incident", "--data", data.toString(), "--session", SESSION, "--format", "json").out());
        assertThat(json.at("/chain/ok").asBoolean()).isTrue();
        assertThat(json.get("prevented").size()).isGreaterThanOrEqualTo(3);
        assertThat(json.get("approvals")).singleElement().satisfies(a -> assertThat(a.get("who").asText()).isEqualTo("bob@example.com"));
        Path html = dir.resolve("incident.html");
        assertThat(ServerEndToEndTest.run(Map.of(), "incident", "--data", data.toString(), "--format", "html", "--out", html.toString()).exit()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("<h2>Contributing controls</h2>");

        ServerEndToEndTest.Result safety = ServerEndToEndTest.run(Map.of(), "report", "safety", "--data", data.toString(), "--days", "7");
        assertThat(safety.exit()).as(safety.err()).isZero();
        assertThat(safety.out()).startsWith("# Safety report: last 7 days").contains("## Destructive actions stopped, by system", "- kubernetes: ",
                "| bob@example.com | 1 |", "100 % (1)", "- prod-changes-need-a-second-human: ");
        JsonNode figures = JSON.readTree(ServerEndToEndTest.run(Map.of(), "report", "safety", "--data", data.toString(), "--format", "json").out());
        assertThat(figures.get("reviewers").get(0).get("fastPercent").asInt()).isEqualTo(100);

        // An export, verified with the server's public key, reports the same.
        Path export = dir.resolve("audit.jsonl");
        assertThat(ServerEndToEndTest.run(Map.of(), "audit", "export", "--data", data.toString(), "--out", export.toString()).exit()).isZero();
        ServerEndToEndTest.Result fromExport = ServerEndToEndTest.run(Map.of(), "incident", "--file", export.toString(),
                "--public-key", data.resolve("audit-ed25519.pub").toString(), "--session", SESSION);
        assertThat(fromExport.exit()).as(fromExport.err()).isZero();
        assertThat(fromExport.out()).contains("Audit chain verified", "under the 30 s rubber-stamp threshold", "deny: delete namespace payments");

        // Someone with file access rewrites what the agent asked: the report says so before anything else.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("interlock.db")); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE audit_events SET body = replace(body, 'delete namespace payments', 'get namespace payments')"
                    + " WHERE type = 'decision'")).isPositive();
        }
        ServerEndToEndTest.Result tampered = ServerEndToEndTest.run(Map.of(), "incident", "--data", data.toString(), "--session", SESSION);
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out().lines().skip(2).findFirst().orElse("")).startsWith("**THE AUDIT CHAIN IS BROKEN");
    }
}
