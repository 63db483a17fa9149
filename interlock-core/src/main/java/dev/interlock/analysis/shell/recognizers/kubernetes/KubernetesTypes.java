package dev.interlock.analysis.shell.recognizers.kubernetes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes resource type names as people type them ({@code po}, {@code deploy}, {@code pvc},
 * {@code deployments.apps}) normalized to one full singular name, and what deleting each kind loses.
 */
final class KubernetesTypes {

    private static final Map<String, String> ALIASES = new HashMap<>();

    private static void alias(String type, String... names) {
        ALIASES.put(type, type);
        ALIASES.put(type + "s", type);
        for (String n : names) {
            ALIASES.put(n, type);
        }
    }

    static {
        alias("pod", "po");
        alias("service", "svc");
        alias("deployment", "deploy");
        alias("replicaset", "rs");
        alias("statefulset", "sts");
        alias("daemonset", "ds");
        alias("configmap", "cm");
        alias("secret");
        alias("namespace", "ns", "project", "projects");
        alias("node", "no");
        alias("persistentvolumeclaim", "pvc", "pvcs");
        alias("persistentvolume", "pv", "pvs");
        alias("serviceaccount", "sa");
        alias("ingress", "ing", "ingresses");
        alias("endpoints", "ep");
        alias("endpointslice");
        alias("event", "ev");
        alias("job");
        alias("cronjob", "cj");
        alias("customresourcedefinition", "crd", "crds");
        alias("horizontalpodautoscaler", "hpa");
        alias("poddisruptionbudget", "pdb");
        alias("networkpolicy", "netpol", "networkpolicies");
        alias("storageclass", "sc", "storageclasses");
        alias("volumesnapshot");
        alias("replicationcontroller", "rc");
        alias("limitrange", "limits");
        alias("resourcequota", "quota");
        alias("certificatesigningrequest", "csr");
        alias("role");
        alias("rolebinding");
        alias("clusterrole");
        alias("clusterrolebinding");
        alias("priorityclass", "pc", "priorityclasses");
        alias("podsecuritypolicy", "psp", "podsecuritypolicies");
        alias("componentstatus", "cs", "componentstatuses");
        alias("mutatingwebhookconfiguration");
        alias("validatingwebhookconfiguration");
        alias("apiservice");
        alias("lease");
        alias("ingressclass", "ingressclasses");
        alias("route");
        alias("deploymentconfig", "dc");
        alias("buildconfig", "bc");
        alias("imagestream", "is");
        ALIASES.put("endpoints", "endpoints");
        ALIASES.put("all", "all");
    }

    /** Deleting these loses data that no manifest brings back. */
    private static final Set<String> STATEFUL = Set.of("namespace", "persistentvolumeclaim", "persistentvolume",
            "customresourcedefinition", "volumesnapshot");
    /** Deleting one of these deletes everything inside it: all objects of a namespace, all objects of a CRD. */
    private static final Set<String> CONTAINERS = Set.of("namespace", "customresourcedefinition");
    /** Objects that carry permissions: creating or changing them is a grant. */
    private static final Set<String> RBAC = Set.of("role", "rolebinding", "clusterrole", "clusterrolebinding");

    private KubernetesTypes() {
    }

    /** {@code deploy} → deployment, {@code deployments.apps} → deployment; unknown kinds (CRDs) stay as written. */
    static String normalize(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        String known = ALIASES.get(lower);
        if (known != null) {
            return known;
        }
        int dot = lower.indexOf('.');
        if (dot > 0) {
            known = ALIASES.get(lower.substring(0, dot));
            if (known != null) {
                return known;
            }
        }
        return lower;
    }

    static boolean stateful(String type) {
        return STATEFUL.contains(type);
    }

    static boolean container(String type) {
        return CONTAINERS.contains(type);
    }

    static boolean rbac(String type) {
        return RBAC.contains(type);
    }

    /** Secrets are usually created by hand or by controllers; once deleted, their values are gone. */
    static boolean irreplaceable(String type) {
        return STATEFUL.contains(type) || type.equals("secret");
    }
}
