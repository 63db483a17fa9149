package dev.interlock.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees read and written with jackson-core's streaming parser and generator, without an {@code ObjectMapper}:
 * building a mapper costs tens of milliseconds at start-up, which a process started for every agent tool call (the
 * hook) cannot afford. Same node types as the mapper's, so everything downstream reads them alike.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** Parses one JSON value of at most {@code maxBytes}; throws {@link IOException} (a {@code JacksonException}) when malformed. */
    public static JsonNode parse(byte[] json, int maxBytes) throws IOException {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Json.MAX_NESTING).maxStringLength(maxBytes).maxDocumentLength(maxBytes).build()).build();
        try (JsonParser p = factory.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            JsonNode root = read(p, first);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "trailing content after the JSON value");
            }
            return root;
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                Deque<JsonNode> stack = new ArrayDeque<>();
                stack.push(o);
                readContainer(p, stack);
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                Deque<JsonNode> stack = new ArrayDeque<>();
                stack.push(a);
                readContainer(p, stack);
                return a;
            }
            default -> {
                return scalar(p, t);
            }
        }
    }

    /** Iterative, so that nesting depth is bounded by the parser's constraint, not the thread's stack. */
    private static void readContainer(JsonParser p, Deque<JsonNode> stack) throws IOException {
        String field = null;
        Deque<String> fields = new ArrayDeque<>();
        while (!stack.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of JSON");
            }
            JsonNode top = stack.peek();
            if (t == JsonToken.FIELD_NAME) {
                field = p.currentName();
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
                field = fields.isEmpty() ? null : fields.pop();
                continue;
            }
            JsonNode value = switch (t) {
                case START_OBJECT -> NODES.objectNode();
                case START_ARRAY -> NODES.arrayNode();
                default -> scalar(p, t);
            };
            if (top instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) top).add(value);
            }
            if (value.isContainerNode()) {
                fields.push(field == null ? "" : field);
                stack.push(value);
            }
        }
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        };
    }

    /** Compact JSON text of a tree. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        if (n.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode x : n) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (n.isTextual()) {
            g.writeString(n.asText());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.asBoolean());
        } else if (n.isNull() || n.isMissingNode()) {
            g.writeNull();
        } else if (n.isIntegralNumber()) {
            g.writeNumber(n.bigIntegerValue());
        } else if (n.isNumber()) {
            g.writeNumber(n.decimalValue());
        } else {
            g.writeString(n.asText());
        }
    }
}
