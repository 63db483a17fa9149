package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Redis servers (the official redis MCP server, Upstash's, Valkey's and servers spelling their tools the same way):
 * tools that scan key names or read a key, its type, its TTL or the server's INFO only read, on any server; deleting
 * keys and flushing a database lose data, and their scope follows what they name (a pattern or every key).
 */
final class RedisTools {

    private static final Pattern REDIS_SERVER = Pattern.compile("(?i).*(redis|valkey|keydb|upstash|elasticache|memorystore).*");
    private static final List<String> READS = List.of("scan_keys", "scan_all_keys", "get_key", "get", "keys", "info",
            "ttl", "type", "dbsize", "exists", "hget", "hgetall", "lrange", "llen", "smembers", "scard", "zrange",
            "zcard", "json_get", "get_indexes", "get_index_info", "get_indexed_keys_number", "client_list", "xrange",
            "get_vector_from_hash", "memory_usage", "pttl", "strlen", "hexists", "sismember");

    private RedisTools() {
    }

    private static List<Operation> read(McpCall c) {
        return List.of(c.op("database", Verb.READ, "key", c.text("key", "name", "pattern"))
                .confidence(Confidence.INFERRED).note("reads key names, a key or the server's state").build());
    }

    private static List<Operation> delete(McpCall c) {
        String key = c.text("key", "name", "pattern");
        boolean pattern = key.contains("*") || key.contains("?") || key.contains("[");
        return List.of(c.op("database", Verb.DELETE, "key", key).scope(pattern ? Scope.MANY : Scope.ONE)
                .stateful(true).reversible(false).confidence(Confidence.INFERRED).note("deletes " + (pattern ? "keys" : "a key")).build());
    }

    private static List<Operation> flush(McpCall c) {
        return List.of(c.op("database", Verb.DELETE, "database", c.text("db", "database")).scope(Scope.ALL)
                .stateful(true).reversible(false).confidence(Confidence.INFERRED).note("deletes every key").build());
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> m = new HashMap<>();
        READS.forEach(t -> m.put(t, RedisTools::read));
        for (String t : List.of("delete", "del", "delete_key", "unlink", "hdel", "delete_keys")) {
            m.put(t, RedisTools::delete);
        }
        for (String t : List.of("flushall", "flushdb", "flush_all", "flush_db")) {
            m.put(t, RedisTools::flush);
        }
        return Map.copyOf(m);
    }

    static final ToolFamily FAMILY = new ToolFamily("redis", c -> REDIS_SERVER.matcher(c.server()).matches(), tools());
}
