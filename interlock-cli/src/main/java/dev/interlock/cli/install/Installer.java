package dev.interlock.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.hooks.Agent;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Merges Interlock's hook into an agent's configuration, or takes it out, touching nothing else: other settings and
 * other hooks stay as they were, installing twice leaves one entry, and a file that does not parse is left alone.
 */
final class Installer {

    /** What happened to one file. */
    record Change(Path file, String what, Optional<Path> backup) {
    }

    private Installer() {
    }

    /** {@code reportOutcomes}: also the after-the-tool events (server mode: the server records how each call ended). */
    static Change install(HookLayout layout, Path file, String command, String kiroName, boolean dryRun, boolean reportOutcomes) {
        ObjectNode root = ConfigFile.read(file);
        String before = ConfigFile.text(root);
        int removed = ConfigFile.removeOurs(root, layout.allEvents());
        layout.prepare(root, kiroName);
        ObjectNode hooks = root.get("hooks") instanceof ObjectNode h ? h : root.putObject("hooks");
        for (String event : layout.events()) {
            JsonNode existing = hooks.get(event);
            if (existing != null && !existing.isArray()) {
                throw new InstallException(file + ": hooks." + event + " is not a list; fix it, then retry (nothing was changed)");
            }
            ArrayNode entries = existing == null ? hooks.putArray(event) : (ArrayNode) existing;
            entries.add(layout.entry(command));
        }
        if (reportOutcomes) {
            for (String event : layout.afterEvents()) {
                if (hooks.get(event) != null && !hooks.get(event).isArray()) {
                    throw new InstallException(file + ": hooks." + event + " is not a list; fix it, then retry (nothing was changed)");
                }
                (hooks.get(event) == null ? hooks.putArray(event) : (ArrayNode) hooks.get(event)).add(layout.afterEntry(command));
            }
        }
        if (ConfigFile.text(root).equals(before)) {
            return new Change(file, "unchanged (already installed)", Optional.empty());
        }
        java.util.List<String> on = new java.util.ArrayList<>(layout.events());
        if (reportOutcomes) {
            on.addAll(layout.afterEvents());
        }
        String what = (removed > 0 ? "replaced" : "added") + " the Interlock hook on " + String.join(", ", on);
        if (dryRun) {
            return new Change(file, "dry run, nothing written: would have " + what, Optional.empty());
        }
        return new Change(file, what, Optional.ofNullable(ConfigFile.write(file, root)));
    }

    static Change uninstall(HookLayout layout, Path file, boolean dryRun) {
        if (!file.toFile().exists()) {
            return new Change(file, "nothing to remove (no such file)", Optional.empty());
        }
        ObjectNode root = ConfigFile.read(file);
        int removed = ConfigFile.removeOurs(root, layout.allEvents());
        if (removed == 0) {
            return new Change(file, "nothing to remove (the Interlock hook is not installed here)", Optional.empty());
        }
        String what = "removed " + removed + " Interlock hook entr" + (removed == 1 ? "y" : "ies");
        if (dryRun) {
            return new Change(file, "dry run, nothing written: would have " + what, Optional.empty());
        }
        return new Change(file, what, Optional.ofNullable(ConfigFile.write(file, root)));
    }

    /** The installed hook command in {@code file}, if Interlock's hook is there. */
    static Optional<String> installedCommand(HookLayout layout, Path file) {
        if (!file.toFile().exists()) {
            return Optional.empty();
        }
        ObjectNode root = ConfigFile.read(file);
        for (String event : layout.events()) {
            for (JsonNode entry : root.path("hooks").path(event)) {
                if (ConfigFile.ours(entry)) {
                    JsonNode hook = entry.has("hooks") ? entry.path("hooks").path(0) : entry;
                    String command = hook.has("bash") ? hook.path("bash").asText() : hook.path("command").asText();
                    if (!command.isEmpty()) {
                        return Optional.of(command);
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Agent agent(String name) {
        try {
            return Agent.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InstallException(e.getMessage());
        }
    }
}
