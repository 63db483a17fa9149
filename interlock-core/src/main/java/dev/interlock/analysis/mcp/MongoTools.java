package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * MongoDB's server (mongodb-mcp-server, and servers spelling its tools the same way): each data tool is the mongo
 * shell call it stands for ({@code drop-collection {database: shop, collection: carts}} is
 * {@code mongosh --eval "db.getSiblingDB('shop').getCollection('carts').drop()"}), so the shell's table decides — an
 * empty filter deletes every document here too, and {@code aggregate} with {@code $out} overwrites a collection.
 * Listing and describing tools only read.
 */
final class MongoTools {

    private static final Pattern MONGO_SERVER = Pattern.compile("(?i).*(mongo|documentdb|cosmos).*");

    private MongoTools() {
    }

    /** {@code db.getSiblingDB(DB).getCollection(COLL).METHOD(ARG, …)} with the call's arguments as JSON. */
    private static Function<McpCall, List<Operation>> collection(String method, String... arguments) {
        return c -> {
            List<String> args = new ArrayList<>();
            for (String name : arguments) {
                JsonNode v = c.arguments().get(name);
                if (v != null && !v.isNull()) {
                    args.add(v.isTextual() ? quoted(v.asText()) : v.toString());
                }
            }
            return mongosh(c, database(c) + ".getCollection(" + quoted(c.text("collection")) + ")." + method
                    + "(" + String.join(", ", args) + ")");
        };
    }

    /** A call on the database itself: {@code db.getSiblingDB(DB).dropDatabase()}. */
    private static Function<McpCall, List<Operation>> onDatabase(Function<McpCall, String> call) {
        return c -> mongosh(c, database(c) + "." + call.apply(c));
    }

    private static List<Operation> read(McpCall c) {
        return List.of(c.op("database", Verb.READ, "collection", c.text("collection")).note("lists or describes").build());
    }

    static final ToolFamily FAMILY = new ToolFamily("mongodb",
            c -> MONGO_SERVER.matcher(c.server()).matches() || MONGO_SERVER.matcher(c.tool()).matches(),
            Map.ofEntries(
                    Map.entry("find", collection("find", "filter", "projection")),
                    Map.entry("count", collection("countDocuments", "query", "filter")),
                    Map.entry("aggregate", collection("aggregate", "pipeline")),
                    Map.entry("explain", MongoTools::read),
                    Map.entry("insert_many", collection("insertMany", "documents")),
                    Map.entry("insert_one", collection("insertOne", "document")),
                    Map.entry("update_many", collection("updateMany", "filter", "update")),
                    Map.entry("update_one", collection("updateOne", "filter", "update")),
                    Map.entry("delete_many", collection("deleteMany", "filter")),
                    Map.entry("delete_one", collection("deleteOne", "filter")),
                    Map.entry("create_index", collection("createIndex", "keys", "definition")),
                    Map.entry("drop_index", collection("dropIndex", "indexName", "name")),
                    Map.entry("drop_collection", collection("drop")),
                    Map.entry("rename_collection", collection("renameCollection", "newName")),
                    Map.entry("create_collection", onDatabase(c -> "createCollection(" + quoted(c.text("collection")) + ")")),
                    Map.entry("drop_database", onDatabase(c -> "dropDatabase()")),
                    Map.entry("list_databases", MongoTools::read), Map.entry("list_collections", MongoTools::read),
                    Map.entry("collection_indexes", MongoTools::read), Map.entry("collection_schema", MongoTools::read),
                    Map.entry("collection_storage_size", MongoTools::read), Map.entry("db_stats", MongoTools::read),
                    Map.entry("mongodb_logs", MongoTools::read), Map.entry("logs", MongoTools::read)));

    private static List<Operation> mongosh(McpCall c, String script) {
        if (c.text("database").isEmpty()) {
            return List.of(c.op("database", Verb.UNKNOWN, "database", "").confidence(Confidence.INFERRED)
                    .note("a MongoDB tool called without a database").build());
        }
        return c.analyses().shell(Shell.join(List.of("mongosh", "--quiet", "--eval", script)));
    }

    private static String database(McpCall c) {
        return "db.getSiblingDB(" + quoted(c.text("database")) + ")";
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
