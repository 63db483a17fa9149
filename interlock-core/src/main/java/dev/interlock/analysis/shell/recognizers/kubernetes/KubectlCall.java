package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kubectl (or oc) run, parsed: its subcommand, the positionals after it, its flags and the locators that say
 * which cluster and namespace it acts on. Builds the operations' common parts so the recognizer stays a table.
 */
final class KubectlCall {

    /** Flags that take a value, for every subcommand (global flags and the common command flags). */
    static final Set<String> VALUED = Set.of(
            "--context", "--namespace", "-n", "--kubeconfig", "--cluster", "--server", "-s", "--user", "--token",
            "--as", "--as-group", "--as-uid", "--request-timeout", "--certificate-authority", "--client-certificate",
            "--client-key", "--tls-server-name", "--cache-dir", "-v", "--v", "--log-file", "--vmodule", "--username",
            "--password", "--profile", "-f", "--filename", "-k", "--kustomize", "-l", "--selector", "--field-selector",
            "-o", "--output", "-c", "--container", "--replicas", "--current-replicas", "--resource-version",
            "--grace-period", "--timeout", "--image", "--type", "--port", "--target-port", "--protocol", "--name", "-p",
            "--patch", "--patch-file", "--from-literal", "--from-file", "--from-env-file", "--from", "--clusterrole",
            "--role", "--serviceaccount", "--group", "--verb", "--resource", "--resource-name", "--non-resource-url",
            "--key", "--cert", "--docker-server", "--docker-username", "--docker-password", "--docker-email",
            "--sort-by", "--field-manager", "--since", "--since-time", "--tail", "--max-log-requests",
            "--min-available", "--max-unavailable", "--to-revision", "--revision", "-L", "--label-columns",
            "--template", "--prune-allowlist", "--prune-whitelist", "--env", "--labels", "--overrides", "--restart",
            "--pod-running-timeout", "--address", "--target", "--image-pull-policy", "--copy-to", "--set-image",
            "--limits", "--requests", "--min", "--max", "--cpu-percent", "--for", "--subresource", "--chunk-size",
            "--duration", "--audience", "--bound-object-kind", "--bound-object-name", "--external-name", "--tcp",
            "--schedule", "--cluster-ip", "--load-balancer-ip", "--session-affinity", "--raw", "--api-group",
            "--api-version", "--pod-selector", "--skip-wait-for-delete-timeout", "--output-directory", "-u",
            "--to");

    /** Where {@code kubectl logs -f} follows and {@code -p} means previous, and {@code config view --raw} is a switch. */
    private static final Map<String, Set<String>> NOT_VALUED = Map.of(
            "logs", Set.of("-f", "-p"), "log", Set.of("-f", "-p"), "attach", Set.of("-p"),
            "exec", Set.of("-p"), "config", Set.of("--raw"), "top", Set.of("-p"));

    record Target(String type, List<Arg> names, boolean manifest) {
        List<String> nameValues() {
            return names.stream().map(Arg::value).toList();
        }

        String name() {
            return String.join(" ", nameValues());
        }
    }

    final Invocation inv;
    final ParsedArgs flags;
    final String program;
    final Arg subcommand;
    /** Positionals after the subcommand. */
    final List<Arg> rest;
    final Map<String, String> locators = new LinkedHashMap<>();
    /** Something that decides the target is a {@code $VAR} or {@code $(…)}. */
    final boolean dynamic;

    private KubectlCall(Invocation inv, ParsedArgs flags) {
        this.inv = inv;
        this.flags = flags;
        this.program = inv.program();
        List<Arg> pos = flags.positionals();
        this.subcommand = pos.isEmpty() ? null : pos.getFirst();
        this.rest = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
        flags.value("--context").ifPresent(v -> locators.put("context", v));
        flags.value("-n", "--namespace").ifPresent(v -> locators.put("namespace", v));
        flags.value("--kubeconfig").ifPresent(v -> locators.put("kubeconfig", v));
        flags.value("--cluster").ifPresent(v -> locators.put("cluster", v));
        flags.value("-s", "--server").ifPresent(v -> locators.put("server", v));
        String kubeconfig = inv.env().getOrDefault("KUBECONFIG", "");
        if (!kubeconfig.isBlank()) {
            locators.putIfAbsent("kubeconfig", kubeconfig);
        }
        this.dynamic = inv.args().stream().anyMatch(a -> !a.literal());
    }

    static KubectlCall parse(Invocation inv) {
        KubectlCall first = new KubectlCall(inv, inv.parse(VALUED));
        if (first.subcommand == null || !NOT_VALUED.containsKey(first.subcommand.value())) {
            return first;
        }
        Set<String> valued = new HashSet<>(VALUED);
        valued.removeAll(NOT_VALUED.get(first.subcommand.value()));
        return new KubectlCall(inv, inv.parse(valued));
    }

    String sub() {
        return subcommand == null ? "" : subcommand.value();
    }

    /** The positional {@code i} places after the subcommand, or "". */
    String word(int i) {
        return i < rest.size() ? rest.get(i).value() : "";
    }

    boolean has(String... names) {
        return flags.has(names);
    }

    /** {@code --dry-run}, {@code --dry-run=client|server}: nothing is changed (but {@code --dry-run=none} changes). */
    boolean dryRun() {
        List<String> values = flags.flags().get("--dry-run");
        return values != null && !values.getLast().equals("none") && !values.getLast().equals("false");
    }

    boolean help() {
        return has("-h", "--help");
    }

    boolean selector() {
        return has("-l", "--selector", "--field-selector");
    }

    boolean everything() {
        return has("--all", "-A", "--all-namespaces");
    }

    Operation.Builder op(Verb verb, String type, String name) {
        Operation.Builder b = Operation.builder("kubernetes", verb).resource(type, name).evidence(inv.evidence());
        locators.forEach(b::locator);
        if (dynamic) {
            b.confidence(Confidence.INFERRED);
        }
        return b;
    }

    /** An edit of this machine's kubeconfig: local, unless a wrapper moved the command elsewhere. */
    Operation.Builder local(Verb verb, String type, String name, String why) {
        Operation.Builder b = op(verb, type, name);
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, why);
        }
        return b;
    }

    /** How many objects a command on {@code t} touches: --all/-A everything, selectors or several names many. */
    Scope scope(Target t) {
        if (everything()) {
            return Scope.ALL;
        }
        // a name from $(…) or $VAR can expand to several objects
        if (selector() || t.names().size() > 1 || t.names().stream().anyMatch(a -> a.glob() || !a.literal())) {
            return Scope.MANY;
        }
        if (t.manifest()) {
            return has("-R", "--recursive") || t.nameValues().stream().anyMatch(KubectlCall::directory) ? Scope.MANY : Scope.ONE;
        }
        return t.names().isEmpty() ? Scope.MANY : Scope.ONE;
    }

    private static boolean directory(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return !(f.endsWith(".yaml") || f.endsWith(".yml") || f.endsWith(".json") || f.equals("-")
                || f.startsWith("http://") || f.startsWith("https://"));
    }

    /**
     * The objects named by positionals from {@code from} on ({@code TYPE NAME…}, {@code TYPE/NAME…},
     * {@code TYPE1,TYPE2 NAME}) and by {@code -f}/{@code -k}. Words for which {@code skip} is true (label
     * assignments, container=image pairs) are not names. {@code defaultType} types bare names ({@code exec mypod}).
     */
    List<Target> targets(int from, String defaultType, Predicate<String> skip) {
        List<Arg> words = new ArrayList<>();
        for (int i = from; i < rest.size(); i++) {
            if (!skip.test(rest.get(i).value())) {
                words.add(rest.get(i));
            }
        }
        List<Target> out = new ArrayList<>();
        if (!words.isEmpty()) {
            if (words.getFirst().value().contains("/")) {
                for (Arg w : words) {
                    int slash = w.value().indexOf('/');
                    if (slash > 0) {
                        Arg name = new Arg(w.value().substring(slash + 1), w.literal(), w.glob(), w.evidence());
                        out.add(new Target(KubernetesTypes.normalize(w.value().substring(0, slash)), List.of(name), false));
                    }
                }
            } else if (defaultType.isEmpty()) {
                for (String type : words.getFirst().value().split(",")) {
                    out.add(new Target(KubernetesTypes.normalize(type), words.subList(1, words.size()), false));
                }
            } else {
                out.add(new Target(defaultType, words, false));
            }
        }
        List<String> files = new ArrayList<>();
        files.addAll(flags.flags().getOrDefault("-f", List.of()));
        files.addAll(flags.flags().getOrDefault("--filename", List.of()));
        files.removeIf(String::isEmpty);
        if (!files.isEmpty()) {
            out.addAll(manifests(files));
        }
        for (String dir : concat(flags.flags().get("-k"), flags.flags().get("--kustomize"))) {
            out.add(new Target("kustomization", List.of(Arg.of(dir)), true));
        }
        return out;
    }

    List<Target> targets(int from) {
        return targets(from, "", w -> false);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a == null ? List.of() : a);
        out.addAll(b == null ? List.of() : b);
        return out;
    }

    private static final Pattern KIND = Pattern.compile("(?m)^\\s*kind:\\s*[\"']?([A-Za-z]+)");

    /** Manifest files; a manifest fed on stdin that we can read names its kinds, anything else is typed "manifest". */
    private List<Target> manifests(List<String> files) {
        if (files.equals(List.of("-")) && inv.stdin().isPresent()) {
            Map<String, Target> byKind = new LinkedHashMap<>();
            Matcher m = KIND.matcher(inv.stdin().get());
            while (m.find()) {
                String kind = KubernetesTypes.normalize(m.group(1));
                if (!kind.equals("list")) {
                    byKind.putIfAbsent(kind, new Target(kind, List.of(Arg.of("-")), true));
                }
            }
            if (!byKind.isEmpty()) {
                return List.copyOf(byKind.values());
            }
        }
        return List.of(new Target("manifest", files.stream().map(Arg::of).toList(), true));
    }
}
