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
 * Vector databases' servers (Chroma's {@code chroma_query_documents}, Qdrant's {@code qdrant-find}, Milvus's
 * {@code milvus_vector_search}, Pinecone's {@code search-records}): similarity queries, peeks and counts read, whatever
 * the server is; adding, updating, loading and releasing change a collection; deleting one or its documents loses them.
 * A call that carries {@code sql} is a database server's, not this family's.
 */
final class VectorStoreTools {

    private static final Pattern VECTOR_SERVER = Pattern.compile("(?i).*(chroma|qdrant|pinecone|milvus|zilliz|weaviate|lancedb|vector).*");

    private VectorStoreTools() {
    }

    private static Function<McpCall, List<Operation>> acts(Verb verb, String note) {
        return c -> {
            Operation.Builder b = c.op("database", verb, "collection",
                    c.text("collection_name", "collection", "collectionName", "index_name", "indexName", "name"));
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).scope(Scope.MANY);
            }
            return List.of(b.note(note).build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> table() {
        Map<String, Function<McpCall, List<Operation>>> m = new HashMap<>();
        Function<McpCall, List<Operation>> read = acts(Verb.READ, "a vector store query or listing");
        for (String tool : List.of("query_documents", "get_documents", "peek_collection", "get_collection_info",
                "get_collection_count", "list_collections", "find", "query", "text_search", "vector_search", "hybrid_search",
                "multi_vector_search", "text_similarity_search", "search_records", "cascading_search", "rerank_documents",
                "search_docs", "list_indexes", "describe_index", "describe_index_stats", "list_databases", "use_database",
                "search", "similarity_search", "get_collection", "count")) {
            m.put(tool, read);
        }
        for (String tool : List.of("add_documents", "update_documents", "upsert_documents", "upsert_records", "insert_data",
                "upsert_data", "store", "modify_collection", "load_collection")) {
            m.put(tool, acts(Verb.UPDATE, "changes what the collection holds or how it is served"));
        }
        m.put("release_collection", acts(Verb.UPDATE, "unloads the collection: searches on it fail until it is loaded again"));
        for (String tool : List.of("create_collection", "create_index", "create_index_for_model", "fork_collection")) {
            m.put(tool, acts(Verb.CREATE, "creates a collection or index"));
        }
        m.put("delete_collection", acts(Verb.DELETE, "deletes the collection and every vector in it"));
        m.put("drop_collection", acts(Verb.DELETE, "deletes the collection and every vector in it"));
        m.put("delete_index", acts(Verb.DELETE, "deletes the index and every vector in it"));
        for (String tool : List.of("delete_documents", "delete_entities", "delete_records", "delete_vectors")) {
            m.put(tool, acts(Verb.DELETE, "deletes documents from the collection"));
        }
        return Map.copyOf(m);
    }

    static final ToolFamily FAMILY = new ToolFamily("vector-store",
            c -> (VECTOR_SERVER.matcher(c.server()).matches() || VECTOR_SERVER.matcher(c.tool()).matches())
                    && !c.arguments().has("sql"),
            table());
}
