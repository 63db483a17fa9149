package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * InfluxDB's MCP server: a Flux query reads unless it writes its result with {@code to()}/{@code experimental.to()};
 * writing points updates a bucket, creating a bucket or org creates, and {@code delete} erases points for good.
 */
final class InfluxTools {

    private static final Pattern INFLUX_SERVER = Pattern.compile("(?i).*influx.*");
    private static final Pattern WRITES = Pattern.compile("(?s).*\\|>\\s*(experimental\\.)?to\\s*\\(.*");

    private InfluxTools() {
    }

    private static List<Operation> query(McpCall c) {
        boolean writes = WRITES.matcher(c.text("query", "flux")).matches();
        return List.of(c.op("database", writes ? Verb.UPDATE : Verb.READ, "points", c.text("bucket", "org"))
                .note(writes ? "the Flux query writes its result with to()" : "a Flux query").build());
    }

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        return Map.of(
                "query-data", InfluxTools::query,
                "write-data", c -> List.of(c.op("database", Verb.UPDATE, "points", c.text("bucket")).note("writes points").build()),
                "create-bucket", c -> List.of(c.op("database", Verb.CREATE, "bucket", c.text("name", "bucket")).build()),
                "create-org", c -> List.of(c.op("database", Verb.CREATE, "org", c.text("name", "org")).build()),
                "delete", c -> List.of(c.op("database", Verb.DELETE, "points", c.text("bucket", "name"))
                        .scope(Scope.MANY).stateful(true).reversible(false).note("deletes stored points").build()));
    }

    static final ToolFamily FAMILY = new ToolFamily("influxdb", c -> INFLUX_SERVER.matcher(c.server()).matches(), tools());
}
