package dev.interlock.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.interlock.analysis.plan.ManifestAction;
import dev.interlock.analysis.plan.PlanFormatException;
import dev.interlock.analysis.plan.Plans;
import dev.interlock.model.Actor;
import dev.interlock.model.Confidence;
import dev.interlock.model.FileChange;
import dev.interlock.model.Kubeconfig;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import dev.interlock.model.Resource;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import dev.interlock.model.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a request from its JSON form (DESIGN.md and the README show it). Unknown top-level fields are ignored. */
public final class RequestReader {

    private RequestReader() {
    }

    /** Parses one JSON text; errors say what is wrong and where. */
    public static Request read(String json) {
        return read(tree(json));
    }

    /** The JSON tree of one request text, with the size and syntax checks of {@link #read(String)}. */
    public static JsonNode tree(String json) {
        // A char is at most 3 UTF-8 bytes: count the bytes only when the text could be too large.
        if ((long) json.length() * 3 > Json.MAX_REQUEST_BYTES
                && json.getBytes(StandardCharsets.UTF_8).length > Json.MAX_REQUEST_BYTES) {
            throw new RequestFormatException("request is larger than 1 MiB");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            var loc = e.getLocation();
            throw new RequestFormatException("malformed JSON" + (loc != null && loc.getLineNr() > 0
                    ? " at line " + loc.getLineNr() + " column " + loc.getColumnNr() : "") + ": " + firstLine(msg));
        }
        if (node == null || node.isMissingNode()) {
            throw new RequestFormatException("empty request: expected a JSON object");
        }
        return node;
    }

    /** The request's id as {@link #read(JsonNode)} takes it; empty when there is none. */
    public static String id(JsonNode node) {
        JsonNode id = node.isObject() ? node.get("id") : null;
        return id == null || id.isNull() ? "" : scalarText(id, "id");
    }

    public static Request read(JsonNode node) {
        if (!node.isObject()) {
            throw new RequestFormatException("a request must be a JSON object, not " + describe(node));
        }
        String id = id(node);
        String kindText = text(node, "kind", true);
        RequestKind kind;
        try {
            kind = Wire.parse(RequestKind.class, kindText);
        } catch (IllegalArgumentException e) {
            throw new RequestFormatException("field 'kind': " + e.getMessage());
        }
        Payload payload = switch (kind) {
            case SHELL -> new Payload.Shell(text(node, "command", true));
            case SQL -> new Payload.Sql(text(node, "statement", true), text(node, "dialect", false));
            case MCP -> new Payload.Mcp(text(node, "server", true), text(node, "tool", true), object(node, "arguments"));
            case TERRAFORM_PLAN -> plan(kind, node, "plan");
            case CLOUDFORMATION_CHANGESET -> plan(kind, node, "changeset");
            case PULUMI_PREVIEW -> plan(kind, node, "preview");
            case KUBERNETES_MANIFEST -> plan(kind, node, "manifest");
            case OPERATION -> new Payload.Declared(declared(node));
            case FILE_EDIT -> new Payload.FileEdit(changes(node));
        };
        return new Request(id, kind, payload, context(node.get("context")), actor(node.get("actor")));
    }

    /** Where a move's destination is named: {@code to}, and the spellings edit tools use for a rename. */
    private static final List<String> MOVE_DESTINATIONS = List.of("to", "new_path", "newPath", "destination", "new_name", "newName");

    /** {@code "changes":[{"path":…,"action":"create|write|edit|delete|move|rename","content":…,"to":…}]}. */
    private static List<FileChange> changes(JsonNode node) {
        JsonNode list = node.get("changes");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new RequestFormatException("kind file-edit needs 'changes', a non-empty array of {path, action, content, to}");
        }
        List<FileChange> out = new ArrayList<>();
        for (JsonNode c : list) {
            String where = "changes[" + out.size() + "]";
            if (!c.isObject()) {
                throw new RequestFormatException(where + " must be an object, not " + describe(c));
            }
            String path = c.path("path").asText("");
            if (path.isBlank()) {
                throw new RequestFormatException(where + " has no 'path'");
            }
            FileChange.Action action;
            String named = c.path("action").asText("edit");
            try {
                // a rename is a move, whatever the tool calls it
                action = named.equalsIgnoreCase("rename") ? FileChange.Action.MOVE : Wire.parse(FileChange.Action.class, named);
            } catch (IllegalArgumentException e) {
                throw new RequestFormatException(where + ".action: " + e.getMessage() + " (or rename)");
            }
            String to = MOVE_DESTINATIONS.stream().map(f -> c.path(f).asText("")).filter(s -> !s.isBlank()).findFirst().orElse("");
            if (action == FileChange.Action.MOVE && to.isBlank()) {
                throw new RequestFormatException(where + " moves " + path + " but names no destination ('to' or 'new_path')");
            }
            out.add(new FileChange(path, action, c.path("content").asText(""), to));
        }
        return out;
    }

    private static RequestContext context(JsonNode n) {
        if (n == null || n.isNull()) {
            return RequestContext.EMPTY;
        }
        if (!n.isObject()) {
            throw new RequestFormatException("field 'context' must be an object, not " + describe(n));
        }
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = n.get("env");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) {
                throw new RequestFormatException("field 'context.env' must be an object of strings, not " + describe(e));
            }
            e.properties().forEach(p -> env.put(p.getKey(), scalarText(p.getValue(), "context.env." + p.getKey())));
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode f = n.get("files");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                throw new RequestFormatException("field 'context.files' must map paths to their content, not " + describe(f));
            }
            f.properties().forEach(p -> files.put(p.getKey(), scalarText(p.getValue(), "context.files." + p.getKey())));
        }
        return new RequestContext(Optional.of(text(n, "environment", false, "context.")), Optional.of(text(n, "cwd", false, "context.")),
                env, Optional.of(target(n)), kubeconfig(n.get("kubeconfig")), files);
    }

    /**
     * The connection string, or one made of {@code host} and {@code database} when the adapter names those instead
     * (a database client's own connection settings): {@code {"host": "db.stg.internal", "database": "app"}} is
     * {@code db://db.stg.internal/app}.
     */
    private static String target(JsonNode n) {
        String target = text(n, "target", false, "context.");
        String host = text(n, "host", false, "context.").strip();
        String database = text(n, "database", false, "context.").strip();
        return !target.isBlank() || (host.isEmpty() && database.isEmpty()) ? target
                : "db://" + host + (database.isEmpty() ? "" : "/" + database);
    }

    /** {@code {"current_context": "…"}}, {@code {"absent": true}}, or {@code {}} (a kubeconfig without a current context). */
    private static Optional<Kubeconfig> kubeconfig(JsonNode k) {
        if (k == null || k.isNull()) {
            return Optional.empty();
        }
        if (!k.isObject()) {
            throw new RequestFormatException("field 'context.kubeconfig' must be an object, not " + describe(k));
        }
        boolean absent = k.has("absent") && k.get("absent").asBoolean(false);
        String current = text(k, "current_context", false, "context.kubeconfig.");
        if (absent && !current.isEmpty()) {
            throw new RequestFormatException("field 'context.kubeconfig': an absent kubeconfig has no current_context");
        }
        return Optional.of(new Kubeconfig(Optional.of(current), absent));
    }

    private static Actor actor(JsonNode n) {
        if (n == null || n.isNull()) {
            return Actor.UNKNOWN;
        }
        if (!n.isObject()) {
            throw new RequestFormatException("field 'actor' must be an object, not " + describe(n));
        }
        return new Actor(text(n, "principal", false, "actor."), text(n, "agent", false, "actor."), text(n, "session", false, "actor."));
    }

    /**
     * A plan document, embedded as JSON or as its text; manifests also take {@code action} (apply, create, replace,
     * delete), {@code force} and {@code prune}.
     */
    private static Payload.Document plan(RequestKind kind, JsonNode node, String field) {
        JsonNode d = node.get(field);
        if (d == null || d.isNull()) {
            throw new RequestFormatException("missing field '" + field + "' for kind " + node.get("kind").asText());
        }
        if (d.isTextual() && kind != RequestKind.KUBERNETES_MANIFEST) {
            try {
                d = Json.MAPPER.readTree(d.asText());
            } catch (JacksonException e) {
                throw new RequestFormatException("field '" + field + "' is text that is not JSON: " + firstLine(e.getOriginalMessage()));
            }
        }
        try {
            ManifestAction action = new ManifestAction(text(node, "action", false), node.path("force").asBoolean(false),
                    node.path("prune").asBoolean(false), node.path("prune_all").asBoolean(false));
            return new Payload.Document(Plans.read(kind, d, action));
        } catch (PlanFormatException e) {
            throw new RequestFormatException("field '" + field + "': " + e.getMessage());
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode d = node.get(field);
        if (d == null || d.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!d.isObject()) {
            throw new RequestFormatException("field '" + field + "' must be an object, not " + describe(d));
        }
        return d;
    }

    private static List<Operation> declared(JsonNode node) {
        JsonNode many = node.get("operations");
        JsonNode one = node.get("operation");
        List<JsonNode> items = new ArrayList<>();
        if (many != null && many.isArray()) {
            many.forEach(items::add);
        } else if (one != null && one.isObject()) {
            items.add(one);
        } else {
            throw new RequestFormatException("kind operation needs 'operation' (an object) or 'operations' (an array)");
        }
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode o = items.get(i);
            String at = "operations[" + i + "].";
            if (!o.isObject()) {
                throw new RequestFormatException(at + " must be an object");
            }
            Verb verb = parse(Verb.class, text(o, "verb", true, at), at + "verb");
            Map<String, String> locators = new LinkedHashMap<>();
            String type = "";
            String name = "";
            JsonNode r = o.get("resource");
            if (r != null && r.isObject()) {
                for (var p : r.properties()) {
                    String v = scalarText(p.getValue(), at + "resource." + p.getKey());
                    switch (p.getKey()) {
                        case "type" -> type = v;
                        case "name" -> name = v;
                        default -> locators.put(p.getKey(), v);
                    }
                }
            }
            String env = text(o, "environment", false, at);
            if (!env.isEmpty()) {
                locators.put("environment", env);
            }
            ops.add(Operation.builder(text(o, "system", true, at), verb)
                    .resource(new Resource(type, name, locators))
                    .scope(o.has("scope") ? parse(Scope.class, text(o, "scope", true, at), at + "scope") : Scope.ONE)
                    .stateful(o.path("stateful").asBoolean(false))
                    .reversible(o.path("reversible").asBoolean(!verb.destructive()))
                    .confidence(Confidence.EXACT)
                    .evidence(dev.interlock.model.Evidence.text(o.toString()))
                    .build());
        }
        return ops;
    }

    private static <E extends Enum<E> & Wire> E parse(Class<E> type, String text, String field) {
        try {
            return Wire.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw new RequestFormatException("field '" + field + "': " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, "");
    }

    private static String text(JsonNode node, String field, boolean required, String prefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new RequestFormatException("missing field '" + prefix + field + "'");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new RequestFormatException("field '" + prefix + field + "' must be a string, not " + describe(v));
        }
        return v.asText();
    }

    private static String scalarText(JsonNode v, String field) {
        if (v.isTextual() || v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        throw new RequestFormatException("field '" + field + "' must be a string, not " + describe(v));
    }

    private static String describe(JsonNode n) {
        JsonNodeType t = n.getNodeType();
        return switch (t) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> "a " + t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
