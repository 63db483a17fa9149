package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A read position over one text. The top level reads the original source in place; a backtick body is unescaped
 * into its own text, and {@code map} then leads each of its characters back to the original offset.
 */
final class Cursor {

    static final Set<String> RESERVED = Set.of("if", "then", "elif", "else", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "select", "function", "in", "{", "}", "[[", "!", "time");

    final ParseContext ctx;
    final String src;
    private final int[] map;
    int pos;
    int end;
    /** End of the last token consumed: spans stop there, before any blanks that follow. */
    int lastEnd;
    /** Heredocs whose operator was read and whose body starts after the next newline token. */
    final List<HereDocs.Pending> pending = new ArrayList<>();
    /** Reads expanding heredoc bodies; set by the parser that owns this cursor. */
    Words words;

    Cursor(ParseContext ctx, String src, int[] map) {
        this.ctx = ctx;
        this.src = src;
        this.map = map;
        this.end = src.length();
    }

    boolean atEnd() {
        return pos >= end || ctx.halted();
    }

    int peek() {
        return peek(0);
    }

    int peek(int ahead) {
        int i = pos + ahead;
        return i < end && !ctx.halted() ? src.charAt(i) : -1;
    }

    boolean startsWith(String s) {
        return !ctx.halted() && pos + s.length() <= end && src.startsWith(s, pos);
    }

    void advance(int n) {
        pos = Math.min(end, pos + n);
        lastEnd = pos;
    }

    int orig(int i) {
        return map == null ? i : map[Math.min(i, map.length - 1)];
    }

    /** Original offsets of {@code [start, stop)}; an unescaped backtick character maps to where its escape began. */
    Span span(int start, int stop) {
        int s = orig(start);
        return new Span(s, stop > start ? Math.max(s, orig(stop)) : s);
    }

    String raw(Span span) {
        return ctx.source.substring(span.start(), span.end());
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    /** Characters that end an unquoted word. */
    static boolean isMeta(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>';
    }

    /** Skips blanks, line continuations and comments (a {@code #} here is always at a word start), not newlines. */
    void skipBlanks() {
        while (!atEnd()) {
            int c = peek();
            if (isBlank(c)) {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Skips blanks, comments and newline tokens. */
    void skipLinebreaks() {
        while (true) {
            skipBlanks();
            if (peek() != '\n') {
                return;
            }
            newline();
        }
    }

    /** Consumes a newline token; heredoc bodies announced on the line just ended follow it. */
    void newline() {
        pos++;
        lastEnd = pos;
        HereDocs.readBodies(this);
    }

    /** The reserved word at the cursor, if the next token is exactly one; null otherwise. */
    String peekReserved() {
        if (ctx.halted()) {
            return null;
        }
        int j = pos;
        while (j < end && j - pos <= 8 && !isMeta(src.charAt(j))) {
            j++;
        }
        if (j == pos || (j < end && !isMeta(src.charAt(j)))) {
            return null;
        }
        String token = src.substring(pos, j);
        return RESERVED.contains(token) ? token : null;
    }

    boolean atReserved(String word) {
        return word.equals(peekReserved());
    }
}
