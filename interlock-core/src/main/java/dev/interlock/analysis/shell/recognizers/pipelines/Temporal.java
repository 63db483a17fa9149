package dev.interlock.analysis.shell.recognizers.pipelines;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Temporal's CLI, {@code temporal} (with the older {@code tctl}'s command names, in case it is reached under that name). Listing, describing, showing and querying workflows
 * reads; starting, signalling, cancelling, terminating and resetting them changes what the server runs (a terminated
 * workflow keeps its history: {@code workflow delete} is what loses it); a {@code --query} instead of one workflow id
 * acts on every workflow it matches. The server is the one {@code --address} (or {@code TEMPORAL_ADDRESS}) names:
 * {@code localhost:7233} is the developer's own {@code temporal server start-dev}; the namespace is a locator too.
 */
final class Temporal {

    private Temporal() {
    }

    private static final Set<String> VALUED = Set.of("--address", "--ad", "--namespace", "-n", "--ns", "--workflow-id",
            "-w", "--wid", "--run-id", "-r", "--rid", "--reason", "--query", "-q", "--type", "--name", "--input", "-i",
            "--input-file", "--task-queue", "-t", "--env", "--profile", "--api-key", "--output", "-o", "--limit",
            "--event-id", "--grpc-meta", "--codec-endpoint", "--schedule-id", "-s", "--cron", "--interval", "--calendar",
            "--ui-port", "--port", "-p", "--db-filename", "-f", "--ip", "--log-level", "--log-format", "--time-format",
            "--color", "--rps", "--job-id", "--activity-id", "-a", "--identity", "--detail", "--result", "--build-id",
            "--deployment-name", "--command-timeout", "--description", "--retention", "--email", "--search-attribute",
            "--memo", "--execution-timeout", "--run-timeout", "--task-timeout", "--id-reuse-policy", "--update-name",
            "--update-id", "--overlap-policy", "--notes", "--start-time", "--end-time", "--target-url",
            "--target-namespace", "--target-task-queue", "--tls-cert-path", "--tls-key-path", "--tls-ca-path",
            "--tls-server-name", "--config-file", "--http-port", "--metrics-port", "--ui-ip", "--context_timeout",
            "--headers_provider_plugin", "--tls_cert_path", "--tls_key_path", "--tls_ca_path", "--tls_server_name",
            "--workflow_id", "--run_id", "--workflow_type", "--taskqueue", "--tq", "--signal_name", "--event_id",
            "--reset_type", "--reset_reapply_type");

    private static final Placement SERVER = Placement.of("host", "--address", "--ad")
            .orVariables("TEMPORAL_ADDRESS", "TEMPORAL_CLI_ADDRESS");
    private static final Placement NAMESPACE = Placement.of("namespace", "--namespace", "-n", "--ns")
            .orVariables("TEMPORAL_NAMESPACE");

    /** Both CLIs' commands, {@code temporal operator}'s without that word. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("workflow", "list count show describe query stack trace result metadata describe-versioning "
                    + "listall listarchived scan observe observeid desc l la", read("workflow"))
            .add("workflow", "start execute run", execute("workflow").note("starts a workflow: its activities run"))
            .add("workflow", "signal signal-with-start signalwithstart update update-options",
                    update("workflow").note("sends the running workflow input it acts on"))
            .add("workflow", "cancel", update("workflow").note("asks the workflow to cancel"))
            .add("workflow", "terminate term", update("workflow").note("terminates the workflow at once: no cleanup runs"))
            .add("workflow", "reset reset-batch", update("workflow").note("rewinds the workflow and replays it from an earlier event"))
            .add("workflow", "pause unpause", update("workflow"))
            .add("workflow", "delete del", delete("workflow").note("deletes the workflow and its history"))
            .add("workflow", "fix-history-json", local("history-file"))
            .add("batch", "list describe", read("batch"))
            .add("batch", "terminate start", update("workflow").many().note("acts on every workflow the query matches"))
            .add("activity", "complete fail pause unpause reset update-options", update("activity"))
            .add("schedule", "list describe", read("schedule"))
            .add("schedule", "create", create("schedule"))
            .add("schedule", "update toggle trigger backfill", update("schedule"))
            .add("schedule", "delete", delete("schedule"))
            .add("task-queue", "describe list-partition get-build-ids get-build-id-reachability", read("task-queue"))
            .add("task-queue", "update-build-ids", update("task-queue"))
            .add("taskqueue", "describe list-partition", read("task-queue"))
            .add("worker", "list describe", read("worker"))
            .add("namespace", "list describe desc", read("namespace"))
            .add("namespace", "register create update", update("namespace"))
            .add("namespace", "delete", delete("namespace").all().note("deletes the namespace and every workflow in it"))
            .add("search-attribute", "list", read("search-attribute"))
            .add("search-attribute", "create", update("search-attribute"))
            .add("search-attribute", "remove", delete("search-attribute"))
            .add("cluster", "health describe get-search-attributes list system", read("cluster"))
            .add("cluster", "upsert", update("cluster"))
            .add("cluster", "remove", delete("cluster"))
            .add("nexus endpoint", "list get", read("nexus-endpoint"))
            .add("nexus endpoint", "create update", update("nexus-endpoint"))
            .add("nexus endpoint", "delete", delete("nexus-endpoint"))
            .add("admin", "describe show list", read("cluster"))
            .add("server", "start-dev", local("server"))
            .add("", "env config", local("configuration"))
            .add("", "help version completion", read("installation"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        // `temporal operator namespace delete` and tctl's `namespace delete` are one command; `wf` is tctl's `workflow`
        List<String> words = p.words().stream().dropWhile("operator"::equals).map(w -> w.equals("wf") ? "workflow" : w).toList();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "workflow");
        CommandTable.Act act = found.act();
        if (act.verb().destructive() || act.verb() == dev.interlock.model.Verb.UPDATE) {
            act = p.has("--query", "-q") && !found.command().startsWith("batch") ? act.many()
                    .note("acts on every workflow the query matches") : act;
        }
        Optional<String> namespace = NAMESPACE.target(inv, p);
        String name = p.value("--workflow-id", "-w", "--wid", "--workflow_id", "--schedule-id", "-s")
                .orElse(act.type().equals("namespace") ? namespace.orElse(found.name(words))
                        : found.name(words));
        Operation.Builder b = act.operation(inv, "temporal", name);
        if (act.here()) {
            return List.of(b.build());
        }
        SERVER.target(inv, p).map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(h -> b.locator(SERVER.locator(), h));
        namespace.ifPresent(n -> b.locator(NAMESPACE.locator(), n));
        p.value("--env", "--profile").ifPresent(e -> b.locator("environment", e));
        return List.of(b.build());
    }
}
