package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerRecognizerTest {

    private final DockerRecognizer docker = new DockerRecognizer();
    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String... args) {
        return docker.recognize(Invocation.of(program, args), nested);
    }

    private Operation only(String... args) {
        List<Operation> ops = run("docker", args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void readsOnTheLocalDaemon() {
        for (List<String> c : List.of(List.of("ps", "-a"), List.of("images"), List.of("logs", "-f", "web"),
                List.of("container", "ls"), List.of("volume", "ls"), List.of("system", "df"))) {
            Operation op = only(c.toArray(String[]::new));
            assertThat(op.verb()).as(c.toString()).isEqualTo(Verb.READ);
            assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        }
        assertThat(run("docker", "--version")).isEmpty();
    }

    @Test
    void containersAndImagesAreRegenerable() {
        Operation rm = only("rm", "-f", "web");
        assertThat(rm.verb()).isEqualTo(Verb.DELETE);
        assertThat(rm.resource().type()).isEqualTo("container");
        assertThat(rm.stateful()).isFalse();
        assertThat(rm.reversible()).isTrue();
        assertThat(run("docker", "rmi", "a", "b")).hasSize(2);
        Operation prune = only("system", "prune", "-af");
        assertThat(prune.reversible()).isTrue();
        assertThat(prune.scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void volumesHoldData() {
        Operation rm = only("volume", "rm", "pgdata");
        assertThat(rm.resource().type()).isEqualTo("volume");
        assertThat(rm.stateful()).isTrue();
        assertThat(rm.reversible()).isFalse();
        assertThat(only("volume", "prune").scope()).isEqualTo(Scope.MANY);
        assertThat(only("volume", "prune", "-a").scope()).isEqualTo(Scope.ALL);
        assertThat(run("docker", "system", "prune", "--volumes")).anySatisfy(op -> {
            assertThat(op.resource().type()).isEqualTo("volume");
            assertThat(op.stateful()).isTrue();
        });
        assertThat(run("docker", "rm", "-v", "web")).extracting(o -> o.resource().type()).contains("volume");
    }

    @Test
    void composeDownOnlyLosesDataWithVolumes() {
        assertThat(run("docker", "compose", "down")).extracting(Operation::verb).containsOnly(Verb.UPDATE);
        List<Operation> v = run("docker", "compose", "-p", "shop", "down", "-v");
        assertThat(v).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.DELETE);
        assertThat(v.getFirst().resource().name()).isEqualTo("shop");
        assertThat(run("docker-compose", "down", "--volumes")).extracting(Operation::verb).contains(Verb.DELETE);
        assertThat(run("docker-compose", "up", "-d")).extracting(Operation::verb).containsOnly(Verb.UPDATE);
    }

    @Test
    void runIsExecutionAndHostAccessIsEscalation() {
        Operation plain = run("docker", "run", "--rm", "-it", "-v", "/home/dev/project:/app", "node:20", "npm", "test").getFirst();
        assertThat(plain.verb()).isEqualTo(Verb.EXECUTE);
        assertThat(plain.resource().name()).isEqualTo("node:20");
        for (List<String> escape : List.of(List.of("--privileged"), List.of("-v", "/:/host"), List.of("--pid=host"),
                List.of("--net", "host"), List.of("-v", "/var/run/docker.sock:/var/run/docker.sock"),
                List.of("--cap-add", "SYS_ADMIN"), List.of("--mount", "type=bind,source=/etc,target=/x"))) {
            String[] args = new String[escape.size() + 2];
            args[0] = "run";
            for (int i = 0; i < escape.size(); i++) {
                args[i + 1] = escape.get(i);
            }
            args[args.length - 1] = "alpine";
            List<Operation> ops = run("docker", args);
            assertThat(ops).as(Arrays.toString(args)).extracting(Operation::verb).containsExactly(Verb.EXECUTE, Verb.ESCALATE);
            assertThat(ops.getFirst().resource().name()).isEqualTo("alpine");
        }
        assertThat(run("docker", "run", "-v", "/etc/localtime:/etc/localtime:ro", "alpine"))
                .extracting(Operation::verb).containsOnly(Verb.EXECUTE);
    }

    @Test
    void argumentsAfterTheImageAreNotOptions() {
        List<Operation> ops = run("docker", "run", "alpine", "sh", "--privileged");
        assertThat(ops.getFirst().verb()).isEqualTo(Verb.EXECUTE);
        assertThat(ops).extracting(Operation::verb).doesNotContain(Verb.ESCALATE);
    }

    @Test
    void theCommandOfAContainerIsAnalyzedWhereItActs() {
        run("docker", "run", "--rm", "-e", "AWS_PROFILE=prod", "-v", "/home/dev/.aws:/root/.aws", "amazon/aws-cli:2.15",
                "s3", "rb", "s3://prod-data", "--force");
        assertThat(nested.commands.getLast()).isEqualTo("AWS_PROFILE=prod aws s3 rb s3://prod-data --force");
        run("docker", "run", "--rm", "bitnami/kubectl", "delete", "namespace", "payments");
        assertThat(nested.commands.getLast()).isEqualTo("kubectl delete namespace payments");
        run("docker", "run", "-v", "/:/host", "alpine", "rm", "-rf", "/host/srv/data");
        assertThat(nested.commands.getLast()).isEqualTo("rm -rf /srv/data");
        run("docker", "run", "--mount", "type=bind,source=/srv/app,target=/data", "--entrypoint", "sh", "busybox", "-c", "rm -rf /data/db");
        assertThat(nested.commands.getLast()).isEqualTo("sh -c 'rm -rf /srv/app/db'");
        int before = nested.commands.size();
        run("docker", "run", "--rm", "amazon/aws-cli");
        assertThat(nested.commands).hasSize(before);
    }

    @Test
    void remoteDaemonsAreLeftToEnvironmentResolution() {
        Operation host = only("-H", "ssh://deploy@prod-web-1:22", "rm", "web");
        assertThat(host.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(host.resource().locator("host")).isEqualTo("prod-web-1");
        Operation context = only("--context", "prod-eu-1", "compose", "down");
        assertThat(context.resource().locator("context")).isEqualTo("prod-eu-1");
        assertThat(context.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(only("--context", "default", "ps").environment()).isEqualTo(Tier.LOCAL);
        assertThat(only("-H", "unix:///var/run/docker.sock", "ps").environment()).isEqualTo(Tier.LOCAL);
        Invocation env = new Invocation("docker", List.of(Arg.of("stop"), Arg.of("db")),
                Map.of("DOCKER_HOST", "tcp://prod-db-1:2376"), Workspace.of("/home/dev/project"), Evidence.NONE,
                Optional.empty(), Map.of());
        Operation viaEnv = docker.recognize(env, nested).getFirst();
        assertThat(viaEnv.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(viaEnv.resource().locator("host")).isEqualTo("prod-db-1");
    }

    @Test
    void pushGoesToTheRegistry() {
        Operation hub = only("push", "acme/api:1.2");
        assertThat(hub.resource().locator("host")).isEqualTo("docker.io");
        assertThat(hub.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(only("push", "ghcr.io/acme/api:1.2").resource().locator("host")).isEqualTo("ghcr.io");
        assertThat(only("push", "localhost:5000/api").environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void dashFDependsOnTheCommand() {
        assertThat(only("logs", "-f", "web").resource().name()).isEqualTo("web");
        assertThat(only("rm", "-f", "web").resource().name()).isEqualTo("web");
        assertThat(only("build", "-f", "Dockerfile.dev", "-t", "app:dev", ".").resource().name()).isEqualTo("app:dev");
        assertThat(only("ps", "-f", "status=exited").resource().name()).isEmpty();
    }

    @Test
    void podmanAndNerdctlShareTheTable() {
        assertThat(run("podman", "volume", "rm", "x").getFirst().stateful()).isTrue();
        assertThat(run("podman", "system", "reset", "-f").getFirst().scope()).isEqualTo(Scope.ALL);
        assertThat(run("nerdctl", "ps").getFirst().verb()).isEqualTo(Verb.READ);
    }
}
