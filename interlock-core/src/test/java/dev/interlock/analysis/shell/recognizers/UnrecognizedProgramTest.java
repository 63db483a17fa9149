package dev.interlock.analysis.shell.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnrecognizedProgramTest {

    private final UnrecognizedProgram recognizer = new UnrecognizedProgram();
    private final RecordingNested nested = new RecordingNested();

    private Operation one(String program, String... args) {
        List<Operation> ops = recognizer.recognize(Invocation.of(program, args), nested);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void claimsNoProgramItself() {
        assertThat(recognizer.programs()).isEmpty();
    }

    @Test
    void argumentsOfHarmlessProgramsAreData() {
        assertThat(one("echo", "git", "reset", "--hard").verb()).isEqualTo(Verb.READ);
        assertThat(one("echo", "system", "prune", "--all", "--force").verb()).isEqualTo(Verb.READ);
        assertThat(one("ls", "-la").environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("find", ".", "-name", "*.py").verb()).isEqualTo(Verb.READ);
        assertThat(nested.commands).isEmpty();
    }

    @Test
    void buildsAreLocalRuns() {
        for (String[] cmd : List.of(new String[] {"make", "test"}, new String[] {"cargo", "build"}, new String[] {"go", "test", "./..."},
                new String[] {"pytest", "tests/test_delete_user.py"}, new String[] {"gradlew", "build"})) {
            Operation op = one(cmd[0], java.util.Arrays.copyOfRange(cmd, 1, cmd.length));
            assertThat(op.verb()).as(String.join(" ", cmd)).isEqualTo(Verb.EXECUTE);
            assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        }
        Operation clean = one("make", "clean");
        assertThat(clean.verb()).isEqualTo(Verb.DELETE);
        assertThat(clean.reversible()).isTrue();
        assertThat(one("cargo", "publish").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("cargo", "publish").environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(one("rake", "db:drop").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void destructiveWordsOfUnfamiliarClis() {
        Operation queue = one("rabbitmqadmin", "delete", "queue", "name=orders");
        assertThat(queue.system()).isEqualTo("rabbitmqadmin");
        assertThat(queue.verb()).isEqualTo(Verb.DELETE);
        assertThat(queue.resource().type()).isEqualTo("queue");
        assertThat(queue.resource().name()).isEqualTo("orders");
        assertThat(queue.stateful()).isTrue();
        assertThat(queue.reversible()).isFalse();
        assertThat(queue.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(queue.environment()).isEqualTo(Tier.UNKNOWN);

        Operation topic = one("kafka-topics", "--bootstrap-server", "kafka-prod:9092", "--delete", "--topic", "orders");
        assertThat(topic.resource().type()).isEqualTo("topic");
        assertThat(topic.resource().name()).isEqualTo("orders");
        assertThat(topic.resource().locator("host")).isEqualTo("kafka-prod");

        assertThat(one("fly", "apps", "destroy", "myapp").resource().type()).isEqualTo("app");
        assertThat(one("mytool", "wipe", "--all").scope()).isEqualTo(Scope.ALL);
        assertThat(one("mytool", "revoke", "key-1").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("mytool", "disable", "feature-x").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("shred", "-u", "x").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void locatorsFromCommonFlags() {
        Operation op = one("mytool", "--context", "prod-eu-1", "-n", "payments", "--profile", "prod", "purge", "cache");
        assertThat(op.resource().locators()).containsEntry("context", "prod-eu-1").containsEntry("namespace", "payments")
                .containsEntry("profile", "prod");
        assertThat(one("redis-cli", "-h", "redis.prod.internal", "flushdb").resource().locator("host")).isEqualTo("redis.prod.internal");
        assertThat(one("mytool", "--url=https://api.stg.example.com/v1", "drop", "x").resource().locator("host")).isEqualTo("api.stg.example.com");
    }

    @Test
    void onlyTheFirstPositionalsAndFlagsCount() {
        assertThat(one("cogito", "ergo", "sum").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("storm", "warning").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("transform", "data").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("mytool", "run", "a", "b", "delete").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("mytool", "clean").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("mytool", "clean", "--force").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void readOnlyWordsAndDryRuns() {
        assertThat(one("mytool", "list", "--all").verb()).isEqualTo(Verb.READ);
        assertThat(one("mytool", "delete", "x", "--dry-run").verb()).isEqualTo(Verb.READ);
        assertThat(one("mytool", "delete", "--help").verb()).isEqualTo(Verb.READ);
        assertThat(one("redis-cli", "get", "user:1").verb()).isEqualTo(Verb.READ);
        assertThat(one("mytool", "help", "delete").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void aProductionFlagNamesTheEnvironment() {
        Operation op = one("vercel", "--prod");
        assertThat(op.verb()).isEqualTo(Verb.EXECUTE);
        assertThat(op.resource().locator("environment")).isEqualTo("production");
        assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
        // without --prod the deploy is a preview on its own URL: a dev deployment, whatever the site
        assertThat(one("netlify", "deploy", "--dir", "dist").environment()).isEqualTo(Tier.DEV);
    }

    @Test
    void secretsAndInterlockFilesInArguments() {
        assertThat(one("openssl", "rsa", "-in", "server.key", "-text").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("diff", ".env", ".env.example").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("ls", "-la", ".env").verb()).isEqualTo(Verb.READ);
        assertThat(one("vim", "~/.claude/settings.json").system()).isEqualTo("interlock");
        assertThat(one("ls", "~/.interlock").verb()).isEqualTo(Verb.READ);
        assertThat(one("echo", "rm -rf ~/.interlock").verb()).isEqualTo(Verb.READ);
        Invocation echo = Invocation.of("echo", "x").withArgs(List.of(new dev.interlock.analysis.shell.Arg("$GITHUB_TOKEN", false, false,
                dev.interlock.model.Evidence.NONE)));
        assertThat(recognizer.recognize(echo, nested).getFirst().verb()).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void powerOffStopsEverything() {
        assertThat(one("reboot").scope()).isEqualTo(Scope.ALL);
        assertThat(one("shutdown", "-h", "now").verb()).isEqualTo(Verb.DELETE);
        assertThat(one("shutdown", "-c").verb()).isEqualTo(Verb.READ);
    }
}
