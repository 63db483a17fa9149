package dev.interlock.analysis.shell.recognizers.mesh;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service-mesh CLIs that act on a Kubernetes cluster: Istio's {@code istioctl}, Linkerd's {@code linkerd}, Kuma's
 * {@code kumactl} and Cilium's {@code cilium}. Analysis, proxy configuration and status, diagnostics and checks only look,
 * in production too. {@code istioctl install|upgrade|uninstall}, waypoint and tag changes act on the cluster directly,
 * while {@code linkerd install|upgrade|inject} only render manifests to standard output: whatever consumes them
 * ({@code | kubectl apply -f -}) is judged on its own. A rendered uninstall or prune is the removal it is made for,
 * marked {@link #RENDERED_REMOVAL}: a consumer that names its own cluster ({@code | kubectl --context kind-mesh delete -f -})
 * is judged in its place. A {@code --dry-run} only prints what would change. A printed multicluster link or remote
 * secret carries a cluster's credentials. The operations are the cluster's ({@code kubernetes}, kumactl's are its control plane's), placed by {@code --context}, so a kind cluster stays
 * a sandbox and a production one asks for a human.
 */
public final class ServiceMeshes implements Recognizer {

    /** Locator marking a removal that is only rendered here: the command that consumes it says where it lands. */
    public static final String RENDERED_REMOVAL = "rendered-removal";

    /** How one mesh CLI's commands read: longest matching command phrase wins; what no phrase names falls back. */
    private record Mesh(String type, Map<String, Verb> commands, Set<String> renders) {
    }

    private static final Map<String, Mesh> MESHES = Map.of(
            "istioctl", new Mesh("istio", phrases(Map.ofEntries(
                    Map.entry(Verb.READ, List.of("analyze", "proxy-config", "pc", "proxy-status", "ps", "version", "verify-install",
                            "precheck", "dashboard", "d", "bug-report", "describe", "manifest generate", "manifest diff", "profile",
                            "kube-inject", "validate", "v", "completion", "help", "tag list", "tag generate", "waypoint list",
                            "waypoint status", "waypoint generate", "ztunnel-config", "zc", "admin log", "x", "experimental",
                            "x precheck", "x describe", "x authz", "x waypoint list", "x waypoint status", "x waypoint generate",
                            "x ztunnel-config", "x internal-debug", "x envoy-stats", "x check-inject", "x wait", "x injector list",
                            "x revision list", "x revision describe", "x config list", "x remote-clusters", "x metrics",
                            "remote-clusters", "check-inject")),
                    Map.entry(Verb.CREATE, List.of("install", "i", "manifest install", "operator init", "waypoint apply",
                            "x waypoint apply")),
                    Map.entry(Verb.UPDATE, List.of("upgrade", "tag set", "x injector", "x config set")),
                    Map.entry(Verb.DELETE, List.of("uninstall", "x uninstall", "operator remove", "waypoint delete",
                            "x waypoint delete", "tag remove", "x revision remove")),
                    Map.entry(Verb.CREDENTIAL, List.of("create-remote-secret", "x create-remote-secret")))),
                    Set.of()),
            "linkerd", new Mesh("linkerd", phrases(Map.of(
                    Verb.READ, List.of("check", "version", "diagnostics", "diag", "viz", "jaeger", "multicluster", "mc", "authz",
                            "identity", "completion", "help", "dashboard", "install", "install-cni", "upgrade", "uninstall",
                            "inject", "uninject", "prune", "profile", "viz install", "viz uninstall", "jaeger install",
                            "jaeger uninstall", "multicluster install", "multicluster uninstall", "multicluster unlink",
                            "mc unlink", "viz prune", "jaeger prune", "multicluster prune"),
                    Verb.CREDENTIAL, List.of("multicluster link", "mc link", "multicluster link-gen", "mc link-gen"))),
                    Set.of("install", "install-cni", "upgrade", "uninstall", "inject", "uninject", "prune", "profile", "unlink")),
            "kumactl", new Mesh("kuma", phrases(Map.of(
                    Verb.READ, List.of("get", "inspect", "inspect dataplane", "version", "completion", "help", "config view",
                            "config control-planes list", "install control-plane", "install crds", "install observability",
                            "generate", "install", "config"),
                    // the transparent proxy is this machine's iptables rules
                    Verb.UPDATE, List.of("apply", "install transparent-proxy", "uninstall transparent-proxy"),
                    Verb.DELETE, List.of("delete"),
                    Verb.CREDENTIAL, List.of("generate dataplane-token", "generate zone-token", "generate user-token",
                            "generate admin-token", "generate signing-key"))),
                    Set.of("install control-plane", "install crds", "install observability", "generate")),
            "cilium", new Mesh("cilium", phrases(Map.of(
                    Verb.READ, List.of("status", "version", "config view", "sysdump", "hubble port-forward", "hubble ui",
                            "clustermesh status", "help", "completion", "encryption status", "bgp peers",
                            "bgp routes", "features status"),
                    Verb.CREATE, List.of("install", "hubble enable", "clustermesh enable", "clustermesh connect", "connectivity test",
                            "connectivity perf"),
                    Verb.UPDATE, List.of("upgrade", "config set", "config delete", "clustermesh disconnect", "encryption rotate-key"),
                    Verb.DELETE, List.of("uninstall", "hubble disable", "clustermesh disable"))),
                    Set.of()));

    private static final Set<String> VALUED = Set.of("--context", "--kubeconfig", "-c", "-n", "--namespace", "-i",
            "--istioNamespace", "--istio-namespace", "-o", "--output", "-r", "--revision", "--set", "-s", "-f", "--filename",
            "--for", "--name", "--port", "--fqdn", "--direction", "--subset", "--cluster", "-l", "--selector", "--proxy-admin-port",
            "--linkerd-namespace", "-L", "--api-addr", "--type", "--mesh", "-m", "--log-level", "--level", "--wait",
            "--timeout", "--verbosity", "--cluster-name", "--gateway-addresses", "--tag", "--helm-set", "--version",
            "--chart-directory", "--include", "--exclude", "--test", "--datapath-mode", "--destination-context");

    private static Map<String, Verb> phrases(Map<Verb, List<String>> byVerb) {
        Map<String, Verb> table = new java.util.HashMap<>();
        byVerb.forEach((verb, list) -> list.forEach(phrase -> table.put(phrase, verb)));
        return Map.copyOf(table);
    }

    @Override
    public Set<String> programs() {
        return MESHES.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Mesh mesh = MESHES.get(inv.program());
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("-h", "--help")) {
            return List.of(op(inv, mesh, p, Verb.READ, "").build());
        }
        Optional<String> phrase = longest(mesh, words);
        if (phrase.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String command = phrase.get();
        Verb verb = mesh.commands().get(command);
        if (verb == Verb.READ && command.equals("admin log") && p.has("--level", "--log-level", "--reset", "-r")) {
            verb = Verb.UPDATE; // istioctl admin log --level changes istiod's logging; without it, prints the levels
        }
        boolean renders = mesh.renders().contains(command) || mesh.renders().stream().anyMatch(r -> command.endsWith(" " + r));
        boolean dryRun = p.has("--dry-run") && !p.value("--dry-run").filter(v -> v.equals("false") || v.equals("none")).isPresent();
        if (dryRun && verb != Verb.CREDENTIAL) {
            verb = Verb.READ; // istioctl install --dry-run, kumactl apply --dry-run: printed, nothing sent to the cluster
        } else if (renders && (command.endsWith("uninstall") || command.endsWith("prune") || command.endsWith("unlink"))) {
            verb = Verb.DELETE; // the rendered list exists only to be fed to kubectl delete: judged as the removal it is
        }
        Operation.Builder b = op(inv, mesh, p, verb, words.size() > command.split(" ").length
                ? words.get(command.split(" ").length) : "");
        if (dryRun && verb == Verb.READ) {
            b.note(inv.program() + " " + command + " --dry-run only prints what would change");
        } else if (renders && verb == Verb.READ) {
            b.note(inv.program() + " " + command + " only renders manifests; what applies them is judged on its own");
        } else if (verb == Verb.CREDENTIAL) {
            b.note(inv.program() + " " + command + " prints credentials for the cluster");
        } else if (verb == Verb.DELETE) {
            boolean all = command.endsWith("uninstall") || command.endsWith("disable") || p.has("--all", "--purge");
            b.stateful(true).reversible(false).scope(all ? Scope.ALL : Scope.ONE)
                    .note(inv.program() + " " + command + " removes " + (all ? "the mesh's components from the cluster" : "mesh resources"));
            if (renders) {
                b.locator(RENDERED_REMOVAL, inv.program() + " " + command);
            }
        } else if (verb != Verb.READ) {
            b.note(inv.program() + " " + command + " changes the mesh in the cluster");
        }
        return List.of(b.build());
    }

    /** The longest command phrase (up to three words) the positional words start with. */
    private static Optional<String> longest(Mesh mesh, List<String> words) {
        for (int n = Math.min(3, words.size()); n > 0; n--) {
            String candidate = String.join(" ", words.subList(0, n));
            if (mesh.commands().containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Operation.Builder op(Invocation inv, Mesh mesh, ParsedArgs p, Verb verb, String name) {
        // kumactl talks to Kuma's control plane, whose --context is kumactl's own, not a kube context; without a named
        // context or kubeconfig the cluster is whichever is current, so a change there is not taken for a sandbox's
        boolean kube = !inv.program().equals("kumactl") && (p.has("--context") || inv.env().containsKey("KUBECONFIG"));
        Operation.Builder b = Operation.builder(kube ? "kubernetes" : mesh.type(), verb).resource(mesh.type(), name).confidence(Confidence.EXACT)
                .evidence(inv.evidence());
        p.value("--context").filter(c -> kube).ifPresent(c -> b.locator("context", c));
        p.value("-n", "--namespace").ifPresent(ns -> b.locator("namespace", ns));
        inv.locators().forEach(b::locator);
        return b;
    }
}
