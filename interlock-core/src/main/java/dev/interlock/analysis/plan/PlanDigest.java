package dev.interlock.analysis.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a plan's changes in canonical JSON (keys sorted at every depth, numbers in one spelling), fed one change
 * at a time so that a plan never has to be held whole. The same plan hashes the same whether it came from a file or
 * inside a request; a plan with one changed value does not.
 */
final class PlanDigest {

    private final MessageDigest sha;

    PlanDigest(String tool) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        text(tool);
    }

    void add(JsonNode change) {
        node(change);
        sha.update((byte) '\n');
    }

    String finish() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private void node(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>(n.size());
            n.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            sha.update((byte) '{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sha.update((byte) ',');
                }
                text(keys.get(i));
                sha.update((byte) ':');
                node(n.get(keys.get(i)));
            }
            sha.update((byte) '}');
        } else if (n.isArray()) {
            sha.update((byte) '[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sha.update((byte) ',');
                }
                node(n.get(i));
            }
            sha.update((byte) ']');
        } else if (n.isTextual()) {
            text(n.asText());
        } else if (n.isIntegralNumber()) {
            raw(n.bigIntegerValue().toString());
        } else if (n.isNumber()) {
            raw(n.decimalValue().stripTrailingZeros().toPlainString());
        } else if (n.isBoolean()) {
            raw(n.asBoolean() ? "true" : "false");
        } else {
            raw("null");
        }
    }

    /** Strings are length-prefixed, so no escaping can make two different values hash alike. */
    private void text(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        raw("\"" + bytes.length + ":");
        sha.update(bytes);
    }

    private void raw(String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
