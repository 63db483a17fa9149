package dev.interlock.analysis.sql;

import dev.interlock.analysis.sql.SqlToken.Kind;
import java.util.List;
import java.util.Set;

/**
 * A statement's tokens with the lookups the keyword rules need. Only bare words count as keywords, so
 * {@code SELECT 'DROP TABLE x'} and {@code "drop"} never look like a DROP. Depth is parenthesis depth.
 */
final class SqlWords {
    private final List<SqlToken> tokens;
    /** Parenthesis depth of each token, computed once so that lookups from any index stay linear. */
    private final int[] depth;

    SqlWords(List<SqlToken> tokens) {
        this.tokens = tokens;
        this.depth = new int[tokens.size()];
        int d = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (isSymbol(i, ")")) {
                d = Math.max(0, d - 1);
            }
            depth[i] = d;
            if (isSymbol(i, "(")) {
                d++;
            }
        }
    }

    List<SqlToken> tokens() {
        return tokens;
    }

    int depth(int i) {
        return i >= 0 && i < depth.length ? depth[i] : 0;
    }

    /** A possibly qualified name ({@code db.schema.table}) and the index after it. */
    record Name(String text, int next) {}

    int size() {
        return tokens.size();
    }

    String kw(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).keyword() : "";
    }

    boolean isSymbol(int i, String s) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.SYMBOL && tokens.get(i).text().equals(s);
    }

    /** Any bare word in the statement, at any depth. */
    boolean has(String... keywords) {
        Set<String> wanted = Set.of(keywords);
        for (SqlToken t : tokens) {
            if (wanted.contains(t.keyword())) {
                return true;
            }
        }
        return false;
    }

    /** The first occurrence of a keyword outside parentheses, from {@code from}; -1 when there is none. */
    int topLevel(String keyword, int from) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (depth[i] == 0 && kw(i).equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasTopLevel(String keyword) {
        return topLevel(keyword, 0) >= 0;
    }

    /** The index of the parenthesis closing the one at {@code open}; the end when unbalanced. */
    int closing(int open) {
        for (int i = open + 1; i < tokens.size(); i++) {
            if (isSymbol(i, ")") && depth[i] == depth(open)) {
                return i;
            }
        }
        return tokens.size();
    }

    SqlWords sub(int from, int to) {
        int f = Math.max(0, Math.min(from, tokens.size()));
        return new SqlWords(tokens.subList(f, Math.max(f, Math.min(to, tokens.size()))));
    }

    /** Skips the given optional keywords in order (e.g. IF, EXISTS) wherever they appear next. */
    int skip(int i, String... optional) {
        int j = i;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String o : optional) {
                if (kw(j).equals(o)) {
                    j++;
                    moved = true;
                }
            }
        }
        return j;
    }

    /** The dotted name starting at {@code i}, or an empty name when there is none. */
    Name name(int i) {
        StringBuilder sb = new StringBuilder();
        int j = i;
        while (j < tokens.size() && (tokens.get(j).isName() || tokens.get(j).kind() == Kind.STRING && sb.isEmpty() && j == i)) {
            sb.append(tokens.get(j).text());
            j++;
            if (isSymbol(j, ".") && j + 1 < tokens.size() && tokens.get(j + 1).isName()) {
                sb.append('.');
                j++;
            } else {
                break;
            }
        }
        return new Name(sb.toString(), j);
    }

    /** How many comma-separated names follow at {@code i} (DROP TABLE a, b, c). */
    int nameCount(int i) {
        int count = 0;
        int j = i;
        while (true) {
            Name n = name(j);
            if (n.text().isEmpty()) {
                return count;
            }
            count++;
            if (!isSymbol(n.next(), ",")) {
                return count;
            }
            j = n.next() + 1;
        }
    }
}
