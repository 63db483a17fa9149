package dev.interlock.hooks;

import java.util.ArrayList;
import java.util.List;

/**
 * Codex's {@code apply_patch} format: {@code *** Begin Patch}, then per file {@code *** Add File: P} (its lines
 * prefixed {@code +}), {@code *** Update File: P} (hunks, optionally {@code *** Move to: Q}) or
 * {@code *** Delete File: P}, then {@code *** End Patch}. Only what matters for a decision is kept: each file, what
 * happens to it, and the lines it gains.
 */
final class ApplyPatch {

    private ApplyPatch() {
    }

    static List<ToolCall.EditedFile> parse(String patch) {
        List<ToolCall.EditedFile> files = new ArrayList<>();
        String path = null;
        String action = null;
        String movedTo = "";
        StringBuilder added = new StringBuilder();
        for (String raw : patch.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            String header = header(line);
            if (header != null || line.startsWith("*** End Patch")) {
                if (path != null) {
                    files.add(new ToolCall.EditedFile(path, movedTo.isEmpty() ? action : "move", added.toString(), movedTo));
                }
                path = null;
                movedTo = "";
                added.setLength(0);
                if (header != null) {
                    action = header;
                    path = line.substring(line.indexOf(':') + 1).strip();
                }
            } else if (line.startsWith("*** Move to:") && path != null) {
                movedTo = line.substring("*** Move to:".length()).strip();
            } else if (line.startsWith("+") && path != null) {
                added.append(added.isEmpty() ? "" : "\n").append(line.substring(1));
            }
        }
        if (path != null) {
            files.add(new ToolCall.EditedFile(path, movedTo.isEmpty() ? action : "move", added.toString(), movedTo));
        }
        if (files.isEmpty()) {
            throw new HookPayloadException("apply_patch names no file (no '*** Add File:', '*** Update File:' or '*** Delete File:')");
        }
        return files;
    }

    private static String header(String line) {
        if (line.startsWith("*** Add File:")) {
            return "create";
        }
        if (line.startsWith("*** Update File:")) {
            return "edit";
        }
        if (line.startsWith("*** Delete File:")) {
            return "delete";
        }
        return null;
    }
}
