package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Cloudflare's servers (the Workers bindings server and the older all-in-one one): a D1 query is SQL, judged by the SQL
 * analysis in SQLite's dialect, so {@code SELECT} reads and {@code DELETE} deletes; KV namespaces, R2 buckets and D1
 * databases are stores whose deletion loses what they hold. Listing and getting are reads by their names.
 */
final class CloudflareTools {

    private CloudflareTools() {
    }

    private static final Pattern CLOUDFLARE = Pattern.compile("(?i)cloudflare|workers|bindings|wrangler|miniflare|\\bcf\\b");

    private static final Function<McpCall, List<Operation>> QUERY = c -> {
        String statement = c.text("sql", "query");
        if (statement.isEmpty()) {
            return List.of(c.opaque("a D1 query without SQL"));
        }
        String database = c.text("database_id", "databaseId", "database");
        return c.analyses().sql(statement, "sqlite").stream()
                .map(o -> database.isEmpty() ? o : o.toBuilder().locator("database", database).build()).toList();
    };

    /** Deleting a store: everything in it is gone. */
    private static Function<McpCall, List<Operation>> dropStore(String system, String type, String... names) {
        return c -> List.of(c.op(system, Verb.DELETE, type, c.text(names)).scope(Scope.ALL).stateful(true).reversible(false)
                .note("deletes the " + type + " with everything in it").build());
    }

    private static Function<McpCall, List<Operation>> change(Verb verb, String type, String... names) {
        return c -> {
            Operation.Builder b = c.op("cloudflare", verb, type, c.text(names));
            return List.of((verb == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
        };
    }

    static final ToolFamily FAMILY = new ToolFamily("cloudflare",
            c -> CLOUDFLARE.matcher(c.server()).find() || c.tool().startsWith("d1_") || c.tool().startsWith("r2_")
                    || c.tool().startsWith("hyperdrive_"),
            Map.ofEntries(
                    Map.entry("d1_database_query", QUERY), Map.entry("d1_query", QUERY),
                    Map.entry("d1_database_delete", dropStore("database", "database", "database_id", "databaseId", "name")),
                    Map.entry("d1_delete_database", dropStore("database", "database", "database_id", "databaseId", "name")),
                    Map.entry("d1_database_create", change(Verb.CREATE, "database", "name")),
                    Map.entry("d1_create_database", change(Verb.CREATE, "database", "name")),
                    Map.entry("kv_namespace_delete", dropStore("cloudflare", "kv-namespace", "namespace_id", "namespaceId", "title")),
                    Map.entry("kv_namespace_create", change(Verb.CREATE, "kv-namespace", "title")),
                    Map.entry("kv_namespace_update", change(Verb.UPDATE, "kv-namespace", "namespace_id", "namespaceId", "title")),
                    Map.entry("kv_put", change(Verb.UPDATE, "key", "key")),
                    Map.entry("kv_delete", change(Verb.DELETE, "key", "key")),
                    Map.entry("r2_bucket_delete", dropStore("cloudflare", "bucket", "name", "bucket", "bucketName")),
                    Map.entry("r2_delete_bucket", dropStore("cloudflare", "bucket", "name", "bucket", "bucketName")),
                    Map.entry("r2_bucket_create", change(Verb.CREATE, "bucket", "name", "bucket", "bucketName")),
                    Map.entry("r2_create_bucket", change(Verb.CREATE, "bucket", "name", "bucket", "bucketName")),
                    Map.entry("r2_put_object", change(Verb.UPDATE, "object", "key", "objectName")),
                    Map.entry("r2_delete_object", change(Verb.DELETE, "object", "key", "objectName")),
                    Map.entry("workers_delete", change(Verb.DELETE, "worker", "name", "scriptName", "script_name")),
                    Map.entry("worker_delete", change(Verb.DELETE, "worker", "name", "scriptName", "script_name")),
                    Map.entry("worker_put", change(Verb.UPDATE, "worker", "name", "scriptName", "script_name")),
                    Map.entry("hyperdrive_config_delete", change(Verb.DELETE, "hyperdrive-config", "hyperdrive_id", "id")),
                    Map.entry("hyperdrive_config_create", change(Verb.CREATE, "hyperdrive-config", "name")),
                    Map.entry("hyperdrive_config_edit", change(Verb.UPDATE, "hyperdrive-config", "hyperdrive_id", "id")),
                    Map.entry("set_active_account", c -> List.of(c.op("cloudflare", Verb.READ, "account", c.text("activeAccountIdParam", "account_id"))
                            .note("chooses the account later calls act in").build()))));
}
