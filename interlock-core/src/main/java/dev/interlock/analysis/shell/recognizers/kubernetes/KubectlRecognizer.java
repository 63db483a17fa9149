package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.kubernetes.KubectlCall.Target;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * kubectl, OpenShift's oc and the usual {@code k} alias. Each subcommand maps to a verb; the rest is finding what it
 * acts on ({@code deploy/x}, {@code pods a b}, {@code -l app=x}, {@code -f app.yaml}) and the cluster and namespace
 * ({@code --context}, {@code -n}, {@code --kubeconfig}, {@code --server}). Impersonation ({@code --as}) is an
 * escalation on top of whatever the command does.
 */
public final class KubectlRecognizer implements Recognizer {

    /** Subcommands that only look. */
    private static final Set<String> READS = Set.of("describe", "logs", "log", "top", "explain", "api-resources",
            "api-versions", "version", "diff", "cluster-info", "events", "wait", "completion", "plugin", "options",
            "help", "kustomize", "status", "projects", "process", "convert");
    /** Subcommands that change the objects they name. */
    private static final Set<String> UPDATES = Set.of("patch", "edit", "label", "annotate", "taint", "idle",
            "import-image", "tag", "rollback", "start-build");
    /** Subcommands that run something inside the cluster or open a way into it. */
    private static final Set<String> EXECUTES = Set.of("exec", "attach", "port-forward", "debug", "rsh", "cp", "rsync");

    /** {@code app=web}, {@code app-}, {@code key=v:NoSchedule}, {@code c=nginx:1.2}: changes, not object names. */
    private static final Predicate<String> ASSIGNMENT = w -> w.contains("=") || w.contains(":") || w.endsWith("-");

    private static final Set<String> PROGRAMS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("kubectl", "oc", "k", "kubecolor", "kubectx", "kubens", "popeye"), KubectlPlugins.executables().stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Override
    public Set<String> programs() {
        return PROGRAMS;
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        KubectlCall c = KubectlCall.parse(neatGet(standalonePlugin(inv)));
        List<Operation> ops = new ArrayList<>(subcommand(c, nested));
        impersonation(c).ifPresent(ops::add);
        return ops;
    }

    /** kubectx and kubens are the ctx and ns plugins run on their own, as {@code kubectl-cnpg} is {@code kubectl cnpg}. */
    private static Invocation standalonePlugin(Invocation inv) {
        List<String> plugin = switch (inv.program()) {
            case "kubectx" -> List.of("ctx");
            case "kubens" -> List.of("ns");
            // popeye on its own is the krew plugin: a lint of the cluster (--save writes the report here)
            case "popeye" -> List.of("popeye");
            default -> inv.program().startsWith("kubectl-") ? KubectlPlugins.words(inv.program()) : List.of();
        };
        if (plugin.isEmpty()) {
            return inv;
        }
        List<Arg> args = new ArrayList<>();
        plugin.forEach(w -> args.add(Arg.of(w)));
        args.addAll(inv.args());
        return inv.withArgs(args);
    }

    /**
     * {@code kubectl neat get -- secret db -o yaml} is {@code kubectl get secret db -o yaml} with the noise removed: what
     * it prints (a secret's values too) is what that get prints.
     */
    private static Invocation neatGet(Invocation inv) {
        KubectlCall c = KubectlCall.parse(inv);
        if (!c.sub().equals("neat") || !c.word(0).equals("get")) {
            return inv;
        }
        List<Arg> unwrapped = new ArrayList<>(inv.args());
        unwrapped.remove(c.subcommand);
        unwrapped.removeIf(a -> a.value().equals("--"));
        return inv.withArgs(unwrapped);
    }

    private List<Operation> subcommand(KubectlCall c, Nested nested) {
        if (c.subcommand == null || c.help()) {
            return List.of(c.op(Verb.READ, "help", "").build());
        }
        if (!c.subcommand.literal()) {
            return List.of(c.op(Verb.UNKNOWN, "", "").confidence(Confidence.OPAQUE)
                    .note("the kubectl subcommand comes from " + c.sub()).build());
        }
        String sub = c.sub();
        if (sub.equals("describe")) {
            return reads(c, c.targets(0)).stream().map(op -> op.resource().type().equals("secret") ? describedSecret(op) : op).toList();
        }
        if (sub.equals("logs") || sub.equals("log")) {
            // logs POD [CONTAINER]: the first word is a pod unless written TYPE/NAME
            return reads(c, c.targets(0, "pod", w -> false).stream().limit(1)
                    .map(t -> new Target(t.type(), t.names().subList(0, Math.min(1, t.names().size())), t.manifest())).toList());
        }
        if (READS.contains(sub)) {
            return reads(c, c.targets(0));
        }
        if (UPDATES.contains(sub)) {
            List<Target> targets = c.targets(0, "", ASSIGNMENT);
            return c.dryRun() || c.has("--local", "--list") ? reads(c, targets) : targetOps(c, targets, Verb.UPDATE);
        }
        if (sub.equals("debug")) {
            Operation debug = execute(c);
            List<Operation> ops = new ArrayList<>(List.of(debug));
            ops.addAll(KubectlCreate.inPod(c, debug.resource().name(), nested));
            return ops;
        }
        if (sub.equals("cp") && !c.word(0).isEmpty() && !c.word(1).isEmpty()) {
            return copy(c);
        }
        if (EXECUTES.contains(sub)) {
            return List.of(execute(c));
        }
        return switch (sub) {
            case "get" -> get(c);
            case "apply" -> apply(c);
            case "create" -> KubectlCreate.create(c);
            case "replace" -> replace(c);
            case "delete" -> delete(c);
            case "set" -> set(c);
            case "scale" -> scale(c);
            case "drain", "cordon", "uncordon" -> nodes(c, sub, 0);
            case "rollout" -> rollout(c);
            case "run" -> KubectlCreate.run(c, nested);
            case "expose", "autoscale", "new-project", "new-app", "new-build" -> KubectlCreate.create(c);
            case "certificate" -> certificate(c);
            case "auth" -> c.word(0).equals("reconcile") && !c.dryRun()
                    ? targetOps(c, c.targets(1), Verb.GRANT) : reads(c, List.of());
            case "config" -> List.of(KubectlConfig.config(c));
            case "proxy" -> List.of(c.op(Verb.EXECUTE, "apiserver", "").note("opens a proxy to the cluster API").build());
            case "login", "whoami", "project", "extract", "adm", "policy", "ctx", "ns", "krew" -> KubectlConfig.special(c);
            default -> KubectlPlugins.recognize(c, nested).orElseGet(() -> List.of(c.op(Verb.UNKNOWN, "", sub)
                    .confidence(Confidence.INFERRED).note("unrecognized " + c.program + " subcommand or plugin '" + sub + "'").build()));
        };
    }

    /** A name a service account's token secret goes by ({@code default-token-x7k2p}, {@code ci-sa-secret}, {@code deployer-sa}). */
    private static final java.util.regex.Pattern TOKEN_SECRET = java.util.regex.Pattern.compile(
            "(?i).*(token|(^|[-_.])(sa|serviceaccount|service-account)([-_.]|$)).*");

    /**
     * {@code kubectl describe secret} lists key names and byte sizes, never values, except the token of a service-account
     * token secret, which it prints in full. Secrets named like one, and every secret of a namespace or selector (which
     * may include one), are credential reads; an ordinary secret by name is a read.
     */
    private static Operation describedSecret(Operation op) {
        String name = op.resource().name();
        boolean tokens = op.scope() != Scope.ONE || name.isEmpty()
                || java.util.Arrays.stream(name.split("[\\s,]+")).anyMatch(n -> TOKEN_SECRET.matcher(n).matches());
        return tokens ? op.toBuilder().verb(Verb.CREDENTIAL).note("shows a secret; a service-account token's is printed in full").build()
                : op.toBuilder().note("describes a secret: key names and sizes, not values").build();
    }

    static List<Operation> reads(KubectlCall c, List<Target> targets) {
        if (targets.isEmpty()) {
            return List.of(c.op(Verb.READ, "", "").build());
        }
        return targets.stream().map(t -> c.op(Verb.READ, t.type(), t.name()).scope(c.scope(t)).build()).toList();
    }

    /** One operation per target with the scope its names and selectors give. */
    static List<Operation> targetOps(KubectlCall c, List<Target> targets, Verb verb) {
        if (targets.isEmpty()) {
            return List.of(c.op(verb, "", "").scope(c.everything() ? Scope.ALL : Scope.MANY)
                    .confidence(Confidence.INFERRED).note("no object named").build());
        }
        List<Operation> ops = new ArrayList<>();
        for (Target t : targets) {
            // creating, changing or deleting a role or binding changes who may do what; deleting every one of them
            // stays a delete, which the teardown rules judge
            boolean grant = KubernetesTypes.rbac(t.type())
                    && (verb == Verb.CREATE || verb == Verb.UPDATE || verb == Verb.REPLACE || verb == Verb.DELETE && c.scope(t) != Scope.ALL)
                    && !c.sub().equals("label") && !c.sub().equals("annotate");
            Operation.Builder b = c.op(grant ? Verb.GRANT : verb, t.type(), t.name()).scope(c.scope(t));
            if (t.type().equals("manifest") || t.type().equals("kustomization")) {
                b.confidence(Confidence.INFERRED);
                // kubectl delete -f k8s/prod/, -k overlays/production: the directory names the environment, as for IaC tools
                String dir = t.type().equals("kustomization") ? t.name() : t.name().contains("/") ? t.name().substring(0, t.name().lastIndexOf('/')) : "";
                if (!dir.isEmpty() && !c.locators.containsKey("directory")) {
                    b.locator("directory", dir);
                }
            }
            ops.add(b.build());
        }
        return ops;
    }

    /** Secrets printed with their data ({@code -o yaml|json|jsonpath={.data…}}) are credentials; a name listing is a read. */
    private static List<Operation> get(KubectlCall c) {
        Optional<String> raw = c.flags.value("--raw");
        if (raw.isPresent()) {
            boolean secret = raw.get().contains("/secrets");
            return List.of(c.op(secret ? Verb.CREDENTIAL : Verb.READ, secret ? "secret" : "api", raw.get()).build());
        }
        String output = c.flags.value("-o", "--output").orElse("").toLowerCase(Locale.ROOT);
        boolean revealing = SecretOutputs.revealing(output, c.has("--template"));
        List<Operation> ops = new ArrayList<>();
        for (Operation op : reads(c, c.targets(0))) {
            boolean secret = op.resource().type().equals("secret");
            ops.add(secret && revealing
                    ? op.toBuilder().verb(Verb.CREDENTIAL).note("prints secret values").build() : op);
        }
        return ops;
    }

    private static List<Operation> apply(KubectlCall c) {
        String sub = c.word(0);
        if (c.dryRun() || sub.equals("view-last-applied")) {
            return reads(c, c.targets(sub.isEmpty() ? 0 : 1));
        }
        List<Operation> ops = new ArrayList<>();
        for (Operation op : targetOps(c, c.targets(sub.endsWith("-last-applied") ? 1 : 0), Verb.UPDATE)) {
            ops.add(c.has("--force") ? op.toBuilder().reversible(false)
                    .note("--force deletes and re-creates objects it cannot patch").build() : op);
        }
        if (c.has("--prune")) {
            String selector = c.flags.value("-l", "--selector").orElse("");
            ops.add(c.op(Verb.DELETE, "object", selector).scope(Scope.MANY).reversible(false)
                    .note("--prune deletes objects that are no longer in the manifests").build());
        }
        return ops;
    }

    private static List<Operation> replace(KubectlCall c) {
        if (c.dryRun()) {
            return reads(c, c.targets(0));
        }
        if (!c.has("--force")) {
            return targetOps(c, c.targets(0), Verb.UPDATE);
        }
        return targetOps(c, c.targets(0), Verb.REPLACE).stream().map(op -> op.toBuilder().stateful(true)
                .reversible(false).note("--force deletes the objects and creates them again").build()).toList();
    }

    private static List<Operation> delete(KubectlCall c) {
        if (c.dryRun()) {
            return reads(c, c.targets(0));
        }
        List<Operation> ops = new ArrayList<>();
        for (Operation op : targetOps(c, c.targets(0), Verb.DELETE)) {
            String type = op.resource().type();
            Operation.Builder b = op.toBuilder();
            List<String> notes = new ArrayList<>();
            if (KubernetesTypes.container(type)) {
                b.scope(Scope.ALL);
                notes.add(type.equals("namespace") ? "deletes every object in the namespace" : "deletes every object of this custom resource");
            }
            if (KubernetesTypes.stateful(type)) {
                b.stateful(true);
                notes.add("persistent data is lost");
            }
            if (KubernetesTypes.irreplaceable(type)) {
                b.reversible(false);
            }
            if (type.equals("all") && op.scope() == Scope.ALL) {
                notes.add("deletes every workload in the namespace");
            }
            if (type.isEmpty() || !literalType(c)) {
                b.confidence(Confidence.INFERRED).stateful(true).reversible(false);
            }
            if (c.has("--force")) {
                b.reversible(false);
                notes.add("--force removes objects without waiting for their processes to stop");
            }
            ops.add(b.note(String.join("; ", notes)).build());
        }
        return ops;
    }

    /** A type that comes from a variable ({@code delete $KIND x}) could be anything: read it the strict way. */
    private static boolean literalType(KubectlCall c) {
        return c.rest.isEmpty() || c.rest.getFirst().literal();
    }

    private static List<Operation> set(KubectlCall c) {
        String what = c.word(0);
        List<Target> targets = c.targets(1, "", ASSIGNMENT);
        if (c.dryRun() || c.has("--local", "--list")) {
            return reads(c, targets);
        }
        // set subject changes who a role binding applies to: a permission change
        return targetOps(c, targets, what.equals("subject") ? Verb.GRANT : Verb.UPDATE);
    }

    private static List<Operation> scale(KubectlCall c) {
        if (c.dryRun()) {
            return reads(c, c.targets(0));
        }
        boolean zero = c.flags.value("--replicas").filter(v -> v.equals("0")).isPresent();
        return targetOps(c, c.targets(0), Verb.UPDATE).stream()
                .map(op -> zero ? op.toBuilder().note("scales to zero replicas: the workload stops serving").build() : op)
                .toList();
    }

    /** drain evicts every pod of a node (emptyDir data with them when told to); cordon only stops scheduling. */
    static List<Operation> nodes(KubectlCall c, String sub, int from) {
        List<Target> targets = c.targets(from, "node", w -> false);
        if (c.dryRun()) {
            return reads(c, targets);
        }
        List<Operation> ops = new ArrayList<>();
        for (Operation op : targetOps(c, targets, Verb.UPDATE)) {
            Operation.Builder b = op.toBuilder().resource(op.resource().type().isEmpty() ? "node" : op.resource().type(),
                    op.resource().name());
            if (sub.equals("drain")) {
                List<String> notes = new ArrayList<>(List.of("evicts every pod on the node"));
                b.scope(op.scope() == Scope.ALL ? Scope.ALL : Scope.MANY);
                if (c.has("--delete-emptydir-data", "--delete-local-data")) {
                    b.stateful(true).reversible(false);
                    notes.add("emptyDir data is lost");
                }
                if (c.has("--disable-eviction")) {
                    notes.add("bypasses pod disruption budgets");
                }
                b.note(String.join("; ", notes));
            }
            ops.add(b.build());
        }
        return ops;
    }

    private static List<Operation> rollout(KubectlCall c) {
        String what = c.word(0);
        List<Target> targets = c.targets(1);
        return switch (what) {
            case "status", "history" -> reads(c, targets);
            case "undo", "restart", "pause", "resume" -> c.dryRun() ? reads(c, targets) : targetOps(c, targets, Verb.UPDATE)
                    .stream().map(op -> op.toBuilder().note("rollout " + what).build()).toList();
            default -> targetOps(c, targets, Verb.UPDATE).stream()
                    .map(op -> op.toBuilder().confidence(Confidence.INFERRED).build()).toList();
        };
    }

    private static List<Operation> certificate(KubectlCall c) {
        Verb verb = c.word(0).equals("approve") ? Verb.GRANT : Verb.UPDATE;
        return targetOps(c, c.targets(1, "certificatesigningrequest", w -> false), verb).stream()
                .map(op -> op.toBuilder().note("certificate " + c.word(0) + ": a signed certificate is a cluster identity").build())
                .toList();
    }

    /**
     * {@code kubectl cp POD:/path ./local} fetches from the pod: a read of its files there (a secret or a dump judged
     * as every download) and a write here. {@code kubectl cp ./local POD:/path} changes the pod's files.
     */
    private static List<Operation> copy(KubectlCall c) {
        Operation into = execute(c);
        String src = c.word(0);
        if (!src.contains(":")) {
            return List.of(into.toBuilder().verb(Verb.UPDATE).build());
        }
        String path = src.substring(src.indexOf(':') + 1);
        Operation.Builder read = into.toBuilder().verb(Verb.READ).note("copies " + path + " out of the pod");
        return List.of(dev.interlock.analysis.shell.recognizers.network.FetchedFiles.judged(read, path,
                        "pod " + into.resource().name()).build(),
                dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer.copiedInto(c.inv, c.word(1)));
    }

    /** exec, attach, cp, port-forward, debug: code runs in (or data moves through) a pod, a node or a service. */
    private static Operation execute(KubectlCall c) {
        String sub = c.sub();
        String type = "pod";
        String name = c.word(0);
        String note = sub + " in a pod";
        if (sub.equals("cp") || sub.equals("rsync")) {
            String src = c.word(0);
            String dst = c.word(1);
            boolean out = src.contains(":");
            String remote = out ? src : dst;
            String pod = remote.contains(":") ? remote.substring(0, remote.indexOf(':')) : remote;
            if (pod.contains("/")) {
                if (!c.locators.containsKey("namespace")) {
                    c.locators.put("namespace", pod.substring(0, pod.indexOf('/')));
                }
                pod = pod.substring(pod.indexOf('/') + 1);
            }
            name = pod;
            note = out ? "copies files out of the pod" : "copies files into the pod";
        } else if (name.contains("/")) {
            type = KubernetesTypes.normalize(name.substring(0, name.indexOf('/')));
            name = name.substring(name.indexOf('/') + 1);
        }
        if (sub.equals("debug") && type.equals("node")) {
            note = "a privileged shell on the node itself";
        } else if (sub.equals("port-forward")) {
            // Not a read: the tunnel outlives this command, and a later call that uses it sees only localhost.
            note = "forwards local ports into the cluster";
        }
        Operation.Builder b = c.op(Verb.EXECUTE, type, name).note(note);
        if (name.isEmpty()) {
            b.confidence(Confidence.INFERRED);
        }
        return b.build();
    }

    /** {@code --as}, {@code --as-group}, {@code --as-uid}: the command runs with someone else's permissions. */
    private static Optional<Operation> impersonation(KubectlCall c) {
        Map<String, String> as = new LinkedHashMap<>();
        c.flags.value("--as").ifPresent(v -> as.put("user", v));
        c.flags.value("--as-group").ifPresent(v -> as.put("group", v));
        c.flags.value("--as-uid").ifPresent(v -> as.put("uid", v));
        if (as.isEmpty() && !c.has("--as", "--as-group", "--as-uid")) {
            return Optional.empty();
        }
        Map.Entry<String, String> first = as.isEmpty() ? Map.entry("user", "") : as.entrySet().iterator().next();
        return Optional.of(c.op(Verb.ESCALATE, first.getKey(), first.getValue())
                .note("acts as " + (first.getValue().isEmpty() ? "another identity" : first.getValue()) + " (impersonation)")
                .build());
    }
}
