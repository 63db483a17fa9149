package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;

/** Collects the parts of a word, merging adjacent literal text that shares a quoting. */
final class Parts {

    private final List<WordPart> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private WordPart.Quoting quoting;

    void literal(CharSequence s, WordPart.Quoting q) {
        if (quoting != q) {
            flush();
            quoting = q;
        }
        text.append(s);
    }

    void literal(char c, WordPart.Quoting q) {
        if (quoting != q) {
            flush();
            quoting = q;
        }
        text.append(c);
    }

    void add(WordPart part) {
        flush();
        parts.add(part);
    }

    void addAll(List<WordPart> more) {
        more.forEach(this::add);
    }

    /** Adds the substitutions found among {@code more}: they run even where the text around them is kept raw. */
    void addHidden(List<WordPart> more) {
        for (WordPart p : more) {
            if (p instanceof WordPart.CommandSubstitution || p instanceof WordPart.ProcessSubstitution) {
                add(p);
            }
        }
    }

    List<WordPart> done() {
        flush();
        return parts;
    }

    private void flush() {
        if (quoting != null) {
            parts.add(new WordPart.Literal(text.toString(), quoting));
            text.setLength(0);
            quoting = null;
        }
    }
}
