package dev.interlock.analysis.mcp;

import dev.interlock.analysis.catalogue.CatalogueEntry;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * awslabs' AWS API server ({@code call_aws}: a batch of aws CLI commands, each judged by the aws recognizer) and
 * Cloud Control API server ({@code create/update/delete_resource} by CloudFormation type, judged with the catalogue).
 */
final class AwsTools {

    private AwsTools() {
    }

    static final ToolFamily FAMILY = new ToolFamily("aws", c -> true, Map.ofEntries(
            Map.entry("call_aws", AwsTools::callAws),
            Map.entry("suggest_aws_commands", c -> List.of(c.op("aws", Verb.READ, "documentation", c.tool()).build())),
            Map.entry("run_script", c -> List.of(c.op("aws", Verb.EXECUTE, "script", "python").confidence(Confidence.OPAQUE)
                    .reversible(false).note("runs a Python script with AWS credentials; the calls it makes are not analyzed").build())),
            Map.entry("create_resource", c -> resource(c, Verb.CREATE)),
            Map.entry("update_resource", c -> resource(c, Verb.UPDATE)),
            Map.entry("delete_resource", c -> resource(c, Verb.DELETE)),
            Map.entry("get_resource", c -> resource(c, Verb.READ)),
            Map.entry("list_resources", c -> resource(c, Verb.READ)),
            Map.entry("add_inline_policy", c -> List.of(c.op("aws", Verb.GRANT, "role", c.text("role_name"))
                    .note("adds an inline policy " + c.text("policy_name") + " to the role").build()))));

    /** {@code cli_command}: one command or a list; each is what the agent would have typed. */
    private static List<Operation> callAws(McpCall c) {
        List<Operation> ops = new ArrayList<>();
        for (String command : c.texts("cli_command", "cli_commands", "command", "commands")) {
            String line = command.strip();
            ops.addAll(c.analyses().shell(line.startsWith("aws ") ? line : "aws " + line));
        }
        return ops.isEmpty() ? List.of(c.opaque("call_aws without a cli_command")) : ops;
    }

    /** Cloud Control: {@code resource_type} (a CloudFormation type) and {@code identifier}. */
    private static List<Operation> resource(McpCall c, Verb verb) {
        String type = c.text("resource_type", "type_name");
        String id = c.text("identifier");
        Operation.Builder b = c.op("aws", verb, type, id).locator("region", c.text("region"));
        Optional<CatalogueEntry> entry = c.analyses().catalogue().lookup(type);
        if (entry.isPresent() && verb != Verb.READ) {
            CatalogueEntry e = entry.get();
            b.locator("holds", e.holdsData() ? "data" : "access").locator("what", e.what());
            if (verb == Verb.DELETE) {
                b.stateful(e.holdsData()).reversible(!e.holdsData())
                        .note("deletes the " + e.what() + (e.holdsData() ? "; whatever it holds goes with it unless a snapshot or retention keeps it" : ""));
            } else {
                b.stateful(e.holdsData() && verb == Verb.UPDATE);
            }
        }
        if (verb == Verb.UPDATE && !c.text("patch_document").isEmpty()) {
            b.note("JSON patch: " + c.text("patch_document"));
        }
        return List.of(b.build());
    }
}
