package dev.interlock.analysis.shell.syntax;

/** Decodes the body of {@code $'…'} the way bash does (and the escapes of {@code printf} and {@code echo -e}). */
public final class AnsiC {

    /** The decoded text and the index of the closing quote, or -1 when there is none. */
    record Decoded(String text, int close) {
    }

    private AnsiC() {
    }

    static Decoded decode(String s, int from, int limit) {
        // The closing quote is found first, as bash's lexer does: a backslash shields exactly one character, so
        // no escape (not even \c) can reach past it.
        int close = from;
        while (close < limit && s.charAt(close) != '\'') {
            close += s.charAt(close) == '\\' ? 2 : 1;
        }
        if (close >= limit) {
            return new Decoded(text(s, from, limit), -1);
        }
        return new Decoded(text(s, from, close), close);
    }

    /** The escapes of {@code s} decoded: {@code \\x72\\155} → {@code rm}. */
    public static String unescape(String s) {
        return text(s, 0, s.length());
    }

    private static String text(String s, int from, int end) {
        StringBuilder out = new StringBuilder();
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                out.append(c);
                i++;
                continue;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"', '?' -> out.append(e);
                case 'c' -> {
                    if (i < end) {
                        out.append((char) (s.charAt(i) & 0x1f));
                        i++;
                    } else {
                        out.append("\\c");
                    }
                }
                case 'x', 'u', 'U' -> {
                    int max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int j = i;
                    long value = 0;
                    while (j < end && j - i < max && Character.digit(s.charAt(j), 16) >= 0) {
                        value = value * 16 + Character.digit(s.charAt(j), 16);
                        j++;
                    }
                    if (j == i || value > Character.MAX_CODE_POINT) {
                        out.append('\\').append(e);
                    } else {
                        out.appendCodePoint((int) value);
                        i = j;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int j = i;
                        while (j < end && j - i < 2 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            value = value * 8 + (s.charAt(j) - '0');
                            j++;
                        }
                        out.append((char) (value & 0xff));
                        i = j;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
