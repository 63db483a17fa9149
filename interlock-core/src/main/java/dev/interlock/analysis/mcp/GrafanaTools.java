package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Grafana's MCP server ({@code mcp-grafana}): dashboards, alert rules, folders, annotations and incidents change the
 * Grafana instance the server holds a token for (the inventory places the server: {@code grafana-dev},
 * {@code grafana-prod}); an incident pages its responders. Searches, queries of data sources and listings read by
 * their names and need no row here.
 */
final class GrafanaTools {

    private GrafanaTools() {
    }

    private static final Pattern GRAFANA = Pattern.compile("(?i)grafana");

    private static Function<McpCall, List<Operation>> act(Verb verb, String type, String... names) {
        return c -> {
            Operation.Builder b = c.op("grafana", verb, type, c.text(names));
            if (c.tool().endsWith("dashboard") && c.arguments().path("dashboard").isObject()) {
                b.resource(type, c.arguments().path("dashboard").path("uid").asText(c.arguments().path("dashboard").path("title").asText()));
            }
            return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        tools.put("update_dashboard", act(Verb.UPDATE, "dashboard", "uid"));
        tools.put("patch_dashboard", act(Verb.UPDATE, "dashboard", "uid"));
        tools.put("create_folder", act(Verb.CREATE, "folder", "title", "uid"));
        tools.put("create_alert_rule", act(Verb.CREATE, "alert-rule", "title", "uid"));
        tools.put("update_alert_rule", act(Verb.UPDATE, "alert-rule", "uid", "title"));
        tools.put("delete_alert_rule", act(Verb.DELETE, "alert-rule", "uid"));
        tools.put("create_annotation", act(Verb.CREATE, "annotation", "dashboardUID", "text"));
        tools.put("create_graphite_annotation", act(Verb.CREATE, "annotation", "what"));
        tools.put("update_annotation", act(Verb.UPDATE, "annotation", "id"));
        tools.put("patch_annotation", act(Verb.UPDATE, "annotation", "id"));
        tools.put("create_incident", c -> List.of(c.op("grafana", Verb.CREATE, "incident", c.text("title"))
                .reversible(false).note("declares an incident, which notifies its responders").build()));
        tools.put("add_activity_to_incident", act(Verb.UPDATE, "incident", "incidentId"));
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("grafana", c -> GRAFANA.matcher(c.server()).find(), tools());
}
