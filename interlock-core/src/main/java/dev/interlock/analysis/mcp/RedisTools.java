package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Redis servers (the official redis MCP server, Upstash's, Valkey's and servers spelling their tools the same way):
 * tools that scan key names or read a key, its type, its TTL or the server's INFO only read, on any server. Other
 * tools (deletes, flushes, writes) are left to the unmapped-tool route: opaque, never allowed silently.
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

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> m = new HashMap<>();
        READS.forEach(t -> m.put(t, RedisTools::read));
        return Map.copyOf(m);
    }

    static final ToolFamily FAMILY = new ToolFamily("redis", c -> REDIS_SERVER.matcher(c.server()).matches(), tools());
}
