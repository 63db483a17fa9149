package dev.interlock.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.model.Kubeconfig;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookRequestsTest {

    private static final AgentSide SIDE = new AgentSide("alice", Map.of("AWS_PROFILE", "prod-admin", "TF_WORKSPACE", "prod"),
            Kubeconfig.current("prod-eu-1"));

    @Test
    void aShellCallCarriesTheAgentMachinesContextAndTheActor() {
        Request r = request("claude-code-subagent");
        assertThat(r.kind()).isEqualTo(RequestKind.SHELL);
        assertThat(r.payload()).isEqualTo(new Payload.Shell("kubectl delete namespace payments"));
        assertThat(r.context().cwd()).isEqualTo(Optional.of("/home/dev/shop"));
        assertThat(r.context().env()).containsEntry("AWS_PROFILE", "prod-admin").containsEntry("TF_WORKSPACE", "prod");
        assertThat(r.context().kubeconfig()).contains(Kubeconfig.current("prod-eu-1"));
        assertThat(r.actor().principal()).isEqualTo("alice");
        assertThat(r.actor().agent()).isEqualTo("claude-code/db-migrator");
        assertThat(r.actor().session()).isEqualTo("9a1f0c2e");
    }

    @Test
    void noKubeconfigOnTheAgentsMachineIsSaidExplicitly() {
        ObjectNode json = HookRequests.json(Payloads.event("codex-bash"), new AgentSide("bob", Map.of(), Kubeconfig.NONE)).orElseThrow();
        assertThat(json.at("/context/kubeconfig/absent").asBoolean()).isTrue();
        assertThat(json.at("/actor/agent").asText()).isEqualTo("codex");
    }

    @Test
    void editsBecomeFileEditsWithEveryChangedFile() {
        ObjectNode json = HookRequests.json(Payloads.event("codex-apply-patch"), SIDE).orElseThrow();
        assertThat(json.get("kind").asText()).isEqualTo("file_edit");
        assertThat(json.get("changes")).hasSize(3);
        assertThat(json.at("/changes/1/path").asText()).isEqualTo("terraform.tfstate");
        assertThat(json.at("/changes/1/action").asText()).isEqualTo("delete");
    }

    @Test
    void readsAreJudgedAsCatOfThePath() {
        Request r = request("claude-code-read");
        assertThat(r.payload()).isEqualTo(new Payload.Shell("cat -- '/home/dev/.aws/credentials'"));
    }

    @Test
    void mcpCallsAndUnknownToolsAreMcpRequests() {
        assertThat(request("gemini-mcp").payload()).isInstanceOfSatisfying(Payload.Mcp.class, m -> {
            assertThat(m.server()).isEqualTo("mongodb");
            assertThat(m.tool()).isEqualTo("drop_collection");
        });
        HookEvent unknown = new HookEvent(Agent.KIRO, "preToolUse", "deploy_stack", new ToolCall.Unknown("deploy_stack",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("stack", "prod")), "", "/w", "");
        assertThat(HookRequests.of(unknown, SIDE).orElseThrow().payload()).isInstanceOfSatisfying(Payload.Mcp.class,
                m -> assertThat(m.server() + "/" + m.tool()).isEqualTo("kiro/deploy_stack"));
    }

    @Test
    void inertToolsNeedNoDecision() {
        assertThat(HookRequests.of(Payloads.event("claude-code-grep"), SIDE)).isEmpty();
    }

    private static Request request(String fixture) {
        return HookRequests.of(Payloads.event(fixture), SIDE).orElseThrow();
    }
}
