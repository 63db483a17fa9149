package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.security.SecurityTools;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Endpoint fleet servers (FleetDM, osquery fleet managers such as Kolide): a live query is osquery SQL, which only
 * reads the hosts' state — in prod too — unless it names a table that holds secrets in clear or is not a query;
 * host and policy listings read; the enroll secret is a credential; deleting hosts, running scripts and MDM lock or
 * wipe commands change the machines. Where: the server's name, through the inventory.
 */
final class EndpointTools {

    private static final Pattern ENDPOINT_SERVER = Pattern.compile("(?i)fleet|osquery|kolide");

    private EndpointTools() {
    }

    private static final Function<McpCall, List<Operation>> QUERY = c -> {
        String sql = c.text("query", "sql", "osquery", "statement");
        if (sql.isEmpty() || SecurityTools.osqueryWrites(sql)) {
            return List.of(c.opaque("a live query without a plain osquery SELECT"));
        }
        Optional<String> secret = SecurityTools.osquerySecretTable(sql);
        return List.of(c.op("osquery", secret.isPresent() ? Verb.CREDENTIAL : Verb.READ, "osquery-table", secret.orElse(sql))
                .scope(Scope.MANY).note(secret.map(t -> "queries " + t + ", which holds secrets in clear")
                        .orElse("an osquery query across hosts: it only reads")).build());
    };

    private static Function<McpCall, List<Operation>> on(Verb verb, String type, String note) {
        return c -> {
            Operation.Builder b = c.op("fleet", verb, type, c.text("host", "host_id", "hostname", "id", "name", "identifier"));
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false);
            }
            return List.of(b.note(note).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> table() {
        Map<String, Function<McpCall, List<Operation>>> m = new HashMap<>();
        for (String tool : List.of("run_live_query", "live_query", "run_query", "query", "osquery_query", "run_osquery",
                "execute_query", "query_hosts", "distributed_query")) {
            m.put(tool, QUERY);
        }
        Function<McpCall, List<Operation>> read = on(Verb.READ, "host", "a listing or description");
        for (String tool : List.of("list_hosts", "get_host", "get_hosts", "search_hosts", "list_queries", "get_query",
                "list_policies", "get_policy", "list_labels", "get_label", "list_teams", "get_host_software", "list_software")) {
            m.put(tool, read);
        }
        m.put("get_enroll_secret", on(Verb.CREDENTIAL, "enroll-secret", "the secret that lets any machine enroll"));
        m.put("delete_host", on(Verb.DELETE, "host", "removes the host from the fleet"));
        m.put("delete_query", on(Verb.DELETE, "query", "deletes a saved query"));
        m.put("delete_policy", on(Verb.DELETE, "policy", "deletes a policy"));
        m.put("run_script", on(Verb.EXECUTE, "host", "runs a script as root on the host"));
        m.put("lock_host", on(Verb.UPDATE, "host", "locks the host through MDM"));
        m.put("wipe_host", on(Verb.DELETE, "host", "erases the host through MDM"));
        m.put("create_policy", on(Verb.CREATE, "policy", "adds a policy the hosts are checked against"));
        m.put("create_query", on(Verb.CREATE, "query", "saves a query"));
        return Map.copyOf(m);
    }

    static final ToolFamily FAMILY = new ToolFamily("endpoints", c -> ENDPOINT_SERVER.matcher(c.server()).find(), table());
}
