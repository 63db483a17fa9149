package dev.interlock.analysis.shell.recognizers.filesystem;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cargo configuration ({@code .cargo/config.toml}) that only tunes the build: the linker and flags, the target, profiles,
 * aliases, a vendored source directory. Such a file is ordinary project setup; one that moves where crates come from
 * ({@code [registries]}, a source's {@code registry}/{@code git}, {@code [patch]}), changes TLS or proxies
 * ({@code [http]}), holds a token ({@code [registry]}), pulls in another file ({@code include}) or names a program
 * to run from a temporary, downloaded or remote place ({@code runner = "/tmp/x"}) stays a {@code command-config} change.
 */
public final class CargoConfig {

    private static final Pattern PATH = Pattern.compile(".*/\\.cargo/config(\\.toml)?");
    private static final Set<String> ORDINARY_TABLES = Set.of("build", "target", "profile", "term", "cargo-new", "alias", "env",
            "net", "future-incompat-report", "doc", "install", "unstable", "resolver", "source");
    /** Keys whose value is a program Cargo runs: the program must be a plain name or a system or toolchain path. */
    private static final Set<String> PROGRAMS = Set.of("linker", "runner", "rustc", "rustc-wrapper", "rustc-workspace-wrapper",
            "rustdoc", "ar");
    private static final Pattern TABLE = Pattern.compile("^\\s*\\[\\[?\\s*([\\w-]+)");
    private static final Pattern KEY = Pattern.compile("^\\s*([\\w.-]+|\"[^\"]*\")\\s*=\\s*(.*)$");
    private static final Pattern FIRST_STRING = Pattern.compile("[\"']([^\"']*)[\"']");
    /** Places a program comes from that no one installed: temporary, download and shared-memory directories, URLs. */
    private static final Pattern UNVETTED = Pattern.compile("(?i)(^|[\\s\"'=,\\[])(/tmp/|/var/tmp/|/dev/shm/|~?[\\w/.-]*/downloads/"
            + "|https?://|ftp://|\\.\\./)");
    private static final Pattern LINKER_FLAG = Pattern.compile("linker=([^\"'\\s,]+)");
    /** A source that names where crates are read from, other than a vendored directory in the project. */
    private static final Pattern REMOTE_SOURCE_KEY = Pattern.compile("registry|git|local-registry|index|branch|tag|rev");

    private CargoConfig() {
    }

    /** Whether {@code resolvedPath} is a Cargo configuration file. */
    public static boolean is(String resolvedPath) {
        return resolvedPath.contains("/.cargo/config") && PATH.matcher(resolvedPath).matches();
    }

    /** Whether {@code content} only tunes the build, and names no program or crate source from an unvetted place. */
    public static boolean ordinary(String content) {
        if (content.isBlank() || UNVETTED.matcher(content).find()) {
            return false;
        }
        String table = "";
        for (String line : content.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            Matcher t = TABLE.matcher(stripped);
            if (stripped.startsWith("[") && t.find()) {
                table = t.group(1);
                if (!ORDINARY_TABLES.contains(table)) {
                    return false;
                }
                continue;
            }
            Matcher k = KEY.matcher(stripped);
            if (!k.matches()) {
                continue; // a continuation of a multi-line array
            }
            String key = k.group(1);
            String section = table.isEmpty() ? key.split("\\.", 2)[0] : table;
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            if (table.isEmpty() && !ORDINARY_TABLES.contains(section) && !key.equals("paths")) {
                return false; // include, registries, http, patch … at the top level
            }
            if (section.equals("source") && REMOTE_SOURCE_KEY.matcher(leaf).matches()) {
                return false;
            }
            if (section.equals("env") && (leaf.startsWith("LD_") || leaf.startsWith("DYLD_"))) {
                return false; // loads a library into every program the build starts
            }
            if (PROGRAMS.contains(leaf) && !vettedProgram(k.group(2))) {
                return false;
            }
        }
        Matcher flag = LINKER_FLAG.matcher(content);
        while (flag.find()) {
            if (!plainOrSystem(flag.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean vettedProgram(String value) {
        Matcher s = FIRST_STRING.matcher(value);
        return !s.find() || plainOrSystem(s.group(1).strip().split("\\s+", 2)[0]);
    }

    /** A program found on PATH, in a system directory, a toolchain's or package manager's, or the project's own. */
    private static boolean plainOrSystem(String program) {
        if (!program.contains("/")) {
            return true;
        }
        return program.startsWith("/usr/") || program.startsWith("/opt/") || program.startsWith("/nix/store/")
                || program.startsWith("/bin/") || program.matches("~?(/[\\w.-]+)*/\\.(cargo|rustup)/.*")
                || !program.startsWith("/") && !program.startsWith("~");
    }
}
