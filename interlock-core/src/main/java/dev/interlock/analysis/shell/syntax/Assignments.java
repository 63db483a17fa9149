package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;

/** Reads assignments, which bash only recognizes before the command name. */
final class Assignments {

    private final Cursor in;
    private final Words words;

    Assignments(Cursor in, Words words) {
        this.in = in;
        this.words = words;
    }

    /** {@code NAME=value}, {@code NAME+=value}, {@code NAME[sub]=value}, {@code NAME=(…)}; null (cursor unmoved) otherwise. */
    Assignment read() {
        int start = in.pos;
        String s = in.src;
        int i = start;
        if (in.ctx.halted() || i >= in.end || !Scan.isNameStart(s.charAt(i))) {
            return null;
        }
        while (i < in.end && Scan.isNameChar(s.charAt(i))) {
            i++;
        }
        String name = s.substring(start, i);
        if (i < in.end && s.charAt(i) == '[') {
            // Only plain subscripts: one holding $ or ` runs code when evaluated, so it stays a (dynamic) word.
            int j = i + 1;
            while (j < in.end && s.charAt(j) != ']' && !Cursor.isMeta(s.charAt(j)) && "$`'\"\\".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            if (j >= in.end || s.charAt(j) != ']') {
                return null;
            }
            i = j + 1;
            name = s.substring(start, i);
        }
        if (i < in.end && s.charAt(i) == '+') {
            i++;
        }
        if (i >= in.end || s.charAt(i) != '=') {
            return null;
        }
        in.advance(i + 1 - in.pos);
        Word value;
        if (in.peek() == '(') {
            value = array();
        } else if (words.ends(in.peek())) {
            value = words.empty();
        } else {
            value = words.read(Words.Mode.NORMAL);
        }
        return new Assignment(name, value, in.span(start, in.lastEnd));
    }

    /** {@code (a b c)}: kept as raw text, plus any substitutions in the elements (they run at assignment). */
    private Word array() {
        int start = in.pos;
        in.advance(1);
        Parts hidden = new Parts();
        while (true) {
            in.skipLinebreaks();
            if (in.peek() == ')') {
                in.advance(1);
                break;
            }
            if (in.atEnd()) {
                in.ctx.halt("unterminated array assignment at offset " + in.orig(start));
                break;
            }
            Word w = words.read(Words.Mode.NORMAL);
            if (w == null) {
                in.ctx.problem("unexpected '" + (char) in.peek() + "' in array at offset " + in.orig(in.pos));
                break;
            }
            hidden.addHidden(w.parts());
        }
        Span span = in.span(start, in.lastEnd);
        List<WordPart> parts = new ArrayList<>();
        parts.add(new WordPart.Literal(in.raw(span), WordPart.Quoting.NONE));
        parts.addAll(hidden.done());
        return new Word(parts, in.raw(span), span);
    }
}
