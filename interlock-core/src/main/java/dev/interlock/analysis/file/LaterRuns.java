package dev.interlock.analysis.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Project files whose code another tool runs by itself later: pytest imports {@code conftest.py} (and calls its
 * {@code pytest_sessionstart} hooks), pip runs {@code setup.py} and its {@code cmdclass} hooks, {@code compose up}
 * starts a service's {@code command} with its host mounts, {@code terraform plan} runs a {@code data "external"}
 * program and {@code apply} a {@code local-exec} provisioner. Their code as one shell script, and when it runs.
 */
final class LaterRuns {

    /** A script to analyze and the moment it runs, for the operation's note. */
    record Run(String script, String when, boolean inContainer, List<String> hostPaths) {
        Run(String script, String when) {
            this(script, when, false, List.of());
        }

        /**
         * Whether an operation of the script touches this machine: in a container only the paths mounted from it do
         * (a service clearing its own /app/tmp is the container's business).
         */
        boolean reaches(dev.interlock.model.Operation op) {
            if (!inContainer || !op.system().equals("filesystem")) {
                return true;
            }
            String path = op.resource().locator("path");
            return path != null && hostPaths.stream().anyMatch(h -> h.equals("/") || path.equals(h) || path.startsWith(h + "/"));
        }
    }

    private static final Pattern COMPOSE = Pattern.compile("(docker-)?compose([-_.].*)?\\.ya?ml");
    private static final Pattern EXTERNAL_PROGRAM = Pattern.compile("(?s)data\\s+\"external\"[^{]*\\{.*?program\\s*=\\s*\\[(.*?)\\]");
    private static final Pattern LOCAL_EXEC = Pattern.compile(
            "(?s)provisioner\\s+\"local-exec\"\\s*\\{[^}]*?command\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HCL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final int MAX_ALIASES = 50;

    private LaterRuns() {
    }

    /** What of {@code content} runs later at {@code path}; empty for files that run nothing by themselves. */
    static Optional<Run> of(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        // by name first: this runs for every edit
        if (name.equals("conftest.py")) {
            return Optional.of(new Run(python(content), "when pytest loads it"));
        }
        if (name.equals("setup.py")) {
            return Optional.of(new Run(python(content), "when the package is built or installed"));
        }
        if (name.endsWith(".tf") && (content.contains("\"external\"") || content.contains("local-exec"))) {
            String script = terraform(content);
            return script.isEmpty() ? Optional.empty() : Optional.of(new Run(script, "when Terraform plans or applies it"));
        }
        if (COMPOSE.matcher(name).matches() && (content.contains("command") || content.contains("entrypoint"))) {
            List<String> hostPaths = new ArrayList<>();
            String script = compose(content, hostPaths);
            return script.isEmpty() ? Optional.empty() : Optional.of(new Run(script, "when the service starts", true, List.copyOf(hostPaths)));
        }
        return Optional.empty();
    }

    private static String python(String content) {
        String delimiter = "INTERLOCK_CODE_" + Integer.toHexString(content.hashCode());
        return "python3 - <<'" + delimiter + "'\n" + content + (content.endsWith("\n") ? "" : "\n") + delimiter + "\n";
    }

    private static String terraform(String content) {
        StringBuilder out = new StringBuilder();
        Matcher program = EXTERNAL_PROGRAM.matcher(content);
        while (program.find()) {
            List<String> words = new ArrayList<>();
            Matcher s = HCL_STRING.matcher(program.group(1));
            while (s.find()) {
                words.add(quote(unescape(s.group(1))));
            }
            out.append(String.join(" ", words)).append('\n');
        }
        Matcher exec = LOCAL_EXEC.matcher(content);
        while (exec.find()) {
            out.append(unescape(exec.group(1))).append('\n');
        }
        return out.toString().strip();
    }

    /**
     * Each service's command and entrypoint, with the paths it mounts from this machine written as this machine's
     * ({@code - /:/host} makes {@code rm -rf /host/etc} a delete of {@code /etc}).
     */
    private static String compose(String content, List<String> hostPaths) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(options)).load(content);
        } catch (RuntimeException e) {
            return ""; // not YAML yet (an edit in progress): the file change alone is judged
        }
        if (!(doc instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> services)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Object service : services.values()) {
            if (!(service instanceof Map<?, ?> s)) {
                continue;
            }
            String command = (words(s.get("entrypoint")) + " " + words(s.get("command"))).strip();
            if (command.isEmpty()) {
                continue;
            }
            if (s.get("volumes") instanceof List<?> volumes) {
                for (Object v : volumes) {
                    String[] parts = String.valueOf(v).split(":");
                    if (parts.length >= 2 && parts[0].startsWith("/") && parts[1].startsWith("/") && !parts[1].equals("/")) {
                        String mount = "(?<=[\\s'\"=])" + Pattern.quote(parts[1]);
                        String host = parts[0].equals("/") ? "" : parts[0];
                        hostPaths.add(parts[0]);
                        command = command.replaceAll(mount + "(?=/)", Matcher.quoteReplacement(host))
                                .replaceAll(mount + "(?=[\\s'\";]|$)", Matcher.quoteReplacement(host.isEmpty() ? "/" : host));
                    }
                }
            }
            out.append(command).append('\n');
        }
        return out.toString().strip();
    }

    /** A compose command: a string as the shell reads it, or a list of words. */
    private static String words(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(w -> quote(String.valueOf(w))).toList());
        }
        return "";
    }

    private static String unescape(String hcl) {
        return hcl.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String quote(String value) {
        return value.matches("[\\w@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
