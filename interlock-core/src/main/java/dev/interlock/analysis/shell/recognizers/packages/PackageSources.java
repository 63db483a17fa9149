package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
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
                && (value.startsWith("http://") || value.equalsIgnoreCase("false") || lower.contains("trusted-host")
                || lower.contains("unsafehttp"))) {
            does = "every later " + inv.program() + " install fetches code over plaintext HTTP or without TLS checks (" + key + "=" + value + ")";
        } else {
            return List.of();
        }
        Operation.Builder b = Operation.builder("startup", Verb.UPDATE).resource("setting", inv.program() + " " + key)
                .evidence(inv.evidence()).note(does);
        return List.of(LocalFiles.local(inv, b, inv.program() + "'s configuration on this machine").build());
    }

    private static Optional<String> plaintext(String value) {
        return value.toLowerCase(Locale.ROOT).startsWith("http://") && !LOOPBACK.matcher(value).matches()
                ? Optional.of(value) : Optional.empty();
    }

    /** A registry on this machine (a local mirror, verdaccio) is reached without crossing a network. */
    private static final Pattern LOOPBACK = Pattern.compile("(?i)http://(localhost|127\\.0\\.0\\.1|\\[::1\\])([:/].*)?");

    private static Operation untrusted(Invocation inv, String source, String how) {
        Operation.Builder b = Operation.builder("package", Verb.UNKNOWN).resource("package-source", source)
                .confidence(Confidence.OPAQUE).reversible(false).evidence(inv.evidence())
                .note(inv.program() + " installs and runs package code fetched " + how + ": " + source);
        return LocalFiles.local(inv, b, "installs on this machine").build();
    }
}
