package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.database.MySqlOperatorTools;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;

/**
 * orchestrator's HTTP API ({@code /api/COMMAND/…}): the command word says what it does whatever the method, so a plain
 * GET of {@code /api/graceful-master-takeover/CLUSTER/HOST/PORT}, {@code /api/force-master-failover}, {@code /api/relocate}
 * or {@code /api/begin-downtime} changes the replication topology as {@code orchestrator-client -c} would;
 * {@code /api/clusters}, {@code /api/instance}, {@code /api/topology} read. The change happens where the orchestrator
 * server is, so its host places it.
 */
final class OrchestratorApis {

    private OrchestratorApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        String path = NetworkRecognizer.path(url);
        if (!path.startsWith("/api/") || path.length() < 6) {
            return Optional.empty();
        }
        int end = path.indexOf('/', 5);
        String command = path.substring(5, end < 0 ? path.length() : end);
        Optional<Action> action = MySqlOperatorTools.orchestratorCommand(command);
        // a read word on another service's /api/ must not hide that service's POST or DELETE
        if (action.isEmpty() || action.get().verb() == Verb.READ && !method.isEmpty() && !method.equals("GET")
                && !method.equals("HEAD")) {
            return Optional.empty();
        }
        return Optional.of(List.of(action.get().on("database", end < 0 ? "" : path.substring(end + 1), inv,
                "orchestrator API " + command).locator("host", Hosts.of(url)).build()));
    }
}
