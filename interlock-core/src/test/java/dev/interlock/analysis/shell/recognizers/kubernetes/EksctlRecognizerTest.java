package dev.interlock.analysis.shell.recognizers.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class EksctlRecognizerTest {

    private final EksctlRecognizer recognizer = new EksctlRecognizer();
    private final Nested nested = new Nested() {
        @Override
        public List<Operation> shell(String command, Invocation parent) {
            throw new AssertionError(command);
        }

        @Override
        public List<Operation> sql(String sql, String dialect, Invocation parent) {
            throw new AssertionError(sql);
        }
    };

    private Operation one(String... args) {
        List<Operation> ops = recognizer.recognize(Invocation.of("eksctl", args), nested);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void deletingAClusterIsTeardown() {
        Operation op = one("delete", "cluster", "--name", "prod-eks", "--region", "eu-west-1", "--profile", "prod");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("cluster");
        assertThat(op.resource().name()).isEqualTo("prod-eks");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.resource().locators()).containsEntry("cluster", "prod-eks").containsEntry("region", "eu-west-1")
                .containsEntry("profile", "prod");
        assertThat(one("delete", "cluster", "-n", "dev-eks").resource().locator("cluster")).isEqualTo("dev-eks");
        assertThat(one("delete", "cluster", "staging-eks").resource().name()).isEqualTo("staging-eks");
    }

    @Test
    void nodegroupsBelongToTheClusterNamedByCluster() {
        Operation op = one("delete", "nodegroup", "--cluster", "prod-eks", "--name", "ng-1");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("nodegroup");
        assertThat(op.resource().name()).isEqualTo("ng-1");
        assertThat(op.resource().locator("cluster")).isEqualTo("prod-eks");
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        Operation scale = one("scale", "nodegroup", "--cluster=dev-eks", "--name=ng-1", "--nodes=5");
        assertThat(scale.verb()).isEqualTo(Verb.UPDATE);
        assertThat(scale.resource().locator("cluster")).isEqualTo("dev-eks");
    }

    @Test
    void readsAndCreates() {
        assertThat(one("get", "cluster", "--region", "us-east-1").verb()).isEqualTo(Verb.READ);
        assertThat(one("get", "nodegroup", "--cluster", "prod-eks").verb()).isEqualTo(Verb.READ);
        assertThat(one("utils", "describe-stacks", "--cluster", "prod-eks").verb()).isEqualTo(Verb.READ);
        assertThat(one("create", "cluster", "--name", "dev-eks", "--nodes", "3").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("create", "cluster", "-f", "cluster.yaml", "--dry-run").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void planModeCommandsChangeNothingWithoutApprove() {
        assertThat(one("upgrade", "cluster", "--name", "prod-eks").verb()).isEqualTo(Verb.READ);
        assertThat(one("upgrade", "cluster", "--name", "prod-eks", "--approve").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("create", "iamserviceaccount", "--cluster", "prod-eks", "--name", "s3-reader",
                "--attach-policy-arn", "arn:aws:iam::aws:policy/AmazonS3FullAccess", "--approve").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("create", "iamidentitymapping", "--cluster", "prod-eks", "--arn", "arn:aws:iam::1:role/x",
                "--group", "system:masters").verb()).isEqualTo(Verb.GRANT);
    }

    @Test
    void addonsAndPermissionChangesAreNamedByName() {
        Operation addon = one("delete", "addon", "--name", "aws-ebs-csi-driver", "--cluster", "prod-eks");
        assertThat(addon.resource().name()).isEqualTo("aws-ebs-csi-driver");
        assertThat(addon.resource().locator("cluster")).isEqualTo("prod-eks");
        assertThat(one("delete", "iamserviceaccount", "--cluster", "prod-eks", "--name", "x").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("utils", "associate-iam-oidc-provider", "--cluster", "prod-eks", "--approve").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("utils", "update-cluster-logging", "--cluster", "prod-eks").verb()).isEqualTo(Verb.READ);
    }
}
