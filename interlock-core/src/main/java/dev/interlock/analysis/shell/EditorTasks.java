package dev.interlock.analysis.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.interlock.analysis.shell.LaterRuns.Reach;
import dev.interlock.analysis.shell.LaterRuns.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Commands an editor runs by itself: a VS Code folder's tasks marked {@code "runOptions": {"runOn": "folderOpen"}}
 * (they run as soon as the folder is opened), and a dev container's lifecycle commands ({@code initializeCommand} on
 * this machine before the container exists; {@code onCreateCommand}, {@code postCreateCommand},
 * {@code postStartCommand} … inside it). Both files are JSON with comments and trailing commas.
 */
final class EditorTasks {

    private static final JsonMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final List<String> IN_CONTAINER = List.of("onCreateCommand", "updateContentCommand", "postCreateCommand",
            "postStartCommand", "postAttachCommand");

    private EditorTasks() {
    }

    static List<Run> of(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        JsonNode root;
        try {
            root = name.equals("tasks.json") && path.contains("/.vscode/") || name.equals("devcontainer.json") || name.equals(".devcontainer.json")
                    ? JSONC.readTree(content) : null;
        } catch (JsonProcessingException e) {
            return List.of(); // not JSON yet (an edit in progress): the file change alone is judged
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        return name.equals("tasks.json") ? folderOpenTasks(root) : devContainer(root);
    }

    private static List<Run> folderOpenTasks(JsonNode root) {
        StringBuilder script = new StringBuilder();
        for (JsonNode task : root.path("tasks")) {
            if (!task.path("runOptions").path("runOn").asText("").equals("folderOpen")) {
                continue;
            }
            // the platform's own command replaces the common one; this machine's platform is not known here, so each counts
            for (JsonNode t : List.of(task, task.path("linux"), task.path("osx"), task.path("windows"))) {
                String line = taskLine(t);
                if (!line.isEmpty()) {
                    script.append(line).append('\n');
                }
            }
        }
        return script.isEmpty() ? List.of() : List.of(new Run(script.toString(), "when the folder is opened in the editor", Reach.HOOK));
    }

    /** A task's command with its arguments: a shell task's line is shell text, a process task's words are quoted. */
    private static String taskLine(JsonNode task) {
        JsonNode command = task.path("command");
        if (!command.isTextual()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        words.add(command.asText());
        for (JsonNode arg : task.path("args")) {
            String value = arg.isTextual() ? arg.asText() : arg.path("value").asText("");
            words.add(LaterRuns.quote(value));
        }
        return String.join(" ", words);
    }

    private static List<Run> devContainer(JsonNode root) {
        List<Run> runs = new ArrayList<>();
        String host = commands(root.path("initializeCommand"));
        if (!host.isEmpty()) {
            runs.add(new Run(host, "when the dev container is set up (on this machine)", Reach.HOOK));
        }
        StringBuilder inside = new StringBuilder();
        IN_CONTAINER.forEach(key -> inside.append(commands(root.path(key))));
        if (!inside.isEmpty()) {
            runs.add(new Run(inside.toString(), "when the dev container is created or started", Reach.CONTAINER));
        }
        return runs;
    }

    /** A lifecycle command: a string (shell text), an array (a program and its words) or an object of named commands. */
    private static String commands(JsonNode value) {
        if (value.isTextual()) {
            return value.asText() + "\n";
        }
        if (value.isArray()) {
            List<String> words = new ArrayList<>();
            value.forEach(w -> words.add(w.asText()));
            return LaterRuns.words(words) + "\n";
        }
        StringBuilder out = new StringBuilder();
        if (value.isObject()) {
            value.forEach(v -> out.append(commands(v)));
        }
        return out.toString();
    }
}
