package dev.interlock.server.approval;

import java.util.regex.Pattern;

/** Resource patterns of grants: {@code *} matches any run of characters (slashes too), {@code ?} one character. */
final class Glob {

    private Glob() {
    }

    static boolean matches(String glob, String text) {
        return toRegex(glob).matcher(text).matches();
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** The part before the first wildcard; grants must name their system there so one never spans systems. */
    static String literalPrefix(String glob) {
        int wild = glob.length();
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) == '*' || glob.charAt(i) == '?') {
                wild = i;
                break;
            }
        }
        return glob.substring(0, wild);
    }
}
