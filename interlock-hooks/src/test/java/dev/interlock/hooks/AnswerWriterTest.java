package dev.interlock.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Effect;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnswerWriterTest {

    private static final HookVerdict DENY = new HookVerdict(Effect.DENY, "delete namespace payments in prod",
            "deleting a namespace deletes everything in it [prod-no-namespace-delete]", Optional.empty(), "dec_1");
    private static final HookVerdict ASK = new HookVerdict(Effect.ASK, "restart deployment api in staging", "", Optional.empty(), "dec_2");
    private static final HookVerdict HELD = new HookVerdict(Effect.REQUIRE_APPROVAL, "uninstall helm release kafka in prod",
            "removes a release [prod-helm-uninstall]", Optional.of(new HookVerdict.Approval("apr_7Q2", "pending", "group:sre",
            "https://interlock.example/v1/approvals/apr_7Q2", "2026-12-03T12:00:00Z", "")), "dec_3");

    @Test
    void claudeCodeDenyIsAPreToolUseDecisionWithTheEventName() {
        HookAnswer a = AnswerWriter.write(Agent.CLAUDE_CODE, "PreToolUse", DENY);
        assertThat(a.exitCode()).isZero();
        assertThat(a.stdout()).startsWith("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\"")
                .contains("delete namespace payments in prod").contains("[prod-no-namespace-delete]").contains("Do not retry");
    }

    @ParameterizedTest
    @EnumSource(Agent.class)
    void anAllowNeverGrantsExceptWhereSilenceWouldBlock(Agent agent) {
        HookAnswer a = AnswerWriter.write(agent, "", HookVerdict.allow("list pods"));
        assertThat(a.exitCode()).isZero();
        assertThat(a.stdout()).isEqualTo(agent == Agent.CURSOR ? "{\"permission\":\"allow\"}\n" : "");
    }

    @Test
    void askIsAskWhereTheAgentHonoursItAndABlockThatExplainsElsewhere() {
        assertThat(AnswerWriter.write(Agent.CLAUDE_CODE, "PreToolUse", ASK).stdout()).contains("\"permissionDecision\":\"ask\"");
        assertThat(AnswerWriter.write(Agent.CURSOR, "beforeShellExecution", ASK).stdout()).contains("\"permission\":\"ask\"");
        assertThat(AnswerWriter.write(Agent.COPILOT, "", ASK).stdout()).contains("\"permissionDecision\":\"ask\"");
        assertThat(AnswerWriter.write(Agent.CODEX, "PreToolUse", ASK).stdout()).contains("\"permissionDecision\":\"deny\"")
                .contains("cannot ask from a hook");
        assertThat(AnswerWriter.write(Agent.GEMINI, "BeforeTool", ASK).stdout()).contains("\"decision\":\"deny\"").contains("show your user");
        HookAnswer kiro = AnswerWriter.write(Agent.KIRO, "preToolUse", ASK);
        assertThat(kiro.exitCode()).isEqualTo(2);
        assertThat(kiro.stderr()).contains("cannot ask from a hook");
    }

    @Test
    void aHeldActionTellsTheModelTheApprovalWhoAndWhereAndToRetryUnchanged() {
        String message = AnswerWriter.write(Agent.CODEX, "PreToolUse", HELD).stdout();
        assertThat(message).contains("apr_7Q2").contains("group:sre").contains("https://interlock.example/v1/approvals/apr_7Q2")
                .contains("retry the same command unchanged").contains("\"permissionDecision\":\"deny\"");
    }

    @Test
    void inLocalModeAHeldActionSaysApprovalsNeedAServer() {
        HookVerdict local = new HookVerdict(Effect.REQUIRE_APPROVAL, "destroy workspace prod", "", Optional.of(
                new HookVerdict.Approval("", "unavailable", "group:sre", "", "", "")), "");
        assertThat(AnswerWriter.write(Agent.GEMINI, "BeforeTool", local).stdout()).contains("need an Interlock server")
                .contains("group:sre").contains("\"decision\":\"deny\"");
    }

    @Test
    void aDeniedOrExpiredApprovalIsReportedAsSuch() {
        HookVerdict denied = new HookVerdict(Effect.REQUIRE_APPROVAL, "drop table users", "", Optional.of(
                new HookVerdict.Approval("apr_1", "denied", "group:dba", "", "", "not during the freeze")), "");
        assertThat(AnswerWriter.write(Agent.CLAUDE_CODE, "PreToolUse", denied).stdout()).contains("denied approval apr_1")
                .contains("not during the freeze");
    }

    @ParameterizedTest
    @EnumSource(Agent.class)
    void aFailureBlocksInEveryAgent(Agent agent) {
        HookAnswer a = AnswerWriter.failure(agent, "policy does not load");
        if (agent == Agent.COPILOT) {
            // Copilot ignores failing hooks: only a deny answer stops it.
            assertThat(a.exitCode()).isZero();
            assertThat(a.stdout()).contains("\"permissionDecision\":\"deny\"").contains("fail closed");
        } else {
            assertThat(a.exitCode()).isEqualTo(2);
            assertThat(a.stderr()).contains("policy does not load").contains("fail closed");
        }
    }

    @Test
    void eachAgentsBlockFormat() {
        assertThat(AnswerWriter.write(Agent.GEMINI, "BeforeTool", DENY).stdout()).startsWith("{\"decision\":\"deny\",\"reason\":\"Interlock denied this");
        assertThat(AnswerWriter.write(Agent.CURSOR, "beforeShellExecution", DENY).stdout())
                .startsWith("{\"permission\":\"deny\",\"user_message\":").contains("\"agent_message\":");
        assertThat(AnswerWriter.write(Agent.COPILOT, "", DENY).stdout()).startsWith("{\"permissionDecision\":\"deny\",\"permissionDecisionReason\":");
        HookAnswer kiro = AnswerWriter.write(Agent.KIRO, "preToolUse", DENY);
        assertThat(kiro.exitCode()).isEqualTo(2);
        assertThat(kiro.stdout()).isEmpty();
        assertThat(kiro.stderr()).startsWith("Interlock denied this");
    }
}
