package dev.interlock.analysis.shell;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programs that run another program given in their arguments. For each: which options take a value (so the inner
 * command starts at the first operand after them), and how many operands precede the inner command.
 */
final class Wrappers {

    /** How to find the inner command of a wrapper. */
    record Shape(Set<String> valued, int leadingOperands, boolean stopAtFirstOperand) {
    }

    static final Map<String, Shape> SIMPLE = Map.ofEntries(
            Map.entry("nohup", new Shape(Set.of(), 0, true)),
            Map.entry("time", new Shape(Set.of("-f", "-o", "--format", "--output"), 0, true)),
            Map.entry("nice", new Shape(Set.of("-n", "--adjustment"), 0, true)),
            Map.entry("ionice", new Shape(Set.of("-c", "-n", "--class", "--classdata"), 0, true)),
            Map.entry("stdbuf", new Shape(Set.of("-i", "-o", "-e", "--input", "--output", "--error"), 0, true)),
            Map.entry("timeout", new Shape(Set.of("-s", "-k", "--signal", "--kill-after"), 1, true)),
            Map.entry("chronic", new Shape(Set.of(), 0, true)),
            Map.entry("unbuffer", new Shape(Set.of(), 0, true)),
            Map.entry("setsid", new Shape(Set.of(), 0, true)),
            Map.entry("caffeinate", new Shape(Set.of("-t", "-w"), 0, true)),
            Map.entry("flock", new Shape(Set.of("-w", "-E", "--timeout", "--conflict-exit-code"), 1, true)),
            Map.entry("builtin", new Shape(Set.of(), 0, true)),
            Map.entry("exec", new Shape(Set.of("-a"), 0, true)),
            Map.entry("command", new Shape(Set.of(), 0, true)),
            Map.entry("busybox", new Shape(Set.of(), 0, true)),
            Map.entry("toybox", new Shape(Set.of(), 0, true)),
            Map.entry("torsocks", new Shape(Set.of(), 0, true)),
            Map.entry("proxychains", new Shape(Set.of("-f"), 0, true)),
            Map.entry("proxychains4", new Shape(Set.of("-f"), 0, true)),
            Map.entry("npx", new Shape(Set.of("-p", "--package", "-c", "--call"), 0, true)),
            Map.entry("pnpx", new Shape(Set.of(), 0, true)),
            Map.entry("bunx", new Shape(Set.of(), 0, true)),
            Map.entry("uvx", new Shape(Set.of("--from", "--with", "--python"), 0, true)),
            Map.entry("retry", new Shape(Set.of("-t", "--times", "-d", "--delay"), 0, true)),
            Map.entry("strace", new Shape(Set.of("-o", "-e", "-p", "-s", "-P", "-a", "-b", "-E", "-I", "-O", "-S", "-u", "-U", "-X"), 0, true)),
            Map.entry("ltrace", new Shape(Set.of("-o", "-e", "-p", "-s"), 0, true)),
            Map.entry("chroot", new Shape(Set.of("--userspec", "--groups"), 1, true)));

    /** Two-word runners: {@code npm exec}, {@code yarn dlx}, {@code poetry run}, {@code bundle exec}, … */
    static final Map<String, Set<String>> RUNNERS = Map.ofEntries(
            Map.entry("npm", Set.of("exec", "x")),
            Map.entry("pnpm", Set.of("exec", "dlx")),
            Map.entry("yarn", Set.of("dlx", "exec")),
            Map.entry("bundle", Set.of("exec")),
            Map.entry("poetry", Set.of("run")),
            Map.entry("uv", Set.of("run")),
            Map.entry("pipenv", Set.of("run")),
            Map.entry("pipx", Set.of("run")),
            Map.entry("pdm", Set.of("run")),
            Map.entry("hatch", Set.of("run")),
            // version managers run the command with a chosen toolchain: mise exec node@20 -- node x.js, asdf exec kubectl …
            Map.entry("mise", Set.of("exec", "x")),
            Map.entry("rtx", Set.of("exec", "x")),
            Map.entry("asdf", Set.of("exec")),
            Map.entry("rbenv", Set.of("exec")),
            Map.entry("pyenv", Set.of("exec")),
            Map.entry("nodenv", Set.of("exec")),
            Map.entry("goenv", Set.of("exec")),
            Map.entry("jenv", Set.of("exec")),
            Map.entry("volta", Set.of("run")),
            Map.entry("fnm", Set.of("exec")),
            Map.entry("nvm", Set.of("exec", "run")));

    /**
     * npm packages whose command is not named like the package ({@code npx @salesforce/cli …} runs {@code sf}): the
     * package, with or without a version ({@code @salesforce/cli@2}), is that program.
     */
    private static final Map<String, String> PACKAGE_BINARIES = Map.of("@salesforce/cli", "sf", "sfdx-cli", "sfdx",
            "@shopify/cli", "shopify", "@hubspot/cli", "hs", "@zendesk/zcli", "zcli", "@strapi/strapi", "strapi",
            "@wp-now/wp-now", "wp-now", "zapier-platform-cli", "zapier");

    /** The program a package run by npx, {@code pnpm dlx} or {@code yarn dlx} provides, or the word itself. */
    static String packageBinary(String word) {
        int version = word.indexOf('@', 1);
        return PACKAGE_BINARIES.getOrDefault(version > 0 ? word.substring(0, version) : word, word);
    }

    /** Runners whose own operands (tool versions) come before {@code --} and the command after it. */
    static final Set<String> DASHED_RUNNERS = Set.of("mise", "rtx", "fnm");
    /** Runners whose first operand is a version ({@code nvm exec 18 node app.js}). */
    static final Set<String> VERSIONED_RUNNERS = Set.of("nvm");

    static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "tcsh", "csh", "rbash");

    static final Set<String> SUDO_VALUED = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "-R",
            "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user",
            "--command-timeout", "--chroot");

    static final Set<String> SYSTEMD_RUN_VALUED = Set.of("-u", "--unit", "-p", "--property", "--description", "--slice",
            "-E", "--setenv", "--uid", "--gid", "--nice", "--working-directory", "-H", "--host", "-M", "--machine",
            "--on-active", "--on-boot", "--on-startup", "--on-unit-active", "--on-unit-inactive", "--on-calendar",
            "--timer-property", "--path-property", "--socket-property", "--service-type");

    static final Set<String> XARGS_VALUED = Set.of("-I", "-i", "-n", "-P", "-L", "-l", "-d", "-a", "-E", "-e", "-s",
            "--replace", "--max-args", "--max-procs", "--max-lines", "--delimiter", "--arg-file", "--eof", "--max-chars",
            "--process-slot-var");

    static final Set<String> SSH_VALUED = Set.of("-p", "-i", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E",
            "-e", "-m", "-O", "-Q", "-S", "-W", "-w", "-B", "-I");

    static final Set<String> DOCKER_EXEC_VALUED = Set.of("-e", "-u", "-w", "--env", "--user", "--workdir", "--env-file",
            "--detach-keys", "--index");

    static final Set<String> KUBECTL_VALUED = Set.of("-n", "--namespace", "-c", "--container", "--context", "--cluster",
            "--kubeconfig", "--user", "-s", "--server", "--as", "--as-group", "--pod-running-timeout", "-f", "--filename",
            "--request-timeout", "--token");

    private Wrappers() {
    }

    /** {@code -c} with optional bundled flags: {@code -c}, {@code -lc}, {@code -ec}, {@code -xc}. */
    static boolean isCommandFlag(String w) {
        return w.startsWith("-") && !w.startsWith("--") && w.indexOf('c') > 0 && w.chars().skip(1).allMatch(Character::isLetter);
    }

    private static final List<String> INTERPRETERS = List.of("python", "node", "nodejs", "ruby", "perl", "php", "deno", "bun");

    /** {@code python}, {@code python3}, {@code python3.12}, {@code node}, … */
    static boolean isInterpreter(String program) {
        for (String i : INTERPRETERS) {
            if (program.startsWith(i) && program.substring(i.length()).chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                return true;
            }
        }
        return false;
    }
}
