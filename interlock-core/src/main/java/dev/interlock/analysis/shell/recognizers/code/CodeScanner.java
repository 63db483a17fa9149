package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds, in one-liner code, the calls {@link CodeCalls} lists and reads their arguments: string literals (with the
 * language's interpolation counted as not literal) and lists of them. It is a scanner, not a parser: it trusts only what
 * is spelled out.
 */
final class CodeScanner {

    /** One call found: its kind, the literal arguments (empty when the first one was not literal), and the rest of the call. */
    record Found(CodeCalls.Kind kind, String what, List<String> literals, boolean literal, String tail) {
    }

    private CodeScanner() {
    }

    static List<Found> scan(String code, Language language) {
        List<Found> found = new ArrayList<>();
        for (CodeCalls.Call call : CodeCalls.calls(language)) {
            if (!call.gate().isEmpty() && !code.contains(call.gate())) {
                continue;
            }
            Matcher m = call.pattern().matcher(code);
            while (m.find()) {
                if (call.embedded()) {
                    String raw = firstGroup(m);
                    Optional<String> value = raw.startsWith("\"") || raw.startsWith("'") ? literal(raw, language) : Optional.of(raw);
                    found.add(new Found(call.kind(), call.what(), value.map(List::of).orElse(List.of()), value.isPresent(),
                            tail(code, m.end())));
                } else if (language == Language.POWERSHELL && call.kind() == CodeCalls.Kind.DELETE_MAYBE_TREE) {
                    found.addAll(powershellRemove(code.substring(m.start())));
                } else if (called(code, m.end())) {
                    found.add(arguments(code, m.end(), call, language));
                }
            }
        }
        if (language == Language.PYTHON) {
            found.addAll(PathVariables.writes(code));
        }
        return found;
    }

    static Optional<String> dynamic(String code, Language language) {
        for (CodeCalls.Dynamic d : CodeCalls.dynamics(language)) {
            if (d.pattern().matcher(code).find()) {
                return Optional.of(d.what());
            }
        }
        return Optional.empty();
    }

    /** False for a bare mention ({@code qw(rmtree)}, {@code import rmtree;}): nothing follows that could be an argument. */
    private static boolean called(String code, int from) {
        int i = skip(code, from);
        return i < code.length() && ")};,".indexOf(code.charAt(i)) < 0;
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    private static String tail(String code, int from) {
        int end = code.indexOf(')', from);
        return code.substring(Math.min(from, code.length()), end < 0 ? code.length() : end);
    }

    /** Reads {@code ("a", "b")}, {@code ['a', 'b']}, {@code "a", ["b"]} or Ruby's bare {@code system "a"} after a call name. */
    private static Found arguments(String code, int from, CodeCalls.Call call, Language language) {
        List<String> values = new ArrayList<>();
        int i = skip(code, from);
        if (i < code.length() && code.charAt(i) == '(') {
            i = skip(code, i + 1);
        }
        boolean first = true;
        boolean literal = true;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '[') {
                int close = code.indexOf(']', i);
                if (close < 0) {
                    literal &= !first;
                    break;
                }
                List<String> items = listItems(code.substring(i + 1, close), language);
                if (items == null) {
                    literal &= !first;
                    break;
                }
                values.addAll(items);
                i = close + 1;
            } else {
                int end = literalEnd(code, i);
                if (end < 0) {
                    literal &= !first;
                    break;
                }
                Optional<String> value = literal(code.substring(i, end), language);
                if (joins(call, language) && (value.isEmpty() || continues(code, end))) {
                    int argEnd = argumentEnd(code, i);
                    value = joined(code.substring(i, argEnd), call.kind(), language);
                    end = argEnd;
                }
                if (value.isEmpty()) {
                    literal &= !first;
                    break;
                }
                values.add(value.get());
                i = end;
            }
            first = false;
            i = skip(code, i);
            if (i < code.length() && code.charAt(i) == ',') {
                i = skip(code, i + 1);
            } else {
                break;
            }
        }
        return new Found(call.kind(), call.what(), values, literal && !values.isEmpty(), tail(code, from));
    }

    /**
     * {@code os.system('rm -rf ' + path)}, {@code ''.join(…)}, {@code 'rm %s' % x}: in Python and JavaScript a literal
     * followed by an operator or a method is only the start of the argument, not the command.
     */
    private static boolean continues(String code, int end) {
        int k = skip(code, end);
        return k < code.length() && "+.%([*\"'`".indexOf(code.charAt(k)) >= 0;
    }

    /** Python and JavaScript commands and code are often put together from pieces: read them as such. */
    private static boolean joins(CodeCalls.Call call, Language language) {
        return (language == Language.PYTHON || language == Language.JAVASCRIPT)
                && (call.kind() == CodeCalls.Kind.SHELL || call.kind() == CodeCalls.Kind.EVAL);
    }

    /**
     * The value of an argument that joins literals and run-time values with {@code +}: each part computed at run time
     * stands as {@link #COMPUTED}, so a shell command keeps its spelled-out words ({@code rm -rf} of something unknown);
     * empty when the command itself (the first part) is not spelled out, or for code to evaluate that is not all literal.
     */
    private static Optional<String> joined(String argument, CodeCalls.Kind kind, Language language) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean first = true;
        while (i <= argument.length()) {
            int end = partEnd(argument, i);
            String part = argument.substring(i, end).strip();
            Optional<String> value = filled(part, language);
            if (value.isEmpty() && first || value.orElse(COMPUTED).startsWith(COMPUTED) && first
                    || kind == CodeCalls.Kind.EVAL && value.orElse(COMPUTED).contains(COMPUTED)) {
                return Optional.empty();
            }
            out.append(value.orElse(COMPUTED));
            first = false;
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile(
            "(?s)([rRuU]?(?:'[^'\\\\]*'|\"[^\"\\\\]*\"))\\s*(?:\\.\\s*format\\s*\\(.*\\)|%\\s*.+)");
    private static final java.util.regex.Pattern SPLIT = java.util.regex.Pattern.compile(
            "(?s)(.+?)\\s*\\.\\s*(?:split|strip|encode)\\s*\\(\\s*\\)");

    /**
     * One part of an argument: a literal; a template with its holes filled by {@link #COMPUTED} (an f-string, a JavaScript
     * template literal, {@code '…'.format(x)}, {@code '…' % x}); a literal split into words ({@code 'git status'.split()});
     * empty for anything else.
     */
    private static Optional<String> filled(String part, Language language) {
        java.util.regex.Matcher split = SPLIT.matcher(part);
        if (language == Language.PYTHON && split.matches() && literalEnd(split.group(1), 0) == split.group(1).length()) {
            return literal(split.group(1), language);
        }
        if (literalEnd(part, 0) == part.length()) {
            Optional<String> value = literal(part, language);
            if (value.isPresent()) {
                return value;
            }
            String body = Regex.replaceAll(part, "(?s)^[a-zA-Z]*[\"'`]|[\"'`]$", "");
            return Optional.of(Regex.replaceAll(body, language == Language.PYTHON ? "\\{[^{}]*\\}" : "\\$\\{[^{}]*\\}", COMPUTED));
        }
        java.util.regex.Matcher format = FORMAT.matcher(part);
        if (language == Language.PYTHON && format.matches()) {
            return literal(format.group(1), language)
                    .map(body -> Regex.replaceAll(body, "\\{[^{}]*\\}|%[-+ #0-9.]*[sdrifxX]", COMPUTED));
        }
        return Optional.empty();
    }



    /**
     * A Python/JS/Ruby list: its literals, and {@link #COMPUTED} for an element computed at run time
     * ({@code ['rm', '-rf', process.env.HOME]}); null when the first element is not a literal.
     */
    private static List<String> listItems(String text, Language language) {
        List<String> items = new ArrayList<>();
        int i = skip(text, 0);
        while (i < text.length()) {
            int end = literalEnd(text, i);
            Optional<String> v = end < 0 ? Optional.empty() : literal(text.substring(i, end), language);
            if (v.isEmpty()) {
                if (items.isEmpty()) {
                    return null;
                }
                end = elementEnd(text, i);
                v = Optional.of(COMPUTED);
            }
            items.add(v.get());
            i = skip(text, end);
            if (i < text.length() && text.charAt(i) == ',') {
                i = skip(text, i + 1);
            }
        }
        return items;
    }

    /** Stands for a list element whose value only exists at run time. */
    static final String COMPUTED = "\u0000computed";


    /** Where one {@code +}-joined part of an argument ends: the next {@code +} outside brackets and strings, or the end. */
    private static int partEnd(String s, int i) {
        return endAtLevel(s, i, "+", false);
    }

    /** Where the call argument starting at {@code i} ends: a comma, a closing bracket or a statement end at its level. */
    private static int argumentEnd(String s, int i) {
        return endAtLevel(s, i, ",;\n", true);
    }

    /** Where an expression element of a list ends: the next comma outside brackets and strings, or the end. */
    private static int elementEnd(String s, int i) {
        return endAtLevel(s, i, ",", false);
    }

    /**
     * The first of {@code stops} at the bracket level of {@code i}, outside strings; or, when {@code closerEnds}, a
     * bracket that closes that level; else the end.
     */
    private static int endAtLevel(String s, int i, String stops, boolean closerEnds) {
        int depth = 0;
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if ("\"'`".indexOf(c) >= 0) {
                int end = literalEnd(s, k);
                if (end < 0) {
                    return s.length();
                }
                k = end - 1;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                if (--depth < 0 && closerEnds) {
                    return k;
                }
            } else if (depth <= 0 && stops.indexOf(c) >= 0) {
                return k;
            }
        }
        return s.length();
    }

    /** End index (exclusive) of the string literal starting at {@code i} (after an optional r/b/u/f prefix), or -1. */
    private static int literalEnd(String s, int i) {
        int j = i;
        while (j < s.length() && j - i < 2 && "rRbBuUfF".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        if (j >= s.length() || "\"'`".indexOf(s.charAt(j)) < 0) {
            return -1;
        }
        char q = s.charAt(j);
        for (int k = j + 1; k < s.length(); k++) {
            if (s.charAt(k) == '\\') {
                k++;
            } else if (s.charAt(k) == q) {
                return k + 1;
            }
        }
        return -1;
    }

    /** The value of a literal token, or empty when it interpolates (f-strings, template literals, "#{x}", "$x"). */
    static Optional<String> literal(String token, Language language) {
        int q = 0;
        while (q < token.length() && "\"'`".indexOf(token.charAt(q)) < 0) {
            q++;
        }
        if (q >= token.length() - 1) {
            return Optional.empty();
        }
        String prefix = token.substring(0, q).toLowerCase(java.util.Locale.ROOT);
        char quote = token.charAt(q);
        String body = token.substring(q + 1, token.length() - 1);
        boolean interpolates = switch (language) {
            case PYTHON -> prefix.contains("f") && body.contains("{");
            case JAVASCRIPT -> quote == '`' && body.contains("${");
            case RUBY -> quote != '\'' && body.contains("#{");
            case PERL, PHP -> quote != '\'' && Regex.matches(body, "(?s).*[$@]\\{?\\w.*");
            case JULIA, GROOVY, KOTLIN -> quote == '"' && body.contains("$");
            case CSHARP -> prefix.contains("$") && body.contains("{");
            case SCALA -> (prefix.contains("s") || prefix.contains("f")) && body.contains("$");
            default -> false;
        };
        if (interpolates) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && !prefix.contains("r")) {
                char n = body.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }

    /**
     * {@code Remove-Item -Recurse -Force C:\\x, .\\obj}: the words that are not parameters are the paths (a list
     * separated by commas); the profile and temp directories named through the environment are those directories.
     */
    private static List<Found> powershellRemove(String text) {
        String statement = Regex.before(text, "[;|\\n}]");
        String[] words = Regex.split(statement.trim(), "[\\s,]+");
        List<String> paths = new ArrayList<>();
        boolean recursive = false;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("-")) {
                recursive |= w.equalsIgnoreCase("-Recurse") || w.equalsIgnoreCase("-r");
                if (Regex.matches(w, "(?i)-(Path|LiteralPath|Include|Exclude|Filter)")) {
                    continue; // the value that follows is a path (or a filter on one): read on
                }
            } else if (!w.isEmpty()) {
                paths.add(PowerShellCmdlets.file(Regex.replaceAll(w, "^['\"]|['\"]$", "")));
            }
        }
        CodeCalls.Kind kind = recursive ? CodeCalls.Kind.DELETE_TREE : CodeCalls.Kind.DELETE;
        List<Found> found = new ArrayList<>();
        for (String path : paths) {
            // an admin share's $ (\\host\c$\…, //host/c$/… once read) is a name, not a variable
            String named = path.indexOf('$') < 0 ? path : Regex.replaceAll(path, "(?<=/[A-Za-z])\\$(?=/|$)", "");
            boolean literal = !named.contains("$") && !named.contains("(");
            found.add(new Found(kind, "Remove-Item", literal ? List.of(path) : List.of(), literal, statement));
        }
        if (found.isEmpty()) {
            found.add(new Found(kind, "Remove-Item", List.of(), false, statement));
        }
        return found;
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
