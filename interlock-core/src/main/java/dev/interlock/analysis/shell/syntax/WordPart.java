package dev.interlock.analysis.shell.syntax;

/** A piece of a word. Quote removal has been done; {@code $'…'} escapes are decoded. */
public sealed interface WordPart {

    /** How a literal piece was quoted. Unquoted text may contain glob characters and a leading {@code ~}. */
    enum Quoting { NONE, SINGLE, DOUBLE, ANSI_C, ESCAPED }

    /** Plain text. */
    record Literal(String text, Quoting quoting) implements WordPart {
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}}, {@code $1}, {@code $@}; {@code expression} is the text inside. */
    record Parameter(String name, String expression, boolean quoted) implements WordPart {
    }

    /** {@code $(…)} or {@code `…`}. */
    record CommandSubstitution(Script script, boolean quoted) implements WordPart {
    }

    /** {@code <(…)} or {@code >(…)}. */
    record ProcessSubstitution(Script script, boolean output) implements WordPart {
    }

    /** {@code $((…))}. */
    record Arithmetic(String expression) implements WordPart {
    }
}
