package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;

/**
 * A tool mapping a policy declares ({@code spec.mcp}): for the servers and tools it names, the operations a call
 * performs. Consulted before the shipped tables, so a team can describe its own servers and correct the tables.
 */
public interface McpMapping {

    /** The operations of this call, or empty when the mapping does not apply to it. */
    Optional<List<Operation>> map(String server, String tool, JsonNode arguments, Analyses analyses);
}
