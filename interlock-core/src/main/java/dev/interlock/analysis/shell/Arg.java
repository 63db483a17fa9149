package dev.interlock.analysis.shell;

import dev.interlock.model.Evidence;

/**
 * One argument of a command after quote removal. {@code literal} is false when the word contains an expansion that
 * cannot be resolved statically ({@code $X}, {@code $(cmd)}); {@code value} then holds the text as written.
 * {@code glob} is true when it contains an unquoted {@code *}, {@code ?} or {@code [}.
 */
public record Arg(String value, boolean literal, boolean glob, Evidence evidence) {
    public Arg {
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    public static Arg of(String value) {
        return new Arg(value, true, false, Evidence.text(value));
    }

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /**
     * Back to shell text, for analysing a command a wrapper runs: literal words quoted when they need it, expansions
     * left as written so that they stay expansions.
     */
    public String shellText() {
        if (!literal) {
            return value.contains(" ") ? "\"" + value + "\"" : value;
        }
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
