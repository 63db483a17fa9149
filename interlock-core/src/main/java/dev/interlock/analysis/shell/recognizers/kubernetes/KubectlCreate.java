package dev.interlock.analysis.shell.recognizers.kubernetes;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * kubectl's object-making subcommands: {@code create KIND NAME}, {@code create -f}, {@code expose}, {@code autoscale},
 * {@code run}, and OpenShift's {@code new-project}/{@code new-app}. RBAC objects are grants and tokens credentials,
 * whatever subcommand makes them.
 */
final class KubectlCreate {

    /** {@code create secret generic NAME}, {@code create service clusterip NAME}: the name is one word later. */
    private static final Set<String> KIND_WITH_SUBTYPE = Set.of("secret", "service", "svc");

    private KubectlCreate() {
    }

    static List<Operation> create(KubectlCall c) {
        String sub = c.sub();
        if (c.dryRun()) {
            String kind = c.word(0);
            return sub.equals("create") && !kind.isEmpty()
                    ? List.of(c.op(Verb.READ, KubernetesTypes.normalize(kind), "").build())
                    : KubectlRecognizer.reads(c, c.targets(0));
        }
        return switch (sub) {
            case "expose" -> derived(c, "service", "exposes");
            case "autoscale" -> derived(c, "horizontalpodautoscaler", "autoscales");
            case "new-project" -> List.of(c.op(Verb.CREATE, "namespace", c.word(0)).build());
            case "new-app", "new-build" -> List.of(c.op(Verb.CREATE, "application",
                    c.flags.value("--name").orElse(c.word(0))).build());
            default -> kind(c);
        };
    }

    /** {@code expose deploy web --port 80}: a new object named after (or by {@code --name}) the one it serves. */
    private static List<Operation> derived(KubectlCall c, String type, String what) {
        List<Operation> ops = new ArrayList<>();
        for (KubectlCall.Target t : c.targets(0)) {
            String name = c.flags.value("--name").orElse(t.name());
            ops.add(c.op(Verb.CREATE, type, name).note(what + " " + t.type() + " " + t.name()).build());
        }
        return ops.isEmpty() ? List.of(c.op(Verb.CREATE, type, "").confidence(Confidence.INFERRED).build()) : ops;
    }

    private static List<Operation> kind(KubectlCall c) {
        String kind = c.word(0);
        if (kind.isEmpty()) {
            return KubectlRecognizer.targetOps(c, c.targets(0), Verb.CREATE);
        }
        String type = KubernetesTypes.normalize(kind);
        if (KubernetesTypes.rbac(type)) {
            return List.of(c.op(Verb.GRANT, type, c.word(1)).note(binding(c)).build());
        }
        if (type.equals("token")) {
            return List.of(c.op(Verb.CREDENTIAL, "serviceaccount", c.word(1))
                    .note("issues a token for service account " + c.word(1)).build());
        }
        String name = KIND_WITH_SUBTYPE.contains(kind) ? c.word(2) : c.word(1);
        Operation.Builder b = c.op(Verb.CREATE, type, name);
        if (name.isEmpty()) {
            b.confidence(Confidence.INFERRED);
        }
        return List.of(b.build());
    }

    /** What a role or binding hands out, for the human who reviews it. */
    private static String binding(KubectlCall c) {
        String role = c.flags.value("--clusterrole", "--role").orElse("");
        List<String> subjects = new ArrayList<>();
        for (String flag : List.of("--user", "--group", "--serviceaccount")) {
            subjects.addAll(c.flags.flags().getOrDefault(flag, List.of()));
        }
        if (role.isEmpty()) {
            return "creates " + c.word(0) + " " + c.word(1);
        }
        return "grants " + role + (subjects.isEmpty() ? "" : " to " + String.join(", ", subjects));
    }

    /**
     * {@code run NAME --image X} starts a pod; attached ({@code -it}, {@code --rm}) or with a command it runs code of
     * the agent's choosing in the cluster. A privileged or host-namespace pod is root on its node.
     */
    static List<Operation> run(KubectlCall c, Nested nested) {
        if (c.dryRun()) {
            return List.of(c.op(Verb.READ, "pod", c.word(0)).build());
        }
        List<Operation> ops = new ArrayList<>(List.of(pod(c)));
        ops.addAll(inPod(c, c.word(0), nested));
        return ops;
    }

    /**
     * The command after {@code --} of {@code run} or {@code debug} runs inside the new pod; analyzing it there catches
     * {@code kubectl run x --image=postgres -- psql -h db.prod -c 'DROP TABLE users'}.
     */
    static List<Operation> inPod(KubectlCall c, String pod, Nested nested) {
        return inPod(c, pod, nested, "");
    }

    /** The words after {@code --} run in {@code pod} as arguments of {@code program} (or as the command, when it is empty). */
    static List<Operation> inPod(KubectlCall c, String pod, Nested nested, String program) {
        List<Arg> command = c.flags.afterDoubleDash();
        if (command.isEmpty() && program.isEmpty()) {
            return List.of();
        }
        String text = (program + " " + command.stream().map(Arg::shellText).collect(Collectors.joining(" "))).strip();
        Map<String, String> where = new TreeMap<>(c.inv.locators());
        where.put("pod", pod.isEmpty() ? "unknown" : pod);
        c.locators.forEach(where::putIfAbsent);
        Invocation inside = new Invocation(c.inv.program(), c.inv.args(), c.inv.env(), c.inv.workspace(),
                c.inv.evidence(), Optional.empty(), where);
        return nested.shell(text, inside);
    }


    private static Operation pod(KubectlCall c) {
        String name = c.word(0);
        String image = c.flags.value("--image").orElse("");
        boolean code = c.has("-i", "-t", "--stdin", "--tty", "--attach", "--rm") || !c.flags.afterDoubleDash().isEmpty()
                || c.rest.size() > 1;
        String overrides = c.flags.value("--overrides").orElse("").replace(" ", "");
        boolean privileged = overrides.contains("\"privileged\":true") || overrides.contains("\"hostPID\":true")
                || overrides.contains("\"hostNetwork\":true") || c.has("--privileged");
        Operation.Builder b = c.op(code ? Verb.EXECUTE : Verb.CREATE, "pod", name)
                .note("runs " + (image.isEmpty() ? "an image" : image) + " in a new pod"
                        + (privileged ? "; privileged: root on the node" : ""));
        if (privileged) {
            return b.verb(Verb.ESCALATE).build();
        }
        return b.build();
    }
}
