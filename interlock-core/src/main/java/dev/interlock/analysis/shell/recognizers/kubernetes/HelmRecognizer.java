package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * helm: releases in a cluster ({@code install}, {@code upgrade}, {@code uninstall}, {@code rollback}, {@code test})
 * and charts and repositories on this machine ({@code repo add}, {@code dependency update}, {@code package}).
 * The cluster is named by {@code --kube-context}, {@code --kubeconfig}, {@code --kube-apiserver} and {@code -n}.
 */
public final class HelmRecognizer implements Recognizer {

    private static final Set<String> VALUED = Set.of("--kube-context", "-n", "--namespace", "--kubeconfig",
            "--kube-apiserver", "--kube-as-user", "--kube-as-group", "--kube-token", "--kube-ca-file",
            "--kube-tls-server-name", "--registry-config", "--repository-cache", "--repository-config",
            "--burst-limit", "--qps", "-f", "--values", "--set", "--set-string", "--set-file", "--set-json",
            "--set-literal", "--version", "--repo", "--timeout", "-o", "--output", "--description", "--post-renderer",
            "--post-renderer-args", "--history-max", "--max", "--revision", "--username", "--password", "--ca-file",
            "--cert-file", "--key-file", "--keyring", "--name-template", "--cascade", "--deletion-propagation",
            "-d", "--destination", "--untardir", "--app-version", "--template", "-l", "--selector", "--filter",
            "--time-format", "--api-versions", "-a", "--kube-version", "--show-only", "-s", "--output-dir",
            "--label", "--labels");

    /** Subcommands that only look (at the cluster, a chart or a repository). */
    private static final Set<String> READS = Set.of("list", "ls", "status", "get", "history", "hist", "template",
            "lint", "show", "inspect", "search", "version", "env", "verify", "completion", "help", "diff");
    /** Subcommands that change only this machine: chart sources, repository lists, plugins, registry logins. */
    private static final Set<String> LOCAL = Set.of("repo", "dependency", "dep", "dependencies", "pull", "fetch",
            "package", "create", "plugin", "registry");

    @Override
    public Set<String> programs() {
        return Set.of("helm", "helm3");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>(analyze(inv));
        ParsedArgs p = inv.parse(VALUED);
        p.value("--kube-as-user", "--kube-as-group").ifPresent(who -> ops.add(base(inv, p, Verb.ESCALATE, "user", who)
                .note("acts as " + who + " (impersonation)").build()));
        return ops;
    }

    private List<Operation> analyze(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<Arg> pos = p.positionals();
        if (pos.isEmpty() || p.has("-h", "--help")) {
            return List.of(base(inv, p, Verb.READ, "help", "").build());
        }
        Arg subArg = pos.getFirst();
        String sub = subArg.value();
        String first = pos.size() > 1 ? pos.get(1).value() : "";
        String second = pos.size() > 2 ? pos.get(2).value() : "";
        if (!subArg.literal()) {
            return List.of(base(inv, p, Verb.UNKNOWN, "", "").confidence(Confidence.OPAQUE)
                    .note("the helm subcommand comes from " + sub).build());
        }
        boolean dryRun = p.has("--dry-run") && !"false".equals(p.value("--dry-run").orElse(""))
                && !"none".equals(p.value("--dry-run").orElse(""));
        if (READS.contains(sub) || (sub.equals("repo") && (first.equals("list") || first.equals("ls")))
                || (sub.equals("plugin") && first.equals("list")) || (sub.startsWith("dep") && first.equals("list"))) {
            String release = Set.of("status", "get", "history", "hist").contains(sub)
                    ? (sub.equals("get") ? second : first) : "";
            return List.of(base(inv, p, Verb.READ, release.isEmpty() ? "" : "release", release).build());
        }
        if (LOCAL.contains(sub)) {
            return List.of(local(inv, p, sub, first));
        }
        if (sub.equals("secrets")) {
            return secretsPlugin(inv, p, first);
        }
        return switch (sub) {
            case "install" -> {
                // helm install CHART --generate-name names nothing; helm install NAME CHART names the release
                String name = p.has("-g", "--generate-name") ? "" : first;
                Verb verb = dryRun ? Verb.READ : Verb.CREATE;
                yield List.of(base(inv, p, verb, "release", name).note("installs chart " + (name.isEmpty() ? first : second)).build());
            }
            case "upgrade" -> {
                Operation.Builder b = base(inv, p, dryRun ? Verb.READ : Verb.UPDATE, "release", first)
                        .note((p.has("-i", "--install") ? "installs or upgrades" : "upgrades") + " to chart " + second);
                if (p.has("--force") && !dryRun) {
                    b.reversible(false).note("--force deletes and re-creates the release's objects");
                }
                yield List.of(b.build());
            }
            case "uninstall", "delete", "del", "un" -> uninstall(inv, p, pos, dryRun);
            case "rollback" -> List.of(base(inv, p, dryRun ? Verb.READ : Verb.UPDATE, "release", first)
                    .note(second.isEmpty() ? "rolls back to the previous revision" : "rolls back to revision " + second).build());
            case "test" -> List.of(base(inv, p, Verb.EXECUTE, "release", first).note("runs the chart's test pods").build());
            case "push" -> List.of(push(inv, first, second));
            default -> List.of(base(inv, p, Verb.UNKNOWN, "", sub).confidence(Confidence.INFERRED)
                    .note("unrecognized helm subcommand or plugin '" + sub + "'").build());
        };
    }

    /**
     * The helm-secrets plugin: {@code decrypt}/{@code view}/{@code edit} print or open encrypted values; anything else
     * ({@code helm secrets upgrade …}) is the wrapped helm command.
     */
    private List<Operation> secretsPlugin(Invocation inv, ParsedArgs p, String first) {
        if (Set.of("decrypt", "dec", "view", "edit", "").contains(first)) {
            Operation.Builder b = base(inv, p, Verb.CREDENTIAL, "secrets-file", "").note("helm secrets " + first);
            return List.of(inv.remote() ? b.build() : b.environment(Tier.LOCAL, "decrypts a file on this machine").build());
        }
        List<Arg> rest = new ArrayList<>(inv.args());
        rest.remove(rest.stream().map(Arg::value).toList().indexOf("secrets"));
        return analyze(inv.withArgs(rest));
    }

    /** A release's objects go; with {@code --keep-history} it can still be rolled back. */
    private static List<Operation> uninstall(Invocation inv, ParsedArgs p, List<Arg> pos, boolean dryRun) {
        List<Arg> names = pos.subList(1, pos.size());
        Operation.Builder b = base(inv, p, dryRun ? Verb.READ : Verb.DELETE, "release",
                String.join(" ", names.stream().map(Arg::value).toList()))
                .scope(names.size() > 1 ? Scope.MANY : Scope.ONE)
                .reversible(p.has("--keep-history"))
                .note("deletes every object the release installed");
        // names from xargs or $(helm ls -q) can be every release there is
        if (names.isEmpty() || names.stream().anyMatch(a -> !a.literal())) {
            b.confidence(Confidence.INFERRED).scope(Scope.MANY);
        }
        return List.of(b.build());
    }

    private static Operation local(Invocation inv, ParsedArgs p, String sub, String first) {
        Verb verb = sub.equals("repo") && (first.equals("remove") || first.equals("rm")) ? Verb.DELETE : Verb.UPDATE;
        if (sub.equals("create") || sub.equals("package") || sub.equals("pull") || sub.equals("fetch")) {
            verb = Verb.CREATE;
        }
        Operation.Builder b = base(inv, p, verb, sub.startsWith("dep") ? "chart" : sub, first)
                .note("helm " + sub + (first.isEmpty() ? "" : " " + first));
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, "helm " + sub + " changes only files on this machine");
        }
        return b.build();
    }

    /**
     * A chart pushed to an OCI registry is a new chart version there, placed by the registry's host as {@code docker push}
     * places an image (a dev registry is dev, a prod one prod, localhost a sandbox, an unplaced one unknown): the cluster
     * the kube context names plays no part.
     */
    private static Operation push(Invocation inv, String chart, String registry) {
        return Operation.builder("helm", Verb.UPDATE).resource("chart", chart).locator("host", dev.interlock.environment.Hosts.of(registry))
                .evidence(inv.evidence()).note("helm push publishes the chart to " + registry + "; whoever installs from there gets it").build();
    }

    private static Operation.Builder base(Invocation inv, ParsedArgs p, Verb verb, String type, String name) {
        Operation.Builder b = Operation.builder("helm", verb).resource(type, name).evidence(inv.evidence());
        Map<String, String[]> locators = Map.of("context", new String[] {"--kube-context"},
                "namespace", new String[] {"-n", "--namespace"}, "kubeconfig", new String[] {"--kubeconfig"},
                "server", new String[] {"--kube-apiserver"});
        locators.forEach((locator, flags) -> p.value(flags).ifPresent(v -> b.locator(locator, v)));
        Map<String, String> fromEnv = Map.of("context", "HELM_KUBECONTEXT", "namespace", "HELM_NAMESPACE",
                "kubeconfig", "KUBECONFIG");
        fromEnv.forEach((locator, variable) -> {
            String value = inv.env().getOrDefault(variable, "");
            if (!value.isBlank() && b.build().resource().locator(locator).isEmpty()) {
                b.locator(locator, value);
            }
        });
        if (inv.args().stream().anyMatch(a -> !a.literal())) {
            b.confidence(Confidence.INFERRED);
        }
        return b;
    }
}
