package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * containers/kubernetes-mcp-server, Flux159/mcp-server-kubernetes and awslabs' EKS server: each call becomes the
 * kubectl or helm command line it stands for, judged by the same recognizers (namespaces, clusters, exec, teardown);
 * manifests in arguments are read object by object.
 */
final class KubernetesTools {

    private KubernetesTools() {
    }

    static final ToolFamily FAMILY = new ToolFamily("kubernetes", c -> true, Map.ofEntries(
            Map.entry("resources_delete", c -> kubectl(c, "delete", c.text("kind"), c.text("name"))),
            Map.entry("resources_create_or_update", c -> manifest(c, c.text("resource", "manifest", "yaml"), "apply")),
            // without a scale the server only reports the current replica count
            Map.entry("resources_scale", c -> c.text("scale", "replicas").isEmpty() ? kubectl(c, "get", c.text("kind"), c.text("name"))
                    : kubectl(c, "scale", c.text("kind") + "/" + c.text("name"), "--replicas=" + c.text("scale", "replicas"))),
            Map.entry("pods_delete", c -> kubectl(c, "delete", "pod", c.text("name"))),
            Map.entry("pods_exec", c -> exec(c)),
            Map.entry("exec_in_pod", c -> exec(c)),
            Map.entry("pods_run", c -> kubectl(c, "run", c.text("name").isEmpty() ? "pod" : c.text("name"), "--image=" + c.text("image"))),
            Map.entry("helm_install", c -> helm(c, "install", c.text("name"), c.text("chart"))),
            Map.entry("install_helm_chart", c -> helm(c, "install", c.text("name"), c.text("chart"))),
            Map.entry("upgrade_helm_chart", c -> helm(c, "upgrade", c.text("name"), c.text("chart"))),
            Map.entry("helm_uninstall", c -> helm(c, "uninstall", c.text("name"), "")),
            Map.entry("uninstall_helm_chart", c -> helm(c, "uninstall", c.text("name"), "")),
            Map.entry("kubectl_delete", c -> kubectlDelete(c)),
            Map.entry("kubectl_apply", c -> manifestOrFile(c, "apply")),
            Map.entry("kubectl_create", c -> manifestOrFile(c, "create")),
            Map.entry("kubectl_patch", c -> kubectl(c, "patch", c.text("resourceType"), c.text("name"), "-p", patch(c))),
            Map.entry("kubectl_scale", c -> kubectl(c, "scale", type(c, "deployment") + "/" + c.text("name"), "--replicas=" + c.text("replicas"))),
            Map.entry("kubectl_rollout", c -> kubectl(c, "rollout", c.text("subCommand"), type(c, "deployment") + "/" + c.text("name"))),
            Map.entry("kubectl_generic", c -> generic(c)),
            Map.entry("node_management", c -> kubectl(c, c.text("operation"), "node", c.text("nodeName", "name"))),
            Map.entry("manage_k8s_resource", c -> managed(c)),
            Map.entry("apply_yaml", c -> manifestOrFile(c, c.flag("force") ? "replace" : "apply")),
            Map.entry("manage_eks_stacks", c -> eksStack(c)),
            // Reads, as the kubectl commands they are (so a read of a Secret is still a credential read).
            Map.entry("pods_list", c -> kubectl(c, "get", "pods")),
            Map.entry("pods_list_in_namespace", c -> kubectl(c, "get", "pods")),
            Map.entry("pods_get", c -> kubectl(c, "get", "pod", c.text("name"))),
            Map.entry("pods_log", c -> kubectl(c, "logs", c.text("name"))),
            Map.entry("pods_top", c -> kubectl(c, "top", "pods")),
            Map.entry("resources_list", c -> get(c, c.text("kind"), "")),
            Map.entry("resources_get", c -> get(c, c.text("kind"), c.text("name"))),
            Map.entry("events_list", c -> kubectl(c, "get", "events")),
            Map.entry("namespaces_list", c -> kubectl(c, "get", "namespaces")),
            Map.entry("nodes_top", c -> kubectl(c, "top", "nodes")),
            Map.entry("helm_list", c -> helm(c, "list", "", "")),
            Map.entry("configuration_view", c -> c.flag("minified") || !c.arguments().has("minified")
                    ? kubectl(c, "config", "view", "--minify") : kubectl(c, "config", "view")),
            Map.entry("kubectl_get", c -> get(c, type(c, "pods"), c.text("name"))),
            Map.entry("kubectl_describe", c -> kubectl(c, "describe", type(c, "pods"), c.text("name"))),
            Map.entry("kubectl_logs", c -> kubectl(c, "logs", c.text("name"))),
            Map.entry("kubectl_context", c -> c.text("operation").equals("set")
                    ? kubectl(c, "config", "use-context", c.text("name")) : kubectl(c, "config", "get-contexts")),
            Map.entry("explain_resource", c -> kubectl(c, "explain", c.text("resource"))),
            Map.entry("list_api_resources", c -> kubectl(c, "api-resources")),
            Map.entry("port_forward", c -> kubectl(c, "port-forward", c.text("resourceType", "type") + "/" + c.text("resourceName", "name"),
                    c.text("localPort") + ":" + c.text("targetPort")))));

    /** A get through a server returns whole objects: a Secret's data included, as {@code kubectl get secret -o yaml} would. */
    private static List<Operation> get(McpCall c, String kind, String name) {
        boolean secret = kind.toLowerCase(java.util.Locale.ROOT).startsWith("secret");
        return secret ? kubectl(c, "get", kind, name, "-o", "yaml") : kubectl(c, "get", kind, name);
    }

    private static String type(McpCall c, String fallback) {
        String t = c.text("resourceType", "kind");
        return t.isEmpty() ? fallback : t;
    }

    /** {@code kubectl VERB ARGS… [-n NS] [--context C]}, judged by the kubectl recognizer. */
    static List<Operation> kubectl(McpCall c, String... words) {
        List<String> argv = new ArrayList<>(List.of("kubectl"));
        for (String w : words) {
            if (!w.isEmpty()) {
                argv.add(w);
            }
        }
        scope(c, argv);
        return c.analyses().shell(Shell.join(argv));
    }

    private static void scope(McpCall c, List<String> argv) {
        String namespace = c.text("namespace");
        if (!namespace.isEmpty()) {
            argv.add("-n");
            argv.add(namespace);
        }
        String context = c.text("context");
        if (!context.isEmpty()) {
            argv.add("--context");
            argv.add(context);
        }
    }

    private static List<Operation> kubectlDelete(McpCall c) {
        List<String> argv = new ArrayList<>(List.of("kubectl", "delete", type(c, "")));
        if (!c.text("name").isEmpty()) {
            argv.add(c.text("name"));
        }
        if (!c.text("labelSelector").isEmpty()) {
            argv.add("-l");
            argv.add(c.text("labelSelector"));
        }
        if (c.flag("allNamespaces")) {
            argv.add("--all-namespaces");
        }
        if (c.flag("force")) {
            argv.add("--force");
        }
        if (!c.text("manifest").isEmpty()) {
            return manifest(c, c.text("manifest"), "delete");
        }
        scope(c, argv);
        return c.analyses().shell(Shell.join(argv));
    }

    private static List<Operation> exec(McpCall c) {
        List<String> argv = new ArrayList<>(List.of("kubectl", "exec", c.text("name", "pod", "podName")));
        if (!c.text("container").isEmpty()) {
            argv.add("-c");
            argv.add(c.text("container"));
        }
        scope(c, argv);
        argv.add("--");
        List<String> command = c.texts("command");
        if (command.size() == 1 && command.getFirst().contains(" ")) {
            // One string: a command line, run by a shell in the container.
            argv.addAll(List.of("sh", "-c", command.getFirst()));
        } else {
            argv.addAll(command);
        }
        return c.analyses().shell(Shell.join(argv));
    }

    private static List<Operation> helm(McpCall c, String verb, String release, String chart) {
        List<String> argv = new ArrayList<>(List.of("helm", verb, release));
        if (!chart.isEmpty()) {
            argv.add(chart);
        }
        String namespace = c.text("namespace");
        if (!namespace.isEmpty()) {
            argv.addAll(List.of("-n", namespace));
        }
        String context = c.text("context");
        if (!context.isEmpty()) {
            argv.addAll(List.of("--kube-context", context)); // helm's name for kubectl's --context
        }
        return c.analyses().shell(Shell.join(argv));
    }

    /** {@code kubectl_generic}: command, subCommand, resourceType, name, flags {k: v}, args [...]. */
    private static List<Operation> generic(McpCall c) {
        String command = c.text("command").strip();
        if (command.indexOf(' ') > 0 && c.text("subCommand").isEmpty() && c.text("resourceType").isEmpty()) {
            // some servers take the whole command line in `command`, with or without the leading "kubectl"
            String line = command.startsWith("kubectl ") ? command : "kubectl " + command;
            List<String> rest = new ArrayList<>(c.texts("args"));
            scope(c, rest);
            return c.analyses().shell(rest.isEmpty() ? line : line + " " + Shell.join(rest));
        }
        List<String> argv = new ArrayList<>(List.of("kubectl", c.text("command")));
        for (String part : List.of(c.text("subCommand"), c.text("resourceType"), c.text("name"))) {
            if (!part.isEmpty()) {
                argv.add(part);
            }
        }
        JsonNode flags = c.arguments().path("flags");
        flags.properties().forEach(e -> {
            String v = e.getValue().asText("");
            argv.add("--" + e.getKey() + (v.isEmpty() || v.equals("true") ? "" : "=" + v));
        });
        argv.addAll(c.texts("args"));
        scope(c, argv);
        return c.analyses().shell(Shell.join(argv));
    }

    /** awslabs EKS: {@code manage_k8s_resource(operation=create|replace|patch|delete|read, kind, name, namespace)}. */
    private static List<Operation> managed(McpCall c) {
        String operation = c.text("operation");
        return switch (operation) {
            case "read" -> kubectl(c, "get", c.text("kind"), c.text("name"));
            case "delete" -> kubectl(c, "delete", c.text("kind"), c.text("name"));
            case "patch" -> kubectl(c, "patch", c.text("kind"), c.text("name"), "-p", patch(c));
            case "create", "replace" -> !c.text("body").isEmpty() ? manifest(c, c.text("body"), operation)
                    : kubectl(c, operation, c.text("kind"), c.text("name"));
            default -> List.of(c.opaque("unknown manage_k8s_resource operation '" + operation + "'"));
        };
    }

    /** awslabs EKS: {@code manage_eks_stacks(operation=generate|deploy|describe|delete, cluster_name)}. */
    private static List<Operation> eksStack(McpCall c) {
        String cluster = c.text("cluster_name");
        return switch (c.text("operation")) {
            case "describe", "generate" -> List.of(c.op("aws", Verb.READ, "stack", cluster).build());
            case "deploy" -> List.of(c.op("aws", Verb.CREATE, "cluster", cluster).locator("cluster", cluster)
                    .note("deploys the EKS cluster's CloudFormation stack").build());
            case "delete" -> List.of(c.op("aws", Verb.DELETE, "cluster", cluster).locator("cluster", cluster)
                    .scope(dev.interlock.model.Scope.ALL).stateful(true).reversible(false)
                    .note("deletes the EKS cluster's stack and everything running in it").build());
            default -> List.of(c.opaque("unknown manage_eks_stacks operation '" + c.text("operation") + "'"));
        };
    }

    private static List<Operation> manifestOrFile(McpCall c, String action) {
        String text = c.text("manifest", "yaml_content", "yaml", "body", "resource");
        if (!text.isEmpty()) {
            return manifest(c, text, action);
        }
        String file = c.text("filename", "yaml_path", "file");
        return kubectl(c, action.equals("replace") ? "replace" : action, "-f", file.isEmpty() ? "-" : file);
    }

    private static List<Operation> manifest(McpCall c, String text, String action) {
        List<Operation> ops = c.analyses().manifests(text, action);
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            Operation.Builder b = op.toBuilder().evidence(c.evidence()).locator("mcp-server", c.server());
            if (op.resource().locator("namespace").isEmpty()) {
                b.locator("namespace", c.text("namespace"));
            }
            b.locator("context", c.text("context"));
            out.add(b.build());
        }
        return out;
    }

    private static String patch(McpCall c) {
        JsonNode p = c.arguments().get("patchData");
        if (p == null) {
            p = c.arguments().get("patch");
        }
        return p == null ? "{}" : p.isTextual() ? p.asText() : p.toString();
    }
}
