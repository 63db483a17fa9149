package dev.interlock.analysis.shell.syntax;

import java.util.List;
import java.util.Optional;

/** A shell word: its parts after quote removal, and where it stood in the source ({@code raw} is the text as written). */
public record Word(List<WordPart> parts, String raw, Span span) {
    public Word {
        parts = List.copyOf(parts);
    }

    /** The word's value when it has no expansions; empty when it contains a parameter or substitution. */
    public Optional<String> literal() {
        StringBuilder out = new StringBuilder();
        for (WordPart part : parts) {
            if (part instanceof WordPart.Literal lit) {
                out.append(lit.text());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    /** True when an unquoted {@code *}, {@code ?} or {@code [} makes this word a glob pattern. */
    public boolean glob() {
        for (WordPart part : parts) {
            if (part instanceof WordPart.Literal lit && lit.quoting() == WordPart.Quoting.NONE
                    && (lit.text().indexOf('*') >= 0 || lit.text().indexOf('?') >= 0 || lit.text().indexOf('[') >= 0)) {
                return true;
            }
        }
        return false;
    }
}
