package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdkRecognizerTest {

    private List<Operation> run(String program, String... args) {
        return new CdkRecognizer().recognize(Invocation.of(program, args), new RecordingNested());
    }

    @Test
    void synthAndDiffAreReads() {
        for (String cmd : List.of("synth", "diff", "ls", "doctor", "diff ApiStack-Prod")) {
            assertThat(run("cdk", cmd.split(" ")).getFirst().verb()).as(cmd).isEqualTo(Verb.READ);
        }
    }

    @Test
    void deployIsOneUpdatePerStack() {
        List<Operation> ops = run("cdk", "deploy", "ApiStack-Prod", "DbStack-Prod", "--require-approval", "never", "--profile", "prod");
        assertThat(ops).hasSize(2);
        assertThat(ops).extracting(Operation::verb).containsOnly(Verb.UPDATE);
        assertThat(ops.getFirst().resource().locator("stack")).isEqualTo("ApiStack-Prod");
        assertThat(ops.getFirst().resource().locator("profile")).isEqualTo("prod");
        assertThat(ops.getFirst().note()).contains("no human confirmation");
    }

    @Test
    void destroyWithoutNamesIsEverything() {
        Operation op = run("cdk", "destroy", "--all", "--force").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("stack");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(run("cdk", "destroy").getFirst().scope()).isEqualTo(Scope.ALL);
        List<Operation> named = run("cdk", "destroy", "A", "B");
        assertThat(named).hasSize(2);
        assertThat(named).extracting(Operation::scope).containsOnly(Scope.ALL);
        assertThat(named).extracting(o -> o.resource().locator("stack")).containsExactly("A", "B");
    }

    @Test
    void contextNamesTheEnvironment() {
        assertThat(run("cdk", "deploy", "-c", "env=prod").getFirst().resource().locator("environment")).isEqualTo("prod");
        assertThat(run("cdk", "deploy", "--context", "stage=staging").getFirst().resource().locator("environment")).isEqualTo("staging");
        assertThat(run("cdk", "synth", "--context=env=dev").getFirst().resource().locator("environment")).isEqualTo("dev");
    }

    @Test
    void bootstrapCreatesAndTrustIsAGrant() {
        List<Operation> ops = run("cdk", "bootstrap", "aws://123456789012/us-east-1", "--trust", "999999999999",
                "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.CREATE, Verb.GRANT);
        assertThat(ops.getFirst().resource().locator("account")).isEqualTo("123456789012");
        assertThat(ops.getFirst().resource().locator("region")).isEqualTo("us-east-1");
    }

    @Test
    void initIsLocal() {
        Operation op = run("cdk", "init", "app", "--language", "typescript").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.CREATE);
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void cdktfIsTerraform() {
        Operation op = run("cdktf", "destroy", "prod-stack", "--auto-approve").getFirst();
        assertThat(op.system()).isEqualTo("terraform");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().locator("stack")).isEqualTo("prod-stack");
        assertThat(run("cdktf", "plan").getFirst().verb()).isEqualTo(Verb.READ);
        assertThat(run("cdktf", "deploy", "--auto-approve").getFirst().verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void helpIsNothing() {
        assertThat(run("cdk", "deploy", "--help")).isEmpty();
    }
}
