package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Database servers (Postgres, MySQL, SQLite, Supabase, Neon, ClickHouse, Trino, Presto, …): {@code query},
 * {@code execute_sql}, {@code run_select_query} and the like
 * carry SQL, judged by the SQL analysis in the server's dialect — so a "read-only" query tool that is handed
 * {@code COMMIT; DROP TABLE …} is judged by what it would do.
 */
final class DatabaseTools {

    private static final Pattern DATABASE_SERVER = Pattern.compile("(?i).*(sql|postgres|\\bpg|pg[-_]|mysql|maria|sqlite|database|\\bdb|db[-_]|_db|supabase|neon|redshift|snowflake|bigquery|cockroach|timescale|clickhouse|chdb"
            // query engines over lakes and warehouses: Trino's, Presto's, Athena's, Dremio's, DuckDB's, Spark's servers
            + "|trino|presto|starburst|athena|dremio|duckdb|motherduck|spark|hive|impala|starrocks|doris|druid|pinot|vertica).*");

    private DatabaseTools() {
    }

    static final Function<McpCall, List<Operation>> SQL = DatabaseTools::sql;
    private static final Function<McpCall, List<Operation>> SCHEMA = c -> List.of(c.op("database", Verb.READ, "schema",
            c.text("table", "table_name", "schema")).build());

    /** A database server by its name, or a call that carries {@code sql} (so a generic {@code query} tool is SQL only then). */
    static final ToolFamily FAMILY = new ToolFamily("database",
            c -> DATABASE_SERVER.matcher(c.server()).matches() || DATABASE_SERVER.matcher(c.tool()).matches()
                    || c.arguments().has("sql"),
            Map.ofEntries(Map.entry("query", SQL), Map.entry("execute_sql", SQL), Map.entry("run_query", SQL),
                    Map.entry("execute_query", SQL), Map.entry("sql", SQL), Map.entry("execute", SQL), Map.entry("run_sql", SQL),
                    Map.entry("read_query", SQL), Map.entry("write_query", SQL), Map.entry("create_table", SQL),
                    Map.entry("pg_execute", SQL), Map.entry("mysql_query", SQL),
                    // ClickHouse's server (run_select_query, also chDB's) and the Trino/Presto servers' statement tools
                    Map.entry("run_select_query", SQL), Map.entry("run_chdb_select_query", SQL), Map.entry("execute_statement", SQL),
                    Map.entry("list_catalogs", SCHEMA), Map.entry("get_table_schema", SCHEMA),
                    Map.entry("list_tables", SCHEMA), Map.entry("describe_table", SCHEMA), Map.entry("list_schemas", SCHEMA),
                    Map.entry("get_schema", SCHEMA), Map.entry("list_databases", SCHEMA)));

    /** Supabase's server: SQL and migrations are SQL; branches and projects are the database itself. */
    static final ToolFamily SUPABASE = new ToolFamily("supabase", c -> true, Map.ofEntries(
            Map.entry("apply_migration", SQL),
            Map.entry("delete_branch", c -> List.of(c.op("database", Verb.DELETE, "database", "branch " + c.text("branch_id"))
                    .scope(dev.interlock.model.Scope.ALL).stateful(true).reversible(false).note("deletes a database branch and its data").build())),
            Map.entry("reset_branch", c -> List.of(c.op("database", Verb.REPLACE, "database", "branch " + c.text("branch_id"))
                    .scope(dev.interlock.model.Scope.ALL).stateful(true).reversible(false)
                    .note("resets the branch's migrations; data and schema changes not in migrations are lost").build())),
            Map.entry("pause_project", c -> List.of(c.op("database", Verb.UPDATE, "project", c.text("project_id"))
                    .note("pauses the project: its database and APIs stop serving").build())),
            Map.entry("restore_project", c -> List.of(c.op("database", Verb.UPDATE, "project", c.text("project_id")).build())),
            Map.entry("merge_branch", c -> List.of(c.op("database", Verb.UPDATE, "database", "branch " + c.text("branch_id"))
                    .note("merges the branch's migrations into production").build())),
            Map.entry("deploy_edge_function", c -> List.of(c.op("database", Verb.UPDATE, "function", c.text("name")).build()))));

    private static List<Operation> sql(McpCall c) {
        String statement = c.text("sql", "query", "statement", "sql_query", "sql_statement");
        if (statement.isEmpty()) {
            return List.of(c.opaque("a database tool called without SQL"));
        }
        return c.analyses().sql(statement, dialect(c.server() + " " + c.tool()));
    }

    static String dialect(String hint) {
        String h = hint.toLowerCase(Locale.ROOT);
        if (h.contains("mysql") || h.contains("maria") || h.contains("phpmyadmin")) {
            return "mysql";
        }
        if (h.contains("sqlite")) {
            return "sqlite";
        }
        if (h.contains("postgres") || h.contains("pg") || h.contains("supabase") || h.contains("neon") || h.contains("redshift")
                || h.contains("cockroach") || h.contains("timescale")) {
            return "postgresql";
        }
        return "";
    }
}
