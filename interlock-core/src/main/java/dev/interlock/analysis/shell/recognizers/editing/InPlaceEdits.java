package dev.interlock.analysis.shell.recognizers.editing;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Editors and formatters that rewrite the files they are given ({@code yq -i}, {@code sd}, {@code ed}, {@code patch},
 * {@code prettier --write}, {@code black}, {@code kustomize edit}): each rewritten file is a write judged like
 * {@code sed -i}'s ({@link SelfProtectionRecognizer#write}), so a hook setting, a shell start-up file, a CI pipeline or
 * production deployment code is what it is whichever program edits it. Empty when the run only prints.
 */
public final class InPlaceEdits {

    private InPlaceEdits() {
    }

    /**
     * A formatter: the subcommand that formats (empty when the program itself does), the flags that make it write
     * (empty: it writes unless told to check), the flags that make it only look, and its options that take a value.
     */
    private record Formatter(String subcommand, Set<String> writes, Set<String> looks, Set<String> valued) {
    }

    private static final Set<String> CHECKS = Set.of("--check", "--diff", "--help", "--version");

    private static final Map<String, Formatter> FORMATTERS = Map.ofEntries(
            Map.entry("prettier", new Formatter("", Set.of("--write", "-w"), Set.of("--check", "-c", "--list-different", "-l"),
                    Set.of("--config", "--ignore-path", "--parser", "--plugin", "--log-level", "--stdin-filepath"))),
            Map.entry("eslint", new Formatter("", Set.of("--fix"), Set.of("--fix-dry-run"), Set.of("-c", "--config", "--ext",
                    "--rulesdir", "-f", "--format", "-o", "--output-file", "--ignore-pattern", "--max-warnings", "--ignore-path"))),
            Map.entry("stylelint", new Formatter("", Set.of("--fix"), Set.of(), Set.of("--config", "-f", "--formatter", "-o"))),
            Map.entry("biome", new Formatter("", Set.of("--write", "--apply", "--fix", "--apply-unsafe"), Set.of(), Set.of("--config-path"))),
            Map.entry("black", new Formatter("", Set.of(), CHECKS, Set.of("-l", "--line-length", "-t", "--target-version",
                    "--config", "--include", "--exclude", "--extend-exclude", "--force-exclude"))),
            Map.entry("isort", new Formatter("", Set.of(), Set.of("--check-only", "-c", "--check", "--diff"),
                    Set.of("--settings-path", "--sp", "-l", "--line-length", "--profile"))),
            Map.entry("ruff", new Formatter("format", Set.of(), CHECKS, Set.of("--config", "--line-length", "--target-version"))),
            Map.entry("autopep8", new Formatter("", Set.of("-i", "--in-place"), Set.of(), Set.of("--select", "--ignore", "--max-line-length"))),
            Map.entry("yapf", new Formatter("", Set.of("-i", "--in-place"), Set.of(), Set.of("--style"))),
            Map.entry("gofmt", new Formatter("", Set.of("-w"), Set.of(), Set.of("-r"))),
            Map.entry("goimports", new Formatter("", Set.of("-w"), Set.of(), Set.of("-local"))),
            Map.entry("rustfmt", new Formatter("", Set.of(), Set.of("--check"), Set.of("--edition", "--config-path", "--emit"))),
            Map.entry("clang-format", new Formatter("", Set.of("-i"), Set.of(), Set.of("--style", "-style", "--assume-filename"))),
            Map.entry("shfmt", new Formatter("", Set.of("-w", "--write"), Set.of(), Set.of("-i", "--indent", "-ln", "--language-dialect"))),
            Map.entry("taplo", new Formatter("fmt", Set.of(), Set.of("--check"), Set.of("--config"))),
            // caddy fmt --overwrite [FILE]: the Caddyfile of the current directory when no file is named
            Map.entry("caddy", new Formatter("fmt", Set.of("--overwrite", "-w"), Set.of("--diff"), Set.of())),
            Map.entry("rubocop", new Formatter("", Set.of("-a", "-A", "--autocorrect", "--autocorrect-all", "-x", "--fix-layout"),
                    Set.of(), Set.of("-c", "--config", "-f", "--format", "-o", "--out"))));

    /** sd's options that take a value; {@code -p} only previews. */
    private static final Set<String> SD_VALUED = Set.of("-n", "--max-replacements", "-f", "--flags");
    private static final Set<String> PATCH_VALUED = Set.of("-i", "--input", "-p", "--strip", "-d", "--directory", "-o", "--output",
            "-r", "--reject-file", "-B", "--prefix", "-D", "--ifdef", "-F", "--fuzz", "-V", "--version-control", "-z", "--suffix", "-Y",
            "--basename-prefix");
    private static final Set<String> YQ_VALUED = Set.of("-I", "--indent", "-o", "--output-format", "-p", "--input-format",
            "--from-file", "--arg", "--argjson", "--expression", "--front-matter", "--xml-attribute-prefix", "--lua-prefix");
    /** yq v4's commands before the expression. */
    private static final Set<String> YQ_COMMANDS = Set.of("e", "eval", "ea", "eval-all");
    /** kustomize's commands that write the kustomization file of the current directory. */
    private static final Set<String> KUSTOMIZE_WRITES = Set.of("edit", "create", "init");

    /**
     * What the run rewrites, or empty when {@code inv} is not an in-place edit (a check, a preview, a formatter
     * printing to its output, a program not listed here).
     */
    public static List<Operation> rewrites(Invocation inv) {
        if (inv.words().contains("--help") || inv.words().contains("--version")) {
            return List.of();
        }
        return switch (inv.program()) {
            case "sd" -> sd(inv);
            case "ed", "ex" -> ed(inv);
            case "patch" -> patch(inv);
            case "kustomize" -> {
                List<String> words = inv.parse(Set.of()).positionals().stream().map(Arg::value).toList();
                yield !words.isEmpty() && KUSTOMIZE_WRITES.contains(words.getFirst())
                        ? List.of(SelfProtectionRecognizer.write(inv, "kustomization.yaml", "kustomize " + words.getFirst() + " rewrites"))
                        : List.of();
            }
            default -> FORMATTERS.containsKey(inv.program()) ? formatted(inv, FORMATTERS.get(inv.program())) : List.of();
        };
    }

    /** {@code yq -i EXPR FILE…} (also {@code yq e -i}, {@code --inplace}): the files are rewritten; empty without -i. */
    public static List<Operation> yq(Invocation inv) {
        ParsedArgs p = inv.parse(YQ_VALUED);
        if (!p.has("-i", "--inplace", "--in-place")) {
            return List.of();
        }
        List<Arg> files = new ArrayList<>(p.positionals());
        if (!files.isEmpty() && YQ_COMMANDS.contains(files.getFirst().value())) {
            files.removeFirst();
        }
        if (!p.has("--from-file", "--expression") && !files.isEmpty()) {
            files.removeFirst();
        }
        files.addAll(p.afterDoubleDash());
        return writes(inv, files, "yq -i rewrites");
    }

    /** {@code sd FIND REPLACE FILE…} edits the files in place (without files it filters its input); {@code -p} previews. */
    private static List<Operation> sd(Invocation inv) {
        ParsedArgs p = inv.parse(SD_VALUED);
        List<Arg> files = new ArrayList<>(p.positionals());
        files.addAll(p.afterDoubleDash());
        files = files.subList(Math.min(2, files.size()), files.size());
        if (p.has("-p", "--preview")) {
            return CredentialRecognizer.reads(inv, files, "sd");
        }
        return files.isEmpty() ? CredentialRecognizer.reads(inv, files, "sd") : writes(inv, files, "sd rewrites");
    }

    /**
     * {@code ed FILE} or {@code ex FILE} run with a script (a heredoc, {@code -c}) edits the file; a script seen to have
     * no write command only reads it.
     */
    private static List<Operation> ed(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-p", "--prompt", "-c", "-u", "-S"));
        List<Arg> files = p.positionals().stream().filter(a -> !a.value().startsWith("+")).toList();
        String script = inv.stdin().orElse(String.join("\n", p.flags().getOrDefault("-c", List.of())));
        boolean writes = script.isBlank() || Regex.find(script, "(?m)(^|[|\\s])(w|wq|x|wq!|w!|W)(\\s|$|!)");
        return writes ? writes(inv, files, inv.program() + " rewrites") : CredentialRecognizer.reads(inv, files, inv.program());
    }

    /**
     * {@code patch FILE < x.patch} and {@code patch -o OUT} write the file named; otherwise the patch names its files,
     * which lie in the current (or {@code -d}) directory. {@code --dry-run} only checks.
     */
    private static List<Operation> patch(Invocation inv) {
        ParsedArgs p = inv.parse(PATCH_VALUED);
        if (p.has("--dry-run", "-C", "--check")) {
            return List.of();
        }
        if (p.has("-o", "--output")) {
            return writes(inv, List.of(Arg.of(p.value("-o", "--output").orElse(""))), "patch writes");
        }
        List<Arg> files = p.positionals();
        if (!files.isEmpty()) {
            return writes(inv, files.subList(0, 1), "patch rewrites");
        }
        String dir = p.value("-d", "--directory").orElse(".");
        List<Arg> named = new ArrayList<>();
        java.util.regex.Matcher m = Regex.pattern("(?m)^\\+\\+\\+ (\\S+)").matcher(inv.stdin().orElse(""));
        int strip = p.value("-p", "--strip").filter(s -> Regex.matches(s, "\\d+")).map(Integer::parseInt).orElse(0);
        while (m.find()) {
            String path = m.group(1);
            for (int k = 0; k < strip && path.contains("/"); k++) {
                path = path.substring(path.indexOf('/') + 1);
            }
            named.add(Arg.of(dir.equals(".") ? path : dir + "/" + path));
        }
        return writes(inv, named.isEmpty() ? List.of(Arg.of(dir)) : named, "patch rewrites");
    }

    /** A formatter that writes (its write flag given, or writing by default and not told to check) rewrites its operands. */
    private static List<Operation> formatted(Invocation inv, Formatter f) {
        ParsedArgs p = inv.parse(f.valued());
        List<Arg> files = new ArrayList<>(p.positionals());
        if (!f.subcommand().isEmpty()) {
            if (files.isEmpty() || !files.getFirst().value().equals(f.subcommand())) {
                // ruff check --fix: the linter's fixes are written too
                boolean fixes = inv.program().equals("ruff") && !files.isEmpty() && files.getFirst().value().equals("check") && p.has("--fix");
                if (!fixes) {
                    return List.of();
                }
            }
            files.removeFirst();
        } else if (inv.program().equals("biome") && !files.isEmpty() && Set.of("format", "check", "lint").contains(files.getFirst().value())) {
            files.removeFirst();
        }
        boolean writes = f.writes().isEmpty() ? f.looks().stream().noneMatch(p::has) : f.writes().stream().anyMatch(p::has)
                && f.looks().stream().noneMatch(p::has);
        files.addAll(p.afterDoubleDash());
        if (writes && files.isEmpty() && inv.program().equals("caddy")) {
            files.add(Arg.of("Caddyfile"));
        }
        if (!writes || files.isEmpty() || p.has("-", "--stdin", "--stdin-filepath")) {
            return List.of();
        }
        return writes(inv, files, inv.program() + " rewrites");
    }

    private static List<Operation> writes(Invocation inv, List<Arg> files, String how) {
        List<Operation> ops = new ArrayList<>();
        for (Arg file : files) {
            if (!file.value().isEmpty() && !file.value().equals("-")) {
                ops.add(SelfProtectionRecognizer.write(inv, file.value(), how));
            }
        }
        return ops;
    }
}
