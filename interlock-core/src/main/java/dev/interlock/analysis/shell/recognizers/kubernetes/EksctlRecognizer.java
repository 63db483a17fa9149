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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * eksctl: {@code VERB NOUN} over EKS clusters and what hangs off them (nodegroups, addons, IAM service accounts and
 * identity mappings). The cluster is {@code --name}/{@code -n} for {@code cluster} commands and {@code --cluster}
 * otherwise; {@code --region} and {@code --profile} name the AWS side. Commands with a plan mode change nothing
 * without {@code --approve}.
 */
public final class EksctlRecognizer implements Recognizer {

    private static final Set<String> VALUED = Set.of("--name", "-n", "--cluster", "--region", "-r", "--profile",
            "-p", "--config-file", "-f", "--timeout", "-v", "--verbose", "--color", "--cfn-role-arn", "--nodes", "-N",
            "--nodes-min", "-m", "--nodes-max", "-M", "--node-type", "-t", "--version", "--zones", "--kubeconfig",
            "--nodegroup-name", "--instance-types", "--ssh-public-key", "--tags", "--node-ami", "--node-volume-size",
            "--vpc-cidr", "--vpc-private-subnets", "--vpc-public-subnets", "--namespace", "--attach-policy-arn",
            "--role-name", "--role-arn", "--arn", "--username", "--group", "--service-account", "--output", "-o",
            "--addon", "--labels", "-l", "--max-pods-per-node", "--node-labels", "--instance-prefix",
            "--instance-name", "--spot-ocean", "--parallel", "--max-surge", "--max-unavailable", "--resolve-conflicts",
            "--principal-arn", "--type", "--kubernetes-version", "--account", "--service-name", "--policy-arn");

    /** Nouns whose objects carry permissions: creating or deleting one changes who may do what. */
    private static final Set<String> PERMISSIONS = Set.of("iamserviceaccount", "iamidentitymapping", "accessentry",
            "podidentityassociation", "identityprovider");

    private static final Map<String, String> NOUNS = Map.of("ng", "nodegroup", "nodegroups", "nodegroup",
            "clusters", "cluster", "addons", "addon", "fargateprofiles", "fargateprofile",
            "iamserviceaccounts", "iamserviceaccount");

    @Override
    public Set<String> programs() {
        return Set.of("eksctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(analyze(inv));
    }

    private Operation analyze(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<Arg> pos = p.positionals();
        if (pos.isEmpty() || p.has("-h", "--help")) {
            return op(inv, p, Verb.READ, "help", "", "").build();
        }
        if (!pos.getFirst().literal()) {
            return op(inv, p, Verb.UNKNOWN, "", "", "").confidence(Confidence.OPAQUE)
                    .note("the eksctl subcommand comes from " + pos.getFirst().value()).build();
        }
        String verb = pos.getFirst().value();
        String raw = pos.size() > 1 ? pos.get(1).value() : "";
        String noun = NOUNS.getOrDefault(raw, raw);
        String positionalName = pos.size() > 2 ? pos.get(2).value() : "";
        boolean clusterNoun = noun.equals("cluster");
        String name = p.value(clusterNoun ? new String[] {"--name", "-n", "--cluster"} : new String[] {"--name", "-n"})
                .orElse(positionalName);
        String cluster = clusterNoun ? name : p.value("--cluster").orElse("");
        if (p.value("--config-file", "-f").isPresent() && name.isEmpty()) {
            name = p.value("--config-file", "-f").get();
        }
        return switch (verb) {
            case "get", "info", "version", "completion" -> op(inv, p, Verb.READ, noun, name, cluster).build();
            case "create" -> create(inv, p, noun, name, cluster);
            case "delete" -> delete(inv, p, noun, name, cluster);
            case "scale" -> scale(inv, p, noun, name, cluster);
            case "upgrade", "update" -> PERMISSIONS.contains(noun)
                    ? op(inv, p, Verb.GRANT, noun, name, cluster).note(verb + " " + noun).build()
                    : planned(inv, p, verb + " " + noun)
                    ? op(inv, p, Verb.UPDATE, noun, name, cluster).note(verb + " " + noun).build()
                    : op(inv, p, Verb.READ, noun, name, cluster).note("plan only: no --approve").build();
            case "drain" -> op(inv, p, Verb.UPDATE, noun, name, cluster).scope(Scope.MANY)
                    .note(p.has("--undo") ? "uncordons the nodegroup's nodes" : "evicts every pod on the nodegroup's nodes").build();
            case "set", "unset", "enable", "register" -> op(inv, p, Verb.UPDATE, noun, name, cluster).note(verb + " " + noun).build();
            case "deregister" -> op(inv, p, Verb.DELETE, noun, name, cluster).note("deregister " + noun).build();
            case "associate", "disassociate" -> op(inv, p, Verb.GRANT, noun, name, cluster).note(verb + " " + noun).build();
            case "utils" -> utils(inv, p, raw, name, cluster);
            default -> op(inv, p, Verb.UNKNOWN, noun, name, cluster).confidence(Confidence.INFERRED)
                    .note("unrecognized eksctl command '" + verb + "'").build();
        };
    }

    /**
     * upgrade cluster and the utils that change things only print a plan unless given --approve. Permission
     * commands are taken at their word even without it: reading a grant as a plan would let it through.
     */
    private static boolean planned(Invocation inv, ParsedArgs p, String command) {
        boolean planMode = command.equals("upgrade cluster") || command.startsWith("utils");
        return !planMode || p.has("--approve");
    }

    private static Operation create(Invocation inv, ParsedArgs p, String noun, String name, String cluster) {
        if (p.has("--dry-run")) {
            return op(inv, p, Verb.READ, noun, name, cluster).note("dry run").build();
        }
        if (PERMISSIONS.contains(noun)) {
            return op(inv, p, Verb.GRANT, noun, name, cluster)
                    .note("changes who may act in the cluster" + p.value("--attach-policy-arn", "--group", "--arn")
                            .map(v -> " (" + v + ")").orElse("")).build();
        }
        return op(inv, p, Verb.CREATE, noun, name, cluster).build();
    }

    private static Operation delete(Invocation inv, ParsedArgs p, String noun, String name, String cluster) {
        if (PERMISSIONS.contains(noun)) {
            return op(inv, p, Verb.GRANT, noun, name, cluster)
                    .note("removes permissions").build();
        }
        Operation.Builder b = op(inv, p, Verb.DELETE, noun, name, cluster);
        return switch (noun) {
            case "cluster" -> b.scope(Scope.ALL).stateful(true).reversible(false)
                    .note("deletes the cluster and every workload and volume in it").build();
            case "nodegroup" -> b.scope(Scope.MANY).reversible(false)
                    .note("terminates every node of the nodegroup").build();
            case "addon" -> b.note("removes the addon").build();
            default -> b.build();
        };
    }

    private static Operation scale(Invocation inv, ParsedArgs p, String noun, String name, String cluster) {
        String nodes = p.value("--nodes", "-N").orElse("");
        Operation.Builder b = op(inv, p, Verb.UPDATE, noun, name, cluster);
        if (nodes.equals("0")) {
            b.scope(Scope.MANY).note("scales to zero nodes: every pod on them stops");
        }
        return b.build();
    }

    private static Operation utils(Invocation inv, ParsedArgs p, String what, String name, String cluster) {
        if (what.startsWith("describe") || what.equals("nodegroup-health") || what.equals("schema")) {
            return op(inv, p, Verb.READ, "cluster", name, cluster).note("utils " + what).build();
        }
        if (what.equals("write-kubeconfig")) {
            Operation.Builder b = op(inv, p, Verb.UPDATE, "kubeconfig", cluster, cluster).note("writes the local kubeconfig");
            return inv.remote() ? b.build() : b.environment(Tier.LOCAL, "writes the local kubeconfig").build();
        }
        if (!planned(inv, p, "utils " + what)) {
            return op(inv, p, Verb.READ, "cluster", name, cluster).note("plan only: no --approve").build();
        }
        Verb verb = what.contains("iam") ? Verb.GRANT : Verb.UPDATE;
        return op(inv, p, verb, "cluster", name, cluster).note("utils " + what).build();
    }

    private static Operation.Builder op(Invocation inv, ParsedArgs p, Verb verb, String type, String name, String cluster) {
        Operation.Builder b = Operation.builder("eksctl", verb).resource(type, name).evidence(inv.evidence())
                .locator("cluster", cluster);
        p.value("--region", "-r").or(() -> env(inv, "AWS_REGION", "AWS_DEFAULT_REGION")).ifPresent(v -> b.locator("region", v));
        p.value("--profile", "-p").or(() -> env(inv, "AWS_PROFILE", "AWS_DEFAULT_PROFILE")).ifPresent(v -> b.locator("profile", v));
        p.value("--config-file", "-f").ifPresent(f -> {
            int slash = f.lastIndexOf('/');
            if (slash > 0) {
                b.locator("directory", f.substring(0, slash));
            }
        });
        if (inv.args().stream().anyMatch(a -> !a.literal()) || name.isEmpty() && verb != Verb.READ) {
            b.confidence(Confidence.INFERRED);
        }
        return b;
    }

    private static Optional<String> env(Invocation inv, String... names) {
        for (String n : names) {
            String v = inv.env().getOrDefault(n, "");
            if (!v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
