package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An MCP {@code tools/call} → operations. The tables of the common infrastructure servers come first (AWS, Kubernetes,
 * Terraform, GitHub, databases, filesystems, shells), each handing the call's payload to the analysis it stands for; a
 * tool no table knows is a read when its name says so and nothing in it says otherwise, and opaque otherwise. Tool
 * annotations ({@code readOnlyHint}, {@code destructiveHint}) come from the server and are never read as grounds to allow.
 */
public final class McpAnalyzer {

    private static final List<ToolFamily> FAMILIES = List.of(AwsTools.FAMILY, KubernetesTools.FAMILY, TerraformTools.FAMILY,
            GitHubTools.FAMILY, DatabaseTools.FAMILY, DatabaseTools.SUPABASE, FilesystemTools.FAMILY, ShellTools.FAMILY,
            DevToolsTools.GIT, DevToolsTools.DOCKER, DevToolsTools.CLOUD_CLIS, MessagingTools.FAMILY);

    /** A tool named for looking: get_…, list…, describe_…, search_… (snake or camel case). */
    private static final Pattern READ_NAME = Pattern.compile("(?i)^(get|list|describe|search|read|show|fetch|find|view|explain|lookup"
            + "|inspect|count|check|validate|summari[sz]e|query_docs|resolve|retrieve|browse|preview|diff|watch|tail|logs?|status|whoami|version|ping)"
            + "([_A-Z-].*|s)?$");
    /** …or ending so: {@code azmcp_group_list}, {@code storage-account-get}. */
    private static final Pattern READ_SUFFIX = Pattern.compile("(?i)^.*[_-](list|get|show|describe|search|read|view|logs?|status|info|details)$");
    /** …and nothing in the name says it changes something. */
    private static final Pattern CHANGING_WORD = Pattern.compile("(?i).*(delete|remove|drop|destroy|purge|truncate|kill|terminate|reset|wipe"
            + "|exec|run|write|update|create|put|set|apply|patch|push|merge|deploy|install|grant|revoke|rotate|restart|scale|stop|start"
            + "|send|post|upload|move|rename|copy|attach|detach|enable|disable|approve|assume|secret|credential|token|password|key).*");

    private McpAnalyzer() {
    }

    public static List<Operation> analyze(Payload.Mcp call, Analyses analyses) {
        String tool = call.tool().startsWith(call.server() + "__") ? call.tool().substring(call.server().length() + 2) : call.tool();
        McpCall c = new McpCall(call.server(), tool, call.arguments() == null
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : call.arguments(), analyses);
        for (McpMapping mapping : analyses.mappings()) {
            Optional<List<Operation>> ops = mapping.map(call.server(), tool, c.arguments(), analyses);
            if (ops.isPresent()) {
                return located(c, ops.get());
            }
        }
        for (ToolFamily family : FAMILIES) {
            Optional<List<Operation>> ops = family.map(c);
            if (ops.isPresent()) {
                return located(c, ops.get());
            }
        }
        if ((READ_NAME.matcher(tool).matches() || READ_SUFFIX.matcher(tool).matches()) && !CHANGING_WORD.matcher(tool).matches()) {
            return List.of(c.op("mcp", Verb.READ, "tool", call.server() + "." + tool).confidence(Confidence.INFERRED)
                    .note("a tool named for reading").build());
        }
        return List.of(c.opaque("the MCP tool " + call.server() + "." + tool + " is not one Interlock knows; the call is judged as opaque"));
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
