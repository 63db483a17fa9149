package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where package managers fetch code from, and the settings that decide what they run. Installing runs the package's
 * own scripts (setup.py, npm lifecycle scripts, gem extensions), so a package fetched over plaintext HTTP, with TLS
 * checks off or straight from an archive URL no registry vouches for is code no one has seen: opaque, like
 * {@code curl … | sh}. A setting that names a command npm or yarn runs later ({@code script-shell}, {@code yarnPath}),
 * or points every later install at plaintext HTTP, is a standing change: system {@code startup}.
 */
public final class PackageSources {

    /** Package managers whose installs run package code, and the words that install. */
    private static final Map<String, Set<String>> INSTALLS = Map.of(
            "pip", Set.of("install", "download", "wheel"), "pip3", Set.of("install", "download", "wheel"),
            "uv", Set.of("pip", "add", "sync", "tool"), "pipx", Set.of("install", "inject", "run"),
            "poetry", Set.of("add", "install", "source"), "npm", Set.of("install", "i", "add", "ci", "update", "exec"),
            "pnpm", Set.of("install", "i", "add", "update", "dlx"), "yarn", Set.of("add", "install", "dlx"),
            "gem", Set.of("install", "update"), "bundle", Set.of("install", "add"));
    /** Installs of a project's dependencies: program → the words that install them. */
    private static final Map<String, Set<String>> DEPENDENCIES = Map.of(
            "pip", Set.of("install"), "pip3", Set.of("install"), "uv", Set.of("sync", "add"), "poetry", Set.of("install", "add"),
            "npm", Set.of("install", "i", "ci", "add", "update"), "pnpm", Set.of("install", "i", "add", "update"),
            "yarn", Set.of("install", "add"), "bundle", Set.of("install", "add"), "composer", Set.of("install", "require", "update"));

    /**
     * {@code pip install -r requirements.txt}, {@code npm ci}: the libraries whatever runs here imports, replaced. On
     * the agent's own machine that is routine; on a machine declared staging or prod it changes what that service
     * runs on its next start, so the operation takes the declared environment (a build or a test run does not).
     */
    public static Optional<Operation> dependencies(Invocation inv) {
        Set<String> words = DEPENDENCIES.get(inv.program());
        String first = inv.words().stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        if (words == null || !words.contains(first)) {
            return Optional.empty();
        }
        Operation.Builder b = Operation.builder("packages", Verb.UPDATE).resource("dependencies", inv.program() + " " + first)
                .scope(Scope.MANY).confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(inv.program() + " " + first + " installs the dependencies what runs here imports");
        return Optional.of(LocalFiles.local(inv, b, "packages on this machine").build());
    }

    /** Options whose value is where packages come from. */
    private static final Set<String> SOURCE_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "-f", "--find-links",
            "--registry", "--source", "--index", "--default-index", "--pip-args");
    /** Options that switch TLS checks off. */
    private static final Set<String> INSECURE_OPTIONS = Set.of("--trusted-host", "--allow-insecure-host", "--no-verify-ssl",
            "--strict-ssl=false");
    private static final Pattern ARCHIVE = Pattern.compile("(?i)https://.+\\.(tgz|tar\\.gz|tar\\.bz2|whl|zip|gem|egg)([?#].*)?");

    /** Settings whose value is a command the tool runs later, whatever it is. */
    private static final Set<String> COMMAND_SETTINGS = Set.of("script-shell", "shell", "node-options", "git", "onload-script",
            "init-module", "yarnpath", "yarn-path", "npmpath");
    /** Settings whose value is where packages come from, or whether TLS is checked. */
    private static final Pattern SOURCE_SETTING = Pattern.compile(
            "(?i)(@[\\w.-]+:)?registry|npmregistryserver|(global|install|download)\\.(extra-)?index-url|(global|install)\\.trusted-host"
                    + "|strict-ssl|enablestrictssl|unsafehttpwhitelist|.*:registry");

    private PackageSources() {
    }

    /** The untrusted sources this install fetches from and the settings it changes, as operations; empty when none. */
    public static List<Operation> of(Invocation inv) {
        if (inv.program().equals("go")) {
            return goEnv(inv);
        }
        if (inv.program().equals("brew")) {
            return brewTap(inv);
        }
        Set<String> installs = INSTALLS.get(inv.program());
        List<String> words = inv.words();
        if (installs == null || words.isEmpty()) {
            return List.of();
        }
        int config = words.indexOf("config");
        if (config >= 0 && config < 3) {
            return setting(inv, words.subList(config + 1, words.size()));
        }
        if (words.stream().limit(3).noneMatch(installs::contains)) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int eq = w.indexOf('=');
            String option = w.startsWith("-") && eq > 0 ? w.substring(0, eq) : w;
            if (INSECURE_OPTIONS.contains(w) || INSECURE_OPTIONS.contains(option)) {
                ops.add(untrusted(inv, eq > 0 ? w.substring(eq + 1) : i + 1 < words.size() ? words.get(i + 1) : w,
                        "with TLS checks off (" + option + ")"));
            } else if (SOURCE_OPTIONS.contains(option)) {
                String value = eq > 0 && w.startsWith("-") ? w.substring(eq + 1) : i + 1 < words.size() ? words.get(++i) : "";
                plaintext(value).ifPresent(url -> ops.add(untrusted(inv, url, "over plaintext HTTP (" + option + ")")));
            } else if (!w.startsWith("-")) {
                String spec = w.contains("@http") ? w.substring(w.indexOf("@http") + 1) : w;
                plaintext(spec).or(() -> ARCHIVE.matcher(spec).matches() ? Optional.of(spec) : Optional.empty())
                        .ifPresent(url -> ops.add(untrusted(inv, url, url.startsWith("http://") ? "over plaintext HTTP"
                                : "from an archive URL that no registry vouches for")));
            }
        }
        return ops;
    }

    /** {@code npm config set script-shell /tmp/x.sh}, {@code pip config set global.index-url http://…}. */
    private static List<Operation> setting(Invocation inv, List<String> rest) {
        List<String> words = rest.stream().filter(w -> !w.startsWith("-")).toList();
        if (words.size() < 2 || !words.getFirst().equals("set")) {
            return List.of();
        }
        String key = words.get(1);
        String value = words.size() > 2 ? words.get(2) : "";
        int eq = key.indexOf('=');
        if (eq > 0) {
            value = key.substring(eq + 1);
            key = key.substring(0, eq);
        }
        String lower = key.toLowerCase(Locale.ROOT);
        String does;
        if (COMMAND_SETTINGS.contains(lower)) {
            does = inv.program() + " runs '" + value + "' from now on (" + key + ")";
        } else if (SOURCE_SETTING.matcher(lower).matches()
                && (plaintext(value).isPresent() || value.equalsIgnoreCase("false") || lower.contains("trusted-host")
                || lower.contains("unsafehttp"))) {
            does = "every later " + inv.program() + " install fetches code over plaintext HTTP or without TLS checks (" + key + "=" + value + ")";
        } else if (SOURCE_SETTING.matcher(lower).matches() && !value.isEmpty() && !onThisMachine(value)
                && !knownSource(value)) {
            // a one-off --registry is this install's business; a setting is every later install's, from whoever runs that host
            does = "every later " + inv.program() + " install takes its packages from " + value + " (" + key + ")";
        } else if (TOKEN_SETTING.matcher(lower).matches()) {
            does = inv.program() + " keeps a registry token in its configuration (" + key + "): whoever reads it may publish";
        } else {
            return List.of();
        }
        Operation.Builder b = Operation.builder("startup", Verb.UPDATE).resource("setting", inv.program() + " " + key)
                .evidence(inv.evidence()).note(does);
        return List.of(LocalFiles.local(inv, b, inv.program() + "'s configuration on this machine").build());
    }

    /** Settings that hold a registry credential ({@code //registry.npmjs.org/:_authToken}, {@code npmAuthToken}). */
    private static final Pattern TOKEN_SETTING = Pattern.compile("(?i).*(_authtoken|:_auth|_password|npmauthtoken|npmauthident)");
    /**
     * Sources a team points its tools at on purpose: the public registries themselves, the hosted artifact services
     * (Artifactory/JFrog, Nexus, CodeArtifact, GitHub/GitLab/Azure/Google packages, Cloudsmith, Gemfury) and names
     * of the organisation's own network ({@code .internal}, {@code .corp}, {@code .lan}, private addresses). Anything
     * else named as every later install's source asks first: that is how a mirror that serves other code gets in.
     */
    private static final Pattern KNOWN_SOURCE = Pattern.compile("(?i)("
            + "registry\\.npmjs\\.org|registry\\.yarnpkg\\.com|(upload\\.|test\\.)?pypi\\.org|files\\.pythonhosted\\.org"
            + "|proxy\\.golang\\.org|sum\\.golang\\.org|rubygems\\.org|index\\.crates\\.io|crates\\.io|conda\\.anaconda\\.org"
            + "|npm\\.pkg\\.github\\.com|maven\\.pkg\\.github\\.com|[\\w.-]+\\.jfrog\\.io|[\\w.-]+\\.codeartifact\\.[\\w.-]+\\.amazonaws\\.com"
            + "|pkgs\\.dev\\.azure\\.com|[\\w.-]+\\.pkgs\\.visualstudio\\.com|[\\w.-]+-(npm|python|go|maven)\\.pkg\\.dev|gitlab\\.com"
            + "|[\\w.-]+\\.cloudsmith\\.io|npm\\.fury\\.io|pypi\\.fury\\.io"
            + "|[\\w.-]+\\.(internal|corp|lan|local|intranet|intra)|([\\w-]+\\.)*(corp|internal|intranet)\\.[\\w.-]+"
            + "|10\\.[\\d.]+|192\\.168\\.[\\d.]+|172\\.(1[6-9]|2\\d|3[01])\\.[\\d.]+)");

    /** A source on this machine (a local mirror, verdaccio), over any scheme, is reached without crossing a network. */
    private static boolean onThisMachine(String value) {
        return Hosts.loopback(Hosts.of(value));
    }

    /** A known source over TLS (or with no scheme), judged by its host: user info before an {@code @} is not the host. */
    private static boolean knownSource(String value) {
        return (!value.contains("://") || value.regionMatches(true, 0, "https://", 0, 8))
                && KNOWN_SOURCE.matcher(Hosts.of(value)).matches();
    }

    /**
     * {@code go env -w GOPROXY=https://… GOSUMDB=off}: where every later module download comes from, and whether its
     * checksums are checked, changed for good. The default proxy, {@code direct} and {@code off} are not a new source.
     */
    private static List<Operation> goEnv(Invocation inv) {
        List<String> words = inv.words();
        if (words.size() < 3 || !words.get(0).equals("env") || !words.contains("-w")) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = w.substring(0, eq).toUpperCase(Locale.ROOT);
            String value = w.substring(eq + 1);
            boolean foreignProxy = key.equals("GOPROXY") && java.util.Arrays.stream(value.split("[,|]"))
                    .anyMatch(v -> !v.isBlank() && !Set.of("direct", "off", "https://proxy.golang.org").contains(v) && !onThisMachine(v));
            boolean unchecked = key.equals("GOSUMDB") && value.equalsIgnoreCase("off") || key.equals("GOINSECURE")
                    || key.equals("GONOSUMCHECK") || key.equals("GOFLAGS") && value.contains("-insecure");
            if (foreignProxy || unchecked) {
                ops.add(LocalFiles.local(inv, Operation.builder("startup", Verb.UPDATE).resource("setting", "go " + key)
                        .evidence(inv.evidence()).note(foreignProxy ? "every later go download takes its modules from " + value
                                : "every later go download skips checksum verification (" + key + "=" + value + ")"),
                        "go's configuration on this machine").build());
            }
        }
        return ops;
    }

    /** {@code brew tap OWNER/REPO}: formulae from a third party's repository, installable from now on (Homebrew's own are not). */
    private static List<Operation> brewTap(Invocation inv) {
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        if (words.size() > 2 && words.getFirst().equals("services") && Set.of("stop", "kill", "restart", "uninstall", "cleanup")
                .contains(words.get(1))) {
            // brew services stop NAME: a launchd service of this user's, the guard's own among them
            return List.of(LocalFiles.local(inv, Operation.builder("service", Verb.UPDATE).resource("service", words.get(2))
                    .evidence(inv.evidence()).note("brew services " + words.get(1) + " " + words.get(2)), "a service on this machine").build());
        }
        if (words.size() < 2 || !words.getFirst().equals("tap") || words.get(1).toLowerCase(Locale.ROOT).startsWith("homebrew/")) {
            return List.of();
        }
        return List.of(LocalFiles.local(inv, Operation.builder("startup", Verb.UPDATE).resource("setting", "brew tap " + words.get(1))
                .evidence(inv.evidence()).note("adds " + words.get(1) + "'s formulae: what they install runs as this user"),
                "Homebrew's configuration on this machine").build());
    }

    private static Optional<String> plaintext(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("http://") && !onThisMachine(value)
                ? Optional.of(value) : Optional.empty();
    }


    private static Operation untrusted(Invocation inv, String source, String how) {
        Operation.Builder b = Operation.builder("package", Verb.UNKNOWN).resource("package-source", source)
                .confidence(Confidence.OPAQUE).reversible(false).evidence(inv.evidence())
                .note(inv.program() + " installs and runs package code fetched " + how + ": " + source);
        return LocalFiles.local(inv, b, "installs on this machine").build();
    }
}
