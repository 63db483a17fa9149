package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Microsoft's Azure MCP server ({@code azure-mcp}, {@code @azure/mcp}): its generic tool {@code azmcp_extension_az}
 * ({@code extension_az}, {@code az}) runs an az CLI command line given without the leading {@code az}, so each is
 * judged by the az recognizer as {@code call_aws} is by the aws one: resource group names and {@code --subscription}
 * place it per the inventory.
 */
final class AzureTools {

    /** {@code az} alone is too generic a tool name to claim for any server. */
    private static final Pattern SERVER = Pattern.compile("(?i)az(ure)?[-_]?mcp|azure");

    private AzureTools() {
    }

    private static final Function<McpCall, List<Operation>> AZ = AzureTools::az;

    static final ToolFamily FAMILY = new ToolFamily("azure", c -> c.tool().startsWith("azmcp_") || SERVER.matcher(c.server()).find(),
            Map.of("azmcp_extension_az", AZ, "extension_az", AZ, "az", AZ));

    /** {@code command}: what the agent would have typed after {@code az}; a leading {@code az} is tolerated. */
    private static List<Operation> az(McpCall c) {
        List<Operation> ops = new ArrayList<>();
        for (String command : c.texts("command", "commands", "cli_command")) {
            String line = command.strip();
            if (!line.isEmpty()) {
                ops.addAll(c.analyses().shell(line.equals("az") || line.startsWith("az ") ? line : "az " + line));
            }
        }
        return ops.isEmpty() ? List.of(c.opaque("an az CLI call without a command")) : ops;
    }
}
