package dev.interlock.analysis.shell.recognizers.innerloop;

import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.cluster;
import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.clusterWide;
import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.machine;
import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.many;
import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.same;
import static dev.interlock.analysis.shell.recognizers.innerloop.InnerLoopTool.table;

import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inner-loop CLIs' commands. Rendering, diffing, linting, listing and status only look (in production too); builds,
 * project set-up and the CLI's own session change only this machine; deploying, syncing and dev loops change what runs
 * in the cluster; purges, cleanups, downs and destroys delete what the tool deployed; taking over a workload's traffic
 * or running local code as a workload executes in that cluster.
 */
final class InnerLoopTools {

    private InnerLoopTools() {
    }

    private static final Set<String> KUBE_VALUED = Set.of("--kube-context", "--context", "--kubeconfig", "-n", "--namespace",
            "-p", "--profile", "-f", "--filename", "--file", "-e", "--env", "--environment", "-l", "--selector", "--timeout",
            "-o", "--output", "--var", "--set", "--values", "--state-values-set", "--state-values-file", "--output-dir",
            "--output-dir-template", "-m", "--module", "--default-repo", "-d", "--tag", "-t", "--target", "--port",
            "--target-namespace", "--agent-namespace", "-a", "--config-file", "--mechanism", "--docker-run", "--env-file",
            "--env-json", "--mount", "--host", "--digest-source", "--file-output", "--build-artifacts", "-i", "--images",
            "--skip-deploys", "--pipeline", "--log-level", "--workload", "--container", "-c", "--name", "--args",
            "--concurrency", "--config", "--cascade", "--deletion-propagation", "--detailed-exitcode", "--context-lines", "--build-concurrency");

    private static final InnerLoopTool SKAFFOLD = new InnerLoopTool("kubernetes", "application", table(
            same(cluster(Verb.READ, "skaffold renders, inspects or checks locally"), "render", "diagnose", "inspect", "schema",
                    "version", "completion", "help", "survey", "credits", "lint", "filter", "fix", "config list"),
            same(machine(Verb.CREATE, "skaffold builds images on this machine"), "build"),
            same(machine(Verb.UPDATE, "skaffold changes only its configuration on this machine"), "init", "config set",
                    "config unset", "test"),
            same(cluster(Verb.UPDATE, "deploys the project's manifests to the cluster"), "run", "deploy", "apply"),
            same(cluster(Verb.UPDATE, "deploys dev builds to the cluster on every change (and deletes them on exit)"), "dev", "debug"),
            same(cluster(Verb.EXECUTE, "runs the project's verification or custom actions in the cluster"), "verify", "exec"),
            same(many(Verb.DELETE, "deletes every resource the project deployed"), "delete")),
            KUBE_VALUED, List.of("--kube-context"), List.of("-n", "--namespace"), List.of("-p", "--profile"),
            Map.of("SKAFFOLD_KUBE_CONTEXT", "context", "SKAFFOLD_NAMESPACE", "namespace", "SKAFFOLD_PROFILE", "environment"));

    private static final InnerLoopTool TILT = new InnerLoopTool("kubernetes", "application", table(
            same(cluster(Verb.READ, "tilt only reads its session"), "get", "describe", "logs", "version", "doctor", "dump",
                    "explain", "api-resources", "wait", "verify-install", "help", "completion", "snapshot"),
            same(machine(Verb.UPDATE, "tilt changes only its own session's objects on this machine"), "args", "create", "apply",
                    "patch", "edit", "delete", "demo", "docker", "alpha"),
            same(cluster(Verb.UPDATE, "deploys the Tiltfile's resources to the current kube context"), "up", "ci", "trigger",
                    "enable", "disable"),
            same(many(Verb.DELETE, "deletes every resource the Tiltfile deployed"), "down")),
            KUBE_VALUED, List.of("--context"), List.of("--namespace"), List.of(), Map.of());

    private static final InnerLoopTool DEVSPACE = new InnerLoopTool("kubernetes", "application", table(
            same(cluster(Verb.READ, "devspace only prints or reads"), "print", "analyze", "logs", "list", "status", "ui", "open",
                    "version", "help", "completion", "render"),
            same(machine(Verb.UPDATE, "devspace changes only its configuration or images on this machine"), "init", "add",
                    "remove", "use", "set", "save", "upgrade", "cleanup", "update", "build", "reset vars", "run"),
            same(cluster(Verb.UPDATE, "deploys to the cluster"), "dev", "deploy", "run-pipeline", "sync", "restart", "reset pods",
                    "reset"),
            same(cluster(Verb.EXECUTE, "opens a shell in a container in the cluster"), "enter", "attach"),
            same(many(Verb.DELETE, "deletes every deployment of the project"), "purge")),
            KUBE_VALUED, List.of("--kube-context"), List.of("-n", "--namespace"), List.of("-p", "--profile"), Map.of());

    private static final InnerLoopTool GARDEN = new InnerLoopTool("kubernetes", "application", table(
            same(cluster(Verb.READ, "garden only reads"), "get", "logs", "validate", "options", "version", "help", "serve",
                    "sync status", "plugins kubernetes cluster-info"),
            same(machine(Verb.UPDATE, "garden changes only this machine"), "login", "logout", "create", "config", "self-update",
                    "tools", "util", "link", "unlink", "update-remote", "build"),
            same(cluster(Verb.UPDATE, "deploys to the environment"), "deploy", "dev", "publish", "sync", "sync start", "sync stop",
                    "sync restart", "plugins"),
            same(clusterWide(Verb.CREATE, "installs cluster-wide services"), "plugins kubernetes cluster-init",
                    "plugins kubernetes uninstall-garden-services"),
            same(cluster(Verb.EXECUTE, "runs tests, tasks or commands in the environment"), "test", "run", "exec", "workflow"),
            same(clusterWide(Verb.DELETE, "deletes the environment's namespace and everything in it"), "cleanup namespace",
                    "cleanup env", "delete env", "delete environment"),
            same(cluster(Verb.DELETE, "removes deployed services"), "cleanup deploy", "delete service", "delete deploy")),
            KUBE_VALUED, List.of(), List.of(), List.of("--env", "-e"), Map.of("GARDEN_ENVIRONMENT", "environment"));

    private static final InnerLoopTool OKTETO = new InnerLoopTool("kubernetes", "application", table(
            same(cluster(Verb.READ, "okteto only reads"), "status", "endpoints", "logs", "version", "doctor", "help", "namespace list",
                    "ns list", "preview list", "preview endpoints", "context list", "context show", "ctx list", "ctx show",
                    "pipeline list"),
            same(machine(Verb.UPDATE, "okteto changes only this machine's configuration"), "init", "context", "ctx",
                    "context use", "ctx use", "namespace use", "ns use", "kubeconfig", "analytics", "update", "build"),
            same(cluster(Verb.UPDATE, "deploys to the namespace"), "deploy", "pipeline deploy", "preview deploy"),
            same(cluster(Verb.UPDATE, "swaps the deployment for a development container"), "up"),
            same(cluster(Verb.UPDATE, "restores the deployment a development container replaced"), "down"),
            same(cluster(Verb.CREATE, "creates a namespace"), "namespace create", "ns create"),
            same(cluster(Verb.EXECUTE, "runs a command in a container in the cluster"), "exec", "test", "ssh"),
            same(many(Verb.DELETE, "destroys what the project deployed"), "destroy", "pipeline destroy"),
            same(cluster(Verb.DELETE, "destroys a preview environment"), "preview destroy"),
            same(clusterWide(Verb.DELETE, "deletes a namespace and everything in it"), "namespace delete", "ns delete")),
            KUBE_VALUED, List.of("-c", "--context"), List.of("-n", "--namespace"), List.of(), Map.of("OKTETO_CONTEXT", "context",
            "OKTETO_NAMESPACE", "namespace"));

    private static final InnerLoopTool HELMFILE = new InnerLoopTool("helm", "release", table(
            same(cluster(Verb.READ, "helmfile renders or compares; nothing is applied"), "template", "diff", "lint", "build", "list",
                    "status", "show-dag", "version", "help", "completion", "print-env"),
            same(machine(Verb.UPDATE, "helmfile changes only charts, repositories or files on this machine"), "deps", "repos",
                    "fetch", "write-values", "init", "cache", "cache cleanup"),
            same(cluster(Verb.UPDATE, "installs or upgrades the releases in the cluster"), "apply", "sync", "charts"),
            same(cluster(Verb.EXECUTE, "runs the releases' test pods"), "test"),
            same(many(Verb.DELETE, "uninstalls the releases and every object they installed"), "destroy", "delete")),
            KUBE_VALUED, List.of("--kube-context"), List.of("-n", "--namespace"), List.of("-e", "--environment"),
            Map.of("HELMFILE_ENVIRONMENT", "environment", "HELM_KUBECONTEXT", "context"));

    private static final InnerLoopTool TELEPRESENCE = new InnerLoopTool("kubernetes", "workload", table(
            same(cluster(Verb.READ, "telepresence only looks or connects this machine to the cluster's network"), "list", "ls",
                    "status", "version", "config view", "gather-logs", "genyaml", "test-vpn", "help", "completion", "connect",
                    "helm lint"),
            // leaving ends this machine's own intercept: the workload serves its traffic again, as before the intercept
            same(cluster(Verb.READ, "ends this machine's intercept: the workload serves its own traffic again"), "leave"),
            same(machine(Verb.READ, "telepresence stops or configures only this machine's daemons"), "quit", "loglevel", "config"),
            same(cluster(Verb.UPDATE, "reroutes the workload's live traffic to this machine"), "intercept", "replace", "wiretap"),
            same(cluster(Verb.CREDENTIAL, "copies the workload's environment and mounted volumes, secrets included, to this machine"),
                    "ingest"),
            same(clusterWide(Verb.CREATE, "installs the traffic manager into the cluster"), "helm install"),
            same(clusterWide(Verb.UPDATE, "upgrades the traffic manager in the cluster"), "helm upgrade"),
            same(clusterWide(Verb.DELETE, "removes the traffic manager from the cluster"), "helm uninstall"),
            same(many(Verb.DELETE, "removes traffic agents from workloads, restarting them"), "uninstall")),
            KUBE_VALUED, List.of("--context"), List.of("-n", "--namespace"), List.of(), Map.of());

    private static final InnerLoopTool MIRRORD = new InnerLoopTool("kubernetes", "workload", table(
            same(cluster(Verb.READ, "mirrord only lists or checks"), "ls", "list", "diagnose", "verify-config", "version",
                    "completions", "help", "operator status", "operator setup", "extract"),
            same(cluster(Verb.EXECUTE, "runs local code with the target's environment, network and a copy of its traffic"),
                    "exec", "container"),
            same(many(Verb.DELETE, "ends other users' mirrord sessions"), "operator session kill", "operator session kill-all")),
            KUBE_VALUED, List.of("--context"), List.of("-n", "--target-namespace"), List.of(), Map.of());

    static final Map<String, InnerLoopTool> TOOLS = Map.of("skaffold", SKAFFOLD, "tilt", TILT, "devspace", DEVSPACE,
            "garden", GARDEN, "okteto", OKTETO, "helmfile", HELMFILE, "telepresence", TELEPRESENCE, "mirrord", MIRRORD);
}
