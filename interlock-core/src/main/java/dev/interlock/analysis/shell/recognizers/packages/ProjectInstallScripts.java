package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Installing a project from a directory runs the project's own build code: {@code pip install .} (also {@code -e .},
 * {@code pip wheel}, {@code uv pip install}, {@code pipx install}) runs its {@code setup.py}; {@code npm install}/{@code ci}
 * and {@code pnpm}/{@code yarn install} run the {@code preinstall}, {@code install}, {@code postinstall} and
 * {@code prepare} scripts of its package.json. When that file's text is in view (written earlier in the line, or read by
 * the adapter), it is analyzed as what runs; when the line wrote it from hidden text, the run is opaque.
 */
public final class ProjectInstallScripts {

    /** Python installers: program → the words that build and install a project. */
    private static final Map<String, Set<String>> PYTHON = Map.of("pip", Set.of("install", "wheel"), "pip3", Set.of("install", "wheel"),
            "uv", Set.of("install"), "pipx", Set.of("install"));
    private static final Set<String> PIP_VALUED = Set.of("-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "-w", "--wheel-dir",
            "--python", "--upgrade-strategy", "--trusted-host", "--cache-dir", "--log", "--proxy", "--timeout", "--retries",
            "--config-settings", "-C", "--platform", "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary",
            "-p", "--suffix", "--pip-args", "--spec");
    private static final Set<String> NODE = Set.of("npm", "pnpm", "yarn");
    private static final Set<String> NODE_INSTALLS = Set.of("install", "i", "ci", "isntall", "add");
    /** What npm runs of the root package on install, in order. */
    public static final List<String> LIFECYCLE = List.of("preinstall", "install", "postinstall", "prepublish", "preprepare",
            "prepare", "postprepare");
    private static final Set<String> NPM_VALUED = Set.of("--registry", "--prefix", "-C", "--dir", "--cache", "--userconfig",
            "--workspace", "-w", "--filter", "--loglevel", "--omit", "--include", "--cwd");

    private ProjectInstallScripts() {
    }

    /** What the project's install code does, when this install runs code in view; empty otherwise. */
    public static List<Operation> of(Invocation inv, Nested nested) {
        String program = inv.program();
        if (PYTHON.containsKey(program) || program.startsWith("pip3.")) {
            return python(inv, nested);
        }
        return NODE.contains(program) ? node(inv, nested) : List.of();
    }

    private static List<Operation> python(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(PIP_VALUED);
        List<String> words = new ArrayList<>(p.words());
        if (inv.program().equals("uv")) {
            if (words.isEmpty() || !words.getFirst().equals("pip")) {
                return List.of();
            }
            words.removeFirst();
        }
        Set<String> installs = PYTHON.getOrDefault(inv.program(), PYTHON.get("pip"));
        if (words.isEmpty() || !installs.contains(words.getFirst())) {
            return List.of();
        }
        List<String> projects = new ArrayList<>(words.subList(1, words.size()));
        p.flags().getOrDefault("-e", List.of()).forEach(projects::add);
        p.flags().getOrDefault("--editable", List.of()).forEach(projects::add);
        List<Operation> ops = new ArrayList<>();
        for (String project : projects) {
            if (directory(project)) {
                ops.addAll(run(inv, nested, join(project, "setup.py"), "python3 "));
            }
        }
        return ops;
    }

    private static List<Operation> node(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(NPM_VALUED);
        if (p.has("--ignore-scripts")) {
            return List.of();
        }
        List<String> words = p.words();
        boolean install = words.isEmpty() && !inv.program().equals("npm") || !words.isEmpty() && NODE_INSTALLS.contains(words.getFirst());
        if (!install) {
            return List.of();
        }
        String dir = p.value("--prefix", "-C", "--dir", "--cwd").orElse(".");
        List<String> packages = words.size() > 1 ? words.subList(1, words.size()) : List.of();
        if (packages.size() == 1 && directory(packages.getFirst())) {
            dir = packages.getFirst(); // npm install ./tools/cli: a folder's package is installed with its scripts
        } else if (!packages.isEmpty()) {
            return List.of(); // packages from a registry: their code is PackageSources' business
        }
        String manifest = join(dir, "package.json");
        Optional<String> hidden = nested.hiddenSource(manifest);
        if (hidden.isPresent()) {
            return nested.shell("sh " + quote(manifest), inv); // judged as running a file the line hid
        }
        Optional<String> json = nested.written(manifest);
        Map<String, String> scripts = json.flatMap(PackageScripts::of).orElse(Map.of());
        List<Operation> ops = new ArrayList<>();
        for (String name : LIFECYCLE) {
            if (scripts.containsKey(name)) {
                ops.addAll(nested.shell(dir.equals(".") ? scripts.get(name) : "cd " + quote(dir) + " && " + scripts.get(name), inv));
            }
        }
        return ops;
    }

    /** The build file's code, as the interpreter that runs it would be judged; nothing when its text is not in view. */
    private static List<Operation> run(Invocation inv, Nested nested, String file, String interpreter) {
        if (nested.hiddenSource(file).isEmpty() && nested.written(file).isEmpty()) {
            return List.of();
        }
        return nested.shell(interpreter + quote(file), inv);
    }

    /** A project given by its directory ({@code .}, {@code ./pkg}, {@code /tmp/x}), not a package name or an archive. */
    private static boolean directory(String word) {
        boolean path = word.equals(".") || word.equals("..") || word.startsWith("./") || word.startsWith("../") || word.startsWith("/")
                || word.startsWith("~/") || word.startsWith("file:");
        return path && !word.matches("(?i).*\\.(whl|zip|tar\\.gz|tgz|tar\\.bz2|egg)$") && !word.contains("[") || word.matches("\\.\\[[\\w,-]+\\]");
    }

    private static String join(String dir, String file) {
        String d = dir.startsWith("file:") ? dir.substring(5) : dir;
        d = d.replaceFirst("\\[[\\w,-]+\\]$", ""); // .[dev]: the extras are not part of the path
        return d.equals(".") ? file : (d.endsWith("/") ? d : d + "/") + file;
    }

    private static String quote(String value) {
        return value.matches("[\\w@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
