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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubectlRecognizerTest {

    private final KubectlRecognizer recognizer = new KubectlRecognizer();
    private final List<String> nestedCalls = new ArrayList<>();
    private final Nested nested = new Nested() {
        @Override
        public List<Operation> shell(String command, Invocation parent) {
            nestedCalls.add(command);
            return List.of();
        }

        @Override
        public List<Operation> sql(String sql, String dialect, Invocation parent) {
            nestedCalls.add(sql);
            return List.of();
        }
    };

    private List<Operation> ops(String... args) {
        return recognizer.recognize(Invocation.of("kubectl", args), nested);
    }

    private Operation one(String... args) {
        List<Operation> ops = ops(args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void handlesKubectlOcAndTheKAlias() {
        assertThat(recognizer.programs()).contains("kubectl", "oc", "k");
    }

    @Test
    void readsAreReadsWhereverTheyGo() {
        for (String[] cmd : List.of(new String[] {"get", "pods", "-n", "payments-prod"},
                new String[] {"describe", "deploy/web"}, new String[] {"logs", "-f", "web-123", "-c", "app"},
                new String[] {"top", "nodes"}, new String[] {"explain", "pods.spec"}, new String[] {"api-resources"},
                new String[] {"version"}, new String[] {"diff", "-f", "app.yaml"}, new String[] {"auth", "can-i", "delete", "pods"},
                new String[] {"rollout", "status", "deploy/web"}, new String[] {"rollout", "history", "deployment", "web"},
                new String[] {"cluster-info", "dump"}, new String[] {"get", "secrets"})) {
            assertThat(ops(cmd)).as(String.join(" ", cmd)).allSatisfy(op -> assertThat(op.verb()).isEqualTo(Verb.READ));
        }
    }

    @Test
    void logsFollowFlagDoesNotSwallowThePodName() {
        Operation op = one("logs", "-f", "web-123");
        assertThat(op.resource().type()).isEqualTo("pod");
        assertThat(op.resource().name()).isEqualTo("web-123");
    }

    @Test
    void locatorsComeFromGlobalFlagsBeforeOrAfterTheSubcommand() {
        Operation op = one("--context", "prod-eu-1", "delete", "pod", "web-1", "-n", "payments",
                "--kubeconfig=/k/prod.yaml", "--cluster", "eks-prod", "-s", "https://api.prod:6443");
        assertThat(op.resource().locators()).containsEntry("context", "prod-eu-1").containsEntry("namespace", "payments")
                .containsEntry("kubeconfig", "/k/prod.yaml").containsEntry("cluster", "eks-prod")
                .containsEntry("server", "https://api.prod:6443");
        assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
        assertThat(op.evidence().text()).contains("delete pod web-1");
    }

    @Test
    void deletingANamespaceIsTeardownOfEverythingInIt() {
        for (String alias : List.of("ns", "namespace", "namespaces")) {
            Operation op = one("delete", alias, "payments");
            assertThat(op.verb()).isEqualTo(Verb.DELETE);
            assertThat(op.resource().type()).isEqualTo("namespace");
            assertThat(op.resource().name()).isEqualTo("payments");
            assertThat(op.scope()).isEqualTo(Scope.ALL);
            assertThat(op.stateful()).isTrue();
            assertThat(op.reversible()).isFalse();
        }
        assertThat(one("delete", "ns/payments").resource().type()).isEqualTo("namespace");
    }

    @Test
    void deletingOnePodIsScopeOneAndReversible() {
        Operation op = one("delete", "po", "web-1");
        assertThat(op.resource().type()).isEqualTo("pod");
        assertThat(op.scope()).isEqualTo(Scope.ONE);
        assertThat(op.stateful()).isFalse();
        assertThat(op.reversible()).isTrue();
        assertThat(op.confidence()).isEqualTo(Confidence.EXACT);
    }

    @Test
    void selectorsAndSeveralNamesAreMany_allAndAllNamespacesAreAll() {
        assertThat(one("delete", "pods", "-l", "app=web").scope()).isEqualTo(Scope.MANY);
        assertThat(one("delete", "pods", "--selector=app=web").scope()).isEqualTo(Scope.MANY);
        assertThat(one("delete", "pod", "a", "b").scope()).isEqualTo(Scope.MANY);
        assertThat(one("delete", "pods", "--all").scope()).isEqualTo(Scope.ALL);
        assertThat(one("delete", "pods", "-A", "--field-selector", "status.phase=Failed").scope()).isEqualTo(Scope.ALL);
        Operation all = one("delete", "all", "--all", "-n", "shop");
        assertThat(all.resource().type()).isEqualTo("all");
        assertThat(all.scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void typeSlashNameAndCommaSeparatedTypesGiveOneOperationPerType() {
        List<Operation> ops = ops("delete", "deploy/web", "svc/web");
        assertThat(ops).extracting(op -> op.resource().type()).containsExactly("deployment", "service");
        assertThat(ops).extracting(op -> op.resource().name()).containsExactly("web", "web");
        List<Operation> comma = ops("delete", "deploy,svc", "-l", "app=web");
        assertThat(comma).extracting(op -> op.resource().type()).containsExactly("deployment", "service");
        assertThat(comma).allSatisfy(op -> assertThat(op.scope()).isEqualTo(Scope.MANY));
    }

    @Test
    void persistentVolumesAndCrdsHoldData() {
        Operation pvc = one("delete", "pvc", "data-postgres-0");
        assertThat(pvc.resource().type()).isEqualTo("persistentvolumeclaim");
        assertThat(pvc.stateful()).isTrue();
        assertThat(pvc.reversible()).isFalse();
        assertThat(one("delete", "pv", "pv-1").resource().type()).isEqualTo("persistentvolume");
        Operation crd = one("delete", "crd", "certificates.cert-manager.io");
        assertThat(crd.resource().type()).isEqualTo("customresourcedefinition");
        assertThat(crd.scope()).isEqualTo(Scope.ALL);
        assertThat(crd.stateful()).isTrue();
    }

    @Test
    void forceDeleteIsIrreversibleAndSaysWhy() {
        Operation op = one("delete", "pod", "web-1", "--force", "--grace-period=0");
        assertThat(op.reversible()).isFalse();
        assertThat(op.note()).contains("--force");
    }

    @Test
    void manifestsAreInferredAndDirectoriesAreMany() {
        Operation file = one("delete", "-f", "app.yaml");
        assertThat(file.resource().type()).isEqualTo("manifest");
        assertThat(file.resource().name()).isEqualTo("app.yaml");
        assertThat(file.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(file.scope()).isEqualTo(Scope.ONE);
        assertThat(one("apply", "-f", "k8s/").scope()).isEqualTo(Scope.MANY);
        assertThat(one("apply", "-f", "a.yaml", "-f", "b.yaml").scope()).isEqualTo(Scope.MANY);
        assertThat(one("apply", "-k", "overlays/prod").resource().type()).isEqualTo("kustomization");
    }

    @Test
    void manifestOnStdinIsTypedByItsKinds() {
        Invocation inv = new Invocation("kubectl", List.of(Arg.of("delete"), Arg.of("-f"), Arg.of("-")), Map.of(),
                Workspace.of("/home/dev/project"), Evidence.text("kubectl delete -f -"),
                Optional.of("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n"), Map.of());
        Operation op = recognizer.recognize(inv, nested).getFirst();
        assertThat(op.resource().type()).isEqualTo("namespace");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void applyUpdates_pruneAlsoDeletes_dryRunOnlyReads() {
        Operation apply = one("apply", "-f", "deploy.yaml");
        assertThat(apply.verb()).isEqualTo(Verb.UPDATE);
        List<Operation> prune = ops("apply", "-f", "k8s/", "--prune", "-l", "app=web");
        assertThat(prune).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.DELETE);
        assertThat(prune.get(1).scope()).isEqualTo(Scope.MANY);
        assertThat(one("apply", "-f", "deploy.yaml", "--dry-run=server").verb()).isEqualTo(Verb.READ);
        assertThat(one("apply", "--dry-run=client", "-f", "deploy.yaml").verb()).isEqualTo(Verb.READ);
        assertThat(one("delete", "ns", "payments", "--dry-run=client").verb()).isEqualTo(Verb.READ);
        assertThat(one("apply", "-f", "deploy.yaml", "--dry-run=none").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void replaceForceDeletesAndRecreates() {
        assertThat(one("replace", "-f", "deploy.yaml").verb()).isEqualTo(Verb.UPDATE);
        Operation force = one("replace", "--force", "-f", "deploy.yaml");
        assertThat(force.verb()).isEqualTo(Verb.REPLACE);
        assertThat(force.stateful()).isTrue();
    }

    @Test
    void createMakesObjects_rbacGrants_tokensAreCredentials() {
        Operation deploy = one("create", "deployment", "web", "--image=nginx");
        assertThat(deploy.verb()).isEqualTo(Verb.CREATE);
        assertThat(deploy.resource().type()).isEqualTo("deployment");
        assertThat(deploy.resource().name()).isEqualTo("web");
        Operation secret = one("create", "secret", "generic", "db-pass", "--from-literal=password=x");
        assertThat(secret.verb()).isEqualTo(Verb.CREATE);
        assertThat(secret.resource().name()).isEqualTo("db-pass");
        Operation binding = one("create", "clusterrolebinding", "agent-admin", "--clusterrole=cluster-admin",
                "--serviceaccount=default:agent");
        assertThat(binding.verb()).isEqualTo(Verb.GRANT);
        assertThat(binding.resource().type()).isEqualTo("clusterrolebinding");
        assertThat(binding.note()).contains("cluster-admin");
        assertThat(one("create", "rolebinding", "x", "--role=edit", "--user=bob").verb()).isEqualTo(Verb.GRANT);
        Operation token = one("create", "token", "deployer", "-n", "ci");
        assertThat(token.verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(token.resource().name()).isEqualTo("deployer");
        assertThat(one("create", "ns", "feature-x").resource().type()).isEqualTo("namespace");
        assertThat(one("create", "-f", "job.yaml").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("expose", "deploy", "web", "--port=80").resource().type()).isEqualTo("service");
    }

    @Test
    void secretsWithTheirDataAreCredentials() {
        assertThat(one("get", "secret", "db-pass", "-o", "yaml").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("get", "secrets", "-o=json").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("get", "secret/db-pass", "-ojsonpath={.data.password}").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("get", "secrets", "-o", "wide").verb()).isEqualTo(Verb.READ);
        assertThat(one("get", "secret", "db-pass").verb()).isEqualTo(Verb.READ);
        assertThat(one("get", "configmap", "cfg", "-o", "yaml").verb()).isEqualTo(Verb.READ);
        // describe prints an Opaque secret's key names and sizes; a service-account token's value in full
        assertThat(one("describe", "secret", "db-pass").verb()).isEqualTo(Verb.READ);
        assertThat(one("describe", "secret", "deployer-token-x7k2p").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("config", "view", "--raw").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("config", "view").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void impersonationAddsAnEscalation() {
        List<Operation> ops = ops("get", "pods", "--as", "system:admin");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.READ, Verb.ESCALATE);
        assertThat(ops.get(1).resource().name()).isEqualTo("system:admin");
        assertThat(ops("delete", "pod", "x", "--as-group=system:masters")).extracting(Operation::verb)
                .containsExactly(Verb.DELETE, Verb.ESCALATE);
    }

    @Test
    void changesToObjects() {
        for (String[] cmd : List.of(new String[] {"patch", "deploy", "web", "-p", "{\"spec\":{}}"},
                new String[] {"edit", "deploy/web"}, new String[] {"label", "pods", "web-1", "tier=fe"},
                new String[] {"annotate", "deploy", "web", "note=x", "--overwrite"},
                new String[] {"set", "image", "deploy/web", "app=nginx:1.27"}, new String[] {"taint", "nodes", "n1", "k=v:NoSchedule"},
                new String[] {"cordon", "n1"}, new String[] {"uncordon", "n1"}, new String[] {"rollout", "restart", "deploy/web"},
                new String[] {"rollout", "undo", "deployment/web", "--to-revision=2"}, new String[] {"scale", "deploy/web", "--replicas=3"})) {
            List<Operation> ops = ops(cmd);
            assertThat(ops).as(String.join(" ", cmd)).isNotEmpty()
                    .allSatisfy(op -> assertThat(op.verb()).isEqualTo(Verb.UPDATE));
        }
        Operation label = one("label", "pods", "web-1", "tier=fe");
        assertThat(label.resource().name()).isEqualTo("web-1");
        assertThat(one("taint", "nodes", "n1", "k=v:NoSchedule").resource().type()).isEqualTo("node");
    }

    @Test
    void drainEvictsEveryPod_scaleToZeroSaysSo() {
        Operation drain = one("drain", "node-1", "--ignore-daemonsets", "--delete-emptydir-data");
        assertThat(drain.verb()).isEqualTo(Verb.UPDATE);
        assertThat(drain.resource().type()).isEqualTo("node");
        assertThat(drain.resource().name()).isEqualTo("node-1");
        assertThat(drain.scope()).isEqualTo(Scope.MANY);
        assertThat(drain.stateful()).isTrue();
        Operation zero = one("scale", "deployment", "web", "--replicas=0");
        assertThat(zero.verb()).isEqualTo(Verb.UPDATE);
        assertThat(zero.reversible()).isTrue();
        assertThat(zero.note()).contains("zero");
    }

    @Test
    void execAndFriendsExecuteInAPod() {
        Operation exec = one("exec", "-it", "web-1", "-c", "app", "--", "rm", "-rf", "/data");
        assertThat(exec.verb()).isEqualTo(Verb.EXECUTE);
        assertThat(exec.resource().type()).isEqualTo("pod");
        assertThat(exec.resource().name()).isEqualTo("web-1");
        assertThat(one("exec", "deploy/web", "--", "ls").resource().type()).isEqualTo("deployment");
        // cp out of a pod reads its files there and writes the copy here; into a pod it changes the pod's files
        List<Operation> out = ops("cp", "payments/web-1:/var/log/app.log", "./app.log");
        assertThat(out).hasSize(2);
        Operation cp = out.getFirst();
        assertThat(cp.verb()).isEqualTo(Verb.READ);
        assertThat(cp.resource().name()).isEqualTo("web-1");
        assertThat(cp.resource().locator("namespace")).isEqualTo("payments");
        assertThat(out.get(1).verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("cp", "./fix.py", "payments/web-1:/app/fix.py").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("port-forward", "svc/web", "8080:80").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("debug", "node/n1", "-it", "--image=busybox").note()).contains("node");
        assertThat(one("attach", "web-1").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("proxy").verb()).isEqualTo(Verb.EXECUTE);
    }

    @Test
    void runCreatesAPod_attachedItExecutes_privilegedItEscalates() {
        assertThat(one("run", "web", "--image=nginx").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("run", "tmp", "--rm", "-it", "--image=busybox", "--", "sh").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("run", "x", "--image=alpine", "--overrides={\"spec\":{\"hostPID\": true}}").verb())
                .isEqualTo(Verb.ESCALATE);
        assertThat(one("run", "web", "--image=nginx", "--dry-run=client", "-o", "yaml").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void kubeconfigEditsAreLocal() {
        Operation use = one("config", "use-context", "prod-eu-1");
        assertThat(use.verb()).isEqualTo(Verb.UPDATE);
        assertThat(use.environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("config", "set-context", "--current", "--namespace=payments").environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("config", "get-contexts").verb()).isEqualTo(Verb.READ);
        assertThat(one("config", "delete-context", "old").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void certificateApprovalGrantsAnIdentity() {
        Operation op = one("certificate", "approve", "csr-abc");
        assertThat(op.verb()).isEqualTo(Verb.GRANT);
        assertThat(op.resource().type()).isEqualTo("certificatesigningrequest");
        assertThat(op.resource().name()).isEqualTo("csr-abc");
    }

    @Test
    void dynamicWordsAreReadTheStrictWay() {
        Invocation verb = new Invocation("kubectl", List.of(new Arg("$ACTION", false, false, Evidence.NONE),
                Arg.of("ns"), Arg.of("payments")), Map.of(), Workspace.of("/w"), Evidence.NONE, Optional.empty(), Map.of());
        assertThat(recognizer.recognize(verb, nested).getFirst().confidence()).isEqualTo(Confidence.OPAQUE);
        Invocation kind = new Invocation("kubectl", List.of(Arg.of("delete"), new Arg("$KIND", false, false, Evidence.NONE),
                Arg.of("x")), Map.of(), Workspace.of("/w"), Evidence.NONE, Optional.empty(), Map.of());
        Operation op = recognizer.recognize(kind, nested).getFirst();
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
    }

    @Test
    void openShiftSpecifics() {
        Invocation delete = Invocation.of("oc", "delete", "project", "payments-prod");
        Operation op = recognizer.recognize(delete, nested).getFirst();
        assertThat(op.resource().type()).isEqualTo("namespace");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(recognizer.recognize(Invocation.of("oc", "adm", "policy", "add-cluster-role-to-user",
                "cluster-admin", "alice"), nested).getFirst().verb()).isEqualTo(Verb.GRANT);
        assertThat(recognizer.recognize(Invocation.of("oc", "whoami", "-t"), nested).getFirst().verb())
                .isEqualTo(Verb.CREDENTIAL);
        assertThat(recognizer.recognize(Invocation.of("oc", "login", "https://api.prod:6443", "-u", "kubeadmin"), nested)
                .getFirst().verb()).isEqualTo(Verb.ESCALATE);
    }

    @Test
    void unknownPluginsAreUnknownNotSilent() {
        Operation op = one("neat-destroyer", "everything");
        assertThat(op.verb()).isEqualTo(Verb.UNKNOWN);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(nestedCalls).isEmpty();
    }

    @Test
    void namesFromCommandSubstitutionMayBeMany() {
        Invocation inv = new Invocation("kubectl", List.of(Arg.of("delete"), Arg.of("pods"),
                new Arg("$(kubectl get pods -o name)", false, false, Evidence.NONE)), Map.of(), Workspace.of("/w"),
                Evidence.NONE, Optional.empty(), Map.of());
        Operation op = recognizer.recognize(inv, nested).getFirst();
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void kubectxAndKubensSwitchTheLocalKubeconfig() {
        Operation use = recognizer.recognize(Invocation.of("kubectx", "prod-eu-1"), nested).getFirst();
        assertThat(use.verb()).isEqualTo(Verb.UPDATE);
        assertThat(use.environment()).isEqualTo(Tier.LOCAL);
        assertThat(recognizer.recognize(Invocation.of("kubens"), nested).getFirst().verb()).isEqualTo(Verb.READ);
        assertThat(recognizer.recognize(Invocation.of("kubectx", "-d", "old"), nested).getFirst().verb()).isEqualTo(Verb.DELETE);
        assertThat(one("ctx", "staging").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void secretsAmongOtherTypesAreTheOnlyCredential() {
        assertThat(ops("get", "deploy,secret", "-o", "yaml")).extracting(Operation::verb)
                .containsExactly(Verb.READ, Verb.CREDENTIAL);
    }

    @Test
    void patchingABindingIsAGrant() {
        assertThat(one("patch", "clusterrolebinding", "admins", "--type=json", "-p", "[]").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("set", "subject", "rolebinding/admin", "--user=eve").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("auth", "reconcile", "-f", "rbac.yaml").verb()).isEqualTo(Verb.GRANT);
    }

    @Test
    void theCommandOfRunAndDebugIsAnalyzedInsideThePod() {
        List<Operation> ops = ops("run", "x", "--rm", "-i", "--image=postgres", "-n", "payments", "--",
                "psql", "-h", "db.prod", "-c", "DROP TABLE users");
        assertThat(ops.getFirst().verb()).isEqualTo(Verb.EXECUTE);
        assertThat(nestedCalls).containsExactly("psql -h db.prod -c 'DROP TABLE users'");
        ops("debug", "web-1", "-it", "--image=busybox", "--", "sh", "-c", "rm -rf /data");
        assertThat(nestedCalls).last().isEqualTo("sh -c 'rm -rf /data'");
        ops("run", "web", "--image=nginx");
        assertThat(nestedCalls).hasSize(2);
    }

    @Test
    void secretTemplatesRevealData() {
        assertThat(one("get", "secret", "db", "--template={{.data.password}}").verb()).isEqualTo(Verb.CREDENTIAL);
    }
}
