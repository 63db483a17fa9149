package dev.interlock.hooks;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one agent's pre-tool-call payload. The six agents name the same things differently ({@code tool_name} or
 * {@code toolName}, {@code tool_input} or a JSON string in {@code toolArgs}, Cursor's per-kind events); this reads
 * all of their documented forms and throws {@link HookPayloadException} for anything else, which blocks the call.
 */
public final class PayloadReader {

    /** Writes of whole files arrive in the payload; past this the hook refuses rather than guess. */
    public static final int MAX_PAYLOAD_BYTES = 16 << 20;

    private static final List<String> PATH_FIELDS = List.of("file_path", "path", "filePath", "target_file", "notebook_path",
            "absolute_path", "file", "filename", "target", "uri");
    private static final List<String> CONTENT_FIELDS = List.of("content", "file_text", "text", "contents", "new_source",
            "code", "new_string", "new_str", "newString", "insert_text", "code_edit", "newText");

    private PayloadReader() {
    }

    public static HookEvent read(Agent agent, byte[] payload) {
        if (payload.length == 0) {
            throw new HookPayloadException("empty payload: " + agent.displayName() + " sends the tool call as JSON on stdin");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new HookPayloadException("payload of " + payload.length + " bytes is larger than " + (MAX_PAYLOAD_BYTES >> 20) + " MiB");
        }
        JsonNode root;
        try {
            root = JsonTrees.parse(payload, MAX_PAYLOAD_BYTES);
        } catch (JacksonException e) {
            throw new HookPayloadException("the payload is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new HookPayloadException("cannot read the payload: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new HookPayloadException("the payload must be a JSON object");
        }
        return read(agent, root);
    }

    public static HookEvent read(Agent agent, JsonNode root) {
        String event = text(root, "hook_event_name", "hookEventName");
        String session = text(root, "session_id", "sessionId", "conversation_id", "conversationId");
        String cwd = text(root, "cwd");
        if (cwd.isEmpty() && root.path("workspace_roots").isArray() && !root.path("workspace_roots").isEmpty()) {
            cwd = root.path("workspace_roots").get(0).asText("");
        }
        String subagent = text(root, "agent_type", "agent_id", "subagent_type", "subagent_id");
        String tool = text(root, "tool_name", "toolName");
        JsonNode input = input(root);

        String lowerEvent = event.toLowerCase(Locale.ROOT);
        if (lowerEvent.equals("beforeshellexecution") || lowerEvent.equals("aftershellexecution")) {
            return new HookEvent(agent, event, "shell", new ToolCall.Shell(required(root, "command")), session, cwd, subagent);
        }
        if (lowerEvent.equals("beforemcpexecution") || lowerEvent.equals("aftermcpexecution")) {
            String server = text(root, "server", "server_name");
            if (server.isEmpty()) {
                server = serverName(text(root, "url", "command"));
            }
            return new HookEvent(agent, event, tool, new ToolCall.Mcp(server.isEmpty() ? "unknown" : server,
                    tool.isEmpty() ? "unknown" : tool, input), session, cwd, subagent);
        }
        if (lowerEvent.equals("beforereadfile")) {
            return new HookEvent(agent, event, "read", new ToolCall.Read(firstText(root, PATH_FIELDS)), session, cwd, subagent);
        }
        if (tool.isEmpty()) {
            throw new HookPayloadException("the payload names no tool (expected tool_name or toolName)");
        }
        ToolCall call = mcp(tool, root, input);
        if (call == null) {
            String dir = text(input, "dir_path", "directory", "workdir", "cwd");
            if (!dir.isEmpty()) {
                cwd = dir.startsWith("/") || cwd.isEmpty() ? dir : cwd + "/" + dir;
            }
            call = builtin(tool, input);
        }
        return new HookEvent(agent, event, tool, call, session, cwd, subagent);
    }

    /** {@code mcp__server__tool} (Claude Code, Codex), {@code @server/tool} (Kiro), or Gemini's {@code mcp_context}. */
    private static ToolCall mcp(String tool, JsonNode root, JsonNode input) {
        JsonNode context = root.path("mcp_context");
        if (context.isObject() && !text(context, "server_name", "serverName", "server").isEmpty()) {
            String name = text(context, "tool_name", "toolName");
            return new ToolCall.Mcp(text(context, "server_name", "serverName", "server"), name.isEmpty() ? tool : name, input);
        }
        if (tool.startsWith("mcp__")) {
            String rest = tool.substring(5);
            int split = rest.indexOf("__");
            if (split <= 0 || split + 2 >= rest.length()) {
                throw new HookPayloadException("MCP tool name '" + tool + "' is not mcp__SERVER__TOOL");
            }
            return new ToolCall.Mcp(rest.substring(0, split), rest.substring(split + 2), input);
        }
        if (tool.startsWith("@") && tool.indexOf('/') > 1) {
            int slash = tool.indexOf('/');
            return new ToolCall.Mcp(tool.substring(1, slash), tool.substring(slash + 1), input);
        }
        return null;
    }

    private static ToolCall builtin(String tool, JsonNode input) {
        ToolKind kind = ToolKind.of(tool);
        String sub = text(input, "command").toLowerCase(Locale.ROOT);
        // One tool, several verbs: Kiro's fs_write and the str_replace editor say what they do in "command".
        if (kind == ToolKind.EDIT && sub.equals("view")) {
            kind = ToolKind.READ;
        } else if (kind == ToolKind.EDIT && sub.equals("create")) {
            kind = ToolKind.WRITE;
        }
        return switch (kind) {
            case SHELL -> new ToolCall.Shell(shellCommand(input));
            case WRITE -> new ToolCall.Edit(List.of(new ToolCall.EditedFile(path(input, tool), "write", content(input), "")));
            case EDIT -> edit(tool, input);
            case PATCH -> new ToolCall.Edit(ApplyPatch.parse(patchText(input)));
            case DELETE -> new ToolCall.Edit(List.of(new ToolCall.EditedFile(path(input, tool), "delete", "", "")));
            case READ -> {
                String p = firstText(input, PATH_FIELDS);
                yield p.isEmpty() ? new ToolCall.Inert(tool) : new ToolCall.Read(p);
            }
            case INERT -> new ToolCall.Inert(tool);
            case AWS_CALL -> new ToolCall.Shell(AwsCall.commandLine(input));
            case UNKNOWN -> new ToolCall.Unknown(tool, input);
        };
    }

    private static ToolCall edit(String tool, JsonNode input) {
        if (input.path("files").isArray()) {
            List<ToolCall.EditedFile> files = new ArrayList<>();
            for (JsonNode f : input.get("files")) {
                String p = f.isTextual() ? f.asText() : firstText(f, PATH_FIELDS);
                files.add(new ToolCall.EditedFile(p, "edit", f.isObject() ? content(f) : "", ""));
            }
            if (files.isEmpty()) {
                throw new HookPayloadException(tool + ": 'files' is empty");
            }
            return new ToolCall.Edit(files);
        }
        String path = path(input, tool);
        StringBuilder content = new StringBuilder(content(input));
        for (String list : List.of("edits", "replacements")) {
            if (input.path(list).isArray()) {
                for (JsonNode e : input.get(list)) {
                    content.append(content.isEmpty() ? "" : "\n").append(content(e));
                }
            }
        }
        return new ToolCall.Edit(List.of(new ToolCall.EditedFile(path, "edit", content.toString(), "")));
    }

    /**
     * Cursor names an MCP server by how it is reached: a command line ({@code npx -y @modelcontextprotocol/server-github})
     * or a URL. Policies name servers ({@code github}): the package or program name without its scope and the usual
     * {@code server-}/{@code mcp-server-} affixes, or the URL's host.
     */
    static String serverName(String reached) {
        String s = reached.strip();
        if (s.matches("(?i)https?://.*")) {
            return s.replaceFirst("(?i)https?://", "").replaceFirst("[:/?].*", "");
        }
        String name = "";
        for (String word : s.split("\\s+")) {
            if (!word.startsWith("-") && !word.isEmpty()) {
                name = word;
            }
        }
        name = name.replaceFirst("(?<=.)@[^@/]*$", "").replaceFirst(".*/", "").replaceFirst("\\.(js|py|ts)$", "");
        return name.replaceFirst("^(mcp-server-|server-|mcp-)", "").replaceFirst("(-mcp-server|-mcp|-server)$", "");
    }

    /** Codex sends argv arrays ({@code ["bash","-lc","…"]}); the others a command line. */
    static String shellCommand(JsonNode input) {
        JsonNode c = input.has("command") ? input.get("command") : input.has("cmd") ? input.get("cmd") : input.get("commandLine");
        if (c == null || c.isNull()) {
            throw new HookPayloadException("the shell tool call has no command");
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray() && !c.isEmpty()) {
            List<String> argv = new ArrayList<>();
            c.forEach(a -> argv.add(a.asText()));
            if (argv.size() == 3 && argv.get(0).matches("(/usr)?(/bin/)?(ba|z|da)?sh") && argv.get(1).matches("-l?c")) {
                return argv.get(2);
            }
            return String.join(" ", argv.stream().map(PayloadReader::quote).toList());
        }
        throw new HookPayloadException("the shell tool's command must be a string or an argv list");
    }

    private static String patchText(JsonNode input) {
        if (input.isTextual()) {
            return input.asText();
        }
        for (String f : List.of("input", "patch", "command", "content", "diff")) {
            JsonNode n = input.get(f);
            if (n != null && n.isTextual() && n.asText().contains("*** Begin Patch")) {
                return n.asText();
            }
            if (n != null && n.isArray()) {
                for (JsonNode a : n) {
                    if (a.asText().contains("*** Begin Patch")) {
                        return a.asText();
                    }
                }
            }
        }
        throw new HookPayloadException("apply_patch carries no patch (expected '*** Begin Patch' in input, patch or command)");
    }

    private static String path(JsonNode input, String tool) {
        String p = firstText(input, PATH_FIELDS);
        if (p.isEmpty()) {
            throw new HookPayloadException(tool + " names no file (expected file_path or path)");
        }
        return p;
    }

    private static String content(JsonNode input) {
        return firstText(input, CONTENT_FIELDS);
    }

    /** The tool's input: an object, or a JSON object serialised in a string (Copilot's toolArgs, Cursor's MCP input). */
    private static JsonNode input(JsonNode root) {
        for (String f : List.of("tool_input", "toolArgs", "tool_args", "toolInput", "arguments")) {
            JsonNode n = root.get(f);
            if (n == null || n.isNull()) {
                continue;
            }
            if (n.isTextual()) {
                String s = n.asText().strip();
                if (s.startsWith("{")) {
                    try {
                        return JsonTrees.parse(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), MAX_PAYLOAD_BYTES);
                    } catch (JacksonException e) {
                        throw new HookPayloadException("'" + f + "' is a string that is not a JSON object: " + e.getOriginalMessage());
                    } catch (java.io.IOException e) {
                        throw new HookPayloadException("'" + f + "' cannot be read: " + e.getMessage());
                    }
                }
                ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
                wrapped.put("command", n.asText());
                wrapped.put("input", n.asText());
                return wrapped;
            }
            return n;
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static String required(JsonNode root, String field) {
        String s = text(root, field);
        if (s.isEmpty()) {
            throw new HookPayloadException("the payload has no '" + field + "'");
        }
        return s;
    }

    static String text(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode n = node.get(f);
            if (n != null && n.isValueNode() && !n.isNull() && !n.asText().isEmpty()) {
                return n.asText();
            }
        }
        return "";
    }

    private static String firstText(JsonNode node, List<String> fields) {
        return text(node, fields.toArray(String[]::new));
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
