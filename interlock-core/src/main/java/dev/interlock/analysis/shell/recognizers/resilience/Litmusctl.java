package dev.interlock.analysis.shell.recognizers.resilience;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LitmusChaos's CLI, {@code litmusctl VERB NOUN}, which drives a ChaosCenter: {@code get}, {@code describe} and
 * {@code list} read; connecting chaos infrastructure installs privileged agents into a cluster, and creating or running a
 * chaos experiment injects its faults (pod deletes, network loss) into that cluster's workloads. Where that is comes
 * from names: the tier word of {@code --name}, {@code --environment-id}, the experiment file or the ids it is given
 * ({@code prod-payments-pod-delete.yaml} is prod), and for infrastructure the kubeconfig it installs with. A name with no
 * tier leaves it unknown, which is held like production. {@code config} and {@code version} only touch this machine.
 */
public final class Litmusctl implements Recognizer {

    private static final String INFRA = "chaos-infra";
    private static final String EXPERIMENT = "chaos-experiment";
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("connect", "chaos-infra agent", create(INFRA).note("installs Litmus's chaos infrastructure (privileged agents) into the cluster"))
            .add("disconnect", "chaos-infra agent", delete(INFRA))
            .add("upgrade", "chaos-infra agent", update(INFRA))
            .add("create", "chaos-experiment workflow chaos-scenario", execute(EXPERIMENT)
                    .note("creates the experiment and runs it: its faults hit the infrastructure's workloads"))
            .add("save", "chaos-experiment", create(EXPERIMENT))
            .add("run", "chaos-experiment chaos-scenario", execute(EXPERIMENT)
                    .note("runs the experiment: its faults hit the infrastructure's workloads"))
            .add("delete", "chaos-experiment workflow chaos-scenario", delete(EXPERIMENT))
            .add("create", "project", create("project"))
            .add("create", "chaos-environment environment", create("environment"))
            .add("delete", "chaos-environment environment", delete("environment"))
            .add("get", "chaos-infra chaos-infras agents", read(INFRA))
            .add("get", "chaos-experiments chaos-experiment chaos-experiment-runs workflows chaos-scenarios", read(EXPERIMENT))
            .add("describe", "chaos-experiment workflow chaos-scenario", read(EXPERIMENT))
            .add("get", "projects", read("project"))
            .add("get", "chaos-environments environments", read("environment"))
            .add("describe", "chaos-environment environment", read("environment"))
            .add("", "config version completion help", local("litmusctl"))
            .build();

    /** Commands that name infrastructure in a cluster: the kubeconfig they use says which. */
    private static final Set<String> IN_CLUSTER = Set.of("connect", "disconnect", "upgrade");

    /** Flags whose values are names that can carry a tier word. */
    private static final List<String> NAMING = List.of("--name", "--environment-id", "-f", "--file", "--experiment-id",
            "--chaos-infra-id", "--infra-id", "--project-id", "--project-name", "--namespace", "-n");

    private static final Set<String> VALUED = Set.of("--name", "--environment-id", "-f", "--file", "--experiment-id",
            "--chaos-infra-id", "--infra-id", "--project-id", "--project-name", "--namespace", "-n", "--kubeconfig",
            "--installation-mode", "--platform-name", "--description", "--node-selector", "--tolerations", "--service-account",
            "--ns-exists", "--sa-exists", "--skip-ssl", "--config", "-o", "--output", "--endpoint", "--username",
            "--password", "--chaos-environment-id", "--type");

    @Override
    public Set<String> programs() {
        return Set.of("litmusctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h")) {
            return List.of();
        }
        // get, describe and list read whatever they name; an unlisted command is judged by its verb
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, EXPERIMENT);
        String name = found.name(words);
        List<String> names = new ArrayList<>();
        NAMING.forEach(f -> names.addAll(p.flags().getOrDefault(f, List.of())));
        names.add(name);
        String tier = names.stream().map(DeploymentWords::tierOfName).filter(t -> !t.isEmpty()).findFirst().orElse("");
        Map<String, String> locators = new LinkedHashMap<>();
        locators.put("environment", tier);
        if (IN_CLUSTER.contains(words.getFirst())) {
            locators.put("kubeconfig", p.value("--kubeconfig").orElse(inv.env().getOrDefault("KUBECONFIG", "")));
        }
        String resource = name.isEmpty() ? p.value("--name", "-f", "--file", "--experiment-id").orElse("") : name;
        return List.of(found.act().placed(inv, "litmus", resource, locators, Tier.UNKNOWN, ""));
    }
}
