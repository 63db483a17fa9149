package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path operand as the filesystem recognizers see it: where it resolves, which {@link Area} that is, whether it
 * names everything below a directory (a whole-directory wildcard), and whether it could be resolved statically.
 *
 * @param written  the operand as written ({@code $TMPDIR/build}, {@code ./src})
 * @param path     the resolved absolute path (for a wildcard: the directory it expands in)
 * @param area     where the path lies
 * @param glob     the operand is an unquoted wildcard
 * @param wildAll  the wildcard matches everything in its directory ({@code *}, {@code .*})
 * @param exact    false when a variable or command substitution had to be guessed
 */
public record FileTarget(String written, String path, Area area, boolean glob, boolean wildAll, boolean exact) {

    /**
     * Build, cache and dependency directories that tools recreate: deleting them inside the workspace loses nothing a
     * build does not make again. {@code build} and {@code out} are {@link #BUILD_OUTPUT}: alone they may hold
     * hand-written files.
     */
    static final Set<String> REGENERABLE = Set.of("node_modules", "bower_components", "target", "dist", ".next",
            ".terraform", "obj", "_build", ".dart_tool", ".stack-work", "dist-newstyle", ".build",
            "cmake-build-debug", "cmake-build-release", ".serverless", ".docusaurus", "storybook-static", "htmlcov",
            ".nuxt", ".svelte-kit", ".angular", ".turbo", ".parcel-cache", "__pycache__", ".pytest_cache", ".mypy_cache",
            ".ruff_cache", ".tox", ".nox", ".eggs", ".gradle", ".cache", "coverage", ".nyc_output", ".venv", "venv",
            // dbt's installed packages (`dbt deps`), its node_modules
            "dbt_packages",
            // Terragrunt's module copies, CDK's synthesized templates, SAM's build: the next run writes them again
            ".terragrunt-cache", "cdk.out", ".aws-sam",
            // JVM-language tool caches: the Clojure CLI's classpath cache, shadow-cljs's, Bloop's and
            // Metals' build servers, scala-cli's, Kotlin's incremental caches
            ".cpcache", ".shadow-cljs", ".bloop", ".metals", ".scala-build", ".bsp", ".kotlin");
    /**
     * Regenerable only inside the workspace (or temp): the project's scratch directories (Rails' {@code tmp}), the
     * output test runners write again on the next run (Playwright, Allure, JUnit-style reports, {@code dotnet test}'s
     * {@code TestResults}), and the lock files a
     * package manager writes again on the next install. {@code ~/tmp} is the user's own.
     */
    static final Set<String> REGENERABLE_IN_WORKSPACE = Set.of("tmp", ".tmp", "temp",
            "test-results", "test-reports", "TestResults", "playwright-report", "blob-report", "allure-results", "allure-report",
            "junit-reports", "cypress-results", "mochawesome-report", "jest-html-reporters-attach",
            "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "npm-shrinkwrap.json",
            "Cargo.lock", "poetry.lock", "Pipfile.lock", "uv.lock", "Gemfile.lock", "composer.lock", "go.sum",
            "packages.lock.json", "mix.lock", "pubspec.lock", "Podfile.lock", ".terraform.lock.hcl",
            // experiment trackers' local runs and scratch (MLflow, Weights & Biases, Lightning, Hydra's sweeps), written
            // again by the next run
            "mlruns", "wandb", "lightning_logs", "multirun", ".ipynb_checkpoints",
            // Visual Studio's per-solution cache, written again when the solution is opened
            ".vs");
    /**
     * Scratch, log and work directories of tools run in the project ({@code logs}, {@code ./le/work} of certbot,
     * Nextflow's {@code work}, Hydra's {@code outputs}): regenerable inside the workspace, but only outside its source
     * directories, where the same word names a module ({@code src/cache}, {@code internal/work}).
     */
    static final Set<String> SCRATCH_IN_WORKSPACE = Set.of("logs", "log", "work", "scratch", "cache", "outputs");
    /** The scratch names that hold logs. */
    private static final Set<String> LOG_DIRS = Set.of("logs", "log");
    /** A path whose first component below a home directory is group 2. */
    private static final Pattern HOME_ENTRY = Pattern.compile("/(home/[^/]+|Users/[^/]+|root)/([^/]+)(/.*)?");
    /** Directories that hold a project's own code: a scratch name below one of them is a module, not scratch. */
    private static final Set<String> SOURCE_DIRS = Set.of("src", "lib", "app", "pkg", "internal", "cmd", "source",
            "sources", "migrations", "test", "tests", "spec", "include", ".git");
    /**
     * Directories that are build output when a command clears them together with other build output
     * ({@code rm -rf target build .pytest_cache}); {@code rm -rf ./build} alone asks, since projects keep hand-written
     * files there often enough.
     */
    static final Set<String> BUILD_OUTPUT = Set.of("build", "out");
    /**
     * Compiled files, logs, temporaries ({@code tmp-x}, {@code parquet-tmp}), test results, and the leftovers of merges
     * and editors ({@code *.orig}, {@code *.rej}, {@code *~}).
     */
    private static final Pattern REGENERABLE_FILES = Pattern.compile(
            ".*\\.(pyc|pyo|o|obj|class|tsbuildinfo|log|tmp|swp|swo|orig|rej)$|.+~|\\.DS_Store|Thumbs\\.db|(?i)(tmp|temp)[-_.].+|(?i).+[-_](tmp|temp)"
            // test runners' result files, written again on the next run
            + "|(?i)junit[^/]*\\.xml|TEST-[^/]+\\.xml");

    /**
     * A tool's cache in the home directory ({@code ~/.cache/pip}, {@code ~/.m2/repository/com/acme},
     * {@code ~/.gradle/caches}, {@code ~/Library/Caches/X}, Xcode's DerivedData): downloads and builds the tool makes
     * again. Interlock's own cache is not one.
     */
    private static final Pattern HOME_CACHES = Pattern.compile("/(home/[^/]+|Users/[^/]+|root)/(\\.cache/(?!interlock(/|$))[^/]+"
            + "|\\.npm/_cacache|\\.npm/_npx|\\.m2/repository|\\.gradle/caches|\\.gradle/wrapper/dists|\\.cargo/registry"
            + "|\\.cargo/git|go/pkg/mod/cache|\\.pnpm-store|\\.local/share/pnpm/store|Library/Caches/[^/]+|\\.yarn/berry/cache"
            + "|\\.bun/install/cache|\\.nuget/packages|\\.ivy2/cache"
            // Xcode's build products and indexes, the symbols it copies from devices, the simulators' caches
            + "|Library/Developer/Xcode/(DerivedData|iOS DeviceSupport|watchOS DeviceSupport)|Library/Developer/CoreSimulator/Caches"
            // Electron and Chromium apps (VS Code, Slack, Chrome) keep their caches beside their settings and rebuild them on
            // start; the profile's other files (Local Storage, Cookies, settings) are not caches
            + "|(\\.config|Library/Application Support)/(?!interlock/)[^/]+(/(Default|Profile \\d+))?/(Cache|CachedData|GPUCache|Code Cache"
            + "|DawnCache|DawnGraphiteCache|DawnWebGPUCache|GrShaderCache|ShaderCache|CachedExtensionVSIXs|Service Worker/CacheStorage"
            + "|Service Worker/ScriptCache))(/.*)?");

    /**
     * One installed version of a language or tool under a version manager in the home directory
     * ({@code ~/.rbenv/versions/2.7.8}, {@code ~/.nvm/versions/node/v16.20.0}, {@code ~/.asdf/installs/ruby/3.1.4}): what
     * {@code rbenv uninstall}, {@code nvm uninstall} or {@code asdf uninstall} remove, installed again by one command. The
     * manager's own directory, and every version at once ({@code ~/.rbenv/versions/*}), are not one version.
     */
    private static final Pattern INSTALLED_VERSIONS = Pattern.compile("/(home/[^/]+|Users/[^/]+|root)/("
            + "\\.(rbenv|pyenv|nodenv|goenv|phpenv|plenv|tfenv|jenv)/versions|\\.nvm/versions/(node|io\\.js)|\\.rvm/rubies|\\.rubies"
            + "|\\.asdf/installs/[^/]+|\\.local/share/mise/installs/[^/]+|\\.local/share/rtx/installs/[^/]+"
            + "|(\\.local/share/fnm|\\.fnm)/node-versions|\\.volta/tools/image/[^/]+|\\.sdkman/candidates/[^/]+"
            + "|\\.rustup/toolchains|\\.local/share/uv/python|\\.gvm/gos|\\.jabba/jdk)/[^/*?\\[{]+(/.*)?");

    /**
     * A tool's whole home directory that is named like build output but keeps settings and credentials beside its
     * caches: {@code ~/.gradle} holds gradle.properties (publishing and signing secrets) and init scripts.
     */
    private static final Pattern HOME_TOOL_SETTINGS = Pattern.compile("/(home/[^/]+|Users/[^/]+|root)/\\.gradle/?");

    /** Wildcards that match every entry of their directory. */
    private static final Set<String> ALL_ENTRIES = Set.of("*", ".*", "*.*", "**", ".??*", ".[!.]*", ".[^.]*", "{*,.*}", "{.*,*}");
    /** {@code $TMPDIR}, {@code ${TMPDIR}}, {@code ${TMPDIR:-/tmp}} and friends, with what follows. */
    private static final Pattern TMPDIR = Pattern.compile("^\\$\\{?(TMPDIR|TMP|TEMP|RUNNER_TEMP)(:?-[^}]*)?}?(/.*)?$");
    private static final Pattern OTHER_HOME = Pattern.compile("^~([a-z_][a-z0-9_.-]*)(/.*)?$");
    /** The working directory spelled dynamically. */
    private static final Pattern PWD = Pattern.compile("^(\\$\\{?PWD}?|\\$\\(pwd\\)|`pwd`)(/.*)?$");

    public static FileTarget of(Arg arg, Invocation inv) {
        Workspace ws = inv.workspace();
        String v = arg.value();
        boolean exact = true;
        String concrete = v;
        if (v.endsWith("/{}")) {
            return placeholder(v, ws, arg.literal());
        }
        if (!arg.literal()) {
            // The raw text still has its quotes: "$TMPDIR/build".
            String unquoted = v.replace("\"", "").replace("'", "");
            concrete = unquoted;
            Matcher tmp = TMPDIR.matcher(unquoted);
            Matcher pwd = PWD.matcher(unquoted);
            if (tmp.matches()) {
                // A temp directory by convention; its value is rarely known statically.
                String rest = tmp.group(3) == null ? "" : tmp.group(3);
                String base = inv.env().getOrDefault(tmp.group(1), "/tmp");
                concrete = (base.isBlank() ? "/tmp" : base) + rest;
                if (ws.area(concrete) != Area.TEMP) {
                    concrete = "/tmp/" + (rest.isEmpty() ? "x" : rest);
                }
                exact = false;
            } else if (pwd.matches()) {
                concrete = ws.dir() + (pwd.group(2) == null ? "" : pwd.group(2));
            } else if (Regex.matches(unquoted, "/(tmp|var/tmp|dev/shm)/[^/$`]+(\\$\\$|\\$\\{\\$}|\\$RANDOM|\\$BASHPID)[^/$`]*/?")) {
                // /tmp/lock.$$: a number filled into a name in the temp directory, which cannot leave it
                concrete = Regex.replaceAll(unquoted, "\\$\\$|\\$\\{\\$}|\\$RANDOM|\\$BASHPID", "0");
                exact = false;
            } else if (!Regex.matches(unquoted, "^(\\$HOME|\\$\\{HOME}|~)(/.*)?$")) {
                return new FileTarget(v, v, Area.OTHER, arg.glob(), false, false);
            }
        }
        Matcher other = OTHER_HOME.matcher(concrete);
        if (other.matches()) {
            // ~alice is alice's home directory (~root is /root), not a file named "~alice".
            String user = other.group(1);
            concrete = (user.equals("root") ? "/root" : Regex.replaceFirst(ws.home(), "/[^/]+$", "/") + user)
                    + (other.group(2) == null ? "" : other.group(2));
        }
        if (!arg.glob()) {
            String resolved = ws.resolve(concrete);
            return new FileTarget(v, resolved, ws.area(concrete), false, false, exact);
        }
        return globbed(v, concrete, ws, exact);
    }

    /**
     * {@code find ROOT -exec rm {} ;}: each run gets one file found under ROOT, which lies where ROOT's entries lie
     * (files of the workspace when ROOT is the workspace itself).
     */
    private static FileTarget placeholder(String written, Workspace ws, boolean literal) {
        if (!literal) {
            return new FileTarget(written, written, Area.OTHER, false, false, false);
        }
        String dir = ws.resolve(written.substring(0, written.length() - 3).isEmpty() ? "/" : written.substring(0, written.length() - 3));
        Area area;
        if (dir.equals("/")) {
            area = Area.ROOT;
        } else if (ws.area(dir) == Area.HOME_ROOT && (!dir.equals(ws.cwd()) || dir.equals(ws.home()))) {
            area = Area.HOME_ROOT;
        } else {
            area = ws.area(dir + "/x");
        }
        return new FileTarget(written, dir, area, false, false, literal);
    }

    /** A wildcard: classify the directory it expands in, or what lies below it. */
    private static FileTarget globbed(String written, String concrete, Workspace ws, boolean exact) {
        List<String> segments = List.of(concrete.split("/", -1));
        int first = 0;
        while (first < segments.size() && !Regex.matches(segments.get(first), ".*[*?\\[{].*")) {
            first++;
        }
        String dirText = String.join("/", segments.subList(0, Math.min(first, segments.size())));
        if (dirText.isEmpty()) {
            dirText = concrete.startsWith("/") ? "/" : ".";
        }
        String dir = ws.resolve(dirText);
        boolean last = first == segments.size() - 1;
        Area dirArea = ws.area(dir);
        Area childArea = dir.equals("/") ? Area.ROOT : ws.area(dir + "/x");
        if (last && ALL_ENTRIES.contains(segments.get(first)) && childArea != Area.TEMP) {
            return new FileTarget(written, dir, buildDirectory(dir, ws) ? Area.WORKSPACE : dirArea, true, true, exact);
        }
        return new FileTarget(written, dir, childArea, true, false, exact);
    }

    /**
     * The working directory is a project's build directory ({@code ~/shop-web/dist}, {@code /workspace/app/target}):
     * what lies in it is judged as {@code rm -rf dist/*} from the project would be, not as the workspace itself. A
     * directory of that name in the home directory itself, or in a system directory, is not a project's.
     */
    private static boolean buildDirectory(String dir, Workspace ws) {
        String name = dir.substring(dir.lastIndexOf('/') + 1);
        String parent = dir.substring(0, Math.max(dir.lastIndexOf('/'), 0));
        return dir.equals(ws.cwd()) && !parent.isEmpty() && !parent.equals(ws.home())
                && (ws.area(parent) == Area.HOME || ws.area(parent) == Area.OTHER)
                && (REGENERABLE.contains(name) || BUILD_OUTPUT.contains(name));
    }

    /** The last path component, without a trailing slash. */
    String leaf() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A build or dependency directory (or compiled files, logs) tools recreate, inside the workspace or temp. */
    public boolean regenerable() {
        String name = wildAll ? leaf() : glob ? written.substring(written.lastIndexOf('/') + 1) : leaf();
        boolean own = area == Area.WORKSPACE || area == Area.TEMP;
        return REGENERABLE.contains(name) && !HOME_TOOL_SETTINGS.matcher(path).matches() || name.endsWith(".egg-info")
                || own && (REGENERABLE_FILES.matcher(name).matches() || REGENERABLE_IN_WORKSPACE.contains(name))
                || !glob && workspaceScratch() || insideRegenerable(true) || homeCache();
    }

    /** A scratch, log or work directory of the workspace ({@link #SCRATCH_IN_WORKSPACE}), not below its sources. */
    private boolean workspaceScratch() {
        String[] parts = relativeParts();
        return parts.length > 0 && scratchAt(parts, parts.length - 1);
    }

    /**
     * The operand's components relative to the workspace, or none when it is not written as a path inside it (absolute,
     * from home, a variable, or climbing out with {@code ..}): only those are trusted to name the project's own layout.
     */
    private String[] relativeParts() {
        if (area != Area.WORKSPACE || written.startsWith("/") || written.startsWith("~") || written.startsWith("$")) {
            return new String[0];
        }
        String relative = written.startsWith("./") ? written.substring(2) : written;
        String[] parts = java.util.Arrays.stream(relative.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toArray(String[]::new);
        return java.util.Arrays.asList(parts).contains("..") ? new String[0] : parts;
    }

    /**
     * A scratch name at {@code end} counts: no component before it is a source directory ({@link #SOURCE_DIRS}), and the
     * workspace is not the home directory itself, where {@code work} or {@code logs} are the user's own folders.
     */
    private boolean scratchAt(String[] parts, int end) {
        if (!SCRATCH_IN_WORKSPACE.contains(parts[end]) || !outsideSources(parts, end)) {
            return false;
        }
        Matcher inHome = HOME_ENTRY.matcher(path);
        return !(inHome.matches() && inHome.group(2).equals(parts[0]));
    }

    /** No component before {@code end} is a source directory ({@link #SOURCE_DIRS}). */
    private static boolean outsideSources(String[] parts, int end) {
        for (int i = 0; i < end; i++) {
            if (SOURCE_DIRS.contains(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A tool's cache or one installed version under a version manager in the home directory, also when the agent works
     * in the home directory itself (cwd ~).
     */
    private boolean homeCache() {
        return (area == Area.HOME || area == Area.WORKSPACE) && (glob ? insideHomeCache() : HOME_CACHES.matcher(path).matches())
                || installedVersion();
    }

    /** One installed version of a tool under its version manager ({@link #INSTALLED_VERSIONS}); a wildcard never is. */
    public boolean installedVersion() {
        return (area == Area.HOME || area == Area.WORKSPACE) && !glob && INSTALLED_VERSIONS.matcher(path).matches();
    }

    /**
     * {@code ~/Library/Developer/Xcode/DerivedData/Shop-*}, {@code ~/.cache/pip-*}, {@code ~/Library/Caches/Homebrew/*}:
     * a wildcard in the last component whose every expansion lies in a tool's cache. One that could name Interlock's own
     * cache is not.
     */
    private boolean insideHomeCache() {
        if (wildAll) {
            return HOME_CACHES.matcher(path).matches();
        }
        int slash = written.lastIndexOf('/');
        String leaf = written.substring(slash + 1);
        if (slash < 0 || Regex.matches(written.substring(0, slash), ".*[*?\\[{].*") || !Regex.matches(leaf, "[^\\[{]*[*?][^\\[{]*")) {
            return false;
        }
        StringBuilder expands = new StringBuilder();
        for (char c : leaf.toCharArray()) {
            expands.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return HOME_CACHES.matcher(path + "/" + leaf.replace("*", "").replace("?", "")).matches()
                && !Regex.matches("interlock", expands.toString());
    }

    /** Whether a file called {@code name} is one builds and runs make again (compiled files, logs, temporaries). */
    public static boolean regenerableName(String name) {
        return REGENERABLE_FILES.matcher(name).matches();
    }

    /**
     * Whether what a find name or path pattern matches inside the workspace is made again by builds and tools: compiled
     * files and logs ({@code -name '*.pyc'}), cache and build directories ({@code -name __pycache__}, {@code -name
     * .pytest_cache}), or anything inside one ({@code -path '*}{@code /node_modules/.cache/*'}).
     */
    public static boolean regenerablePattern(String pattern, boolean path) {
        String leaf = pattern.substring(pattern.lastIndexOf('/') + 1);
        if (regenerableName(leaf.replace("*", "x")) || REGENERABLE.contains(leaf)) {
            return true;
        }
        if (!path) {
            return false;
        }
        for (String segment : pattern.split("/")) {
            if (REGENERABLE.contains(segment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file under the workspace's build output or scratch ({@code out/results.csv}, {@code build/x}, {@code tmp/y}). A
     * file in {@code logs/} is not (the project's logs count as regenerable where a caller says so).
     */
    public boolean generated() {
        String relative = written.startsWith("./") ? written.substring(2) : written;
        return insideRegenerable(false) || area == Area.WORKSPACE && !glob && relative.contains("/")
                && BUILD_OUTPUT.contains(relative.substring(0, relative.indexOf('/')));
    }

    /**
     * {@code node_modules/.vite}, {@code target/classes}: everything inside a regenerable directory is regenerable.
     * Only relative paths inside the workspace count, so a workspace that itself lives under a directory called
     * {@code target} is not mistaken for build output.
     */
    private boolean insideRegenerable(boolean logs) {
        String[] parts = relativeParts();
        for (int i = 0; i < parts.length - 1; i++) {
            if (REGENERABLE.contains(parts[i]) || REGENERABLE_IN_WORKSPACE.contains(parts[i])
                    || scratchAt(parts, i) && (logs || !LOG_DIRS.contains(parts[i]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Several operands cleared at once that are all build output ({@code rm -rf target build .pytest_cache}): at least
     * one regenerable, and {@code build/} or {@code out/} in the workspace count among them, as does .NET's {@code bin/}
     * beside its {@code obj/}.
     */
    public static boolean clearedTogether(List<FileTarget> targets) {
        return targets.size() > 1 && targets.stream().anyMatch(FileTarget::regenerable)
                && targets.stream().allMatch(t -> t.regenerable() || t.area() == Area.WORKSPACE
                        && (BUILD_OUTPUT.contains(t.leaf()) || dotnetBin(t, targets) || subProjectBin(t)));
    }

    /**
     * {@code services/api/bin}: the output directory of a sub-project's Go or .NET build, when cleared with other build
     * output. The workspace's own {@code bin} holds scripts ({@code bin/rails}), and one below the sources is code
     * ({@code src/bin/*.rs}).
     */
    private static boolean subProjectBin(FileTarget t) {
        String[] parts = t.relativeParts();
        return parts.length > 1 && !t.glob && parts[parts.length - 1].equals("bin") && outsideSources(parts, parts.length - 1);
    }

    /** {@code bin} cleared with the {@code obj} beside it: the pair .NET builds; {@code bin} alone may hold scripts. */
    private static boolean dotnetBin(FileTarget bin, List<FileTarget> targets) {
        String parent = bin.path.substring(0, bin.path.lastIndexOf('/') + 1);
        return bin.leaf().equals("bin") && targets.stream().anyMatch(t -> t.path.equals(parent + "obj"));
    }

    /** The root, a home directory, the workspace itself or a system directory. */
    public boolean catastrophic() {
        return area == Area.ROOT || area == Area.HOME_ROOT || area == Area.SYSTEM;
    }

    /** True for block devices and other disks. */
    boolean device() {
        return Regex.matches(path, "/dev/(sd|hd|vd|xvd|nvme|mmcblk|disk|rdisk|loop|md|dm-|mapper/|nbd|sr).*");
    }

    /** How many entries the operand stands for, given whether the command descends into directories. */
    Scope scope(boolean recursive) {
        if (catastrophic() && (recursive || wildAll)) {
            return Scope.ALL;
        }
        return recursive || glob ? Scope.MANY : Scope.ONE;
    }

    /** A filesystem operation on this target, local unless a wrapper moved the command elsewhere. */
    Operation.Builder operation(Invocation inv, Verb verb, String type) {
        Operation.Builder b = Operation.builder("filesystem", verb)
                .resource(type, written)
                .locator("path", path)
                .locator("area", area.wire())
                .confidence(exact ? Confidence.EXACT : Confidence.INFERRED)
                .evidence(inv.evidence());
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, "a path on this machine");
        }
        return b;
    }
}
