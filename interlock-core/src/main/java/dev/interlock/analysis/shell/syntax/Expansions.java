package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.interlock.analysis.shell.syntax.WordPart.Quoting;

/** Expansions inside words: parameters, arithmetic, command and process substitution, backticks. */
final class Expansions {

    private final Cursor in;
    private final Parser parser;
    private final Words words;

    Expansions(Cursor in, Parser parser, Words words) {
        this.in = in;
        this.parser = parser;
        this.words = words;
    }

    /** Everything that starts with {@code $}; a lone {@code $} is literal. */
    List<WordPart> dollar(boolean quoted) {
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
            words.doubleQuoted(p);
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
            for (Word w : words.arithWords(from, close)) {
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

    WordPart process() {
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
                    words.single(inner);
                } else if (c == '\'') {
                    quotedSingle(inner, start);
                } else if (c == '"') {
                    words.doubleQuoted(inner);
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
        inner.addAll(words.hereDocParts(in.pos + 1, close));
        in.pos = close + 1;
    }

    /** {@code `…`}: the body is unescaped per POSIX into its own text, then parsed with offsets mapped back. */
    WordPart backtick(boolean quoted) {
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
                map = Arrays.copyOf(map, map.length * 2);
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
                    Parser.inner(in.ctx, body.toString(), Arrays.copyOf(map, body.length() + 1)), quoted);
        } finally {
            in.ctx.leave();
        }
    }
}
