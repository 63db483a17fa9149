package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An MCP {@code tools/call} → operations. The tables of the common infrastructure servers come first (AWS, Kubernetes,
 * Terraform, GitHub, databases, filesystems, shells, browsers, mobile devices), each handing the call's payload to the
 * analysis it stands for; a tool no table knows is a read when its arguments are a GET request ({@link HttpRequestTools})
 * or its name says so and nothing in it says otherwise, a change of what its name
 * states when it names a plain verb and object ({@code create_user}, {@code delete_component}), and opaque otherwise. Tool
 * annotations ({@code readOnlyHint}, {@code destructiveHint}) come from the server and are never read as grounds to allow.
 */
public final class McpAnalyzer {

    /** Asked in this order: the first family that knows a tool decides (a narrow server-name family before a broad tool-name one). */
    private static final List<ToolFamily> FAMILIES = List.of(
            EndpointTools.FAMILY,
            AwsTools.FAMILY,
            KubernetesTools.FAMILY,
            TerraformTools.FAMILY,
            PulumiTools.FAMILY,
            BiTools.FAMILY,
            AlertingTools.SENTRY_FAMILY,
            AlertingTools.DATADOG_FAMILY,
            TrackerTools.NOTION,
            QueueManagerTools.FAMILY,
            FileTransferTools.FAMILY,
            GitHubTools.FAMILY,
            TrackerTools.FAMILY,
            MongoTools.FAMILY,
            RedisTools.FAMILY,
            InfluxTools.FAMILY,
            CloudflareTools.FAMILY,
            GraphqlTools.FAMILY,
            VectorStoreTools.FAMILY,
            SearchTools.FAMILY,
            MetricsTools.FAMILY,
            WarehouseTools.FAMILY,
            DatabaseTools.FAMILY,
            DatabaseTools.SUPABASE,
            FilesystemTools.FAMILY,
            ConfigManagementTools.SALT_FAMILY,
            ConfigManagementTools.ANSIBLE_FAMILY,
            NetworkDeviceTools.FAMILY,
            TeleportTools.FAMILY,
            TerminalTools.FAMILY,
            ShellTools.FAMILY,
            PowerShellTools.FAMILY,
            ProxmoxTools.FAMILY,
            DevToolsTools.GIT,
            DevToolsTools.DOCKER,
            DevToolsTools.CLOUD_CLIS,
            DevToolsTools.FETCH,
            KafkaTools.FAMILY,
            PubSubTools.FAMILY,
            MessagingTools.FAMILY,
            BrowserTools.FAMILY,
            MobileTools.FAMILY,
            SaasTools.STRIPE,
            SaasTools.SALESFORCE,
            SaasTools.HUBSPOT,
            SaasTools.SQUARE,
            SaasTools.SHOPIFY_DEV,
            SaasTools.LAUNCHDARKLY,
            CmsTools.SANITY,
            GrafanaTools.FAMILY,
            AzureTools.FAMILY,
            MicrosoftTools.FAMILY,
            VaultTools.FAMILY,
            FrameworkTools.PRISMA,
            FrameworkTools.LARAVEL_BOOST);

    private McpAnalyzer() {
    }

    public static List<Operation> analyze(Payload.Mcp call, Analyses analyses) {
        String tool = call.tool().startsWith(call.server() + "__") ? call.tool().substring(call.server().length() + 2) : call.tool();
        com.fasterxml.jackson.databind.JsonNode arguments = call.arguments() == null
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : call.arguments();
        McpCall c = new McpCall(call.server(), tool, arguments, analyses);
        for (McpMapping mapping : analyses.mappings()) {
            Optional<List<Operation>> ops = mapping.map(call.server(), tool, c.arguments(), analyses);
            if (ops.isPresent()) {
                return located(c, ops.get());
            }
        }
        for (String spelling : ToolNames.spellings(call.server(), tool)) {
            McpCall spelled = new McpCall(call.server(), spelling, arguments, analyses);
            for (ToolFamily family : FAMILIES) {
                Optional<List<Operation>> ops = family.map(spelled);
                if (ops.isPresent()) {
                    return located(c, ops.get());
                }
            }
        }
        Optional<List<Operation>> request = HttpRequestTools.read(c);
        if (request.isPresent()) {
            return located(c, request.get());
        }
        Optional<List<Operation>> secret = SecretManagerTools.credential(c);
        if (secret.isPresent()) {
            return located(c, secret.get());
        }
        Optional<List<Operation>> rpc = JsonRpcMethods.of(c);
        if (rpc.isPresent()) {
            return located(c, rpc.get());
        }
        String operation = ToolNames.operation(arguments);
        if (ToolNames.reads(operation.isEmpty() ? tool : operation)) {
            return List.of(c.op("mcp", Verb.READ, "tool", call.server() + "." + tool + (operation.isEmpty() ? "" : " " + operation))
                    .confidence(Confidence.INFERRED).note("a tool named for reading").build());
        }
        Optional<ToolNames.NamedChange> change = ToolNames.change(call.server(), operation.isEmpty() ? tool : operation);
        if (change.isPresent()) {
            return List.of(named(c, change.get()));
        }
        return List.of(c.opaque("the MCP tool " + call.server() + "." + tool + " is not one Interlock knows; the call is judged as opaque"));
    }

    /**
     * A change the tool's name states, in the server's environment: inferred, never exact, so that a dev server's
     * {@code create_user} follows the dev tier while the same call in prod or unknown is a change there, never allowed
     * by name. What is deleted is taken as lost.
     */
    private static Operation named(McpCall c, ToolNames.NamedChange change) {
        boolean delete = change.verb() == Verb.DELETE;
        String name = c.text("name", "username", "id", "key", "title", "slug");
        return c.op("mcp", change.verb(), change.object(), name.isEmpty() ? c.server() + "." + c.tool() : name)
                .confidence(Confidence.INFERRED)
                .scope(change.many() ? Scope.MANY : Scope.ONE)
                .stateful(delete).reversible(change.verb() == Verb.CREATE)
                .note("a tool named for " + change.verb().name().toLowerCase(Locale.ROOT) + " of "
                        + change.object().replace('-', ' ') + "; Interlock does not know the tool otherwise")
                .build();
    }

    /** Every operation of a call names the MCP server it goes through (the inventory can place a server). */
    private static List<Operation> located(McpCall c, List<Operation> ops) {
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(op.resource().locator("mcp-server").isEmpty() ? op.toBuilder().locator("mcp-server", c.server()).build() : op);
        }
        return out;
    }
}
