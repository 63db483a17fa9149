package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;

import dev.interlock.analysis.shell.syntax.WordPart.Quoting;

/** Reads words: quoting, escapes, expansions and substitutions, with quote removal done. */
final class Words {

    /** NORMAL words end at blanks and operators; ARITH words (inside {@code ((…))}) only at blanks. */
    enum Mode { NORMAL, ARITH }

    private final Cursor in;
    private final Expansions expansions;

    Words(Cursor in, Parser parser) {
        this.in = in;
        this.expansions = new Expansions(in, parser, this);
    }

    /** True when {@code c} at the cursor ends an unquoted word; {@code <(} and {@code >(} continue it. */
    boolean ends(int c) {
        return c < 0 || (Cursor.isMeta(c) && !((c == '<' || c == '>') && in.peek(1) == '('));
    }

    /** The word at the cursor, or null when the cursor is at an operator, a blank or the end. */
    Word read(Mode mode) {
        return read(mode, in.pos, new Parts());
    }

    /** The rest of a word begun at {@code start} whose first parts are already in {@code parts}. */
    Word continueWord(int start, Parts parts) {
        return read(Mode.NORMAL, start, parts);
    }

    private Word read(Mode mode, int start, Parts parts) {
        while (!in.atEnd()) {
            int c = in.peek();
            if (mode == Mode.ARITH ? Cursor.isBlank(c) || c == '\n' : ends(c)) {
                break;
            }
            switch (c) {
                case '\\' -> escape(parts);
                case '\'' -> single(parts);
                case '"' -> doubleQuoted(parts);
                case '$' -> parts.addAll(expansions.dollar(false));
                case '`' -> parts.add(expansions.backtick(false));
                case '<', '>' -> {
                    if (mode == Mode.NORMAL && in.peek(1) == '(') {
                        parts.add(expansions.process());
                    } else {
                        parts.literal((char) c, Quoting.NONE);
                        in.pos++;
                    }
                }
                default -> {
                    parts.literal((char) c, Quoting.NONE);
                    in.pos++;
                }
            }
        }
        if (in.pos == start) {
            return null;
        }
        in.lastEnd = in.pos;
        in.ctx.countWord(in.orig(start));
        Span span = in.span(start, in.pos);
        return new Word(parts.done(), in.raw(span), span);
    }

    /**
     * From {@code [} to its matching {@code ]}, the way bash reads a subscript before the command name: quotes and
     * substitutions as usual, everything else (blanks, newlines, {@code ;}, {@code #}) literal.
     */
    void bracket(Parts parts, int wordStart) {
        int depth = 0;
        while (!in.atEnd()) {
            int c = in.peek();
            switch (c) {
                case '\\' -> escape(parts);
                case '\'' -> single(parts);
                case '"' -> doubleQuoted(parts);
                case '$' -> parts.addAll(expansions.dollar(false));
                case '`' -> parts.add(expansions.backtick(false));
                default -> {
                    depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                    parts.literal((char) c, Quoting.NONE);
                    in.pos++;
                    if (depth == 0) {
                        return;
                    }
                }
            }
        }
        in.ctx.halt("unterminated [ at offset " + in.orig(wordStart));
    }

    Word empty() {
        return new Word(List.of(), "", in.span(in.pos, in.pos));
    }

    /** Words of an arithmetic text between {@code from} and {@code to}; the cursor is left at {@code to}. */
    List<Word> arithWords(int from, int to) {
        int savedEnd = in.end;
        List<Word> out = new ArrayList<>();
        in.end = to;
        in.pos = from;
        try {
            while (true) {
                while (!in.atEnd() && (Cursor.isBlank(in.peek()) || in.peek() == '\n'
                        || (in.peek() == '\\' && in.peek(1) == '\n'))) {
                    in.pos += in.peek() == '\\' ? 2 : 1;
                }
                if (in.atEnd()) {
                    break;
                }
                Word w = read(Mode.ARITH);
                if (w == null) {
                    in.pos++;
                } else {
                    out.add(w);
                }
            }
        } finally {
            in.end = savedEnd;
        }
        in.pos = to;
        return out;
    }

    /** The parts of an expanding heredoc body in {@code [from, to)}: like double-quoted text, but {@code "} is plain. */
    List<WordPart> hereDocParts(int from, int to) {
        int savedPos = in.pos;
        int savedEnd = in.end;
        in.pos = from;
        in.end = to;
        in.ctx.enter(in.orig(from));
        Parts parts = new Parts();
        try {
            while (!in.atEnd()) {
                int c = in.peek();
                int n = in.peek(1);
                if (c == '\\' && n == '\n') {
                    in.pos += 2;
                } else if (c == '\\' && (n == '$' || n == '`' || n == '\\')) {
                    parts.literal((char) n, Quoting.DOUBLE);
                    in.pos += 2;
                } else if (c == '$') {
                    parts.addAll(expansions.dollar(true));
                } else if (c == '`') {
                    parts.add(expansions.backtick(true));
                } else {
                    parts.literal((char) c, Quoting.DOUBLE);
                    in.pos++;
                }
            }
        } finally {
            in.ctx.leave();
            in.pos = savedPos;
            in.end = savedEnd;
        }
        return parts.done();
    }

    private void escape(Parts parts) {
        int n = in.peek(1);
        if (n == '\n') {
            in.pos += 2;
        } else if (n < 0) {
            parts.literal('\\', Quoting.NONE);
            in.pos++;
        } else {
            parts.literal((char) n, Quoting.ESCAPED);
            in.pos += 2;
        }
    }

    void single(Parts parts) {
        int close = in.src.indexOf('\'', in.pos + 1);
        if (close < 0 || close >= in.end) {
            in.ctx.halt("unterminated single quote at offset " + in.orig(in.pos));
            parts.literal(in.src.substring(in.pos + 1, in.end), Quoting.SINGLE);
            in.pos = in.end;
            return;
        }
        parts.literal(in.src.substring(in.pos + 1, close), Quoting.SINGLE);
        in.pos = close + 1;
    }

    /** From an opening {@code "} to its close. */
    void doubleQuoted(Parts parts) {
        int open = in.pos;
        in.pos++;
        boolean any = false;
        while (true) {
            if (in.atEnd()) {
                in.ctx.halt("unterminated double quote at offset " + in.orig(open));
                in.pos = in.end;
                return;
            }
            int c = in.peek();
            if (c == '"') {
                in.pos++;
                if (!any) {
                    parts.literal("", Quoting.DOUBLE);
                }
                return;
            }
            any = true;
            if (c == '\\') {
                int n = in.peek(1);
                if (n == '\n') {
                    in.pos += 2;
                } else if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    parts.literal((char) n, Quoting.DOUBLE);
                    in.pos += 2;
                } else {
                    parts.literal('\\', Quoting.DOUBLE);
                    in.pos++;
                }
            } else if (c == '$') {
                parts.addAll(expansions.dollar(true));
            } else if (c == '`') {
                parts.add(expansions.backtick(true));
            } else {
                parts.literal((char) c, Quoting.DOUBLE);
                in.pos++;
            }
        }
    }

}
