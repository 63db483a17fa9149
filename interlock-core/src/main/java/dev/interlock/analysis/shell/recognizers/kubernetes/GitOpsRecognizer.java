package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitOps controllers' CLIs: Argo CD ({@code argocd app sync|rollback|delete NAME}) and Flux ({@code flux reconcile|suspend|
 * delete|uninstall}). What they change is what runs in a cluster: a sync or reconcile deploys now, a rollback replaces the
 * running release with an earlier one it has deployed before (an update, as {@code helm rollback} and {@code kubectl
 * rollout undo} are), a delete (cascading by default) removes the workloads, and pruning deletes what the repository no
 * longer has. Settings of an app ({@code app set … --auto-prune}) are changes to the app, not a prune. Listing, diffing, a dry-run or previewed sync
 * and history only look; minted tokens are credentials. Argo CD apps are placed by their name (the {@code app} locator)
 * and server; Flux, and Argo CD in core mode, act on the kube context they are given, so a kind or minikube cluster
 * stays a sandbox.
 */
public final class GitOpsRecognizer implements Recognizer {

    private static final Set<String> READS = Set.of("list", "get", "diff", "history", "manifests", "logs", "resources",
            "wait", "tree", "events", "stats", "check", "export", "trace", "version", "build", "debug", "completion", "can-i",
            "get-user-info", "windows", "help", "lint", "man");
    private static final Set<String> LOCAL = Set.of("login", "logout", "context", "relogin", "version", "completion");

    /** Argo CD: what each {@code NOUN VERB} does. */
    private static final Map<String, Verb> ARGOCD = Map.ofEntries(
            Map.entry("app sync", Verb.UPDATE), Map.entry("app rollback", Verb.UPDATE), Map.entry("app delete", Verb.DELETE),
            Map.entry("app delete-resource", Verb.DELETE), Map.entry("app terminate-op", Verb.UPDATE),
            Map.entry("appset delete", Verb.DELETE), Map.entry("cluster rm", Verb.DELETE), Map.entry("repo rm", Verb.DELETE),
            Map.entry("proj delete", Verb.DELETE), Map.entry("account generate-token", Verb.CREDENTIAL),
            Map.entry("account update-password", Verb.CREDENTIAL), Map.entry("account delete-token", Verb.DELETE),
            Map.entry("proj role create-token", Verb.CREDENTIAL), Map.entry("admin initial-password", Verb.CREDENTIAL),
            Map.entry("admin export", Verb.CREDENTIAL), Map.entry("cluster add", Verb.GRANT), Map.entry("proj role add-policy", Verb.GRANT),
            Map.entry("proj role add-group", Verb.GRANT), Map.entry("proj add-destination", Verb.GRANT));

    /** Flux: what each command does to the cluster. */
    private static final Map<String, Verb> FLUX = Map.of("reconcile", Verb.UPDATE, "suspend", Verb.UPDATE, "resume", Verb.UPDATE,
            "create", Verb.UPDATE, "bootstrap", Verb.CREATE, "install", Verb.CREATE, "delete", Verb.DELETE, "uninstall", Verb.DELETE,
            "push", Verb.UPDATE, "tag", Verb.UPDATE);

    private static final Set<String> VALUED = Set.of("--server", "--auth-token", "--context", "--kube-context", "-n", "--namespace",
            "--app-namespace", "-N", "--grpc-web-root-path", "--config", "-o", "--output", "--revision", "--label", "-l", "--resource",
            "--project", "--dest-server", "--dest-namespace", "--dest-name", "--repo", "--path", "--sync-policy", "--timeout",
            "--kubeconfig", "--source", "--kind", "--group", "--selector", "-p", "--parameter", "--helm-set", "--values", "--role",
            "--expires-in", "--id", "--account", "--description", "--policy", "--group-name", "--header", "--port-forward-namespace");

    @Override
    public Set<String> programs() {
        return Set.of("argocd", "flux");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.positionals().stream().map(Arg::value).toList();
        if (words.isEmpty() || p.has("-h", "--help")) {
            return List.of(op(inv, "kubernetes".equals(system(inv)) ? "cluster" : "server", Verb.READ, "", p).build());
        }
        return inv.program().equals("flux") ? flux(inv, p, words) : argocd(inv, nested, p, words);
    }

    private static List<Operation> argocd(Invocation inv, Nested nested, ParsedArgs p, List<String> words) {
        String noun = words.getFirst();
        String verb = words.size() > 1 ? words.get(1) : "";
        if (LOCAL.contains(noun)) {
            return List.of(Operation.builder("argocd", Verb.READ).resource("session", "").evidence(inv.evidence())
                    .environment(dev.interlock.model.Tier.LOCAL, "argocd " + noun + " changes only this machine's CLI session").build());
        }
        Verb v = words.size() > 2 && ARGOCD.containsKey(noun + " " + verb + " " + words.get(2))
                ? ARGOCD.get(noun + " " + verb + " " + words.get(2)) : ARGOCD.get(noun + " " + verb);
        int nameAt = noun.equals("proj") && verb.equals("role") ? 3 : 2;
        String name = words.size() > nameAt ? words.get(nameAt) : "";
        if (v == null && READS.contains(verb)) {
            v = Verb.READ;
        }
        if (v == null && noun.equals("app") || v == null && noun.equals("appset") || v == null && noun.equals("proj")
                || v == null && noun.equals("repo") || v == null && noun.equals("cluster")) {
            v = verb.equals("create") ? Verb.CREATE : Verb.UPDATE; // set, unset, patch, edit, actions run, add-source …
        }
        if (v == null) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        if (v == Verb.UPDATE && noun.equals("app") && verb.equals("sync") && previewOnly(inv, p)) {
            Operation.Builder b = op(inv, "application", Verb.READ, name, p)
                    .note("a dry run or preview of the sync: it shows what would change and applies nothing");
            return List.of((name.isEmpty() ? b : b.locator("app", name.contains("/") ? name.substring(name.indexOf('/') + 1) : name)).build());
        }
        boolean prune = v == Verb.UPDATE && verb.equals("sync") && p.has("--prune");
        Operation.Builder b = op(inv, noun.equals("app") ? "application" : noun, prune ? Verb.DELETE : v, name, p);
        if (noun.equals("app") && !name.isEmpty()) {
            b.locator("app", name.contains("/") ? name.substring(name.indexOf('/') + 1) : name);
            // a per-PR preview app (shop-preview-pr-1287) is a throwaway deployment, not production
            DeploymentWords.development(name).ifPresent(e -> b.locator("environment", e));
        }
        // the host without its port, as the inventory and the local-server rule name hosts
        p.value("--server").map(dev.interlock.environment.Hosts::of).filter(s -> !s.isEmpty()).ifPresent(s -> b.locator("host", s));
        p.value("--kube-context").ifPresent(c -> b.locator("context", c));
        p.value("--dest-namespace").ifPresent(ns -> b.locator("namespace", ns));
        return List.of(shape(b, v, prune, verb).build());
    }

    /**
     * {@code app sync --dry-run} applies nothing; {@code --preview-changes} shows the diff and waits for a yes on standard
     * input, which an agent's shell does not give unless it feeds one.
     */
    private static boolean previewOnly(Invocation inv, ParsedArgs p) {
        boolean dryRun = p.has("--dry-run") && !"false".equals(p.value("--dry-run").orElse(""));
        boolean preview = p.has("--preview-changes") && !"false".equals(p.value("--preview-changes").orElse(""))
                && inv.stdin().isEmpty();
        return dryRun || preview;
    }

    private static List<Operation> flux(Invocation inv, ParsedArgs p, List<String> words) {
        String command = words.getFirst();
        Verb v = READS.contains(command) ? Verb.READ : FLUX.get(command);
        if (v == null) {
            v = Verb.UPDATE;
        }
        String kind = words.size() > 1 ? words.get(1) : command.equals("uninstall") ? "flux" : "";
        String name = words.size() > 2 ? words.get(2) : "";
        Operation.Builder b = op(inv, kind.isEmpty() ? "cluster" : kind, v, name, p);
        p.value("--context", "--kube-context").ifPresent(c -> b.locator("context", c));
        p.value("-n", "--namespace").ifPresent(ns -> b.locator("namespace", ns));
        if (command.equals("uninstall")) {
            b.scope(Scope.ALL).note("removes Flux and its custom resources from the cluster");
        }
        return List.of(shape(b, v, false, command).build());
    }

    private static Operation.Builder shape(Operation.Builder b, Verb v, boolean prune, String word) {
        if (v == Verb.DELETE || v == Verb.REPLACE) {
            b.stateful(true).reversible(false).scope(Scope.MANY);
        }
        if (prune) {
            b.note("sync --prune deletes every resource the repository no longer has");
        } else if (word.equals("rollback")) {
            b.note("rolls back to a revision deployed before");
        } else if (v == Verb.UPDATE && (word.equals("sync") || word.equals("reconcile"))) {
            b.note("deploys what the repository says now");
        }
        return b;
    }

    private static Operation.Builder op(Invocation inv, String type, Verb verb, String name, ParsedArgs p) {
        return Operation.builder(system(inv), verb).resource(type, name).evidence(inv.evidence()).confidence(Confidence.EXACT);
    }

    /**
     * Flux acts on the cluster of its kube context; Argo CD through its own server, except in core mode ({@code --core})
     * or when only a kube context names where (it port-forwards to the server in that cluster): then, like Flux, on the
     * cluster of that context or of the kubeconfig's current one.
     */
    private static String system(Invocation inv) {
        if (inv.program().equals("flux")) {
            return "kubernetes";
        }
        List<String> w = inv.words();
        boolean inCluster = w.contains("--core") || w.stream().anyMatch(a -> a.equals("--kube-context") || a.startsWith("--kube-context="))
                && w.stream().noneMatch(a -> a.equals("--server") || a.startsWith("--server="));
        return inCluster ? "kubernetes" : "argocd";
    }
}
