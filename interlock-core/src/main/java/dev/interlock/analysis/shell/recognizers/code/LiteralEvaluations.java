package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code handed to the language's own evaluator as a literal is that code: Python's {@code exec(compile('…', '<s>',
 * 'exec'))} is {@code exec('…')}, whose text the scanner then reads as an evaluated literal; PowerShell's
 * {@code Invoke-Expression 'Get-Service'}, {@code iex "…"} and {@code '…' | iex} are the statements in the string. Text
 * only known at run time (a variable, an expandable string) is left alone, so the dynamic table keeps it opaque.
 */
final class LiteralEvaluations {

    /** Python's builtin compile() of a literal source; its filename and mode are literals too. */
    private static final Pattern PY_COMPILE = Pattern.compile(
            "(?<![\\w.])compile\\s*\\(\\s*" + CodeCalls.STR + "\\s*,\\s*" + CodeCalls.STR + "\\s*,\\s*" + CodeCalls.STR
                    + "\\s*(?:,[^(),]*)*\\)");
    /** A PowerShell string with no expansion: single-quoted, or double-quoted without {@code $} or backtick. */
    private static final String PS_LITERAL = "(?:'((?:[^']|'')*)'|\"([^\"$`]*)\")";
    /** The string is the whole argument: the statement ends after it (or a pipeline goes on). */
    private static final String PS_END = "(?=\\s*(?:$|[;|}\\n)]))";
    private static final Pattern PS_INVOKE = Pattern.compile("(?i)(?<![\\w-])(?:Invoke-Expression|iex)\\s*(?:-Command\\s+)?(?:\\(\\s*"
            + PS_LITERAL + "\\s*\\)|" + PS_LITERAL + ")" + PS_END);
    /** {@code 'Get-Date' | iex}: only a string that starts its statement, not the output of a command before it. */
    private static final Pattern PS_PIPED = Pattern.compile("(?i)(^|[;{(\\n])(\\s*)" + PS_LITERAL
            + "\\s*\\|\\s*(?:Invoke-Expression|iex)" + PS_END);

    private LiteralEvaluations() {
    }

    static String inlined(String code, Language language) {
        return switch (language) {
            case PYTHON -> code.contains("compile") ? PY_COMPILE.matcher(code).replaceAll(m -> Matcher.quoteReplacement(m.group(1))) : code;
            case POWERSHELL -> {
                String lower = code.toLowerCase(java.util.Locale.ROOT);
                if (!lower.contains("iex") && !lower.contains("invoke-expression")) {
                    yield code;
                }
                String out = PS_INVOKE.matcher(code).replaceAll(m -> Matcher.quoteReplacement(body(m, m.group(1) != null || m.group(2) != null ? 1 : 3)));
                yield PS_PIPED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + body(m, 3)));
            }
            default -> code;
        };
    }

    /** The text of the literal in groups {@code first} (single-quoted, {@code ''} an escaped quote) or {@code first + 1}. */
    private static String body(java.util.regex.MatchResult m, int first) {
        return m.group(first) != null ? m.group(first).replace("''", "'") : m.group(first + 1);
    }
}
