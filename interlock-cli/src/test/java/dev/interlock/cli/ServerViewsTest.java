package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The pure renderings of server answers: tables, one approval, audit lines, and the request exec sends. */
class ServerViewsTest {

    static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");

    static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    static final String APPROVAL = """
            {"id":"apr_7f3c9e2a41d84b0c","state":"pending","summary":"update deployment api (kubernetes, prod)",
             "environment":"prod","risk":"high",
             "requester":{"principal":"alice@example.com","agent":"claude-code","session":"s1"},
             "terms":{"approvers":["group:sre"],"count":1,"requester_may_approve":false,"expires":"PT30M",
                      "min_review":"PT15S","confirm":"resource-name","max_grant":"PT1H"},
             "created_at":"2025-01-31T11:57:30Z","expires_at":"2025-01-31T12:27:30Z","fingerprint":"sha256:ab",
             "request":{"kind":"shell","command":"kubectl rollout restart deployment/api -n payments"},
             "decision":{"operations":[{"system":"kubernetes","verb":"update","resource":{"type":"deployment","name":"api"},
                          "environment":"prod","risk":"high","evidence":{"text":"kubectl rollout restart deployment/api -n payments"}}],
                         "rules":[{"id":"prod-changes-need-a-second-human","effect":"require_approval",
                                   "message":"update deployment api in prod needs approval by a second human"},
                                  {"id":"default:low","effect":"allow","message":""}]},
             "reviews":[{"reviewer":"carol@example.com","verdict":"approve","comment":"looks fine\\nreally","review_ms":42000}],
             "reason":""}
            """;

    @Test
    void tablesLineUpAndKeepEveryRowOnOneLine() {
        Table t = new Table(List.of("id", "summary"), List.of(0, 10));
        assertThat(t.render(List.of(List.of("a", "short"), List.of("bbbb", "a long summary\nwith a newline")))).isEqualTo("""
                ID    SUMMARY
                a     short
                bbbb  a long su…
                """);
        assertThat(Table.flat("a\tb\nc\u001b[31m")).isEqualTo("a b⏎c [31m");
        assertThat(Table.cut("日本語テキスト", 4)).isEqualTo("日本語…");
    }

    @Test
    void approvalsListReadsInTwoSeconds() throws Exception {
        JsonNode a = json(APPROVAL);
        String table = ApprovalView.table(List.of(a), NOW);
        assertThat(table.lines().toList()).containsExactly(
                "ID        STATE    AGE    LEFT    ENV   RISK  AGENT@PRINCIPAL                SUMMARY",
                "apr_7f3c  pending  2m30s  27m30s  prod  high  claude-code@alice@example.com  update deployment api (kubernetes, prod)");
    }

    @Test
    void shortIdsGrowUntilTheyAreUnique() {
        Map<String, String> ids = Answers.shortIds(List.of("apr_7f3c9e2a41d8", "apr_7f3c1111aaaa", "short"));
        assertThat(ids).containsEntry("apr_7f3c9e2a41d8", "apr_7f3c9").containsEntry("apr_7f3c1111aaaa", "apr_7f3c1")
                .containsEntry("short", "short");
    }

    @Test
    void oneApprovalInFullWithHowLongUntilItCanBeApproved() throws Exception {
        String shown = ApprovalView.show(json(APPROVAL), NOW);
        assertThat(shown).contains("approval apr_7f3c9e2a41d84b0c  PENDING")
                .contains("wants:      update deployment api (kubernetes, prod)")
                .contains("requester:  claude-code@alice@example.com (session s1)")
                .contains("op 0:       update deployment api | prod | risk high")
                .contains("evidence: kubectl rollout restart deployment/api -n payments")
                .contains("rule:       prod-changes-need-a-second-human -> require_approval: update deployment api in prod needs approval")
                .doesNotContain("default:low")
                .contains("request:    shell: kubectl rollout restart deployment/api -n payments")
                .contains("terms:      group:sre, 1 needed, min_review 15s, confirm resource-name, max_grant 1h, not the requester")
                .contains("review:     carol@example.com approve after 42s: looks fine⏎really")
                .contains("expires:    2025-01-31T12:27:30Z (in 27m30s)")
                .contains("you can approve in 15s (min_review 15s from your first view)")
                .contains("interlock approvals approve apr_7f3c9e2a41d84b0c --confirm api");
        JsonNode viewed = json(APPROVAL.replace("\"reason\":\"\"", "\"reason\":\"\",\"you_first_saw_it_at\":\"2025-01-31T11:59:50Z\""));
        assertThat(ApprovalView.reviewWait(viewed, NOW)).isEqualTo(Duration.ofSeconds(5));
        JsonNode old = json(APPROVAL.replace("\"reason\":\"\"", "\"reason\":\"\",\"you_may_approve_from\":\"2025-01-31T11:00:15Z\""));
        assertThat(ApprovalView.show(old, NOW)).contains("you can approve now");
    }

    @Test
    void auditEventsAreOneLineEach() throws Exception {
        JsonNode decision = json("""
                {"seq":42,"at":"2025-01-31T12:00:01Z","type":"decision","prev_hash":"a","hash":"b",
                 "body":"{\\"data\\":{\\"decision_id\\":\\"dec_0123456789\\",\\"effect\\":\\"require_approval\\",\\"risk\\":\\"high\\",\\"summary\\":\\"update deployment api (kubernetes, prod)\\",\\"actor\\":{\\"principal\\":\\"alice\\",\\"agent\\":\\"claude-code\\",\\"session\\":\\"s1\\"}},\\"seq\\":42,\\"type\\":\\"decision\\"}"}
                """);
        assertThat(AuditLine.of(decision)).isEqualTo(
                "    42  2025-01-31T12:00:01Z  decision             REQUIRE_APPROVAL  update deployment api (kubernetes, prod)  decision dec_0123  by claude-code@alice");
        JsonNode execution = json("""
                {"seq":43,"at":"2025-01-31T12:00:09Z","type":"execution.reported","body":{"data":{"decision_id":"d1","exit_code":0,"duration_ms":812}}}
                """);
        assertThat(AuditLine.of(execution)).endsWith("execution.reported   exit_code=0  duration_ms=812  decision d1");
    }

    @Test
    void execSendsTheQuotedArgvWhereItRunsAndSteeringVariablesWithoutCredentials() {
        ExecCommand exec = new ExecCommand();
        new CommandLine(exec).setStopAtPositional(true)
                .parseArgs("--env", "prod", "--session", "s9", "kubectl", "annotate", "deploy/api", "note=it's fine");
        exec.env = Map.of("AWS_PROFILE", "prod", "DATABASE_URL", "postgres://u:pw@db.prod/app", "SECRET", "x");
        JsonNode body = exec.requestBody();
        assertThat(body.get("kind").asText()).isEqualTo("shell");
        assertThat(body.get("command").asText()).isEqualTo("kubectl annotate deploy/api 'note=it'\\''s fine'");
        assertThat(body.at("/context/environment").asText()).isEqualTo("prod");
        assertThat(body.at("/context/cwd").asText()).isEqualTo(System.getProperty("user.dir"));
        assertThat(body.at("/context/env").toString()).isEqualTo("{\"AWS_PROFILE\":\"prod\",\"DATABASE_URL\":\"postgres://db.prod/app\"}");
        assertThat(body.at("/actor/session").asText()).isEqualTo("s9");
        assertThat(body.has("actor") && body.get("actor").has("principal")).isFalse();
    }

    @Test
    void execReadsTheServersAnswerAndFailsClosedOnAnythingUnknown() throws Exception {
        Verdict held = Verdict.of(json("""
                {"effect":"require_approval","summary":"update deployment api (kubernetes, prod)","decision_id":"d1",
                 "rules":[{"id":"prod-changes-need-a-second-human","effect":"require_approval","message":"needs a second human","enforcement":"enforce"},
                          {"id":"local-credentials-ask","effect":"ask","message":"asks","enforcement":"enforce"},
                          {"id":"trial","effect":"deny","message":"would deny","enforcement":"dry-run"}],
                 "approval":{"id":"apr_1","state":"pending","url":"http://127.0.0.1:8470/v1/approvals/apr_1"}}
                """));
        assertThat(held.effect()).isEqualTo(dev.interlock.model.Effect.REQUIRE_APPROVAL);
        assertThat(held.line()).isEqualTo("REQUIRE_APPROVAL: update deployment api (kubernetes, prod): needs a second human (prod-changes-need-a-second-human)");
        assertThat(held.approvalId()).isEqualTo("apr_1");
        Verdict denied = Verdict.of(json("""
                {"effect":"deny","summary":"s","rules":[{"id":"approval:apr_1","effect":"deny","message":""}],
                 "approval":{"id":"apr_1","state":"denied","reason":"not during the freeze"}}
                """));
        assertThat(denied.line()).isEqualTo("DENY: s: reviewer: not during the freeze");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verdict.of(json("{\"effect\":\"maybe\"}")))
                .hasMessageContaining("unknown effect 'maybe'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verdict.of(json("{}"))).hasMessageContaining("unknown effect");
    }
}
