package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.WordPart;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suffix and prefix removal of a variable this line set: {@code ${f%.JPG}}, {@code ${f%%.tar.gz}}, {@code ${f#./}},
 * {@code ${f##old-}} with a literal pattern. A rename loop ({@code for f in *.JPG; do mv -- "$f" "${f%.JPG}.jpg"; done})
 * then names its targets beside its sources instead of somewhere unknown. A pattern with wildcards stays unknown (what is
 * cut depends on the file), as does a word that is a trimmed wildcard only ({@link #bareWildcard}).
 */
final class ParameterTrims {

    private static final Set<Character> WILDCARDS = Set.of('*', '?', '[', '$', '`', '\\', '"', '\'');

    private ParameterTrims() {
    }

    /** The text {@code p} expands to, when it is a trim of a known variable by a literal. */
    static Optional<String> value(WordPart.Parameter p, Map<String, String> variables, Set<String> patterns) {
        String expr = p.expression();
        String name = p.name();
        // cheap test first: only ${NAME%…} and ${NAME#…} of a variable set in this line
        if (expr.length() <= name.length() + 1 || !expr.startsWith(name) || !variables.containsKey(name)) {
            return Optional.empty();
        }
        char op = expr.charAt(name.length());
        if (op != '%' && op != '#') {
            return Optional.empty();
        }
        String pattern = expr.substring(name.length() + 1);
        if (!pattern.isEmpty() && pattern.charAt(0) == op) {
            pattern = pattern.substring(1); // %% and ## differ only for wildcard patterns
        }
        if (pattern.isEmpty() || pattern.chars().anyMatch(c -> WILDCARDS.contains((char) c))) {
            return Optional.empty();
        }
        String value = variables.get(name);
        boolean suffix = op == '%';
        boolean matches = suffix ? value.endsWith(pattern) : value.startsWith(pattern);
        if (!matches) {
            // a plain value keeps its text; a wildcard's expansions (img_*.png for ${f#img_} of *.png) may lose the
            // literal, but without a slash in it they stay names in the same directory
            return !patterns.contains(name) || pattern.indexOf('/') < 0 ? Optional.of(value) : Optional.empty();
        }
        return Optional.of(suffix ? value.substring(0, value.length() - pattern.length()) : value.substring(pattern.length()));
    }

    /**
     * A word built from a trimmed wildcard that is only a wildcard ({@code "${f%.txt}"} of {@code *.txt} is {@code *}):
     * it would read as everything in the directory, which the loop does not touch, so the word stays unknown.
     */
    static boolean bareWildcard(String word) {
        String leaf = word.substring(word.lastIndexOf('/') + 1);
        return leaf.isEmpty() || leaf.chars().allMatch(c -> c == '*');
    }
}
