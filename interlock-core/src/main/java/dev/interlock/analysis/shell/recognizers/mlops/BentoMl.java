package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BentoML's CLI, {@code bentoml}. Models and Bentos live in the local store ({@code ~/bentoml}): listing, building,
 * deleting, exporting and serving them happens on this machine, and a deleted one is rebuilt from the project. Pushing
 * uploads to BentoCloud, and deployments run there: placed by the deployment's name and {@code --cluster}, else unknown.
 */
final class BentoMl {

    private BentoMl() {
    }

    private static final Set<String> VALUED = Set.of("-n", "--name", "--cluster", "-f", "--config-file", "--config-dict",
            "-o", "--output", "--bento", "--scaling-min", "--scaling-max", "--instance-type", "--strategy", "--env",
            "--secret", "--timeout", "--working-dir", "-t", "--tag", "--port", "-p", "--host", "--version");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("models", "list get delete export import pull", local("model"))
            .add("bentos", "list get delete export import pull", local("bento"))
            .add("", "list get delete export import pull", local("bento"))
            .add("", "build serve serve-http serve-grpc containerize start-http-server start-runner-server start-grpc-server",
                    local("bento"))
            .add("models", "push", create("model").note("uploads the model to BentoCloud"))
            .add("bentos", "push", create("bento").note("uploads the Bento to BentoCloud"))
            .add("", "push", create("bento").note("uploads the Bento to BentoCloud"))
            .add("", "deploy", update("deployment").note("deploys the Bento to BentoCloud"))
            .add("deployment", "list get", read("deployment"))
            .add("deployment", "create update apply", update("deployment"))
            .add("deployment", "terminate", update("deployment").note("stops the deployment's instances"))
            .add("deployment", "delete", delete("deployment"))
            .build();

    /** The command's operation, when the table has it. */
    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        return COMMANDS.find(words).map(found -> {
            CommandTable.Act act = found.act();
            String name = p.value("-n", "--name").orElse(found.name(words));
            if (act.here()) {
                return act.operation(inv, "bentoml", name).build();
            }
            // BentoCloud: the deployment's name ("churn-prod") and its cluster say which environment it serves
            boolean named = found.command().startsWith("deployment") || found.command().equals("deploy");
            return act.placed(inv, "bentoml", name, Map.of("app", named ? name : "",
                    "cluster", p.value("--cluster").orElse("")), Tier.UNKNOWN, "");
        });
    }
}
