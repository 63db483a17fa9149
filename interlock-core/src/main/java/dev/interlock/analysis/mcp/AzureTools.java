package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Microsoft's Azure MCP server ({@code azure-mcp}, {@code @azure/mcp}): its generic tool {@code azmcp_extension_az}
 * ({@code extension_az}, {@code az}) runs an az CLI command line given without the leading {@code az}, so each is
 * judged by the az recognizer as {@code call_aws} is by the aws one: resource group names and {@code --subscription}
 * place it per the inventory. Its own tools are the az commands they stand for: {@code keyvault_secret_get} is
 * {@code az keyvault secret show} (a credential read), {@code monitor_log_query} a Log Analytics query (a read), and
 * {@code sql_db_query} hands its SQL to the SQL analysis.
 */
final class AzureTools {

    /** {@code az} alone is too generic a tool name to claim for any server. */
    private static final Pattern SERVER = Pattern.compile("(?i)az(ure)?[-_]?mcp|azure");

    private AzureTools() {
    }

    private static final Function<McpCall, List<Operation>> AZ = AzureTools::az;

    static final ToolFamily FAMILY = new ToolFamily("azure", c -> c.tool().startsWith("azmcp_") || SERVER.matcher(c.server()).find(),
            tools());

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String prefix : List.of("", "azmcp_")) {
            tools.put(prefix + "extension_az", AZ);
            // the server's own tools, each as the az command that does the same
            tools.put(prefix + "keyvault_secret_get", AzureTools::secretGet);
            tools.put(prefix + "keyvault_secret_show", AzureTools::secretGet);
            tools.put(prefix + "monitor_log_query", AzureTools::logQuery);
            tools.put(prefix + "monitor_workspace_log_query", AzureTools::logQuery);
            tools.put(prefix + "monitor_resource_log_query", AzureTools::logQuery);
            tools.put(prefix + "sql_db_query", AzureTools::sqlQuery);
        }
        tools.put("az", AZ);
        return Map.copyOf(tools);
    }

    /** A Key Vault secret's value: {@code az keyvault secret show}, a credential read placed by the vault. */
    private static List<Operation> secretGet(McpCall c) {
        List<String> argv = new ArrayList<>(List.of("az", "keyvault", "secret", "show", "--vault-name", c.text("vault", "vault_name", "vaultName"),
                "--name", c.text("secret", "secret_name", "secretName", "name")));
        return c.analyses().shell(Shell.join(withScope(c, argv)));
    }

    /** A Log Analytics (KQL) query: {@code az monitor log-analytics query}, a read. */
    private static List<Operation> logQuery(McpCall c) {
        List<String> argv = new ArrayList<>(List.of("az", "monitor", "log-analytics", "query", "--workspace",
                c.text("workspace", "workspace_id", "workspaceId", "resource_id", "resourceId"), "--analytics-query", c.text("query", "kql")));
        return c.analyses().shell(Shell.join(withScope(c, argv)));
    }

    /** SQL run on an Azure SQL database: judged by the SQL analysis, in SQL Server's dialect. */
    private static List<Operation> sqlQuery(McpCall c) {
        String statement = c.text("query", "sql", "statement", "command");
        return statement.isEmpty() ? List.of(c.opaque("an Azure SQL query without SQL")) : c.analyses().sql(statement, "");
    }

    /** The subscription and resource group a call names, as az's flags (they place the command per the inventory). */
    private static List<String> withScope(McpCall c, List<String> argv) {
        String subscription = c.text("subscription", "subscription_id", "subscriptionId");
        String group = c.text("resource_group", "resourceGroup", "resource-group");
        if (!subscription.isEmpty()) {
            argv.addAll(List.of("--subscription", subscription));
        }
        if (!group.isEmpty()) {
            argv.addAll(List.of("--resource-group", group));
        }
        return argv;
    }

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
