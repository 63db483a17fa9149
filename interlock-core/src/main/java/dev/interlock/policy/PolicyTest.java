package dev.interlock.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test written in a policy: a request (in the JSON request format) and the expected effect: {@code allow},
 * {@code ask}, {@code require_approval}, {@code deny}, or {@code not-allow} (any of the last three).
 */
public record PolicyTest(String name, String policy, JsonNode request, String expect, SourceLocation where) {
}
