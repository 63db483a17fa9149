package dev.interlock.analysis.shell.recognizers.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelmRecognizerTest {

    private final HelmRecognizer recognizer = new HelmRecognizer();
    private final Nested nested = new Nested() {
        @Override
        public List<Operation> shell(String command, Invocation parent) {
            throw new AssertionError("helm runs no nested shell: " + command);
        }

        @Override
        public List<Operation> sql(String sql, String dialect, Invocation parent) {
            throw new AssertionError("helm runs no SQL: " + sql);
        }
    };

    private Operation one(String... args) {
        List<Operation> ops = recognizer.recognize(Invocation.of("helm", args), nested);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void readsOfReleasesChartsAndRepos() {
        for (String[] cmd : List.of(new String[] {"list", "-A"}, new String[] {"ls", "-n", "payments-prod"},
                new String[] {"status", "web"}, new String[] {"get", "values", "web"}, new String[] {"history", "web"},
                new String[] {"template", "web", "./chart"}, new String[] {"lint", "./chart"},
                new String[] {"show", "values", "bitnami/postgresql"}, new String[] {"search", "repo", "nginx"},
                new String[] {"repo", "list"}, new String[] {"version"})) {
            assertThat(one(cmd).verb()).as(String.join(" ", cmd)).isEqualTo(Verb.READ);
        }
        assertThat(one("get", "values", "web").resource().name()).isEqualTo("web");
    }

    @Test
    void installCreatesAReleaseAndUpgradeUpdatesIt() {
        Operation install = one("install", "web", "./chart", "-n", "shop-staging", "--kube-context", "stg-1", "-f", "values.yaml");
        assertThat(install.verb()).isEqualTo(Verb.CREATE);
        assertThat(install.resource().type()).isEqualTo("release");
        assertThat(install.resource().name()).isEqualTo("web");
        assertThat(install.resource().locators()).containsEntry("namespace", "shop-staging").containsEntry("context", "stg-1");
        Operation upgrade = one("upgrade", "--install", "web", "./chart", "--set", "image.tag=1.2");
        assertThat(upgrade.verb()).isEqualTo(Verb.UPDATE);
        assertThat(upgrade.resource().name()).isEqualTo("web");
        assertThat(upgrade.reversible()).isTrue();
        assertThat(one("upgrade", "web", "./chart", "--force").reversible()).isFalse();
        assertThat(one("upgrade", "web", "./chart", "--dry-run").verb()).isEqualTo(Verb.READ);
        assertThat(one("install", "web", "./chart", "--dry-run=server").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void uninstallDeletesTheRelease() {
        Operation op = one("uninstall", "payments", "--namespace", "payments-prod");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("release");
        assertThat(op.resource().name()).isEqualTo("payments");
        assertThat(op.resource().locator("namespace")).isEqualTo("payments-prod");
        assertThat(op.reversible()).isFalse();
        assertThat(op.stateful()).isFalse();
        assertThat(one("delete", "a", "b").scope()).isEqualTo(Scope.MANY);
        assertThat(one("uninstall", "web", "--keep-history").reversible()).isTrue();
    }

    @Test
    void rollbackAndTest() {
        assertThat(one("rollback", "web", "3").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("test", "web").verb()).isEqualTo(Verb.EXECUTE);
    }

    @Test
    void repositoriesAndChartSourcesAreLocal() {
        Operation add = one("repo", "add", "bitnami", "https://charts.bitnami.com/bitnami");
        assertThat(add.verb()).isEqualTo(Verb.UPDATE);
        assertThat(add.environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("repo", "update").environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("dependency", "update", "./chart").environment()).isEqualTo(Tier.LOCAL);
    }

    @Test
    void contextFromThePrefixVariable() {
        Invocation inv = new Invocation("helm", Invocation.of("helm", "uninstall", "web").args(),
                Map.of("HELM_KUBECONTEXT", "prod-eu-1"), Workspace.of("/w"),
                Evidence.NONE, Optional.empty(), Map.of());
        assertThat(recognizer.recognize(inv, nested).getFirst().resource().locator("context")).isEqualTo("prod-eu-1");
    }

    @Test
    void impersonationEscalates() {
        List<Operation> ops = recognizer.recognize(Invocation.of("helm", "list", "--kube-as-user", "admin"), nested);
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.READ, Verb.ESCALATE);
    }

    @Test
    void helmSecretsDecryptIsACredentialAndWrapsOtherCommands() {
        assertThat(one("secrets", "decrypt", "secrets.prod.yaml").verb()).isEqualTo(Verb.CREDENTIAL);
        Operation upgrade = one("secrets", "upgrade", "api", "./chart", "-f", "secrets.yaml", "-n", "payments-prod");
        assertThat(upgrade.verb()).isEqualTo(Verb.UPDATE);
        assertThat(upgrade.resource().name()).isEqualTo("api");
    }

    @Test
    void releasesFromASubstitutionAreMany() {
        Invocation inv = new Invocation("helm", List.of(Arg.of("uninstall"),
                new Arg("$(helm ls -q)", false, false, Evidence.NONE)),
                Map.of(), Workspace.of("/w"), Evidence.NONE, Optional.empty(), Map.of());
        Operation op = recognizer.recognize(inv, nested).getFirst();
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }
}
