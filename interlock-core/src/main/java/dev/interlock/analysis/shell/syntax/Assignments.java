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

    /**
     * What may start a simple command: an {@link Assignment} ({@code NAME=value}, {@code NAME+=value},
     * {@code NAME[sub]=value}, {@code NAME=(…)}), or the {@link Word} bash reads from {@code NAME[…]} when no
     * {@code =} follows; null, with the cursor unmoved, for anything else.
     */
    Record read() {
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
        List<WordPart> subscript = List.of();
        if (i < in.end && s.charAt(i) == '[') {
            // Here bash reads NAME[…] as one unit up to the matching ], blanks, ; and # included: `a[ #]; rm x`
            // runs rm. Substitutions in the subscript run too, so they are kept.
            Parts parts = new Parts();
            parts.literal(name, WordPart.Quoting.NONE);
            in.pos = i;
            words.bracket(parts, start);
            if (!in.startsWith("=") && !in.startsWith("+=")) {
                return words.continueWord(start, parts);
            }
            i = in.pos;
            name = s.substring(start, i);
            subscript = parts.done();
        }
        boolean append = i < in.end && s.charAt(i) == '+';
        if (append) {
            i++;
        }
        if (i >= in.end || s.charAt(i) != '=') {
            in.pos = start;
            return null;
        }
        in.advance(i + 1 - in.pos);
        Word value;
        List<Word> elements = null;
        if (in.peek() == '(') {
            elements = new ArrayList<>();
            value = array(elements);
        } else if (words.ends(in.peek())) {
            value = words.empty();
        } else {
            value = words.read(Words.Mode.NORMAL);
        }
        if (subscript.stream().anyMatch(p -> !(p instanceof WordPart.Literal))) {
            Parts parts = new Parts();
            parts.addAll(value.parts());
            parts.addHidden(subscript);
            value = new Word(parts.done(), value.raw(), value.span());
        }
        return new Assignment(name, value, in.span(start, in.lastEnd), java.util.Optional.ofNullable(elements), append);
    }

    /** True at {@code NAME=(} or {@code NAME+=(}: an array argument of {@code declare}, {@code local} and the like. */
    boolean arrayAhead() {
        String s = in.src;
        int i = in.pos;
        if (in.ctx.halted() || i >= in.end || !Scan.isNameStart(s.charAt(i))) {
            return false;
        }
        while (i < in.end && Scan.isNameChar(s.charAt(i))) {
            i++;
        }
        if (i < in.end && s.charAt(i) == '+') {
            i++;
        }
        return i + 1 < in.end && s.charAt(i) == '=' && s.charAt(i + 1) == '(';
    }

    /** An array assignment given as an argument, as one word: {@code NAME=} then the array's parts. */
    Word arrayArgument() {
        int start = in.pos;
        Assignment a = (Assignment) read();
        Parts parts = new Parts();
        parts.literal(in.src.substring(start, in.src.indexOf('=', start) + 1), WordPart.Quoting.NONE);
        parts.addAll(a.value().parts());
        return new Word(parts.done(), in.raw(a.span()), a.span());
    }

    /** {@code (a b c)}: kept as raw text, plus any substitutions in the elements (they run at assignment); the words go to {@code elements}. */
    private Word array(List<Word> elements) {
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
            elements.add(w);
        }
        Span span = in.span(start, in.lastEnd);
        List<WordPart> parts = new ArrayList<>();
        parts.add(new WordPart.Literal(in.raw(span), WordPart.Quoting.NONE));
        parts.addAll(hidden.done());
        return new Word(parts, in.raw(span), span);
    }
}
