package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whole rows of application tables whose names say they hold secrets ({@code api_keys}, {@code oauth_tokens},
 * {@code credentials}): {@code SELECT *}, {@code SELECT k.*} and {@code TABLE api_keys} print every key in clear, so
 * they are credential reads. Counting them or selecting named columns ({@code SELECT id, created_at}) is not; the
 * secret columns a select list names are {@link SqlFunctions}'.
 */
public final class SqlSecretTables {
    private SqlSecretTables() {}

    /** The last word of a table's name (singular) that says each row is a secret: {@code user_passwords}, {@code secrets}. */
    private static final Set<String> SECRET_NOUNS = Set.of("secret", "credential", "password", "passwd", "token", "apikey",
            "keypair");
    /** Two-word endings that say the same: {@code api_keys}, {@code signing_keys}, {@code client_secrets}. */
    private static final Set<String> SECRET_PAIRS = Set.of("api key", "access key", "secret key", "private key", "signing key",
            "encryption key", "master key", "auth key", "license key", "ssh privatekey");
    /** Suffixes ORMs add to a table named after its entity class: {@code credentials_entity}. */
    private static final Set<String> ENTITY_SUFFIXES = Set.of("entity", "entitie");
    /** Tokens that are not credentials: a design system's, a lexer's. */
    private static final Set<String> NOT_SECRET_PAIRS = Set.of("design token", "theme token", "style token", "lexer token",
            "parser token", "search token");
    /** Keywords that end the FROM list of one SELECT. */
    private static final Set<String> FROM_ENDS = Set.of("WHERE", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "INTERSECT",
            "EXCEPT", "WINDOW", "OFFSET", "FETCH", "FOR", "INTO", "RETURNING", "QUALIFY");
    /** Words after a table name that are not its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("ON", "USING", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "NATURAL", "OUTER", "LATERAL", "TABLESAMPLE", "WITH", "AS");

    /**
     * Applications' tables whose secret sits in a column with a plain name: PowerDNS's DNSSEC private keys
     * ({@code cryptokeys.content}) and TSIG secrets, Django REST framework's tokens, Django's session keys, WordPress's
     * password hashes, browsers' cookies and saved passwords. Their other columns (ids, flags, dates) stay reads.
     */
    private static final Map<String, Set<String>> KNOWN_SECRET_COLUMNS = Map.ofEntries(
            Map.entry("cryptokeys", Set.of("content")),
            Map.entry("tsigkeys", Set.of("secret")),
            Map.entry("authtoken_token", Set.of("key")),
            Map.entry("django_session", Set.of("session_key", "session_data")),
            Map.entry("wp_users", Set.of("user_pass", "user_activation_key")),
            // browsers' stores: Chromium's cookie jar and saved passwords (Cookies, Login Data), its saved cards and
            // account tokens (Web Data), Firefox's cookie jar (cookies.sqlite)
            Map.entry("cookies", Set.of("encrypted_value", "value")),
            Map.entry("moz_cookies", Set.of("value")),
            Map.entry("logins", Set.of("password_value")),
            Map.entry("credit_cards", Set.of("card_number_encrypted")),
            Map.entry("token_service", Set.of("encrypted_token")));
    /** In a table whose name says its rows are secrets ({@code api_keys}), the columns that hold the secret itself. */
    private static final Set<String> VALUE_COLUMNS = Set.of("key", "value", "content", "data", "secret", "token", "hash",
            "ciphertext", "encrypted_value", "key_value", "secret_value");

    /** Whether a table's (or a collection's) name says its rows are secrets (the schema does not matter). */
    public static boolean secretTable(String name) {
        String table = name.substring(name.lastIndexOf('.') + 1);
        // split snake_case, kebab-case and camelCase (ApiKeys, "OAuthTokens") into lower-case words
        List<String> words = java.util.Arrays.stream(Regex.split(Regex.replaceAll(table, "([a-z0-9])([A-Z])", "$1_$2")
                        .toLowerCase(Locale.ROOT), "[_\\-\\s]+")).filter(w -> !w.isEmpty()).map(SqlSecretTables::singular).toList();
        if (!words.isEmpty() && ENTITY_SUFFIXES.contains(words.getLast())) {
            // ORM tables named for their entity class (TypeORM's credentials_entity, n8n's): the noun before says what rows are
            words = words.subList(0, words.size() - 1);
        }
        if (words.isEmpty()) {
            return false;
        }
        String last = words.getLast();
        String pair = words.size() > 1 ? words.get(words.size() - 2) + " " + last : "";
        return SECRET_NOUNS.contains(last) && !NOT_SECRET_PAIRS.contains(pair) || SECRET_PAIRS.contains(pair);
    }

    private static String singular(String word) {
        return word.endsWith("s") && word.length() > 3 && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    /** Every whole-row read of a secret table in a query: each SELECT's stars against its own FROM list. */
    static void wholeRows(SqlWords w, Set<String> seen, List<Operation.Builder> ops) {
        if (w.kw(0).equals("TABLE")) {
            SqlWords.Name n = w.name(1);
            add(n.text(), seen, ops);
        }
        // WITH k AS (SELECT * FROM api_keys): the rows are printed only where a SELECT takes them whole from k
        Map<String, String> ctes = new HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            if (!w.kw(i).equals("SELECT") || w.isSymbol(i - 1, "(") && w.kw(i - 2).equals("EXISTS")) {
                continue; // EXISTS (SELECT * …) tests for rows, it prints none
            }
            String cte = w.isSymbol(i - 1, "(") && w.kw(i - 2).equals("AS") && i >= 3 && w.tokens().get(i - 3).isName()
                    ? w.tokens().get(i - 3).text().toLowerCase(Locale.ROOT) : "";
            int depth = w.depth(i);
            java.util.List<String> stars = new java.util.ArrayList<>();
            int from = selectList(w, i, j -> {
                if (w.isSymbol(j, "*") && !w.isSymbol(j - 1, "(")) {
                    stars.add(w.isSymbol(j - 1, ".") && w.tokens().get(j - 2).isName()
                            ? w.tokens().get(j - 2).text().toLowerCase(Locale.ROOT) : "");
                }
            });
            if (from < 0 || stars.isEmpty()) {
                continue;
            }
            Map<String, String> tables = tables(w, from + 1, depth);
            for (String star : stars) {
                for (Map.Entry<String, String> t : tables.entrySet()) {
                    String table = ctes.getOrDefault(t.getValue().toLowerCase(Locale.ROOT), t.getValue());
                    if ((star.isEmpty() || star.equals(t.getKey())) && secretTable(table)) {
                        if (cte.isEmpty()) {
                            add(table, seen, ops);
                        } else {
                            ctes.put(cte, table);
                        }
                    }
                }
            }
        }
    }

    /**
     * Columns a select list names that hold the secret of one of its FROM tables ({@code SELECT content FROM cryptokeys},
     * {@code SELECT k.key FROM api_keys k}): decided by the table, so {@code SELECT content FROM posts} stays a read.
     */
    static void secretColumns(SqlWords w, Set<String> seen, List<Operation.Builder> ops) {
        for (int i = 0; i < w.size(); i++) {
            if (!w.kw(i).equals("SELECT") || w.isSymbol(i - 1, "(") && w.kw(i - 2).equals("EXISTS")) {
                continue;
            }
            int depth = w.depth(i);
            List<String[]> columns = new java.util.ArrayList<>(); // {qualifier or "", column}, lower case
            int from = selectList(w, i, j -> {
                SqlToken t = w.tokens().get(j);
                if (t.isName() && !w.isSymbol(j + 1, "(") && !w.isSymbol(j + 1, ".") && !w.kw(j - 1).equals("AS")) {
                    boolean qualified = w.isSymbol(j - 1, ".") && j >= 2 && w.tokens().get(j - 2).isName();
                    columns.add(new String[] {qualified ? w.tokens().get(j - 2).text().toLowerCase(Locale.ROOT) : "",
                            t.text().toLowerCase(Locale.ROOT)});
                }
            });
            if (from < 0 || columns.isEmpty()) {
                continue;
            }
            Map<String, String> tables = tables(w, from + 1, depth);
            for (String[] column : columns) {
                for (Map.Entry<String, String> t : tables.entrySet()) {
                    String table = t.getValue().substring(t.getValue().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    boolean secret = KNOWN_SECRET_COLUMNS.getOrDefault(table, Set.of()).contains(column[1])
                            || VALUE_COLUMNS.contains(column[1]) && secretTable(table);
                    if ((column[0].isEmpty() || column[0].equals(t.getKey())) && secret && !seen.contains("column:" + column[1])
                            && seen.add("column:" + table + "." + column[1])) {
                        ops.add(admin(Verb.CREDENTIAL, "column", t.getValue() + "." + column[1], Scope.MANY)
                                .note("selects " + column[1] + " of " + t.getValue() + ", which holds its secrets"));
                    }
                }
            }
        }
    }

    /**
     * Hands each token of the select list of the SELECT at {@code select} (at its own depth) to {@code item}; returns
     * the index of its FROM, or -1 when the list ends without one.
     */
    private static int selectList(SqlWords w, int select, java.util.function.IntConsumer item) {
        int depth = w.depth(select);
        for (int j = select + 1; j < w.size() && w.depth(j) >= depth; j++) {
            if (w.depth(j) != depth) {
                continue;
            }
            if (w.kw(j).equals("FROM")) {
                return j;
            }
            if (SELECT_ENDS.contains(w.kw(j))) {
                return -1;
            }
            item.accept(j);
        }
        return -1;
    }

    private static final Set<String> SELECT_ENDS = Set.of("WHERE", "UNION", "INTERSECT", "EXCEPT", "GROUP", "ORDER", "LIMIT", ";");

    /** The tables of one FROM list at {@code depth}, by alias (or by their own name, lower case, when unaliased). */
    private static Map<String, String> tables(SqlWords w, int start, int depth) {
        Map<String, String> out = new HashMap<>();
        boolean expectTable = true;
        for (int j = start; j < w.size() && w.depth(j) >= depth; j++) {
            if (w.depth(j) != depth) {
                continue;
            }
            String kw = w.kw(j);
            if (FROM_ENDS.contains(kw) || w.tokens().get(j).kind() == SqlToken.Kind.SEMICOLON) {
                break;
            }
            if (kw.equals("JOIN") || w.isSymbol(j, ",")) {
                expectTable = true;
                continue;
            }
            if (!expectTable || !w.tokens().get(j).isName() || NOT_ALIASES.contains(kw) || w.isSymbol(j + 1, "(")) {
                continue;
            }
            SqlWords.Name n = w.name(j);
            String table = n.text();
            int next = w.kw(n.next()).equals("AS") ? n.next() + 1 : n.next();
            String alias = next < w.size() && w.tokens().get(next).isName() && !NOT_ALIASES.contains(w.kw(next))
                    && !FROM_ENDS.contains(w.kw(next)) ? w.tokens().get(next).text() : table.substring(table.lastIndexOf('.') + 1);
            out.put(alias.toLowerCase(Locale.ROOT), table);
            expectTable = false;
            j = n.next() - 1;
        }
        return out;
    }

    private static void add(String table, Set<String> seen, List<Operation.Builder> ops) {
        if (!table.isEmpty() && secretTable(table) && seen.add("secret-table:" + table.toLowerCase(Locale.ROOT))) {
            ops.add(admin(Verb.CREDENTIAL, "table", table, Scope.ALL)
                    .note("prints whole rows of " + table + ", whose name says it holds secrets"));
        }
    }
}
