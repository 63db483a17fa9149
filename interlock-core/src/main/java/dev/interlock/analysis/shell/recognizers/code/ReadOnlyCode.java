package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-liner code that only reads and prints: every name in it is a pure call of a small table per language
 * ({@code open(…).read()}, {@code File.read}, {@code fs.readFileSync}, {@code json.load}, {@code print}/{@code puts}/
 * {@code console.log}, {@code len}/{@code sorted}), a version constant ({@code sys.version}, {@code RUBY_VERSION}), a
 * keyword, or a name the code binds itself. Such code is a read on the machine it runs on (a prod host over ssh too),
 * like {@code cat}. One name outside the table (a module, a method, an environment lookup) and the code keeps the
 * interpreter's own {@code execute}. A secret file read is found before this, as a credential.
 */
final class ReadOnlyCode {

    /** Names that read or format only: functions, methods, attributes, constants and keywords, by language. */
    private static final Map<Language, Set<String>> PURE = Map.of(
            Language.PYTHON, Set.of("print", "len", "sorted", "sum", "min", "max", "str", "int", "float", "repr", "list",
                    "dict", "set", "tuple", "enumerate", "zip", "range", "abs", "round", "any", "all", "open", "bool",
                    "reversed", "format", "chr", "ord", "hex", "isinstance", "type", "map", "filter",
                    "json", "load", "loads", "dumps", "indent", "sort_keys", "sys", "version", "version_info", "executable",
                    "platform", "maxsize", "byteorder", "argv", "stdin", "python_version", "system", "release", "machine",
                    "node", "uname", "pathlib", "Path", "read_text", "read", "readlines", "readline", "splitlines", "split",
                    "strip", "rstrip", "lstrip", "lower", "upper", "keys", "values", "items", "get", "join", "startswith",
                    "endswith", "count", "find", "key", "reverse", "major", "minor", "micro",
                    "for", "in", "if", "else", "not", "and", "or", "is", "None", "True", "False", "lambda", "import",
                    "from", "as", "with"),
            Language.JAVASCRIPT, Set.of("console", "log", "info", "dir", "table", "JSON", "stringify", "parse", "require",
                    "fs", "readFileSync", "readdirSync", "existsSync", "toString", "process", "version", "versions",
                    "platform", "arch", "Object", "keys", "values", "entries", "length", "map", "filter", "join", "split",
                    "trim", "sort", "slice", "includes", "Math", "max", "min", "String", "Number", "os", "hostname",
                    "release", "type", "uptime", "cpus", "totalmem", "freemem", "path", "basename", "dirname", "node",
                    "const", "let", "var", "of", "in", "if", "else", "for", "null", "true", "false", "undefined", "utf8"),
            Language.RUBY, Set.of("puts", "p", "pp", "print", "printf", "File", "read", "readlines", "exist?", "basename",
                    "dirname", "size", "Dir", "glob", "entries", "children", "pwd", "JSON", "parse", "pretty_generate",
                    "generate", "RUBY_VERSION", "RUBY_PLATFORM", "RUBY_RELEASE_DATE", "RUBY_PATCHLEVEL", "RUBY_ENGINE",
                    "Gem", "VERSION", "each", "map", "select", "sort", "join", "lines", "split", "strip", "chomp", "length",
                    "keys", "values", "first", "last", "count", "to_s", "to_i", "inspect", "upcase", "downcase",
                    "include?", "grep", "require", "json", "do", "end", "if", "unless", "then", "else", "nil", "true",
                    "false", "and", "or", "not"),
            Language.PERL, Set.of("print", "say", "printf", "sprintf", "join", "sort", "keys", "values", "length",
                    "scalar", "uc", "lc", "reverse", "my", "for", "foreach", "if", "else", "unless", "while", "until",
                    "next", "last", "chomp", "chop", "split", "grep", "map", "substr", "index", "int", "abs", "defined",
                    "exists", "eof", "eq", "ne", "lt", "gt", "le", "ge", "cmp", "and", "or", "not", "x", "END", "BEGIN",
                    "$_", "$", "$a", "$b", "F", "$F", "ARGV", "$ARGV", "STDIN"));
    /** What a program may load and stay a reader. */
    private static final Map<Language, Set<String>> MODULES = Map.of(
            Language.PYTHON, Set.of("json", "sys", "platform", "pathlib"),
            Language.JAVASCRIPT, Set.of("fs", "node:fs", "os", "node:os", "path", "node:path"),
            Language.RUBY, Set.of("json"),
            Language.PERL, Set.of());
    private static final Pattern NAME = Pattern.compile("(\\.\\s*|::\\s*)?(?<![\\w$])([A-Za-z_$][\\w$]*[?!]?)");
    private static final Pattern LOADS = Pattern.compile("\\b(?:import\\s+([\\w.]+)|from\\s+([\\w.]+)\\s+import|require\\s*\\(?\\s*['\"]([^'\"]+)['\"])");
    /** Names the code binds itself: assignments, keyword arguments, loop, lambda and block parameters, {@code as f}. */
    private static final Pattern BOUND = Pattern.compile("(?<![\\w.$])([A-Za-z_$][\\w$]*)\\s*=(?![=>~])|\\bfor\\s+\\(?\\s*(?:const|let|var|my)?\\s*\\$?(\\w+)"
            + "|\\blambda\\s+(\\w+)|\\bas\\s+(\\w+)|\\|\\s*(\\w+)\\s*(?:,\\s*(\\w+)\\s*)?\\||(\\w+)\\s*=>|\\bmy\\s+[$@%](\\w+)");
    /** Constructs that run or load code behind the names: backticks, {@code %x}, pipes opened as files, Perl's {@code @{[…]}}, dunders. */
    private static final Pattern HIDDEN = Pattern.compile("`|%x|['\"]\\s*\\||__|@\\{\\[|\\$\\{\\\\|\\bqx\\b|<<");
    /** Perl's interpreter variables: {@code $^V}, {@code $]}, {@code $0}. */
    private static final Pattern PERL_SPECIAL = Pattern.compile("\\$\\^[A-Z]|\\$\\]|\\$0\\b");
    /**
     * Perl's matches and substitutions ({@code print if /ERROR/}, {@code $x =~ s/a/b/g}): patterns, not names; where a
     * slash can only start a pattern. A substitution with {@code e} runs its replacement as code, so it stays.
     */
    private static final Pattern PERL_MATCH = Pattern.compile("(^|[=!]~|[(,;{!]|\\b(?:if|unless|and|or|not|split|grep|while|until))\\s*"
            + "(?:(?:m|qr)?/(?:[^/\\\\\\n]|\\\\.)*/[msixpn]*|(?:s|tr|y)/(?:[^/\\\\\\n]|\\\\.)*/(?:[^/\\\\\\n]|\\\\.)*/[msixpgrcd]*(?![a-z]))");

    private ReadOnlyCode() {
    }

    /** Whether every name in {@code code} is a pure call, a keyword or the code's own. */
    static boolean only(String code, Language language) {
        Set<String> pure = PURE.get(language);
        if (pure == null || code.isBlank() || (language != Language.JAVASCRIPT && HIDDEN.matcher(code).find())
                || language == Language.JAVASCRIPT && Regex.find(code, "`|__|\\[\\s*['\"]")) {
            return false;
        }
        if (language == Language.PYTHON && Regex.find(code, "['\"][rbt]*[wax+][bt+]*['\"]")) {
            return false; // open(path, 'w'): a write, whatever the path
        }
        Matcher loads = LOADS.matcher(code);
        while (loads.find()) {
            String module = loads.group(1) != null ? loads.group(1) : loads.group(2) != null ? loads.group(2) : loads.group(3);
            if (!MODULES.get(language).contains(module)) {
                return false;
            }
        }
        String text = language == Language.PERL ? PERL_MATCH.matcher(PERL_SPECIAL.matcher(code).replaceAll(" ")).replaceAll("$1 \"\"") : code;
        StringBuilder scanned = new StringBuilder(UnreadCalls.withoutStringContents(text, language == Language.PERL ? Language.RUBY : language));
        if (language == Language.RUBY || language == Language.PERL) {
            // "#{RUBY_VERSION}" runs what it holds: its names are checked like the rest
            Matcher interpolated = Regex.pattern("#\\{([^}]*)\\}").matcher(text);
            while (interpolated.find()) {
                scanned.append(' ').append(interpolated.group(1));
            }
        }
        Set<String> own = new HashSet<>();
        Matcher b = BOUND.matcher(scanned);
        while (b.find()) {
            for (int g = 1; g <= b.groupCount(); g++) {
                if (b.group(g) != null) {
                    own.add(b.group(g));
                }
            }
        }
        Matcher m = NAME.matcher(scanned);
        while (m.find()) {
            String name = m.group(2);
            boolean member = m.group(1) != null;
            // a method is judged by the table alone: a name the code binds is no licence for x.delete()
            if (!pure.contains(name) && (member || !own.contains(name.replace("$", "")))) {
                return false;
            }
        }
        return true;
    }
}
