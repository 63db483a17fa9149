package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;

import dev.interlock.analysis.shell.syntax.WordPart.Quoting;

/** Reads words: quoting, escapes, expansions and substitutions, with quote removal done. */
final class Words {

    /** NORMAL words end at blanks and operators; ARITH words (inside {@code ((…))}) only at blanks. */
    enum Mode { NORMAL, ARITH }

    private final Cursor in;
    private final Parser parser;

    Words(Cursor in, Parser parser) {
        this.in = in;
        this.parser = parser;
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
                case '$' -> parts.addAll(dollar(false));
                case '`' -> parts.add(backtick(false));
                case '<', '>' -> {
                    if (mode == Mode.NORMAL && in.peek(1) == '(') {
                        parts.add(process());
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
                case '$' -> parts.addAll(dollar(false));
                case '`' -> parts.add(backtick(false));
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
                    parts.addAll(dollar(true));
                } else if (c == '`') {
                    parts.add(backtick(true));
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

    private void single(Parts parts) {
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
    private void doubleQuoted(Parts parts) {
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
                parts.addAll(dollar(true));
            } else if (c == '`') {
                parts.add(backtick(true));
            } else {
                parts.literal((char) c, Quoting.DOUBLE);
                in.pos++;
            }
        }
    }

    /** Everything that starts with {@code $}; a lone {@code $} is literal. */
    private List<WordPart> dollar(boolean quoted) {
        int n = in.peek(1);
        if (!quoted && n == '\'') {
            AnsiC.Decoded d = AnsiC.decode(in.src, in.pos + 2, in.end);
            if (d.close() < 0) {
                in.ctx.halt("unterminated $' quote at offset " + in.orig(in.pos));
                in.pos = in.end;
            } else {
                in.pos = d.close() + 1;
            }
            return List.of(new WordPart.Literal(d.text(), Quoting.ANSI_C));
        }
        if (!quoted && n == '"') {
            Parts p = new Parts();
            in.pos++;
            doubleQuoted(p);
            return p.done();
        }
        if (n == '(') {
            if (in.peek(2) == '(') {
                int close = Scan.arithEnd(in.src, in.pos + 3, in.end);
                if (close >= 0) {
                    return arithmetic(close);
                }
            }
            return List.of(commandSubstitution(quoted));
        }
        if (n == '{') {
            return braced(quoted);
        }
        if (Scan.isNameStart(n)) {
            int j = in.pos + 1;
            while (j < in.end && Scan.isNameChar(in.src.charAt(j))) {
                j++;
            }
            String name = in.src.substring(in.pos + 1, j);
            in.pos = j;
            return List.of(new WordPart.Parameter(name, name, quoted));
        }
        if ((n >= '0' && n <= '9') || Scan.isSpecialParam(n)) {
            String name = String.valueOf((char) n);
            in.pos += 2;
            return List.of(new WordPart.Parameter(name, name, quoted));
        }
        in.pos++;
        return List.of(new WordPart.Literal("$", quoted ? Quoting.DOUBLE : Quoting.NONE));
    }

    private List<WordPart> arithmetic(int close) {
        int from = in.pos + 3;
        in.ctx.enter(in.orig(in.pos));
        try {
            Parts parts = new Parts();
            parts.add(new WordPart.Arithmetic(in.src.substring(from, close)));
            for (Word w : arithWords(from, close)) {
                parts.addHidden(w.parts());
            }
            in.pos = Math.min(close + 2, in.end);
            return parts.done();
        } finally {
            in.ctx.leave();
        }
    }

    private WordPart commandSubstitution(boolean quoted) {
        int start = in.pos;
        in.pos += 2;
        in.ctx.enter(in.orig(start));
        try {
            Script script = substitutionBody();
            closeParen("$(", start);
            return new WordPart.CommandSubstitution(script, quoted);
        } finally {
            in.ctx.leave();
        }
    }

    private WordPart process() {
        int start = in.pos;
        boolean output = in.peek() == '>';
        in.pos += 2;
        in.ctx.enter(in.orig(start));
        try {
            Script script = substitutionBody();
            closeParen(output ? ">(" : "<(", start);
            return new WordPart.ProcessSubstitution(script, output);
        } finally {
            in.ctx.leave();
        }
    }

    /**
     * The list inside {@code $(…)} or {@code <(…)}. Bash parses it on its own: a newline inside reads only the
     * heredocs announced inside, while those announced before it on the outer line wait for the outer newline.
     * Heredocs still open at the {@code )} are read at the outer newline, as bash does.
     */
    private Script substitutionBody() {
        List<HereDocs.Pending> outer = new ArrayList<>(in.pending);
        in.pending.clear();
        try {
            return parser.list(Parser.PAREN);
        } finally {
            List<HereDocs.Pending> inner = new ArrayList<>(in.pending);
            in.pending.clear();
            in.pending.addAll(outer);
            in.pending.addAll(inner);
        }
    }

    private void closeParen(String what, int start) {
        if (in.peek() == ')') {
            in.pos++;
        } else {
            in.ctx.halt("unterminated " + what + " at offset " + in.orig(start));
        }
    }

    /** {@code ${…}}: the text inside is kept as the expression; substitutions inside it are added after it. */
    private List<WordPart> braced(boolean quoted) {
        int start = in.pos;
        in.pos += 2;
        in.ctx.enter(in.orig(start));
        try {
            Parts inner = new Parts();
            int from = in.pos;
            int braces = 0;
            while (!in.atEnd() && (in.peek() != '}' || braces > 0)) {
                int c = in.peek();
                if (c == '\\') {
                    in.pos = Math.min(in.end, in.pos + 2);
                } else if (c == '\'' && !quoted) {
                    single(inner);
                } else if (c == '\'') {
                    quotedSingle(inner, start);
                } else if (c == '"') {
                    doubleQuoted(inner);
                } else if (c == '$') {
                    inner.addAll(dollar(quoted));
                } else if (c == '`') {
                    inner.add(backtick(quoted));
                } else {
                    braces += c == '{' ? 1 : c == '}' ? -1 : 0;
                    in.pos++;
                }
            }
            if (in.atEnd()) {
                in.ctx.halt("unterminated ${ at offset " + in.orig(start));
            }
            String expr = in.src.substring(from, Math.min(in.pos, in.end));
            in.pos = Math.min(in.pos + 1, in.end);
            Parts parts = new Parts();
            parts.add(new WordPart.Parameter(Scan.paramName(expr), expr, quoted));
            parts.addHidden(inner.done());
            return parts.done();
        } finally {
            in.ctx.leave();
        }
    }

    /**
     * {@code '…'} inside a double-quoted {@code ${…}}: bash matches the braces past it, yet still expands what it
     * holds ({@code "${x:-'$(id)'}"} runs id), so its text is read like a heredoc body.
     */
    private void quotedSingle(Parts inner, int braceStart) {
        int close = in.src.indexOf('\'', in.pos + 1);
        if (close < 0 || close >= in.end) {
            in.ctx.halt("unterminated ' in ${ at offset " + in.orig(braceStart));
            in.pos = in.end;
            return;
        }
        inner.addAll(hereDocParts(in.pos + 1, close));
        in.pos = close + 1;
    }

    /** {@code `…`}: the body is unescaped per POSIX into its own text, then parsed with offsets mapped back. */
    private WordPart backtick(boolean quoted) {
        int open = in.pos;
        StringBuilder body = new StringBuilder();
        int[] map = new int[16];
        int j = open + 1;
        while (j < in.end && in.src.charAt(j) != '`') {
            char c = in.src.charAt(j);
            int at = in.orig(j);
            if (c == '\\' && j + 1 < in.end) {
                char n = in.src.charAt(j + 1);
                if (n == '$' || n == '`' || n == '\\' || (quoted && n == '"')) {
                    j++;
                    c = n;
                }
            }
            if (body.length() + 1 >= map.length) {
                map = java.util.Arrays.copyOf(map, map.length * 2);
            }
            map[body.length()] = at;
            body.append(c);
            j++;
        }
        if (j >= in.end) {
            in.ctx.halt("unterminated ` at offset " + in.orig(open));
            in.pos = in.end;
            return new WordPart.CommandSubstitution(
                    new Script(List.of(), List.of(), false, in.span(open, in.end)), quoted);
        }
        map[body.length()] = in.orig(j);
        in.pos = j + 1;
        in.ctx.enter(in.orig(open));
        try {
            return new WordPart.CommandSubstitution(
                    Parser.inner(in.ctx, body.toString(), java.util.Arrays.copyOf(map, body.length() + 1)), quoted);
        } finally {
            in.ctx.leave();
        }
    }
}
