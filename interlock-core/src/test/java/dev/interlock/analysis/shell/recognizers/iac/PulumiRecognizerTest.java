package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PulumiRecognizerTest {

    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String... args) {
        return new PulumiRecognizer().recognize(Invocation.of("pulumi", args), nested);
    }

    private Operation one(String... args) {
        List<Operation> ops = run(args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void readsStayReads() {
        for (String cmd : List.of("preview", "stack ls", "stack output", "whoami", "config get region", "config",
                "stack history", "about")) {
            assertThat(one(cmd.split(" ")).verb()).as(cmd).isEqualTo(Verb.READ);
        }
    }

    @Test
    void upUpdatesTheStack() {
        Operation op = one("up", "--yes", "-s", "acme/api/prod");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(op.resource().type()).isEqualTo("stack");
        assertThat(op.resource().locator("stack")).isEqualTo("acme/api/prod");
        assertThat(op.note()).contains("no human confirmation");
        assertThat(one("update", "--stack=dev").resource().locator("stack")).isEqualTo("dev");
    }

    @Test
    void destroyTearsDownTheStack() {
        Operation op = one("destroy", "--stack", "prod", "-y");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("stack");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        Operation targeted = one("destroy", "--target", "urn:pulumi:prod::api::aws:s3/bucket:Bucket::logs");
        assertThat(targeted.scope()).isEqualTo(Scope.MANY);
        assertThat(targeted.resource().type()).isEqualTo("resource");
    }

    @Test
    void stackRemovalNamesTheStack() {
        Operation op = one("stack", "rm", "staging", "--force", "--yes");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("stack");
        assertThat(op.resource().locator("stack")).isEqualTo("staging");
    }

    @Test
    void secretsInClearAreCredentials() {
        assertThat(one("stack", "output", "--show-secrets").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("config", "get", "dbPassword", "--show-secrets").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("env", "open", "acme/prod").verb()).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void stackFromEnvironmentVariable() {
        Invocation inv = Invocation.of("pulumi", "up").withEnv(Map.of("PULUMI_STACK", "prod"));
        assertThat(new PulumiRecognizer().recognize(inv, nested).getFirst().resource().locator("stack")).isEqualTo("prod");
    }

    @Test
    void localSettingsAreLocal() {
        Operation op = one("config", "set", "aws:region", "us-east-1");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("stack", "select", "prod").environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void stateAndMaintenance() {
        assertThat(one("refresh", "--yes").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("cancel").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("state", "delete", "urn:pulumi:x").verb()).isEqualTo(Verb.DELETE);
        assertThat(one("state", "delete", "--all").scope()).isEqualTo(Scope.ALL);
        List<Operation> replace = run("up", "--replace", "urn:db", "--yes");
        assertThat(replace).extracting(Operation::verb).containsExactly(Verb.REPLACE, Verb.UPDATE);
    }

    @Test
    void envRunAnalysesItsCommand() {
        List<Operation> ops = new PulumiRecognizer().recognize(Invocation.of("pulumi", "env", "run", "acme/dev", "--", "aws", "s3", "ls")
                .withArgs(List.of(Arg.of("env"), Arg.of("run"), Arg.of("acme/dev"), Arg.of("--"), Arg.of("aws"), Arg.of("s3"), Arg.of("ls"))), nested);
        assertThat(ops.getFirst().verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(nested.commands).containsExactly("aws s3 ls");
    }

    @Test
    void commandFromAVariableReadsAsDestroy() {
        Invocation inv = Invocation.of("pulumi").withArgs(List.of(new Arg("$ACTION", false, false, null), Arg.of("--yes")));
        Operation op = new PulumiRecognizer().recognize(inv, nested).getFirst();
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void helpIsNothing() {
        assertThat(run("up", "--help")).isEmpty();
        assertThat(run()).isEmpty();
    }
}
