package dev.interlock.analysis.sql;

import java.util.Locale;

/** One lexical token of a statement; comments never become tokens. {@code text} is unquoted for identifiers and strings. */
record SqlToken(Kind kind, String text, int start, int end) {
    enum Kind { WORD, IDENTIFIER, STRING, NUMBER, SYMBOL, SEMICOLON }

    /** The keyword this token spells, upper case; empty for anything that is not a bare word. */
    String keyword() {
        return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : "";
    }

    /** A name as the server would resolve it: bare words and quoted identifiers alike. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.IDENTIFIER;
    }
}
