package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.ADMISSION_POLICY;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUTHORIZATION_POLICY;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.MTLS;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.NETWORK_POLICY;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cluster's security controls: mTLS modes, network and authorization policies, Pod Security Admission labels, policy
 * engines' admission webhooks and runtime detection agents. kubectl's rows read the operation its recognizer made
 * (kind, name); manifests, whichever way they arrive, are judged by {@link #manifest}.
 */
final class ClusterSwitches {

    private ClusterSwitches() {
    }

    private static final Map<String, String> POLICY_KINDS = Map.ofEntries(
            Map.entry("networkpolicy", NETWORK_POLICY), Map.entry("netpol", NETWORK_POLICY),
            Map.entry("ciliumnetworkpolicy", NETWORK_POLICY), Map.entry("cnp", NETWORK_POLICY),
            Map.entry("ciliumclusterwidenetworkpolicy", NETWORK_POLICY), Map.entry("ccnp", NETWORK_POLICY),
            Map.entry("globalnetworkpolicy", NETWORK_POLICY), Map.entry("adminnetworkpolicy", NETWORK_POLICY),
            Map.entry("baselineadminnetworkpolicy", NETWORK_POLICY),
            Map.entry("authorizationpolicy", AUTHORIZATION_POLICY),
            Map.entry("peerauthentication", MTLS), Map.entry("pa", MTLS),
            Map.entry("validatingadmissionpolicy", ADMISSION_POLICY), Map.entry("validatingadmissionpolicybinding", ADMISSION_POLICY),
            Map.entry("constrainttemplate", ADMISSION_POLICY), Map.entry("clusterpolicy", ADMISSION_POLICY));

    private static final Set<String> WEBHOOK_KINDS = Set.of("validatingwebhookconfiguration", "mutatingwebhookconfiguration");
    private static final Set<String> WORKLOAD_KINDS = Set.of("daemonset", "ds", "deployment", "deploy", "statefulset", "sts");

    /** Policy engines and runtime security agents by the names their charts give them. */
    private static final Pattern POLICY_ENGINE = Pattern.compile("(?i)gatekeeper|kyverno|kubewarden|opa[-_]|polaris|datree|jspolicy");
    private static final Pattern DETECTION_AGENT = Pattern.compile(
            "(?i)falco|falcon|crowdstrike|tetragon|neuvector|sysdig|twistlock|prisma|aqua|kubearmor|tracee|wazuh|stackrox|sentinel");

    /**
     * Log shippers and telemetry collectors by their charts' names: removing one stops the host and audit logs that
     * would show what happened next.
     */
    private static final Pattern LOG_SHIPPER = Pattern.compile("(?i)^(filebeat|fluent-?bit|fluentd|td-agent(-bit)?|promtail"
            + "|vector(-agent|-aggregator)?|(opentelemetry|otel)-collector(-agent|-contrib)?|datadog(-agent)?|splunk-otel-collector"
            + "|newrelic-infrastructure|newrelic-bundle|grafana-agent|alloy|logstash)$");

    /** A PeerAuthentication (or a port of it) no longer requiring mTLS. */
    private static final Pattern MTLS_OFF = Pattern.compile("(?i)\\bmode\"?\\s*[:=]\\s*\"?(DISABLE|PERMISSIVE)\\b");
    /** Pod Security Admission set to enforce nothing, or its enforcing label removed. */
    private static final Pattern PSA_OFF = Pattern.compile(
            "(?i)pod-security\\.kubernetes\\.io/enforce(\"?\\s*[:=]\\s*\"?privileged\\b|-(\\s|$))");
    /**
     * A namespace taken out of an admission policy engine's reach: sigstore's policy-controller (and the older cosigned)
     * no longer included, Gatekeeper told to ignore it, OPA's kube-mgmt or Connaisseur's webhook told to skip it.
     */
    private static final Pattern ADMISSION_OPT_OUT = Pattern.compile("(?i)(policy\\.sigstore\\.dev|cosigned\\.sigstore\\.dev)/include"
            + "(\"?\\s*[:=]\\s*\"?(false|disabled?)\\b|-(\\s|$))"
            + "|admission\\.gatekeeper\\.sh/ignore\"?\\s*[:=]"
            + "|(openpolicyagent\\.org|securesystemsengineering\\.connaisseur)/webhook\"?\\s*[:=]\\s*\"?ignore\\b");
    private static final Pattern REPLICAS_ZERO = Pattern.compile("(^|\\s)--replicas[= ]0(\\s|$)");

    static final Set<String> HELM_REMOVALS = Set.of("uninstall", "delete", "del", "un");

    /** The control a kubectl command switches off, read from the operation its recognizer made. */
    static Optional<String> kubectl(Command c, Operation op) {
        String sub = c.word(0);
        String kind = kind(op);
        String name = op.resource().name();
        if (sub.equals("delete")) {
            if (POLICY_KINDS.containsKey(kind)) {
                return Optional.of(POLICY_KINDS.get(kind));
            }
            if (WEBHOOK_KINDS.contains(kind) && (name.isEmpty() || POLICY_ENGINE.matcher(name).find())) {
                return Optional.of(ADMISSION_POLICY);
            }
            return WORKLOAD_KINDS.contains(kind) || kind.equals("namespace") ? agent(name) : Optional.empty();
        }
        if (sub.equals("scale")) {
            return c.text(REPLICAS_ZERO) ? agent(name) : Optional.empty();
        }
        if (Set.of("patch", "apply", "edit", "replace", "create").contains(sub)) {
            return manifest(kind, op.verb(), name, String.join(" ", c.inv().words()) + "\n" + c.stdin().orElse(""));
        }
        return sub.equals("label") && kind.equals("namespace") && (c.text(PSA_OFF) || c.text(ADMISSION_OPT_OUT))
                ? Optional.of(ADMISSION_POLICY) : Optional.empty();
    }

    /** {@code helm uninstall falco}, {@code helm delete gatekeeper}: the agent or engine goes with its release. */
    static Optional<String> helm(Command c) {
        return HELM_REMOVALS.contains(c.word(0)) ? c.path().subList(1, c.path().size()).stream()
                .map(ClusterSwitches::agent).flatMap(Optional::stream).findFirst() : Optional.empty();
    }

    /**
     * An object of {@code kind} created, changed or deleted with {@code text} as its body: a PeerAuthentication set to
     * DISABLE or PERMISSIVE, a Namespace enforcing nothing, a policy deleted.
     */
    static Optional<String> manifest(String kind, Verb verb, String name, String text) {
        String k = normalized(kind);
        if (verb == Verb.DELETE) {
            return Optional.ofNullable(POLICY_KINDS.get(k)).or(() -> WEBHOOK_KINDS.contains(k) && POLICY_ENGINE.matcher(name).find()
                    ? Optional.of(ADMISSION_POLICY) : Optional.empty());
        }
        if (verb == Verb.READ) {
            return Optional.empty();
        }
        if (k.equals("peerauthentication") && MTLS_OFF.matcher(text).find()) {
            return Optional.of(MTLS);
        }
        if (k.equals("namespace") && (PSA_OFF.matcher(text).find() || ADMISSION_OPT_OUT.matcher(text).find())) {
            return Optional.of(ADMISSION_POLICY);
        }
        return Optional.empty();
    }

    /** The control a workload or release of this name runs. */
    private static Optional<String> agent(String name) {
        if (POLICY_ENGINE.matcher(name).find()) {
            return Optional.of(ADMISSION_POLICY);
        }
        if (DETECTION_AGENT.matcher(name).find()) {
            return Optional.of(THREAT_DETECTION);
        }
        return LOG_SHIPPER.matcher(name).find() ? Optional.of(Controls.AUDIT_TRAIL) : Optional.empty();
    }

    private static String kind(Operation op) {
        return normalized(op.resource().type());
    }

    /** {@code NetworkPolicies.networking.k8s.io} → {@code networkpolicy}. */
    static String normalized(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        int dot = k.indexOf('.');
        k = dot > 0 ? k.substring(0, dot) : k;
        if (k.length() <= 4) {
            return k; // short names: ds, sts, cnp, pa
        }
        return k.endsWith("ies") ? k.substring(0, k.length() - 3) + "y" : k.endsWith("s") && !k.endsWith("ss") ? k.substring(0, k.length() - 1) : k;
    }

    static Command kubectl(Invocation inv) {
        return Command.parse(inv, KUBECTL_VALUED, Set.of(), false);
    }

    static Command helmCommand(Invocation inv) {
        return Command.parse(inv, HELM_VALUED, Set.of(), false);
    }

    private static final Set<String> KUBECTL_VALUED = Set.of("n", "namespace", "context", "kubeconfig", "cluster", "user", "s",
            "server", "as", "as-group", "token", "l", "selector", "o", "output", "f", "filename", "p", "patch", "type", "c",
            "container", "field-selector", "k", "kustomize", "request-timeout", "grace-period", "timeout", "cascade", "patch-file",
            "replicas", "subresource", "field-manager", "template");
    private static final Set<String> HELM_VALUED = Set.of("n", "namespace", "kube-context", "kubeconfig", "timeout",
            "cascade", "description", "kube-apiserver", "kube-as-user", "kube-token");
}
