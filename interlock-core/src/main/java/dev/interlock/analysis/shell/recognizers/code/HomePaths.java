package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths one-liner code builds from the home directory and literals, written back as one {@code ~/…} literal before the
 * code is scanned, so that a delete or write there is judged on the path as {@code rm} would judge it:
 * {@code File.join(Dir.home, ".rbenv/versions/2.7.8")}, {@code "#{Dir.home}/x"}, {@code File.expand_path("~/x")},
 * {@code os.path.join(os.path.expanduser('~'), 'x')}, {@code Path.home() / '.pyenv' / 'versions'},
 * {@code os.environ['HOME'] + '/x'}, {@code path.join(os.homedir(), '.nvm')}, {@code `${process.env.HOME}/x`}. Only a
 * path that is literal to its end is resolved: {@code Path.home() / name} stays computed.
 */
final class HomePaths {

    /** A string literal without capturing groups. */
    private static final String LIT = "(?:[rRbBuU]{0,2})(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
    private static final Pattern ONE_LIT = Pattern.compile("[rRbBuU]{0,2}(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
    /** Nothing that would carry the expression on after the literal ({@code + name}, {@code .upper()}, {@code / x}). */
    private static final String ENDS = "(?!\\s*[-+.%\\[(*/])";

    private static final String HOME_PYTHON = "(?:\\bos\\.path\\.expanduser\\s*\\(\\s*['\"]~['\"]\\s*\\)"
            + "|\\bos\\.environ\\s*\\[\\s*['\"]HOME['\"]\\s*]|\\bos\\.environ\\.get\\s*\\(\\s*['\"]HOME['\"]\\s*\\)"
            + "|\\bos\\.getenv\\s*\\(\\s*['\"]HOME['\"]\\s*\\)|\\b(?:pathlib\\.)?Path\\.home\\s*\\(\\s*\\))";
    private static final String HOME_JAVASCRIPT = "(?:(?:\\brequire\\s*\\(\\s*['\"](?:node:)?os['\"]\\s*\\)|\\bos)\\s*\\.\\s*homedir\\s*\\(\\s*\\)"
            + "|\\bprocess\\.env(?:\\.HOME\\b|\\s*\\[\\s*['\"]HOME['\"]\\s*]))";
    private static final String HOME_RUBY = "(?:\\bDir\\.home\\b(?:\\s*\\(\\s*\\))?(?!\\s*\\()|\\bENV\\s*\\[\\s*['\"]HOME['\"]\\s*]"
            + "|\\bENV\\.fetch\\s*\\(\\s*['\"]HOME['\"]\\s*\\))";

    private static final String HOME_PERL = "\\$ENV\\{\\s*['\"]?HOME['\"]?\\s*}";

    /** How a match spells its path. */
    private enum Shape {
        /** A join call or pathlib's {@code /}: group 1 is the first part (the home directory or a literal), group 2 the rest. */
        JOIN,
        /** {@code HOME + '/x'}: group 1 the home directory, group 2 the literal appended as it is. */
        CONCAT,
        /** {@code "#{Dir.home}/x"}: group 1 the text after the home directory. */
        TEMPLATE
    }

    /** A rule runs only on code that contains its {@code gate}, so code that never names the home directory costs no regex. */
    private record Rule(String gate, Pattern pattern, Shape shape, Language language, Pattern home) {
    }

    private static final List<Rule> PYTHON = List.of(
            rule("path.join", "\\bos\\.path\\.join\\s*\\(\\s*(" + HOME_PYTHON + "|" + LIT + ")((?:\\s*,\\s*" + LIT + ")*)\\s*\\)",
                    Shape.JOIN, Language.PYTHON, HOME_PYTHON),
            rule("/", "(" + HOME_PYTHON + ")((?:\\s*/\\s*" + LIT + ")+)" + ENDS, Shape.JOIN, Language.PYTHON, HOME_PYTHON),
            rule("expanduser", "\\b(?:pathlib\\.)?Path\\s*\\(\\s*(" + LIT + ")\\s*\\)\\s*\\.\\s*expanduser\\s*\\(\\s*\\)()" + ENDS,
                    Shape.JOIN, Language.PYTHON, HOME_PYTHON),
            rule("+", "(" + HOME_PYTHON + ")\\s*\\+\\s*(" + LIT + ")" + ENDS, Shape.CONCAT, Language.PYTHON, HOME_PYTHON),
            rule("{", "[fF](['\"])\\{\\s*" + HOME_PYTHON + "\\s*}([^'\"{}\\\\]*)\\1", Shape.TEMPLATE, Language.PYTHON, HOME_PYTHON));

    private static final List<Rule> JAVASCRIPT = List.of(
            rule("path.", "\\bpath\\.join\\s*\\(\\s*(" + HOME_JAVASCRIPT + "|" + LIT + ")((?:\\s*,\\s*" + LIT + ")*)\\s*\\)",
                    Shape.JOIN, Language.JAVASCRIPT, HOME_JAVASCRIPT),
            rule("+", "(" + HOME_JAVASCRIPT + ")\\s*\\+\\s*(" + LIT + ")" + ENDS, Shape.CONCAT, Language.JAVASCRIPT, HOME_JAVASCRIPT),
            rule("${", "`()\\$\\{\\s*" + HOME_JAVASCRIPT + "\\s*}([^`$\\\\]*)`", Shape.TEMPLATE, Language.JAVASCRIPT, HOME_JAVASCRIPT));

    private static final List<Rule> RUBY = List.of(
            rule("File.join", "\\bFile\\.join\\s*\\(\\s*(" + HOME_RUBY + "|" + LIT + ")((?:\\s*,\\s*" + LIT + ")*)\\s*\\)",
                    Shape.JOIN, Language.RUBY, HOME_RUBY),
            rule("+", "(" + HOME_RUBY + ")\\s*\\+\\s*(" + LIT + ")" + ENDS, Shape.CONCAT, Language.RUBY, HOME_RUBY),
            rule("#{", "(\")#\\{\\s*" + HOME_RUBY + "\\s*}([^\"#\\\\]*)\"", Shape.TEMPLATE, Language.RUBY, HOME_RUBY),
            // one argument only: a second one is the directory a relative path is taken from
            rule("expand_path", "\\bFile\\.expand_path\\s*\\(\\s*(" + LIT + ")\\s*\\)()", Shape.JOIN, Language.RUBY, HOME_RUBY));

    private static final List<Rule> PERL = List.of(
            rule("$ENV", "(\")" + HOME_PERL + "([^\"$@\\\\]*)\"", Shape.TEMPLATE, Language.PERL, HOME_PERL),
            rule(".", "(" + HOME_PERL + ")\\s*\\.\\s*(" + LIT + ")" + ENDS, Shape.CONCAT, Language.PERL, HOME_PERL));

    /** Words without which code cannot name the home directory. */
    private static final List<String> HOME_WORDS = List.of("HOME", "home", "~");

    private HomePaths() {
    }

    private static Rule rule(String gate, String regex, Shape shape, Language language, String home) {
        return new Rule(gate, Pattern.compile(regex), shape, language, Pattern.compile(home));
    }

    static String resolved(String code, Language language) {
        List<Rule> rules = switch (language) {
            case PYTHON -> PYTHON;
            case JAVASCRIPT -> JAVASCRIPT;
            case RUBY -> RUBY;
            case PERL -> PERL;
            default -> List.of();
        };
        if (rules.isEmpty() || HOME_WORDS.stream().noneMatch(code::contains)) {
            return code;
        }
        String out = code;
        for (Rule r : rules) {
            if (!out.contains(r.gate())) {
                continue;
            }
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(path(m, r).map(HomePaths::quoted).orElse(m.group())));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    /** The path a match spells, when every part of it is the home directory or a literal. */
    private static Optional<String> path(Matcher m, Rule r) {
        if (r.shape() == Shape.TEMPLATE) {
            return Optional.of("~" + m.group(2));
        }
        String first = m.group(1);
        Optional<String> start = r.home().matcher(first).matches() ? Optional.of("~") : literal(first, r.language());
        if (start.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Matcher lit = ONE_LIT.matcher(m.group(2));
        while (lit.find()) {
            Optional<String> v = literal(lit.group(), r.language());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            parts.add(v.get());
        }
        return Optional.of(r.shape() == Shape.CONCAT ? start.get() + String.join("", parts) : joined(start.get(), parts));
    }

    private static Optional<String> literal(String token, Language language) {
        return CodeScanner.literal(token.strip(), language);
    }

    /** Path parts joined as os.path.join, File.join and path.join do: an absolute part starts over. */
    private static String joined(String first, List<String> parts) {
        StringBuilder out = new StringBuilder(first);
        for (String part : parts) {
            if (part.startsWith("/")) {
                out.setLength(0);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '/' && !part.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** A literal the scanner reads back to the same text. */
    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
