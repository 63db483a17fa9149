package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Microsoft's REST APIs called through one generic tool (Lokka's {@code Lokka-Microsoft}: {@code apiType} graph or
 * azure, an HTTP {@code method} and a {@code path}): the method says what the call does, as it does for any REST API —
 * GET reads, POST creates, PATCH and PUT update, DELETE deletes. A POST that assigns roles or adds members changes who
 * may do what; one that adds a password or key to an application mints a credential.
 */
final class MicrosoftTools {

    private static final Pattern SERVER = Pattern.compile("(?i)lokka|ms-?graph|microsoft|entra|m365|azure");
    private static final Pattern GRANTS = Pattern.compile("(?i).*/(appRoleAssignments|appRoleAssignedTo|oauth2PermissionGrants|roleAssignments"
            + "|members|owners)(/\\$ref)?/?$");
    private static final Pattern MINTS = Pattern.compile("(?i).*/(addPassword|addKey)/?$");

    private MicrosoftTools() {
    }

    private static final Function<McpCall, List<Operation>> REQUEST = MicrosoftTools::request;

    static final ToolFamily FAMILY = new ToolFamily("microsoft", c -> SERVER.matcher(c.server()).find() || !c.text("apiType").isEmpty(),
            Map.of("lokka_microsoft", REQUEST, "microsoft", REQUEST, "microsoft_graph", REQUEST, "call_microsoft_api", REQUEST,
                    "graph_request", REQUEST));

    private static List<Operation> request(McpCall c) {
        String method = c.text("method").toLowerCase(Locale.ROOT);
        String path = c.text("path");
        String api = c.text("apiType").equalsIgnoreCase("azure") ? "azure" : "microsoft-graph";
        Verb verb = switch (method) {
            case "get" -> Verb.READ;
            case "post" -> MINTS.matcher(path).matches() ? Verb.CREDENTIAL : GRANTS.matcher(path).matches() ? Verb.GRANT : Verb.CREATE;
            case "patch", "put" -> GRANTS.matcher(path).matches() ? Verb.GRANT : Verb.UPDATE;
            case "delete" -> GRANTS.matcher(path).matches() ? Verb.GRANT : Verb.DELETE;
            default -> Verb.UNKNOWN;
        };
        if (verb == Verb.UNKNOWN) {
            return List.of(c.opaque("a Microsoft API call whose method (" + method + ") Interlock does not know"));
        }
        Operation.Builder b = c.op(api, verb, "api-path", path).note(method.toUpperCase(Locale.ROOT) + " " + path);
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        return List.of(b.build());
    }
}
