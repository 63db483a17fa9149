package dev.interlock.analysis.shell.recognizers.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code scripts} of a package.json: the shell commands npm, yarn and pnpm run by name. */
public final class PackageScripts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageScripts() {
    }

    /** Script text by name; empty when the manifest is not a JSON object (an edit in progress, a fragment). */
    public static Optional<Map<String, String>> of(String manifest) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, String> scripts = new LinkedHashMap<>();
        root.path("scripts").properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                scripts.put(e.getKey(), e.getValue().asText());
            }
        });
        return Optional.of(scripts);
    }

    /** The text of a JSON string literal's body as written in a fragment ({@code rm -rf \"$HOME\"}); empty if invalid. */
    public static Optional<String> unescape(String body) {
        try {
            return Optional.of(JSON.readValue("\"" + body + "\"", String.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
