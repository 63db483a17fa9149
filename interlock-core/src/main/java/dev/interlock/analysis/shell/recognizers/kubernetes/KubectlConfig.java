package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The kubeconfig ({@code kubectl config …}, the {@code ctx}/{@code ns} plugins, {@code oc project}) and identity
 * ({@code oc login}, {@code oc whoami -t}), plus OpenShift's admin subcommands ({@code oc adm …}, {@code oc policy …}).
 * Kubeconfig edits touch only this machine; printing it raw prints its tokens.
 */
final class KubectlConfig {

    private static final Set<String> CONFIG_READS = Set.of("get-contexts", "current-context", "get-clusters", "get-users");
    private static final Set<String> CONFIG_UPDATES = Set.of("use-context", "use", "set-context", "set-cluster",
            "set-credentials", "set", "unset", "rename-context");
    private static final Set<String> CONFIG_DELETES = Set.of("delete-context", "delete-cluster", "delete-user");

    private KubectlConfig() {
    }

    static Operation config(KubectlCall c) {
        String what = c.word(0);
        String name = c.word(1);
        if (what.equals("view")) {
            return c.has("--raw", "--flatten")
                    ? c.local(Verb.CREDENTIAL, "kubeconfig", "", "reads the local kubeconfig")
                            .note("prints the kubeconfig with its tokens and keys").build()
                    : c.local(Verb.READ, "kubeconfig", "", "reads the local kubeconfig").build();
        }
        if (CONFIG_READS.contains(what)) {
            return c.local(Verb.READ, "kubeconfig", "", "reads the local kubeconfig").build();
        }
        if (CONFIG_UPDATES.contains(what)) {
            return c.local(Verb.UPDATE, "kubeconfig", name, "edits the local kubeconfig")
                    .note("config " + what + (what.equals("set-credentials") ? ": stores credentials locally" : "")).build();
        }
        if (CONFIG_DELETES.contains(what)) {
            return c.local(Verb.DELETE, "kubeconfig", name, "edits the local kubeconfig").reversible(false)
                    .note("config " + what).build();
        }
        return c.local(Verb.UNKNOWN, "kubeconfig", name, "edits the local kubeconfig").confidence(Confidence.INFERRED)
                .note("unrecognized kubectl config subcommand '" + what + "'").build();
    }

    static List<Operation> special(KubectlCall c) {
        String sub = c.sub();
        return switch (sub) {
            case "login" -> {
                if (!c.word(0).isEmpty() && !c.locators.containsKey("server")) {
                    c.locators.put("server", c.word(0));
                }
                String user = c.flags.value("-u", "--username").orElse("");
                yield List.of(c.op(Verb.ESCALATE, "user", user)
                        .note("logs in to the cluster" + (user.isEmpty() ? "" : " as " + user)).build());
            }
            case "whoami" -> List.of(c.has("-t", "--show-token")
                    ? c.op(Verb.CREDENTIAL, "token", "").note("prints the session's bearer token").build()
                    : c.op(Verb.READ, "user", "").build());
            case "project", "ctx", "ns" -> List.of(c.has("-d")
                    ? c.local(Verb.DELETE, "kubeconfig", c.flags.value("-d").orElse(c.word(0)), "edits the local kubeconfig")
                            .reversible(false).note("deletes a context from the kubeconfig").build()
                    : c.rest.isEmpty() || c.has("-c", "--current")
                    ? c.local(Verb.READ, "kubeconfig", "", "reads the local kubeconfig").build()
                    : c.local(Verb.UPDATE, "kubeconfig", c.word(0), "edits the local kubeconfig")
                            .note("switches the current " + (sub.equals("ctx") ? "context" : "namespace")).build());
            case "extract" -> KubectlRecognizer.reads(c, c.targets(0)).stream()
                    .map(op -> op.resource().type().equals("secret")
                            ? op.toBuilder().verb(Verb.CREDENTIAL).note("writes secret values to files").build() : op)
                    .toList();
            case "krew" -> List.of(Set.of("list", "search", "info", "version", "").contains(c.word(0))
                    ? c.local(Verb.READ, "plugin", c.word(1), "kubectl plugins on this machine").build()
                    : c.local(Verb.UPDATE, "plugin", c.word(1), "kubectl plugins on this machine")
                            .note("krew " + c.word(0)).build());
            case "policy" -> policy(c, 0);
            case "adm" -> adm(c);
            default -> List.of(c.op(Verb.UNKNOWN, "", sub).confidence(Confidence.INFERRED).build());
        };
    }

    /** {@code oc adm policy add-cluster-role-to-user cluster-admin alice}: who may do what changes. */
    private static List<Operation> policy(KubectlCall c, int at) {
        String what = c.word(at);
        if (what.equals("who-can") || what.equals("can-i") || what.startsWith("scc-")) {
            return List.of(c.op(Verb.READ, "role", c.word(at + 1)).build());
        }
        return List.of(c.op(Verb.GRANT, what.contains("scc") ? "securitycontextconstraints" : "role", c.word(at + 1))
                .note("policy " + String.join(" ", c.rest.stream().skip(at).map(a -> a.value()).toList())).build());
    }

    private static List<Operation> adm(KubectlCall c) {
        String what = c.word(0);
        return switch (what) {
            case "policy" -> policy(c, 1);
            case "drain", "cordon", "uncordon" -> KubectlRecognizer.nodes(c, what, 1);
            case "taint" -> KubectlRecognizer.targetOps(c, c.targets(1, "", w -> w.contains("=") || w.contains(":")
                    || w.endsWith("-")), Verb.UPDATE);
            case "top", "inspect", "must-gather", "node-logs", "who-can" -> List.of(c.op(Verb.READ, "", what).build());
            case "new-project" -> List.of(c.op(Verb.CREATE, "namespace", c.word(1)).build());
            case "groups" -> List.of(c.op(Verb.GRANT, "group", c.word(2)).note("adm groups " + c.word(1)).build());
            case "certificate" -> List.of(c.op(c.word(1).equals("approve") ? Verb.GRANT : Verb.UPDATE,
                    "certificatesigningrequest", c.word(2)).build());
            // without --confirm, prune only reports what it would delete
            case "prune" -> List.of(c.has("--confirm")
                    ? c.op(Verb.DELETE, c.word(1), "").scope(Scope.MANY).reversible(false).note("prunes old " + c.word(1)).build()
                    : c.op(Verb.READ, c.word(1), "").build());
            default -> List.of(c.op(Verb.UNKNOWN, "", "adm " + what).confidence(Confidence.INFERRED)
                    .note("unrecognized oc adm subcommand").build());
        };
    }
}
