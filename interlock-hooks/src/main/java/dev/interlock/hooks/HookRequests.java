package dev.interlock.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Request;
import java.util.Optional;

/**
 * A hook event as an Interlock request, in the request's JSON form (the same that {@code interlock check} and
 * {@code POST /v1/decisions} take): shell calls as {@code shell}, edits as {@code file_edit}, MCP calls as
 * {@code mcp}, reads as the {@code cat} of the path, and tools the hook does not know as an opaque {@code mcp} call of
 * the agent's own "server". Inert tools (search, listing, planning) need no decision.
 */
public final class HookRequests {

    private HookRequests() {
    }

    /** The request, or empty when the tool changes nothing outside the agent. */
    public static Optional<Request> of(HookEvent event, AgentSide side) {
        return json(event, side).map(RequestReader::read);
    }

    public static Optional<ObjectNode> json(HookEvent event, AgentSide side) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        switch (event.call()) {
            case ToolCall.Inert inert -> {
                return Optional.empty();
            }
            case ToolCall.Shell s -> r.put("kind", "shell").put("command", s.command());
            case ToolCall.Read read -> r.put("kind", "shell").put("command", "cat -- " + quote(read.path()));
            case ToolCall.Mcp m -> r.put("kind", "mcp").put("server", m.server()).put("tool", m.tool())
                    .set("arguments", object(m.arguments()));
            case ToolCall.Unknown u -> r.put("kind", "mcp").put("server", event.agent().id()).put("tool", u.tool())
                    .set("arguments", object(u.input()));
            case ToolCall.Edit e -> {
                r.put("kind", "file_edit");
                ArrayNode changes = r.putArray("changes");
                for (ToolCall.EditedFile f : e.files()) {
                    ObjectNode c = changes.addObject().put("path", f.path()).put("action", f.action()).put("content", f.content());
                    if (!f.movedTo().isEmpty()) {
                        c.put("to", f.movedTo());
                    }
                }
            }
        }
        ObjectNode context = r.putObject("context");
        if (!event.cwd().isEmpty()) {
            context.put("cwd", event.cwd());
        }
        ObjectNode env = context.putObject("env");
        side.env().forEach(env::put);
        ObjectNode kube = context.putObject("kubeconfig");
        if (side.kubeconfig().absent()) {
            kube.put("absent", true);
        }
        side.kubeconfig().currentContext().ifPresent(c -> kube.put("current_context", c));
        r.putObject("actor")
                .put("principal", side.principal())
                .put("agent", event.subagent().isEmpty() ? event.agent().id() : event.agent().id() + "/" + event.subagent())
                .put("session", event.session());
        return Optional.of(r);
    }

    private static JsonNode object(JsonNode n) {
        if (n != null && n.isObject()) {
            return n;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        if (n != null && !n.isNull()) {
            wrapped.set("input", n);
        }
        return wrapped;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
