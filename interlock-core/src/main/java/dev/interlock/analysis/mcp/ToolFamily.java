package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tools of one kind of MCP server, as a table: tool name → what the call does. {@code serves} says whether a
 * call can be this family's at all (a generic name such as {@code query} belongs to a database server only).
 */
record ToolFamily(String name, java.util.function.Predicate<McpCall> serves, Map<String, Function<McpCall, List<Operation>>> tools) {

    Optional<List<Operation>> map(McpCall call) {
        Function<McpCall, List<Operation>> mapping = tools.get(call.tool());
        if (mapping == null || !serves.test(call)) {
            return Optional.empty();
        }
        return Optional.of(mapping.apply(call));
    }
}
