package dev.interlock.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One spelling per JSON value: object keys sorted at every depth, no insignificant whitespace. What fingerprints and
 * the audit chain hash, so that two equal values always hash the same.
 */
public final class CanonicalJson {

    private static final ObjectMapper SORTED = Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {
    }

    /** {@code value} may be a JsonNode, a Map, a List or a scalar. */
    public static String write(Object value) {
        try {
            Object plain = value instanceof JsonNode node ? SORTED.convertValue(node, Object.class) : value;
            return SORTED.writeValueAsString(plain);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write canonical JSON: " + e.getMessage(), e);
        }
    }
}
