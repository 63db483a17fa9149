package dev.interlock.cli;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * argv → one POSIX shell command line that a shell would split back into exactly the same words. {@code exec} runs
 * the argv directly, but the server judges a command line, so what it judges must be what runs.
 */
final class ShellQuote {

    /** Words a shell reads as syntax, not a command name, when they come first. */
    private static final Set<String> RESERVED = Set.of("!", "{", "}", "[[", "]]", "case", "do", "done", "elif", "else",
            "esac", "fi", "for", "function", "if", "in", "select", "then", "time", "until", "while", "coproc");

    private ShellQuote() {
    }

    static String join(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < argv.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(quote(argv.get(i), i == 0));
        }
        return out.toString();
    }

    static String quote(String word, boolean first) {
        if (!word.isEmpty() && word.codePoints().allMatch(c -> safe(c, first)) && !(first && RESERVED.contains(word))) {
            return word;
        }
        // Inside single quotes nothing is special except the quote itself, which closes, escapes and reopens.
        return word.codePoints().mapToObj(c -> c == '\'' ? "'\\''" : Character.toString(c))
                .collect(Collectors.joining("", "'", "'"));
    }

    /**
     * Characters no POSIX shell treats specially anywhere in a word. {@code =} and {@code %} are safe only after the first word:
     * first, {@code A=b} would be an assignment and {@code %1} a job, rather than the program to run.
     */
    private static boolean safe(int c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "_@+:,./-".indexOf(c) >= 0 || (c == '=' || c == '%') && !first;
    }
}
