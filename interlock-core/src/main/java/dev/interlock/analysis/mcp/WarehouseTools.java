package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Warehouse servers (Snowflake's, BigQuery's, Databricks'): their query tools carry SQL under their own names
 * ({@code run_snowflake_query}, {@code execute_sql_query}) and go to the SQL analysis like the Postgres server's
 * {@code query}, so a SELECT on {@code information_schema} reads and a {@code DROP} or an unqualified {@code DELETE}
 * is judged as one. Snowflake's object tools change the account's objects; {@code drop_object} loses one.
 */
final class WarehouseTools {

    private WarehouseTools() {
    }

    private static final Pattern WAREHOUSE_SERVER = Pattern.compile("(?i)snowflake|bigquery|\\bbq\\b|bq[-_]|databricks");

    private static Function<McpCall, List<Operation>> object(Verb verb) {
        return c -> {
            String type = c.text("object_type", "type");
            String name = c.text("object_name", "name", "fully_qualified_name");
            Operation.Builder b = c.op("database", verb, type.isEmpty() ? "object" : type.toLowerCase(java.util.Locale.ROOT), name);
            return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String t : List.of("run_snowflake_query", "snowflake_query", "run_bigquery_query", "bigquery_query",
                "execute_bigquery_sql", "bigquery_execute_sql", "execute_sql_query", "run_sql_query", "execute_statement",
                "run_statement", "execute_sql_statement", "databricks_sql", "run_query", "execute_query", "execute_sql",
                "query", "sql", "read_query", "write_query")) {
            tools.put(t, DatabaseTools.SQL);
        }
        tools.put("list_objects", object(Verb.READ));
        tools.put("describe_object", object(Verb.READ));
        tools.put("create_object", object(Verb.CREATE));
        tools.put("create_or_alter_object", object(Verb.UPDATE));
        tools.put("drop_object", object(Verb.DELETE));
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("warehouse", c -> WAREHOUSE_SERVER.matcher(c.server()).find(), tools());
}
