package dev.interlock.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;

/**
 * A test written in a policy: a request (in the JSON request format) and the expected effect: {@code allow},
 * {@code ask}, {@code require_approval}, {@code deny}, or {@code not-allow} (any of the last three).
 * {@code source} is the request as YAML gave it; it becomes JSON only when the test runs.
 */
public record PolicyTest(String name, String policy, Object source, String expect, SourceLocation where) {

    public JsonNode request() {
        return Json.MAPPER.valueToTree(source);
    }
}
