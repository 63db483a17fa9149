package dev.interlock.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestKind;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    @Test
    void readsTheDocumentedContract() {
        Request r = RequestReader.read("{\"id\":\"r1\",\"kind\":\"shell\",\"command\":\"kubectl delete ns payments\",\"context\":{\"environment\":\"prod\","
                + "\"cwd\":\"/srv/app\",\"env\":{\"AWS_PROFILE\":\"prod\"}},\"actor\":{\"principal\":\"alice@example.com\",\"agent\":\"claude-code\",\"session\":\"s1\"}}");
        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.payload()).isEqualTo(new Payload.Shell("kubectl delete ns payments"));
        assertThat(r.context().environment()).contains("prod");
        assertThat(r.context().env()).containsEntry("AWS_PROFILE", "prod");
        assertThat(r.actor().agent()).isEqualTo("claude-code");
        assertThat(RequestReader.read("{\"id\":\"r3\",\"kind\":\"mcp\",\"server\":\"kubernetes\",\"tool\":\"resources_delete\",\"arguments\":{\"kind\":\"Namespace\"}}").kind())
                .isEqualTo(RequestKind.MCP);
        assertThat(RequestReader.read("{\"id\":\"r4\",\"kind\":\"terraform-plan\",\"plan\":{\"format_version\":\"1.2\",\"resource_changes\":[]}}").kind())
                .isEqualTo(RequestKind.TERRAFORM_PLAN);
        assertThat(RequestReader.read("{\"id\":7,\"kind\":\"sql\",\"statement\":\"SELECT 1\"}").id()).isEqualTo("7");
    }

    @Test
    void aDatabaseHostAndNameStandForATargetWhenNoneIsGiven() {
        assertThat(RequestReader.read("{\"kind\":\"sql\",\"statement\":\"SELECT 1\",\"context\":{\"host\":\"db.stg.internal\",\"database\":\"app\"}}")
                .context().target()).contains("db://db.stg.internal/app");
        assertThat(RequestReader.read("{\"kind\":\"sql\",\"statement\":\"SELECT 1\",\"context\":{\"database\":\"billing_prod\"}}")
                .context().target()).contains("db:///billing_prod");
        assertThat(RequestReader.read("{\"kind\":\"sql\",\"statement\":\"SELECT 1\",\"context\":{\"target\":\"postgres://a/b\",\"host\":\"c\"}}")
                .context().target()).contains("postgres://a/b");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"sql\",\"statement\":\"SELECT 1\",\"context\":{\"host\":5432}}"))
                .hasMessage("field 'context.host' must be a string, not a number");
    }

    @Test
    void badInputGetsAnErrorThatNamesTheProblem() {
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"shell\",")).hasMessageStartingWith("malformed JSON at line 1");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"teleport\",\"command\":\"x\"}")).hasMessageContaining("field 'kind': 'teleport' is not one of shell, sql");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"shell\",\"command\":42}")).hasMessage("field 'command' must be a string, not a number");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"shell\"}")).hasMessage("missing field 'command'");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"shell\",\"command\":\"ls\",\"context\":{\"env\":[1]}}")).hasMessageContaining("context.env");
        assertThatThrownBy(() -> RequestReader.read("[]")).hasMessageContaining("must be a JSON object, not an array");
        assertThatThrownBy(() -> RequestReader.read("[".repeat(10_000))).hasMessageContaining("malformed JSON").hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> RequestReader.read("{\"kind\":\"shell\",\"command\":\"" + "x".repeat(1 << 20) + "\"}")).hasMessage("request is larger than 1 MiB");
    }
}
