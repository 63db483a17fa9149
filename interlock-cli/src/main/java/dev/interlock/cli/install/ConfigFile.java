package dev.interlock.cli.install;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;

/**
 * An agent's JSON configuration file, changed only where Interlock's hook goes: read (a missing file is empty), our
 * entries found by their command, written atomically after a backup of what was there.
 */
final class ConfigFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigFile() {
    }

    static ObjectNode read(Path file) {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return JSON.createObjectNode();
            }
            JsonNode node = JSON.readTree(text);
            if (!(node instanceof ObjectNode o)) {
                throw new InstallException(file + " is not a JSON object; fix or move it, then retry (nothing was changed)");
            }
            return o;
        } catch (JacksonException e) {
            throw new InstallException(file + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); fix it, then retry (nothing was changed)");
        } catch (IOException e) {
            throw new InstallException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes {@code root}, keeping the previous content in {@code FILE.interlock-backup}. */
    static Path write(Path file, ObjectNode root) {
        try {
            Files.createDirectories(file.getParent());
            Path backup = file.resolveSibling(file.getFileName() + ".interlock-backup");
            if (Files.exists(file)) {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(root) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.exists(backup) ? backup : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code entry} (any agent's shape) runs Interlock's hook: its command is the launcher's or the client's. */
    static boolean ours(JsonNode entry) {
        String t = entry.toString();
        return t.contains("interlock-hook-client") || t.contains("interlock' hook ") || t.contains("interlock hook ");
    }

    /** Removes our entries from {@code hooks.EVENT} arrays; drops arrays (and a {@code hooks} object) left empty. */
    static int removeOurs(ObjectNode root, List<String> events) {
        int removed = 0;
        if (!(root.get("hooks") instanceof ObjectNode hooks)) {
            return 0;
        }
        for (String event : events) {
            if (hooks.get(event) instanceof ArrayNode entries) {
                for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); ) {
                    if (ours(it.next())) {
                        it.remove();
                        removed++;
                    }
                }
                if (entries.isEmpty()) {
                    hooks.remove(event);
                }
            }
        }
        if (hooks.isEmpty()) {
            root.remove("hooks");
        }
        return removed;
    }
}
