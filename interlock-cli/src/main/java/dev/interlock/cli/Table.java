package dev.interlock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for a terminal: left-aligned columns two spaces apart, long cells cut with an ellipsis so a row
 * stays one line, control characters flattened so a hostile summary cannot break the layout.
 *
 * @param headers column titles, printed in upper case
 * @param limits  the widest each column may be (0 = no limit)
 */
record Table(List<String> headers, List<Integer> limits) {

    Table {
        headers = List.copyOf(headers);
        limits = List.copyOf(limits);
        if (headers.size() != limits.size()) {
            throw new IllegalArgumentException("one limit per column");
        }
    }

    String render(List<List<String>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList());
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                r.add(cut(flat(i < row.size() ? row.get(i) : ""), limits.get(i)));
            }
            cells.add(r);
        }
        int[] widths = new int[headers.size()];
        for (List<String> r : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(r.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> r : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(r.get(i));
                if (i < widths.length - 1) {
                    line.repeat(' ', widths[i] - width(r.get(i)) + 2);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** One line: newlines, tabs and other control characters become spaces or a visible mark. */
    static String flat(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                b.append('⏎');
            } else if (Character.isISOControl(c)) {
                b.append(' ');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static String cut(String s, int limit) {
        if (limit <= 0 || width(s) <= limit) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, limit - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
