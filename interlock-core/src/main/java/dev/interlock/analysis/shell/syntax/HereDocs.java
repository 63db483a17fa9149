package dev.interlock.analysis.shell.syntax;

import java.util.List;

/** Reads heredoc bodies: they start after the newline token that ends the line holding their operators. */
final class HereDocs {

    /** A heredoc whose operator has been read: {@code operator} is the original offset of its {@code <<}. */
    record Pending(int operator, String delimiter, boolean stripTabs, boolean expands) {
    }

    private HereDocs() {
    }

    /** Called with the cursor just past a newline token: reads each pending body in order and moves past it. */
    static void readBodies(Cursor in) {
        if (in.pending.isEmpty()) {
            return;
        }
        // Copied first: reading an expanding body parses its substitutions, which may announce heredocs of their own.
        List<Pending> todo = List.copyOf(in.pending);
        in.pending.clear();
        for (Pending p : todo) {
            read(in, p);
        }
    }

    private static void read(Cursor in, Pending p) {
        int bodyStart = in.pos;
        StringBuilder body = new StringBuilder();
        int line = in.pos;
        while (line < in.end) {
            // An unquoted body joins backslash-newline lines before comparing with the delimiter, as bash does.
            StringBuilder logical = new StringBuilder();
            int next = line;
            while (true) {
                int stop = lineEnd(in, next);
                String text = in.src.substring(next, stop);
                if (p.stripTabs()) {
                    text = stripTabs(text);
                }
                if (p.expands() && stop < in.end && oddTrailingBackslashes(text)) {
                    logical.append(text, 0, text.length() - 1);
                    next = stop + 1;
                    continue;
                }
                logical.append(text);
                next = stop < in.end ? stop + 1 : in.end;
                break;
            }
            if (logical.toString().equals(p.delimiter())) {
                store(in, p, body, bodyStart, line);
                in.pos = next;
                in.lastEnd = next;
                return;
            }
            appendLines(in, p, body, line, next);
            line = next;
        }
        // The body took the rest of the input, so nothing is left to parse: halt before reading the body's
        // expansions, which would otherwise nest one more unterminated heredoc per level.
        in.ctx.halt("heredoc delimited by '" + p.delimiter() + "' at offset " + p.operator() + " is not terminated");
        store(in, p, body, bodyStart, in.end);
        in.pos = in.end;
        in.lastEnd = in.end;
    }

    private static void store(Cursor in, Pending p, StringBuilder body, int start, int stop) {
        String text = body.toString();
        List<WordPart> parts = p.expands() && !in.ctx.halted()
                ? in.words.hereDocParts(start, stop)
                : List.of(new WordPart.Literal(text,
                        p.expands() ? WordPart.Quoting.DOUBLE : WordPart.Quoting.SINGLE));
        in.ctx.foundBodies.put(p.operator(), new Redirect.HereDoc(text, p.expands(), in.span(start, stop), parts));
    }

    private static void appendLines(Cursor in, Pending p, StringBuilder body, int from, int to) {
        if (!p.stripTabs()) {
            body.append(in.src, from, to);
            return;
        }
        int i = from;
        while (i < to) {
            int stop = lineEnd(in, i);
            body.append(stripTabs(in.src.substring(i, stop)));
            if (stop < to) {
                body.append('\n');
            }
            i = stop + 1;
        }
    }

    private static int lineEnd(Cursor in, int from) {
        int i = from;
        while (i < in.end && in.src.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static String stripTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean oddTrailingBackslashes(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
