package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * @modelcontextprotocol/server-filesystem and servers like it: writes, edits and moves are judged as the agent's
 * own edit tools are (self-protection, credentials, CI pipelines, scripts and migrations by their content); reads as
 * {@code cat PATH} (so reading a secret is a credential read).
 */
final class FilesystemTools {

    private FilesystemTools() {
    }

    private static final Function<McpCall, List<Operation>> READ_ONE = c -> c.analyses().shell(Shell.join(List.of("cat", c.text("path"))));
    private static final Function<McpCall, List<Operation>> LIST = c -> List.of(c.op("filesystem", Verb.READ, "directory", c.text("path")).build());

    static final ToolFamily FAMILY = new ToolFamily("filesystem", c -> true, Map.ofEntries(
            Map.entry("read_file", READ_ONE), Map.entry("read_text_file", READ_ONE), Map.entry("read_media_file", READ_ONE),
            Map.entry("read_multiple_files", c -> {
                List<String> argv = new ArrayList<>(List.of("cat"));
                argv.addAll(c.texts("paths"));
                return c.analyses().shell(Shell.join(argv));
            }),
            Map.entry("write_file", c -> c.analyses().files(List.of(new FileChange(c.text("path"), FileChange.Action.WRITE, c.text("content"), "")))),
            Map.entry("edit_file", FilesystemTools::edit),
            Map.entry("create_directory", c -> c.analyses().shell(Shell.join(List.of("mkdir", "-p", c.text("path"))))),
            Map.entry("move_file", c -> c.analyses().files(List.of(new FileChange(c.text("source"), FileChange.Action.MOVE, "", c.text("destination"))))),
            Map.entry("list_directory", LIST), Map.entry("list_directory_with_sizes", LIST), Map.entry("directory_tree", LIST),
            Map.entry("search_files", LIST), Map.entry("get_file_info", LIST),
            Map.entry("list_allowed_directories", c -> List.of(c.op("filesystem", Verb.READ, "directory", "").build()))));

    /** {@code edit_file(path, edits[{oldText, newText}], dryRun)}: a dry run only shows the diff. */
    private static List<Operation> edit(McpCall c) {
        if (c.flag("dryRun")) {
            return List.of(c.op("filesystem", Verb.READ, "file", c.text("path")).note("a dry run: shows the diff").build());
        }
        StringBuilder content = new StringBuilder();
        for (JsonNode e : c.arguments().path("edits")) {
            content.append(e.path("newText").asText("")).append('\n');
        }
        return c.analyses().files(List.of(new FileChange(c.text("path"), FileChange.Action.EDIT, content.toString(), "")));
    }
}
