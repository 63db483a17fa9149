package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MLflow's CLI, {@code mlflow}. Searching and describing experiments and runs and downloading artifacts read; deleting
 * an experiment or a run moves it to the deleted stage ({@code restore} brings it back) and {@code gc} purges the deleted
 * ones for good; serving, building and running models and projects happens on this machine. The tracking server is the
 * store {@code --backend-store-uri} names, else {@code MLFLOW_TRACKING_URI}: unset, a file or SQLite path, or a loopback
 * address is the developer's own store ({@code ./mlruns}, {@code mlflow server} on localhost).
 */
final class Mlflow {

    private Mlflow() {
    }

    private static final Set<String> VALUED = Set.of("--run-id", "--experiment-id", "-x", "--experiment-name",
            "--experiment-ids", "--run-ids", "--backend-store-uri", "--registry-store-uri", "--artifacts-destination",
            "--default-artifact-root", "--tracking-uri", "--view", "-v", "--model-uri", "-m", "--port", "-p", "--host",
            "-h", "--env-manager", "--target", "-t", "--name", "--config", "-C", "--artifact-path", "--artifact-uri",
            "-u", "--local-dir", "-l", "--dst-path", "-d", "--older-than", "--max-results", "--output-path",
            "--input-path", "-i", "-o", "--workers", "-w", "--backend", "-b", "--backend-config", "-c", "-P",
            "--entry-point", "-e", "--version", "--new-name", "--filter", "--order-by", "--endpoint", "--content-type",
            "-j", "--input-data", "--output-file", "--profile", "--env-file", "--gunicorn-opts", "--uvicorn-opts");

    /** Where the tracking store is: the command line's store URI, else the environment's tracking URI. */
    private static final Placement TRACKING = Placement.of("host", "--backend-store-uri", "--tracking-uri")
            .orVariables("MLFLOW_TRACKING_URI");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("experiments", "search list get csv", read("experiment"))
            .add("experiments", "create", create("experiment"))
            .add("experiments", "delete", softDelete("experiment"))
            .add("experiments", "restore rename", update("experiment"))
            .add("runs", "list describe get", read("run"))
            .add("runs", "delete", softDelete("run"))
            .add("runs", "restore", update("run"))
            .add("artifacts", "list download", read("artifact"))
            .add("artifacts", "log-artifact log-artifacts", create("artifact").note("uploads files to the run's artifact store"))
            .add("", "gc", delete("run").many().note("permanently purges deleted runs, experiments and their artifacts"))
            .add("db", "upgrade", update("database").note("migrates the tracking database's schema in place"))
            .add("models", "serve predict build-docker generate-dockerfile prepare-env update-pip-requirements", local("model"))
            .add("deployments", "list get explain help list-endpoints get-endpoint predict", read("deployment"))
            .add("deployments", "create create-endpoint", create("deployment"))
            .add("deployments", "update update-endpoint", update("deployment"))
            .add("deployments", "delete delete-endpoint", delete("deployment"))
            .add("deployments", "run-local", local("deployment"))
            .add("", "server ui gateway", local("server"))
            .add("gateway", "start", local("server"))
            .add("", "run", local("project"))
            .add("recipes", "run inspect clean get-artifact", local("recipe"))
            .add("", "doctor", read("installation"))
            .build();

    /** MLflow's delete only marks the lifecycle stage: {@code restore} undoes it until {@code gc} runs. */
    private static CommandTable.Act softDelete(String type) {
        return new CommandTable.Act(Verb.DELETE, type, false, false, Scope.ONE,
                "moves the " + type + " to the deleted stage; restore brings it back until gc purges it");
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "run");
        CommandTable.Act act = found.act();
        if (found.command().equals("run") && p.value("--backend", "-b").filter(b -> !b.equals("local")).isPresent()) {
            act = execute("project").note("runs the project on the " + p.value("--backend", "-b").get() + " backend");
        }
        String name = p.value("--run-id", "--experiment-id", "-x", "--experiment-name", "--name", "--model-uri", "-m")
                .orElse(found.name(words));
        Operation.Builder b = act.operation(inv, "mlflow", name);
        if (act.here()) {
            return b.build();
        }
        Optional<String> target = p.value("--target", "-t").filter(t -> !t.equals("local"));
        if (found.command().startsWith("deployments ") && target.isPresent()) {
            // the deployment runs on the target platform (sagemaker, databricks, kserve…), not in the tracking store:
            // its name ("churn-prod") says which environment it serves, else it is unknown
            String deployment = p.value("--name").orElse(found.name(words));
            b.resource("deployment", deployment).note(act.note().isEmpty() ? "on " + target.get() : act.note());
            if (!deployment.isEmpty()) {
                b.locator("app", deployment);
            }
            inv.locators().forEach(b::locator);
            return b.build();
        }
        // `mlflow db upgrade URL` names the store as its operand
        Optional<String> uri = found.command().equals("db upgrade") && words.size() > 2 ? Optional.of(words.get(2)) : TRACKING.target(inv, p);
        // a relative or home path (./mlruns, ~/mlruns) reads as a "host" of dots
        String host = uri.map(Hosts::of).filter(h -> !h.matches("[.~]*")).orElse("");
        if (host.isEmpty() || Hosts.loopback(host)) {
            return LocalFiles.local(inv, b, uri.isEmpty() ? "no tracking URI: MLflow's own store in ./mlruns"
                    : "the tracking store " + uri.get() + " is on this machine").build();
        }
        return b.locator("host", host).build();
    }
}
