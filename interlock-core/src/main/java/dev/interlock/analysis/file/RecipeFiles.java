package dev.interlock.analysis.file;

import dev.interlock.analysis.shell.MakeRules;
import dev.interlock.analysis.shell.recognizers.packages.PackageScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Files of named recipes that someone runs later by name ({@code make reset}, {@code just deploy}, {@code task
 * clean}, {@code npm run db:drop}): Makefiles, justfiles, Taskfiles and a package.json's scripts. Their commands, one a
 * line, so that writing one is judged by what it stages for the next run.
 */
final class RecipeFiles {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 4;

    private RecipeFiles() {
    }

    /** The commands of every recipe in {@code content}, as one shell script; empty when none can be read. */
    static String script(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> commands;
        if (name.equals("package.json")) {
            // the lifecycle scripts are judged whole already: they run by themselves on the next install
            commands = PackageScripts.of(content).map(s -> s.entrySet().stream()
                    .filter(e -> !FileEditAnalyzer.LIFECYCLE.contains(e.getKey())).map(Map.Entry::getValue).toList()).orElse(List.of());
        } else if (name.endsWith("justfile")) {
            commands = justfile(content);
        } else if (name.startsWith("taskfile")) {
            commands = taskfile(content);
        } else {
            commands = MakeRules.commands(content);
        }
        return String.join("\n", commands) + "\n";
    }

    /** A justfile's recipe bodies: its indented lines, without the {@code @} and {@code -} prefixes. */
    private static List<String> justfile(String content) {
        List<String> out = new ArrayList<>();
        for (String line : content.replace("\\\n", " ").split("\n")) {
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                String command = line.strip().replaceFirst("^[@-]+", "");
                if (!command.isEmpty() && !command.startsWith("#")) {
                    out.add(command);
                }
            }
        }
        return out;
    }

    /** A Taskfile's {@code cmds} (strings, or maps with {@code cmd}) and single {@code cmd} of every task. */
    private static List<String> taskfile(String content) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(content);
        } catch (RuntimeException e) {
            return List.of(); // not YAML yet (an edit in progress): the file change alone is judged
        }
        List<String> out = new ArrayList<>();
        // an edit's fragment may be some tasks, or one task's commands, without the file around them
        Object tasks = doc instanceof Map<?, ?> root && root.containsKey("tasks") ? root.get("tasks") : doc;
        if (tasks instanceof List<?> fragment) {
            commands(fragment, out, 0);
        } else if (tasks instanceof Map<?, ?> named) {
            for (Object task : named.values()) {
                if (task instanceof Map<?, ?> t) {
                    commands(t.get("cmds"), out, 0);
                    commands(t.get("cmd"), out, 0);
                } else {
                    commands(task, out, 0); // the short forms: a task that is one command or a list of them
                }
            }
        }
        return out;
    }

    /** Commands in a value; {@code depth} bounds what YAML anchors can make recursive. */
    private static void commands(Object value, List<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case String s -> out.add(s);
            case List<?> items -> items.forEach(item -> commands(item, out, depth + 1));
            case Map<?, ?> m -> commands(m.get("cmd"), out, depth + 1);
            case null, default -> { }
        }
    }
}
