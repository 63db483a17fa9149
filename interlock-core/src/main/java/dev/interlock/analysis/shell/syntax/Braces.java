package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bash's brace expansion of a literal word: {@code {rm,-rf,/srv}} is three words, {@code /srv/{a,b}} two,
 * {@code x{1..3}} three. Only unquoted braces expand. A word that would expand to more than {@link #LIMIT} words is
 * reported as too large rather than expanded.
 */
public final class Braces {

    static final int LIMIT = 256;

    /** The expansion, empty when the word has no brace expansion; a single {@code null} element when it is too large. */
    public static Optional<List<String>> expand(Word word) {
        StringBuilder text = new StringBuilder();
        List<Boolean> active = new ArrayList<>();
        boolean any = false;
        for (WordPart part : word.parts()) {
            if (!(part instanceof WordPart.Literal lit)) {
                return Optional.empty();
            }
            boolean unquoted = lit.quoting() == WordPart.Quoting.NONE;
            any |= unquoted && lit.text().indexOf('{') >= 0;
            text.append(lit.text());
            for (int i = 0; i < lit.text().length(); i++) {
                active.add(unquoted);
            }
        }
        if (!any) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean[] flags = new boolean[active.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = active.get(i);
        }
        if (!expand(text.toString(), flags, out)) {
            List<String> tooLarge = new ArrayList<>();
            tooLarge.add(null);
            return Optional.of(tooLarge);
        }
        return out.size() == 1 && out.getFirst().contentEquals(text) ? Optional.empty() : Optional.of(out);
    }

    private Braces() {
    }

    /** Appends the expansions of {@code s} to {@code out}; false when they pass the limit. */
    private static boolean expand(String s, boolean[] active, List<String> out) {
        for (int open = 0; open < s.length(); open++) {
            if (s.charAt(open) != '{' || !active[open] || (open > 0 && s.charAt(open - 1) == '$')) {
                continue;
            }
            int depth = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int i = open + 1; i < s.length() && close < 0; i++) {
                if (!active[i]) {
                    continue;
                }
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        close = i;
                    } else {
                        depth--;
                    }
                } else if (c == ',' && depth == 0) {
                    commas.add(i);
                }
            }
            if (close < 0) {
                break;
            }
            List<int[]> alternatives = new ArrayList<>();
            if (!commas.isEmpty()) {
                int from = open + 1;
                for (int comma : commas) {
                    alternatives.add(new int[] {from, comma});
                    from = comma + 1;
                }
                alternatives.add(new int[] {from, close});
            } else {
                List<String> sequence = sequence(s.substring(open + 1, close));
                if (sequence.isEmpty()) {
                    continue;
                }
                String prefix = s.substring(0, open);
                String suffix = s.substring(close + 1);
                for (String item : sequence) {
                    if (!expand(prefix + item + suffix, concat(active, open, close, item.length()), out) || out.size() > LIMIT) {
                        return false;
                    }
                }
                return true;
            }
            String prefix = s.substring(0, open);
            String suffix = s.substring(close + 1);
            for (int[] alt : alternatives) {
                String middle = s.substring(alt[0], alt[1]);
                boolean[] flags = new boolean[prefix.length() + middle.length() + suffix.length()];
                System.arraycopy(active, 0, flags, 0, prefix.length());
                System.arraycopy(active, alt[0], flags, prefix.length(), middle.length());
                System.arraycopy(active, close + 1, flags, prefix.length() + middle.length(), suffix.length());
                if (!expand(prefix + middle + suffix, flags, out) || out.size() > LIMIT) {
                    return false;
                }
            }
            return true;
        }
        out.add(s);
        return out.size() <= LIMIT;
    }

    private static boolean[] concat(boolean[] active, int open, int close, int middle) {
        boolean[] flags = new boolean[open + middle + active.length - close - 1];
        System.arraycopy(active, 0, flags, 0, open);
        java.util.Arrays.fill(flags, open, open + middle, false);
        System.arraycopy(active, close + 1, flags, open + middle, active.length - close - 1);
        return flags;
    }

    /** {@code 1..3}, {@code a..c}, {@code 1..9..2}; empty when the text is not a sequence. */
    private static List<String> sequence(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?\\d{1,6})\\.\\.(-?\\d{1,6})(?:\\.\\.(-?\\d{1,4}))?|([A-Za-z])\\.\\.([A-Za-z])")
                .matcher(body);
        if (!m.matches()) {
            return List.of();
        }
        int from = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(4).charAt(0);
        int to = m.group(1) != null ? Integer.parseInt(m.group(2)) : m.group(5).charAt(0);
        int step = m.group(3) != null ? Math.max(1, Math.abs(Integer.parseInt(m.group(3)))) : 1;
        if (Math.abs((long) to - from) / step > LIMIT) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
            out.add(m.group(1) != null ? Integer.toString(v) : String.valueOf((char) v));
        }
        return out;
    }
}
