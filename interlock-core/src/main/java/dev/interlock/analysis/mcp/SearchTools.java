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
 * Elasticsearch and OpenSearch servers (elastic's mcp-server-elasticsearch, elasticsearch-mcp-server,
 * opensearch-mcp-server): their tools act on the indices and documents of the cluster the server is configured for, so
 * they are the database operations their REST calls are — searching, listing and describing read; one document indexed
 * or deleted is a targeted change (routine in staging, as a MongoDB deleteOne is); a delete by query loses the matching
 * documents, and deleting an index or data stream loses everything in it. Where: the server's name, through the inventory.
 */
final class SearchTools {

    private static final Pattern SEARCH_SERVER = Pattern.compile("(?i).*(elastic|opensearch).*");

    private SearchTools() {
    }

    private static Function<McpCall, List<Operation>> on(Verb verb, String type, Scope scope, String note) {
        return c -> {
            String index = c.text("index", "index_name", "indexName", "name", "data_stream", "alias");
            String id = c.text("id", "document_id", "documentId", "doc_id");
            String name = type.equals("document") && !id.isEmpty() ? index + "/" + id : index;
            Operation.Builder b = c.op("database", verb, type, name).scope(index.contains("*") || index.equals("_all") ? Scope.ALL : scope);
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false);
            }
            return List.of(b.note(note).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> table() {
        Map<String, Function<McpCall, List<Operation>>> m = new HashMap<>();
        Function<McpCall, List<Operation>> read = on(Verb.READ, "collection", Scope.ONE, "a search, listing or description");
        for (String tool : List.of("list_indices", "get_index", "get_mappings", "get_mapping", "get_settings", "get_shards",
                "search", "search_documents", "esql", "sql", "count", "get_document", "get_cluster_health", "get_cluster_stats",
                "cluster_health", "list_aliases", "get_alias", "analyze_text", "get_data_stream", "msearch", "explain",
                "list_index", "index_mapping", "search_index", "cat_indices", "cat_shards")) {
            m.put(tool, read);
        }
        m.put("index_document", on(Verb.UPDATE, "document", Scope.ONE, "writes one document"));
        m.put("update_document", on(Verb.UPDATE, "document", Scope.ONE, "writes one document"));
        m.put("delete_document", on(Verb.DELETE, "document", Scope.ONE, "deletes one document"));
        m.put("delete_by_query", on(Verb.DELETE, "document", Scope.MANY, "deletes every document the query matches"));
        m.put("create_index", on(Verb.CREATE, "collection", Scope.ONE, "creates an index"));
        m.put("create_data_stream", on(Verb.CREATE, "collection", Scope.ONE, "creates a data stream"));
        m.put("put_alias", on(Verb.UPDATE, "collection", Scope.ONE, "points an alias at an index"));
        m.put("delete_alias", on(Verb.UPDATE, "collection", Scope.ONE, "removes an alias"));
        m.put("delete_index", on(Verb.DELETE, "collection", Scope.ONE, "deletes the index and every document in it"));
        m.put("delete_data_stream", on(Verb.DELETE, "collection", Scope.ONE, "deletes the data stream and its backing indices"));
        return Map.copyOf(m);
    }

    static final ToolFamily FAMILY = new ToolFamily("search",
            c -> SEARCH_SERVER.matcher(c.server()).matches() && !c.arguments().has("sql") || SEARCH_SERVER.matcher(c.tool()).matches(),
            table());
}
