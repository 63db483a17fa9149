package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.LaterRuns.Reach;
import dev.interlock.analysis.shell.LaterRuns.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands a build system runs by itself at the next build: a Cargo build script ({@code build.rs}: {@code
 * std::process::Command}, {@code std::fs::remove_dir_all}), {@code //go:generate} directives, CMake's {@code
 * execute_process}/{@code add_custom_command}/{@code add_custom_target}, Gradle's {@code exec { commandLine … }} and
 * Meson's {@code run_command}/{@code command:}. Each becomes the shell line it amounts to, so a download piped to a shell
 * is opaque code from the network and {@code rm -rf $ENV{HOME}/.ssh} is that delete; {@code stringer}, {@code protoc}
 * or {@code git describe} stay routine. Only literal text is read: a value computed at run time is an unknown word.
 */
final class BuildScripts {

    private static final Pattern RUST_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern RUST_COMMAND = Pattern.compile("Command::new\\(([^()]*(?:\\([^()]*\\))?[^()]*)\\)");
    private static final Pattern RUST_ARG = Pattern.compile("\\G\\s*\\.(arg|args|current_dir|env|envs|stdin|stdout|stderr)\\(");
    private static final Pattern RUST_REMOVE = Pattern.compile("(?:fs::)(remove_dir_all|remove_dir|remove_file)\\(");
    private static final Pattern RUST_LET = Pattern.compile("let\\s+(?:mut\\s+)?(\\w+)\\s*(?::[^=;]+)?=\\s*([^;]+);");
    private static final Pattern RUST_HOME = Pattern.compile("env::var(_os)?\\(\\s*\"HOME\"\\s*\\)|home_dir\\(\\)");
    private static final Pattern RUST_CARGO_DIR = Pattern.compile("env::var(?:_os)?\\(\\s*\"(OUT_DIR|CARGO_MANIFEST_DIR)\"\\s*\\)|env!\\(\\s*\"(CARGO_MANIFEST_DIR)\"");
    /** Calls that hand a value on unchanged, for this reading. */
    private static final Pattern RUST_PASS = Pattern.compile("(?:\\.(?:unwrap|expect|unwrap_or_default|to_string|to_owned|as_str|clone|into"
            + "|as_path|to_path_buf|display|unwrap_or_else)\\([^()]*\\)|\\?)\\s*$");
    private static final Pattern GO_GENERATE = Pattern.compile("(?m)^//go:generate[ \\t]+(.+)$");
    private static final Pattern CMAKE_CALL = Pattern.compile("(?i)\\b(execute_process|add_custom_command|add_custom_target)\\s*\\(");
    private static final Pattern CMAKE_WORD = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s()\"#]+)|(#[^\\n]*)");
    private static final Pattern CMAKE_SET = Pattern.compile("(?i)\\bset\\s*\\(\\s*(\\w+)\\s+\"?([^\\s\")]+)\"?\\s*\\)");
    private static final Pattern CMAKE_VARIABLE = Pattern.compile("\\$ENV\\{(\\w+)\\}|\\$\\{(\\w+)\\}|\\$<[^>]*>");
    /** Keywords that end a COMMAND's words in the three CMake calls. */
    private static final Pattern CMAKE_KEYWORD = Pattern.compile("WORKING_DIRECTORY|OUTPUT_VARIABLE|ERROR_VARIABLE|RESULT_VARIABLE"
            + "|RESULTS_VARIABLE|INPUT_FILE|OUTPUT_FILE|ERROR_FILE|OUTPUT_QUIET|ERROR_QUIET|OUTPUT_STRIP_TRAILING_WHITESPACE"
            + "|ERROR_STRIP_TRAILING_WHITESPACE|TIMEOUT|COMMAND_ECHO|ECHO_OUTPUT_VARIABLE|ECHO_ERROR_VARIABLE|COMMAND_ERROR_IS_FATAL"
            + "|ENCODING|OUTPUT|BYPRODUCTS|DEPENDS|MAIN_DEPENDENCY|IMPLICIT_DEPENDS|COMMENT|VERBATIM|APPEND|USES_TERMINAL"
            + "|COMMAND_EXPAND_LISTS|DEPFILE|JOB_POOL|JOB_SERVER_AWARE|TARGET|PRE_BUILD|PRE_LINK|POST_BUILD|SOURCES|ALL|CODEGEN");
    private static final Pattern GRADLE_COMMAND_LINE = Pattern.compile("\\bcommandLine\\s*(?:=\\s*listOf\\s*)?\\(?\\s*((?:(?:'[^'\\n]*'|\"[^\"\\n]*\")\\s*,?\\s*)+)");
    private static final Pattern GRADLE_EXECUTE = Pattern.compile("(?:'([^'\\n]*)'|\"([^\"\\n]*)\")\\s*\\.execute\\(\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"");
    private static final Pattern MESON_CALL = Pattern.compile("\\brun_command\\s*\\(([^)]*)\\)|\\bcommand\\s*:\\s*\\[([^\\]]*)\\]");

    private BuildScripts() {
    }

    /** The build's own commands in {@code content}, when the file named {@code name} (lower case) is one a build runs. */
    static List<Run> of(String path, String name, String content) {
        // by name first, then a fixed substring: this runs for every edit
        if (name.equals("build.rs")) {
            String script = rust(content);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when Cargo builds the crate and runs its build script", Reach.HOOK));
        }
        if (name.endsWith(".go") && content.contains("//go:generate")) {
            StringBuilder out = new StringBuilder();
            Matcher m = GO_GENERATE.matcher(content);
            while (m.find()) {
                out.append(m.group(1).strip()).append('\n');
            }
            return List.of(new Run(out.toString(), "when go generate runs", Reach.HOOK));
        }
        if (name.equals("cmakelists.txt") || name.endsWith(".cmake")) {
            String script = cmake(content);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when CMake configures or builds the project", Reach.HOOK));
        }
        if (name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
            String script = gradle(content);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when Gradle runs the build", Reach.HOOK));
        }
        if (name.equals("meson.build")) {
            String script = meson(content);
            return script.isEmpty() ? List.of() : List.of(new Run(script, "when Meson configures or builds the project", Reach.HOOK));
        }
        return List.of();
    }

    // --- Cargo build scripts

    private static String rust(String content) {
        if (!content.contains("Command::new") && !content.contains("remove_")) {
            return "";
        }
        Map<String, String> values = new HashMap<>();
        Matcher let = RUST_LET.matcher(content);
        while (let.find()) {
            values.put(let.group(1), rustValue(let.group(2), values));
        }
        StringBuilder out = new StringBuilder();
        Matcher command = RUST_COMMAND.matcher(content);
        while (command.find()) {
            List<String> words = new ArrayList<>();
            words.add(rustValue(command.group(1), values));
            int at = command.end();
            Matcher arg = RUST_ARG.matcher(content);
            while (arg.find(at) && arg.start() == at) {
                int close = closing(content, arg.end() - 1);
                if (close < 0) {
                    break;
                }
                String inner = content.substring(arg.end(), close);
                if (arg.group(1).equals("arg")) {
                    words.add(rustValue(inner, values));
                } else if (arg.group(1).equals("args")) {
                    Matcher s = RUST_STRING.matcher(inner);
                    boolean any = false;
                    while (s.find()) {
                        words.add(rustUnescape(s.group(1)));
                        any = true;
                    }
                    if (!any) {
                        words.add("$UNKNOWN_ARGS"); // a list built at run time
                    }
                }
                at = close + 1;
            }
            out.append(String.join(" ", words.stream().map(BuildScripts::shellWord).toList())).append('\n');
        }
        Matcher remove = RUST_REMOVE.matcher(content);
        while (remove.find()) {
            int close = closing(content, remove.end() - 1);
            if (close < 0) {
                continue;
            }
            String target = shellWord(rustValue(content.substring(remove.end(), close), values));
            out.append(switch (remove.group(1)) {
                case "remove_dir_all" -> "rm -rf ";
                case "remove_dir" -> "rmdir ";
                default -> "rm -f ";
            }).append(target).append('\n');
        }
        return out.toString();
    }

    /**
     * A Rust expression as the text it holds: a string literal, a variable bound earlier, the home directory, {@code
     * format!} of those, {@code Path::new(…).join(…)}; anything else is a value known only at run time.
     */
    private static String rustValue(String expression, Map<String, String> values) {
        String e = expression.strip();
        for (Matcher pass = RUST_PASS.matcher(e); pass.find(); pass = RUST_PASS.matcher(e)) {
            e = e.substring(0, pass.start()).strip();
        }
        e = e.startsWith("&") ? e.substring(1).strip() : e;
        int join = e.lastIndexOf(".join(");
        if (join > 0 && e.endsWith(")")) {
            String base = rustValue(e.substring(0, join), values);
            String part = rustValue(e.substring(join + 6, e.length() - 1), values);
            return base + "/" + part;
        }
        Matcher literal = RUST_STRING.matcher(e);
        if (literal.matches()) {
            return rustUnescape(literal.group(1));
        }
        if (RUST_HOME.matcher(e).find()) {
            return "~";
        }
        Matcher cargo = RUST_CARGO_DIR.matcher(e);
        if (cargo.find()) {
            // Cargo's own directories: the crate, and the build output it recreates
            return "OUT_DIR".equals(cargo.group(1)) ? "target/debug/build/out" : ".";
        }
        if (e.matches("\\w+") && values.containsKey(e)) {
            return values.get(e);
        }
        Matcher wrapped = Pattern.compile("(?:Path::new|PathBuf::from|String::from|OsStr::new)\\((.*)\\)").matcher(e);
        if (wrapped.matches()) {
            return rustValue(wrapped.group(1), values);
        }
        if (e.startsWith("format!(")) {
            return format(e, values);
        }
        return "$" + (e.matches("\\w+") ? e.toUpperCase(java.util.Locale.ROOT) : "RUNTIME_VALUE");
    }

    private static String format(String e, Map<String, String> values) {
        Matcher template = RUST_STRING.matcher(e);
        if (!template.find()) {
            return "$RUNTIME_VALUE";
        }
        String rest = e.substring(template.end(), e.length() - 1);
        List<String> args = new ArrayList<>();
        for (String a : rest.split(",")) {
            if (!a.isBlank()) {
                args.add(rustValue(a, values));
            }
        }
        StringBuilder out = new StringBuilder();
        Matcher hole = Pattern.compile("\\{(\\w*)(?::[^}]*)?\\}").matcher(rustUnescape(template.group(1)));
        int next = 0;
        while (hole.find()) {
            String named = hole.group(1);
            String value = named.isEmpty() ? (next < args.size() ? args.get(next++) : "$RUNTIME_VALUE")
                    : values.getOrDefault(named, "$" + named.toUpperCase(java.util.Locale.ROOT));
            hole.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        hole.appendTail(out);
        return out.toString();
    }

    private static String rustUnescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }

    /** A word for the shell: a home path keeps its {@code ~}, a run-time value stays a variable, others are quoted. */
    private static String shellWord(String value) {
        if (value.startsWith("~") && value.matches("~[\\w@%+=:,./-]*")) {
            return value;
        }
        if (value.matches("\\$[A-Z_]+(/[\\w@%+=:,./-]*)?")) {
            int slash = value.indexOf('/');
            return slash < 0 ? "\"" + value + "\"" : "\"" + value.substring(0, slash) + "\"" + value.substring(slash);
        }
        return LaterRuns.quote(value);
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals; -1 when unbalanced. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    // --- CMake

    private static String cmake(String content) {
        Matcher call = CMAKE_CALL.matcher(content);
        if (!call.find()) {
            return "";
        }
        Map<String, String> set = new HashMap<>();
        Matcher s = CMAKE_SET.matcher(content);
        while (s.find()) {
            set.put(s.group(1), s.group(2));
        }
        StringBuilder out = new StringBuilder();
        do {
            int close = closing(content, call.end() - 1);
            if (close < 0) {
                break;
            }
            List<String> words = new ArrayList<>();
            List<Boolean> quotedWords = new ArrayList<>();
            Matcher w = CMAKE_WORD.matcher(content.substring(call.end(), close));
            while (w.find()) {
                if (w.group(3) == null) {
                    words.add(w.group(1) != null ? w.group(1) : w.group(2));
                    quotedWords.add(w.group(1) != null);
                }
            }
            boolean customTarget = call.group(1).equalsIgnoreCase("add_custom_target");
            List<String> current = null;
            for (int i = customTarget ? 1 : 0; i < words.size(); i++) {
                String word = words.get(i);
                // a quoted "COMMAND" or "ALL" is an argument, not a keyword
                boolean keyword = !quotedWords.get(i) && CMAKE_KEYWORD.matcher(word).matches();
                if (!quotedWords.get(i) && word.equals("COMMAND") || customTarget && current == null && i == 1 && !keyword) {
                    flush(current, out);
                    current = new ArrayList<>();
                    if (word.equals("COMMAND")) {
                        continue;
                    }
                } else if (keyword) {
                    flush(current, out);
                    current = null;
                    continue;
                }
                if (current != null) {
                    current.add(cmakeWord(word, set, current.isEmpty()));
                }
            }
            flush(current, out);
        } while (call.find(call.end()));
        return out.toString();
    }

    private static void flush(List<String> command, StringBuilder out) {
        if (command != null && !command.isEmpty()) {
            out.append(String.join(" ", command)).append('\n');
        }
    }

    /**
     * A CMake word as the shell word it becomes: {@code $ENV{HOME}} is the environment's, the project's own directories
     * and tools are named as such, a variable set to a literal in this file is that literal; another variable naming
     * the program is a tool the project found itself (judged as a program of the build), elsewhere a value known only
     * when CMake runs.
     */
    private static String cmakeWord(String word, Map<String, String> set, boolean program) {
        StringBuilder out = new StringBuilder();
        Matcher v = CMAKE_VARIABLE.matcher(word);
        int last = 0;
        boolean literalOnly = true;
        while (v.find()) {
            out.append(LaterRuns.quote(word.substring(last, v.start())).replaceAll("^''$", ""));
            if (v.group(1) != null) {
                out.append(v.group(1).equals("HOME") ? "~" : "\"$" + v.group(1) + "\"");
            } else {
                String name = v.group(2) == null ? "GENERATOR_EXPRESSION" : v.group(2);
                out.append(cmakeVariable(name, set, program && v.start() == 0 && v.end() == word.length()));
            }
            literalOnly = false;
            last = v.end();
        }
        if (literalOnly) {
            return LaterRuns.quote(word);
        }
        out.append(LaterRuns.quote(word.substring(last)).replaceAll("^''$", ""));
        return out.toString();
    }

    private static String cmakeVariable(String name, Map<String, String> set, boolean program) {
        if (set.containsKey(name) && !set.get(name).contains("$")) {
            return LaterRuns.quote(set.get(name));
        }
        if (name.equals("CMAKE_COMMAND")) {
            return "cmake";
        }
        if (name.endsWith("SOURCE_DIR") || name.equals("CMAKE_CURRENT_LIST_DIR")) {
            return ".";
        }
        if (name.endsWith("BINARY_DIR")) {
            return "build";
        }
        if (name.contains("PYTHON") || name.startsWith("Python")) {
            return "python3";
        }
        return program ? "cmake-tool-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "\"$" + name + "\"";
    }

    // --- Gradle and Meson

    private static String gradle(String content) {
        if (!content.contains("commandLine") && !content.contains(".execute()")) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher line = GRADLE_COMMAND_LINE.matcher(content);
        while (line.find()) {
            out.append(quotedWords(line.group(1))).append('\n');
        }
        Matcher execute = GRADLE_EXECUTE.matcher(content);
        while (execute.find()) {
            out.append(execute.group(1) != null ? execute.group(1) : execute.group(2)).append('\n');
        }
        return out.toString();
    }

    private static String meson(String content) {
        if (!content.contains("run_command") && !content.contains("command")) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher call = MESON_CALL.matcher(content);
        while (call.find()) {
            String args = call.group(1) != null ? call.group(1).replaceAll("\\b\\w+\\s*:\\s*[^,]+", "") : call.group(2);
            String words = quotedWords(args);
            if (!words.isEmpty()) {
                out.append(words).append('\n');
            }
        }
        return out.toString();
    }

    private static String quotedWords(String list) {
        List<String> words = new ArrayList<>();
        Matcher q = QUOTED.matcher(list);
        while (q.find()) {
            words.add(LaterRuns.quote(q.group(1) != null ? q.group(1) : q.group(2)));
        }
        return String.join(" ", words);
    }
}
