package dev.interlock.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One spelling per JSON value: object keys sorted at every depth, no insignificant whitespace. What fingerprints and
 * the audit chain hash, so that two equal values always hash the same.
 *
 * <p>Maps, lists, JSON trees and scalars are walked and written directly (every decision is fingerprinted and
 * audited, so this runs several times per request); anything else is left to Jackson with sorted map entries. The
 * text is the same as Jackson's with sorted map entries, trees nested in maps sorted as well (Jackson wrote those as
 * they came); a tree's numbers are written as plain Java values would be (floating point as
 * {@code double}).
 */
public final class CanonicalJson {

    private static final ObjectMapper SORTED = Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {
    }

    /** {@code value} may be a JsonNode, a Map, a List or a scalar. */
    public static String write(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = SORTED.getFactory().createGenerator(out)) {
            value(g, value);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write canonical JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object value) throws IOException {
        switch (value) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case JsonNode node -> node(g, node);
            case Map<?, ?> map -> map(g, map);
            case List<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    value(g, item);
                }
                g.writeEndArray();
            }
            default -> SORTED.writeValue(g, value);
        }
    }

    private static void map(JsonGenerator g, Map<?, ?> map) throws IOException {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        for (Map.Entry<?, ?> e : entries) {
            if (!(e.getKey() instanceof String)) {
                SORTED.writeValue(g, map); // keys that are not text: Jackson's own key serializers
                return;
            }
        }
        entries.sort((a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
        g.writeStartObject();
        for (Map.Entry<?, ?> e : entries) {
            g.writeFieldName((String) e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(null);
                g.writeStartObject();
                for (String name : names) {
                    g.writeFieldName(name);
                    node(g, node.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    node(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                if (node.isInt()) {
                    g.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    g.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    g.writeNumber(node.bigIntegerValue());
                } else {
                    g.writeNumber(node.doubleValue());
                }
            }
            default -> SORTED.writeValue(g, SORTED.convertValue(node, Object.class)); // binary, POJO
        }
    }
}
