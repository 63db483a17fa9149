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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock replay} as a reviewer of a policy change runs it: on a requests file, and on a server's audit log. */
class ReplayEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAM = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: payments-team }
            spec:
              rules:
                - id: no-restarts-in-prod
                  match: { systems: [kubernetes], environments: [prod], verbs: [update] }
                  when: op.evidence.contains("rollout restart")
                  effect: deny
            """;
    static final String RESTART = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";

    static Path policy(Path dir, boolean withTeamRule) throws Exception {
        Path p = Files.createDirectories(dir);
        Files.copy(McpGatewayEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"),
                p.resolve("production-guardrails.yaml"));
        if (withTeamRule) {
            Files.writeString(p.resolve("team.yaml"), TEAM);
        }
        return p;
    }

    @Test
    void aStricterCandidatePassesALooserOneFailsAndBadLinesAreNamed(@TempDir Path dir) throws Exception {
        Path strict = policy(dir.resolve("strict"), true);
        Path shipped = policy(dir.resolve("shipped"), false);
        Path requests = dir.resolve("requests.jsonl");
        Files.writeString(requests, String.join("\n",
                "{\"kind\":\"shell\",\"command\":\"" + RESTART + "\"}",
                "{\"kind\":\"shell\",\"command\":\"kubectl get pods\"}",
                "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 delete namespace payments\"}",
                "") + "\n");
        ServerEndToEndTest.Result stricter = ServerEndToEndTest.run(Map.of(), "replay", "--policy", strict.toString(), "--requests", requests.toString(),
                "--format", "markdown");
        assertThat(stricter.exit()).as(stricter.err()).isZero();
        assertThat(stricter.out()).contains("0 looser · 1 stricter · 2 unchanged", "| stricter | require_approval | deny | prod-changes-need-a-second-human | no-restarts-in-prod | 1 |");

        ServerEndToEndTest.Result looser = ServerEndToEndTest.run(Map.of(), "replay", "--policy", shipped.toString(), "--baseline", strict.toString(),
                "--requests", requests.toString());
        assertThat(looser.exit()).as("a candidate that loosens fails the check").isEqualTo(3);
        assertThat(looser.out()).contains("**1 looser**", "⚠ looser | deny | require_approval | no-restarts-in-prod");
        assertThat(ServerEndToEndTest.run(Map.of(), "replay", "--policy", shipped.toString(), "--baseline", strict.toString(),
                "--requests", requests.toString(), "--allow-loosening").exit()).isZero();

        Files.writeString(requests, "{not json\n", java.nio.file.StandardOpenOption.APPEND);
        ServerEndToEndTest.Result bad = ServerEndToEndTest.run(Map.of(), "replay", "--policy", strict.toString(), "--requests", requests.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("requests.jsonl:5: skipped: malformed JSON");
        assertThat(bad.out()).contains("1 stricter");

        ServerEndToEndTest.Result broken = ServerEndToEndTest.run(Map.of(), "replay", "--policy", dir.resolve("missing").toString(), "--requests", requests.toString());
        assertThat(broken.exit()).isEqualTo(1);
    }

    /** The decisions a real server recorded, replayed offline from its data directory and from an audit export. */
    @Test
    void aServersAuditLogIsReplayedWithWhatWasDecidedThen(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        InterlockServer server = InterlockServer.start(new ServerConfig("127.0.0.1", 0, data, "", Optional.empty(), Optional.empty(),
                List.of(), "", 1000, Duration.ofMillis(50)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            String admin = Files.readString(data.resolve("admin-token")).strip();
            HttpClient http = HttpClient.newHttpClient();
            for (String command : List.of(RESTART, "kubectl get pods", RESTART)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decisions"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"shell\",\"command\":\"" + command + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        } finally {
            server.close();
        }
        Path strict = policy(dir.resolve("strict"), true);
        ServerEndToEndTest.Result fromData = ServerEndToEndTest.run(Map.of(), "replay", "--policy", strict.toString(), "--data", data.toString(),
                "--format", "json");
        assertThat(fromData.exit()).as(fromData.err()).isZero();
        JsonNode report = JSON.readTree(fromData.out());
        assertThat(report.get("replayed").asInt()).isEqualTo(3);
        assertThat(report.get("stricter").asInt()).isEqualTo(2);
        assertThat(report.at("/groups/0/examples/0/source").asText()).startsWith("audit #");

        Path export = dir.resolve("audit.jsonl");
        assertThat(ServerEndToEndTest.run(Map.of(), "audit", "export", "--data", data.toString(), "--out", export.toString()).exit()).isZero();
        ServerEndToEndTest.Result fromExport = ServerEndToEndTest.run(Map.of(), "replay", "--policy", strict.toString(), "--requests", export.toString(),
                "--format", "json");
        assertThat(JSON.readTree(fromExport.out()).get("stricter").asInt()).as(fromExport.out() + fromExport.err()).isEqualTo(2);
    }
}
