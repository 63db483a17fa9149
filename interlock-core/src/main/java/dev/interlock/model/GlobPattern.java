package dev.interlock.model;

import java.util.regex.Pattern;

/**
 * The one glob syntax of Interlock (inventory patterns, grant resource patterns, {@code session.touched}): {@code *}
 * matches any run of characters, slashes too; {@code ?} one character; everything else is literal.
 */
public final class GlobPattern {

    private GlobPattern() {
    }

    public static Pattern compile(String glob, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    /** The part before the first wildcard. */
    public static String literalPrefix(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
                return glob.substring(0, i);
            }
        }
        return glob;
    }
}
