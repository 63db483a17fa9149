package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * BI servers' MCP tools (Metabase, Looker, Superset, Redash): running a saved question, a Look, a chart's data or an
 * ad-hoc query of the model answers from the warehouse and changes nothing, however prod the server; deleting a card,
 * dashboard, Look or collection removes what people report from. Listings and gets read by their names.
 */
final class BiTools {

    private BiTools() {
    }

    private static final Pattern BI = Pattern.compile("(?i)metabase|looker|superset|redash|tableau|powerbi|power-bi");

    private static Function<McpCall, List<Operation>> runs(String type, String... names) {
        return c -> List.of(c.op(system(c), Verb.READ, type, c.text(names)).note("runs a saved or modelled query; it only reads").build());
    }

    private static Function<McpCall, List<Operation>> deletes(String type, String... names) {
        return c -> List.of(c.op(system(c), Verb.DELETE, type, c.text(names)).stateful(true).reversible(false)
                .note("deletes a " + type + " people report from").build());
    }

    private static String system(McpCall c) {
        java.util.regex.Matcher m = BI.matcher(c.server());
        return m.find() ? m.group().toLowerCase(java.util.Locale.ROOT).replace("-", "") : "bi";
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String tool : List.of("execute_card", "run_card", "run_card_query", "execute_question", "run_question")) {
            tools.put(tool, runs("card", "card_id", "id", "question_id"));
        }
        for (String tool : List.of("run_look", "run_inline_query", "run_query", "run_dashboard", "query_url", "run_explore_query")) {
            tools.put(tool, runs("look", "look_id", "query_id", "dashboard_id", "model", "id"));
        }
        for (String tool : List.of("get_chart_data", "chart_data", "run_saved_query", "execute_saved_query")) {
            tools.put(tool, runs("chart", "chart_id", "saved_query_id", "query_id", "id"));
        }
        tools.put("delete_card", deletes("card", "card_id", "id"));
        tools.put("delete_question", deletes("card", "card_id", "question_id", "id"));
        tools.put("delete_dashboard", deletes("dashboard", "dashboard_id", "id"));
        tools.put("delete_look", deletes("look", "look_id", "id"));
        tools.put("delete_collection", deletes("collection", "collection_id", "id"));
        tools.put("delete_chart", deletes("chart", "chart_id", "id"));
        tools.put("delete_dataset", deletes("dataset", "dataset_id", "id"));
        tools.put("delete_saved_query", deletes("saved-query", "saved_query_id", "id"));
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("bi", c -> BI.matcher(c.server()).find(), tools());
}
