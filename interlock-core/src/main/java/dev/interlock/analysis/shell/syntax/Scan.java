package dev.interlock.analysis.shell.syntax;

/** Small look-ahead scans that decide how to read what follows; each is linear in what it looks at. */
final class Scan {

    private Scan() {
    }

    /**
     * For text after {@code ((}: the index of the first {@code )} of the matching {@code ))}, or -1 when the parens
     * do not close as a pair (then bash reads a subshell or command substitution instead of arithmetic).
     */
    static int arithEnd(String s, int from, int end) {
        int depth = 2;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> i++;
                case '\'' -> {
                    int j = s.indexOf('\'', i + 1);
                    if (j < 0 || j >= end) {
                        return -1;
                    }
                    i = j;
                }
                case '"' -> {
                    int j = i + 1;
                    while (j < end && s.charAt(j) != '"') {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (j >= end) {
                        return -1;
                    }
                    i = j;
                }
                case '(' -> depth++;
                case ')' -> {
                    depth--;
                    if (depth == 1) {
                        return i + 1 < end && s.charAt(i + 1) == ')' ? i : -1;
                    }
                }
                default -> {
                }
            }
        }
        return -1;
    }

    /** The parameter named by the text inside {@code ${…}}: {@code ${#x}} and {@code ${!x}} name {@code x}. */
    static String paramName(String expr) {
        if (expr.isEmpty()) {
            return "";
        }
        int i = (expr.charAt(0) == '#' || expr.charAt(0) == '!') && expr.length() > 1 ? 1 : 0;
        char first = expr.charAt(i);
        int j = i + 1;
        if (Character.isLetter(first) || first == '_') {
            while (j < expr.length() && isNameChar(expr.charAt(j))) {
                j++;
            }
        } else if (Character.isDigit(first)) {
            while (j < expr.length() && Character.isDigit(expr.charAt(j))) {
                j++;
            }
        } else if (!isSpecialParam(first)) {
            return expr.substring(0, i);
        }
        return expr.substring(i, j);
    }

    static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isSpecialParam(int c) {
        return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!';
    }

    /** The heredoc delimiter after quote removal: {@code 'EOF'}, {@code "EOF"}, {@code \EOF} all mean EOF. */
    static String delimiter(String raw) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (quote == '"' && c == '"') {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
