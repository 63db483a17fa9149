package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Headless-CMS servers: Sanity's. GROQ queries, documents, schemas and listings are reads; creating, patching,
 * publishing and releasing documents change the content the dataset serves; deletes delete. Each call is placed by
 * the dataset it names ({@code production} is the live content), as the CLI's commands are.
 */
final class CmsTools {

    private CmsTools() {
    }

    private static final Pattern SANITY_SERVER = Pattern.compile("(?i)sanity");

    private static Function<McpCall, List<Operation>> act(Verb verb, String type) {
        return c -> List.of(placed(c, verb, type).build());
    }

    private static Operation.Builder placed(McpCall c, Verb verb, String type) {
        Operation.Builder b = c.op("sanity", verb, type, c.text("documentId", "id", "ids", "releaseId", "name", "type"));
        String dataset = c.text("dataset", "datasetName");
        String project = c.text("projectId", "project");
        if (!dataset.isEmpty()) {
            b.locator("environment", dataset);
        }
        if (!project.isEmpty()) {
            b.locator("project", project);
        }
        return verb == Verb.DELETE ? b.stateful(true).reversible(false) : b;
    }

    /** {@code document_action}: its {@code action} argument says publish, unpublish, discard or delete. */
    private static final Function<McpCall, List<Operation>> DOCUMENT_ACTION = c -> {
        String action = c.text("action", "actionType").toLowerCase(Locale.ROOT);
        Verb verb = action.contains("delete") || action.contains("discard") ? Verb.DELETE : Verb.UPDATE;
        return List.of(placed(c, verb, "document").note("document action " + action).build());
    };

    private static Map<String, Function<McpCall, List<Operation>>> sanityTools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String read : List.of("query_documents", "get_document", "get_documents", "get_schema", "list_workspace_schemas",
                "get_initial_context", "list_projects", "get_project_studios", "list_datasets", "list_releases",
                "list_embeddings_indices", "semantic_search", "search_docs", "read_docs", "migration_guide", "get_groq_specs",
                "list_organizations", "get_sanity_config", "sanity_query", "sanity_get_document", "sanity_list_documents",
                "sanity_search", "sanity_get_schema", "sanity_list_types")) {
            tools.put(read, act(Verb.READ, "document"));
        }
        for (String made : List.of("create_document", "create_documents_from_json", "create_documents_from_markdown",
                "create_version", "create_release", "create_dataset", "create_project", "sanity_create_document")) {
            tools.put(made, act(Verb.CREATE, "document"));
        }
        for (String changed : List.of("update_document", "patch_document", "transform_document", "translate_document",
                "transform_image", "publish_document", "publish_documents", "unpublish_document", "unpublish_documents",
                "version_replace_document", "mark_version_for_unpublish", "version_unpublish_document", "edit_release",
                "schedule_release", "unschedule_release", "publish_release", "archive_release", "unarchive_release",
                "release_action", "version_action", "update_dataset", "deploy_schema", "add_cors_origin",
                "sanity_update_document", "sanity_patch_document", "sanity_publish_document", "sanity_unpublish_document")) {
            tools.put(changed, act(Verb.UPDATE, "document"));
        }
        for (String removed : List.of("delete_document", "delete_documents", "discard_version", "version_discard",
                "discard_drafts", "delete_release", "delete_dataset", "sanity_delete_document")) {
            tools.put(removed, act(Verb.DELETE, removed.contains("dataset") ? "dataset" : "document"));
        }
        tools.put("document_action", DOCUMENT_ACTION);
        tools.put("document_actions", DOCUMENT_ACTION);
        return tools;
    }

    static final ToolFamily SANITY = new ToolFamily("sanity", c -> SANITY_SERVER.matcher(c.server()).find(), sanityTools());
}
