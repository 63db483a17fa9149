package dev.interlock.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a tool call would do, as far as the hook can tell from the agent's payload. */
public sealed interface ToolCall {

    /** A command line for the agent's shell tool. */
    record Shell(String command) implements ToolCall {
    }

    /** Files the agent's edit tool would create, change, delete or move. */
    record Edit(List<EditedFile> files) implements ToolCall {
        public Edit {
            files = List.copyOf(files);
        }
    }

    /** A call of an MCP server's tool. */
    record Mcp(String server, String tool, JsonNode arguments) implements ToolCall {
    }

    /** A file or directory the agent reads: judged as {@code cat PATH} would be (credential files matter). */
    record Read(String path) implements ToolCall {
    }

    /** A tool that changes nothing outside the agent (search, listing, planning, web search). */
    record Inert(String tool) implements ToolCall {
    }

    /** A tool this hook does not know: judged as an opaque tool call, never silently allowed where it matters. */
    record Unknown(String tool, JsonNode input) implements ToolCall {
    }

    /** One file of an edit: {@code action} is create, write, edit, delete or move (the request's wire names). */
    record EditedFile(String path, String action, String content, String movedTo) {
        public EditedFile {
            path = path == null ? "" : path;
            content = content == null ? "" : content;
            movedTo = movedTo == null ? "" : movedTo;
        }
    }
}
