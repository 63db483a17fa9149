package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Prometheus and the servers that speak its API (Thanos, Mimir, VictoriaMetrics): PromQL cannot write, so
 * instant and range queries, metric listings, metadata, targets, rules and alerts are reads in any environment, whatever
 * verb the tool's name starts with ({@code execute_query}). Only the TSDB admin calls change stored data:
 * {@code delete_series} erases samples, {@code clean_tombstones} makes that final, {@code snapshot} writes a copy on
 * the server's disk.
 */
final class MetricsTools {

    private MetricsTools() {
    }

    private static final Pattern METRICS_SERVER = Pattern.compile("(?i)prometheus|\\bprom\\b|prom[-_]|thanos|mimir|victoria");

    private static final Function<McpCall, List<Operation>> QUERY = c -> List.of(c.op("prometheus", Verb.READ, "metrics",
            c.text("query", "expr", "promql", "metric", "metric_name", "match")).note("a PromQL query: reads time series").build());
    private static final Function<McpCall, List<Operation>> LOOK = c -> List.of(c.op("prometheus", Verb.READ, "metrics",
            c.text("metric", "metric_name", "label", "match")).build());

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String t : List.of("execute_query", "execute_range_query", "query", "range_query", "query_range", "instant_query",
                "run_query", "promql_query", "query_prometheus", "execute_promql")) {
            tools.put(t, QUERY);
        }
        for (String t : List.of("list_metrics", "get_metadata", "get_metric_metadata", "metric_metadata", "get_targets",
                "list_targets", "get_alerts", "list_alerts", "get_rules", "list_rules", "get_series", "series",
                "get_labels", "get_label_names", "label_names", "get_label_values", "label_values", "health_check",
                "get_status", "get_runtime_info", "get_build_info", "get_tsdb_status", "get_exemplars")) {
            tools.put(t, LOOK);
        }
        tools.put("delete_series", c -> List.of(c.op("prometheus", Verb.DELETE, "series", c.text("match", "matchers", "metric"))
                .scope(Scope.MANY).stateful(true).reversible(false).note("erases stored samples of the matching series").build()));
        tools.put("clean_tombstones", c -> List.of(c.op("prometheus", Verb.DELETE, "series", "tombstones")
                .scope(Scope.MANY).stateful(true).reversible(false).note("removes deleted samples from disk for good").build()));
        tools.put("snapshot", c -> List.of(c.op("prometheus", Verb.CREATE, "snapshot", "tsdb")
                .note("writes a copy of the TSDB on the server's disk").build()));
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("prometheus", c -> METRICS_SERVER.matcher(c.server()).find(), tools());
}
