package dev.interlock.analysis.sql;

import dev.interlock.analysis.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements the way the server (or its command-line client) would, under one dialect's rules.
 * The split is ours, not JSqlParser's, because it must never be fooled: one unparseable statement must not hide the
 * statements after it, and each statement needs its offsets for evidence. Every top-level {@code ;} ends a statement,
 * even inside parentheses, so the split errs towards more statements, never fewer.
 */
final class SqlLexer {

    /** One statement: its span in the input, the text to hand the parser (comments blanked) and its tokens. */
    record Piece(int start, int end, String parseText, List<SqlToken> tokens) {}

    private final String in;
    private final SqlDialect d;
    /** A copy of the input with comments (and MySQL's executable-comment markers) overwritten by spaces. */
    private final char[] clean;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;
    private int execCommentDepth;

    private SqlLexer(String input, SqlDialect dialect) {
        this.in = input;
        this.d = dialect;
        this.clean = input.toCharArray();
    }

    static List<Piece> split(String input, SqlDialect dialect) {
        SqlLexer lexer = new SqlLexer(input, dialect);
        lexer.run();
        return lexer.pieces();
    }

    private List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        String cleaned = new String(clean);
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken t : tokens) {
            if (t.kind() == Kind.SEMICOLON) {
                flush(current, cleaned, out);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        flush(current, cleaned, out);
        return out;
    }

    private static void flush(List<SqlToken> current, String cleaned, List<Piece> out) {
        if (current.isEmpty()) {
            return;
        }
        int s = current.getFirst().start();
        int e = current.getLast().end();
        out.add(new Piece(s, e, cleaned.substring(s, e), List.copyOf(current)));
    }

    private void run() {
        int n = in.length();
        while (pos < n) {
            char c = in.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-' && (!d.mysqlComments || isBlankOrEnd(pos + 2))) {
                // MySQL needs a space after "--": "SELECT 1 --1; DROP TABLE x" runs the DROP there.
                lineComment();
            } else if (c == '#' && d.mysqlComments) {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '*' && peek(1) == '/' && execCommentDepth > 0) {
                blank(pos, pos + 2);
                execCommentDepth--;
                pos += 2;
            } else if (c == '\'') {
                quoted('\'', d.backslashEscapes || escapeStringPrefix(), Kind.STRING);
            } else if (c == '"') {
                quoted('"', d.backslashEscapes, d.isMysql() ? Kind.STRING : Kind.IDENTIFIER);
            } else if (c == '`' && d.backtickIdentifiers) {
                quoted('`', false, Kind.IDENTIFIER);
            } else if (c == '[' && d.bracketIdentifiers) {
                bracketed();
            } else if (c == '$' && d.dollarQuotes && dollarQuote()) {
                // consumed by dollarQuote
            } else if (c == ';') {
                add(Kind.SEMICOLON, ";", pos, pos + 1);
                pos++;
            } else if (Character.isDigit(c)) {
                int s = pos;
                while (pos < n && (Character.isLetterOrDigit(in.charAt(pos)) || in.charAt(pos) == '.')) {
                    pos++;
                }
                add(Kind.NUMBER, in.substring(s, pos), s, pos);
            } else if (isWordChar(c)) {
                int s = pos;
                while (pos < n && (isWordChar(in.charAt(pos)) || Character.isDigit(in.charAt(pos)) || in.charAt(pos) == '$')) {
                    pos++;
                }
                add(Kind.WORD, in.substring(s, pos), s, pos);
            } else {
                add(Kind.SYMBOL, String.valueOf(c), pos, pos + 1);
                pos++;
            }
        }
    }

    private void lineComment() {
        int s = pos;
        while (pos < in.length() && in.charAt(pos) != '\n') {
            pos++;
        }
        blank(s, pos);
    }

    private void blockComment() {
        int s = pos;
        boolean mariadb = peek(2) == 'M' && peek(3) == '!';
        if (d.mysqlComments && (peek(2) == '!' || mariadb)) {
            // MySQL executes "/*!50000 DROP TABLE x */" (MariaDB also "/*M!…"): markers are dropped, content is code.
            pos += mariadb ? 4 : 3;
            while (pos < in.length() && Character.isDigit(in.charAt(pos))) {
                pos++;
            }
            blank(s, pos);
            execCommentDepth++;
            return;
        }
        int depth = 0;
        while (pos < in.length()) {
            if (in.startsWith("/*", pos)) {
                depth = d.nestedComments || depth == 0 ? depth + 1 : depth;
                pos += 2;
            } else if (in.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                pos++;
            }
        }
        blank(s, pos);
    }

    /** A quoted string or identifier; the closing quote may be doubled, and backslash escapes it where the dialect says so. */
    private void quoted(char q, boolean backslash, Kind kind) {
        int s = pos++;
        StringBuilder text = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (backslash && c == '\\' && pos + 1 < in.length()) {
                text.append(in.charAt(pos + 1));
                pos += 2;
            } else if (c == q && peek(1) == q) {
                text.append(q);
                pos += 2;
            } else if (c == q) {
                pos++;
                break;
            } else {
                text.append(c);
                pos++;
            }
        }
        add(kind, text.toString(), s, pos);
    }

    private void bracketed() {
        int s = pos;
        int close = in.indexOf(']', pos + 1);
        pos = close < 0 ? in.length() : close + 1;
        add(Kind.IDENTIFIER, in.substring(s + 1, Math.max(s + 1, pos - 1)), s, pos);
    }

    /** PostgreSQL {@code $tag$…$tag$}; {@code $1} is a parameter and {@code a$b} an identifier, not a quote. */
    private boolean dollarQuote() {
        int n = in.length();
        int i = pos + 1;
        while (i < n && (isWordChar(in.charAt(i)) || (i > pos + 1 && Character.isDigit(in.charAt(i))))) {
            i++;
        }
        if (i >= n || in.charAt(i) != '$') {
            return false;
        }
        String tag = in.substring(pos, i + 1);
        int close = in.indexOf(tag, i + 1);
        int end = close < 0 ? n : close + tag.length();
        add(Kind.STRING, in.substring(i + 1, close < 0 ? n : close), pos, end);
        pos = end;
        return true;
    }

    /** PostgreSQL E'…' strings honour backslash escapes even with standard_conforming_strings on. */
    private boolean escapeStringPrefix() {
        if (tokens.isEmpty()) {
            return false;
        }
        SqlToken last = tokens.getLast();
        return last.end() == pos && last.kind() == Kind.WORD && last.text().equalsIgnoreCase("e");
    }

    private void add(Kind kind, String text, int s, int e) {
        tokens.add(new SqlToken(kind, text, s, e));
    }

    private void blank(int s, int e) {
        for (int i = s; i < e && i < clean.length; i++) {
            if (clean[i] != '\n') {
                clean[i] = ' ';
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < in.length() ? in.charAt(i) : '\0';
    }

    private boolean isBlankOrEnd(int i) {
        return i >= in.length() || Character.isWhitespace(in.charAt(i)) || Character.isISOControl(in.charAt(i));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '_';
    }
}
