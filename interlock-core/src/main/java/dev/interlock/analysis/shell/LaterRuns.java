package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
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
 * Files whose code another tool runs by itself later: pytest imports {@code conftest.py} (and calls its
 * {@code pytest_sessionstart} hooks), pip runs {@code setup.py} and its {@code cmdclass} hooks, {@code compose up}
 * starts a service's {@code command} with its host mounts, {@code terraform plan} runs a {@code data "external"}
 * program and {@code apply} a {@code local-exec} provisioner, the editor runs a folder's auto-run tasks and a dev
 * container's lifecycle commands ({@link EditorTasks}), every new shell runs its start-up files, a build runs a
 * Dockerfile's {@code RUN} lines ({@link DockerfileRuns}), the next build a build script's commands ({@link BuildScripts}),
 * and someone runs a notebook's cells ({@link Notebooks}). Their code as one shell script, and when it runs. The same
 * for an agent's file edit and for a file the shell writes with text in view ({@code cat > conftest.py <<EOF}).
 */
public final class LaterRuns {

    /** Which of a later run's operations count when the file is written. */
    public enum Reach {
        /** A hook of a tool on this machine: what goes beyond routine local work ({@link #hazards}). */
        HOOK,
        /** A container's command: the same, and of files only those mounted from this machine. */
        CONTAINER,
        /** An image build: what reaches beyond the throwaway build container ({@link DockerfileRuns#beyondTheBuild}). */
        BUILD,
        /** A shell start-up file: everything but reads, as it runs in every new shell without being asked again. */
        EVERY_SHELL
    }

    /** A script to analyze and the moment it runs, for the operation's note. */
    public record Run(String script, String when, Reach reach, List<String> hostPaths) {
        public Run(String script, String when, Reach reach) {
            this(script, when, reach, List.of());
        }

        /** The operations of the script that count now, when the file is written. */
        public List<Operation> kept(List<Operation> operations) {
            return switch (reach) {
                case HOOK -> hazards(operations);
                case CONTAINER -> hazards(operations).stream().filter(this::reaches).toList();
                case BUILD -> operations.stream().filter(DockerfileRuns::beyondTheBuild).toList();
                case EVERY_SHELL -> operations.stream().filter(op -> op.verb() != Verb.READ).toList();
            };
        }

        /**
         * Whether an operation of the script touches this machine: in a container only the paths mounted from it do
         * (a service clearing its own /app/tmp is the container's business).
         */
        private boolean reaches(Operation op) {
            if (!op.system().equals("filesystem")) {
                return true;
            }
            String path = op.resource().locator("path");
            return path != null && hostPaths.stream().anyMatch(h -> h.equals("/") || path.equals(h) || path.startsWith(h + "/"));
        }
    }

    private static final Pattern COMPOSE = Pattern.compile("(docker-)?compose([-_.].*)?\\.ya?ml");
    private static final Pattern DOCKERFILE = Pattern.compile("(.*\\.)?(docker|container)file(\\..+)?");
    /** Files every new interactive or login shell reads (bash, zsh, ksh, fish; the user's and the machine's). */
    private static final Pattern SHELL_STARTUP_NAME = Pattern.compile("\\.(bashrc|bash_aliases|bash_profile|bash_login|bash_logout|profile"
            + "|zshrc|zprofile|zshenv|zlogin|zlogout|kshrc|mkshrc)|config\\.fish");
    private static final Pattern SHELL_STARTUP_PATH = Pattern.compile("/etc/profile(\\.d/.*)?|/etc/bash\\.bashrc|/etc/zsh/.*"
            + "|.*/fish/(conf\\.d|functions)/[^/]+\\.fish");
    private static final Pattern EXTERNAL_PROGRAM = Pattern.compile("(?s)data\\s+\"external\"[^{]*\\{.*?program\\s*=\\s*\\[(.*?)\\]");
    private static final Pattern LOCAL_EXEC = Pattern.compile(
            "(?s)provisioner\\s+\"local-exec\"\\s*\\{[^}]*?command\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HCL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** {@code alias ls='rm -rf'}, {@code alias ls="…"}, {@code alias ls=rm}: the name and the body. */
    private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*alias\\s+(?:--\\s+)?([\\w.-]+)=(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");
    /** Commands typed all day: an alias of one with another program's body is what runs instead. */
    private static final Pattern EVERYDAY = Pattern.compile("ls|ll|la|l|cd|cat|less|git|grep|find|cp|mv|clear|vi|vim|nano|make"
            + "|pwd|echo|man|ps|top|du|df|ssh|python3?|pip3?|node|npm|docker|kubectl|terraform|code|open|exit");
    private static final int MAX_ALIASES = 50;

    private LaterRuns() {
    }

    /** What of {@code content} runs later at {@code path}; empty for files that run nothing by themselves. */
    public static List<Run> of(String path, String content) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        // by name first: this runs for every edit and every file the shell writes with text in view
        if (name.equals("conftest.py")) {
            return List.of(new Run(python(content), "when pytest loads it", Reach.HOOK));
        }
        if (name.equals("setup.py")) {
            return List.of(new Run(python(content), "when the package is built or installed", Reach.HOOK));
        }
        if (name.endsWith(".ipynb")) {
            String script = Notebooks.script(content);
            return script.isBlank() ? List.of() : List.of(new Run(script, "when the notebook runs", Reach.HOOK));
        }
        if (name.endsWith(".tf") && (content.contains("\"external\"") || content.contains("local-exec"))) {
            String script = terraform(content);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when Terraform plans or applies it", Reach.HOOK));
        }
        if (name.endsWith(".json") && (name.equals("tasks.json") || name.contains("devcontainer"))) {
            return EditorTasks.of(path, content);
        }
        if (EditorStartup.named(name)) {
            Optional<Run> editor = EditorStartup.of(path, name, content);
            if (editor.isPresent()) {
                return List.of(editor.get());
            }
        }
        if (shellStartup(path, name)) {
            return List.of(new Run(content + (content.endsWith("\n") ? "" : "\n") + shadowingCalls(content), "in every new shell",
                    Reach.EVERY_SHELL));
        }
        List<Run> build = BuildScripts.of(path, name, content);
        if (!build.isEmpty()) {
            return build;
        }
        if (DOCKERFILE.matcher(name).matches()) {
            return List.of(new Run(DockerfileRuns.script(content), "when the image is built", Reach.BUILD));
        }
        if (COMPOSE.matcher(name).matches() && (content.contains("command") || content.contains("entrypoint"))) {
            List<String> hostPaths = new ArrayList<>();
            String script = compose(content, hostPaths);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when the service starts", Reach.CONTAINER, List.copyOf(hostPaths)));
        }
        return List.of();
    }

    /** Whether every new shell reads the file at {@code path} as its own script. */
    public static boolean shellStartup(String path) {
        return shellStartup(path, path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean shellStartup(String path, String name) {
        return SHELL_STARTUP_NAME.matcher(name).matches() || path.startsWith("/etc/") && SHELL_STARTUP_PATH.matcher(path).matches()
                || name.endsWith(".fish") && SHELL_STARTUP_PATH.matcher(path).matches();
    }

    /**
     * An alias that makes an everyday command run another program ({@code alias ls='rm -rf'}) is that program run with
     * whatever the user types next: a call of each, with arguments not known here, so its body is judged. An alias of a
     * command to itself with options ({@code alias ls='ls --color'}, {@code alias cp='cp -i'}) changes nothing that
     * matters. Functions need no call: one never called is walked with its arguments unknown ({@link FunctionCalls}).
     */
    private static String shadowingCalls(String content) {
        if (!content.contains("alias")) {
            return "";
        }
        StringBuilder calls = new StringBuilder();
        Matcher m = ALIAS.matcher(content);
        while (m.find()) {
            String name = m.group(1);
            String body = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            String program = body.strip().split("\\s+", 2)[0];
            if (EVERYDAY.matcher(name).matches() && !program.equals(name) && !program.equals("command") && !program.isEmpty()) {
                calls.append(name).append(" \"$@\"\n");
            }
        }
        return calls.toString();
    }

    /**
     * What a hook another tool runs later stages beyond routine work: a test fixture's files and local containers are
     * the project's own business; deletes, credentials, uploads, privilege changes and downloaded code are not. The
     * interpreter's own operation (code it cannot read) is left to the run.
     */
    static List<Operation> hazards(List<Operation> operations) {
        return operations.stream().filter(op -> !op.system().equals("process") && op.verb() != Verb.READ
                && !(op.environment() == Tier.LOCAL && (op.verb() == Verb.CREATE || op.verb() == Verb.UPDATE || op.verb() == Verb.EXECUTE)))
                .toList();
    }

    static String python(String content) {
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

    /** A command given as a string (as the shell reads it) or a list of words (exec form). */
    static String words(Object value) {
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

    static String quote(String value) {
        return value.matches("[\\w@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
