package dev.interlock.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Effect;
import dev.interlock.model.Kubeconfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HookRunnerTest {

    private static final AgentSide SIDE = new AgentSide("alice", Map.of(), Kubeconfig.NONE);

    @Test
    void theDecidersVerdictIsAnsweredInTheAgentsFormat() {
        HookAnswer a = HookRunner.run(Agent.GEMINI, Payloads.bytes("gemini-shell"), SIDE,
                r -> new HookVerdict(Effect.DENY, "delete the home directory", "", Optional.empty(), ""));
        assertThat(a.exitCode()).isZero();
        assertThat(a.stdout()).contains("\"decision\":\"deny\"").contains("delete the home directory");
    }

    @Test
    void inertToolsAreAllowedWithoutAskingTheDecider() {
        AtomicInteger asked = new AtomicInteger();
        HookAnswer a = HookRunner.run(Agent.CLAUDE_CODE, Payloads.bytes("claude-code-grep"), SIDE, r -> {
            asked.incrementAndGet();
            return HookVerdict.allow("");
        });
        assertThat(a.exitCode()).isZero();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aCrashingDeciderBlocks() {
        HookAnswer a = HookRunner.run(Agent.CLAUDE_CODE, Payloads.bytes("claude-code-bash"), SIDE, r -> {
            throw new IllegalStateException("storage is down");
        });
        assertThat(a.exitCode()).isEqualTo(HookAnswer.BLOCK);
        assertThat(a.stderr()).contains("storage is down").contains("blocked");
    }

    @Test
    void aStackOverflowInTheDeciderBlocks() {
        HookAnswer a = HookRunner.run(Agent.CODEX, Payloads.bytes("codex-bash"), SIDE, r -> {
            throw new StackOverflowError();
        });
        assertThat(a.exitCode()).isEqualTo(HookAnswer.BLOCK);
        assertThat(a.stderr()).contains("StackOverflowError");
    }

    @Test
    void aMalformedPayloadBlocksAndSaysWhy() {
        HookAnswer a = HookRunner.run(Agent.KIRO, "{\"tool_name\": 42".getBytes(StandardCharsets.UTF_8), SIDE, r -> HookVerdict.allow(""));
        assertThat(a.exitCode()).isEqualTo(HookAnswer.BLOCK);
        assertThat(a.stderr()).contains("unreadable Kiro").contains("not JSON");
    }
}
