package dev.interlock.server.audit;

import dev.interlock.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from every string of an event's data before it is hashed and stored: once a secret is in a hash
 * chain it cannot be removed without breaking the chain. Each {@link Rule} finds a secret in its named group
 * {@code secret} and replaces only that group, so the command around it stays readable.
 */
public final class Redactor {

    public static final String REDACTED = "[REDACTED]";

    /** No rule matches fewer characters than this ({@code TOKEN=x} is seven): shorter text is left alone unread. */
    static final int SHORTEST_SECRET = 7;

    /**
     * A named pattern whose group {@code secret} is replaced by {@code replacement}. {@code hints} are lowercase
     * substrings one of which every match contains: text without any of them skips the pattern (most text has no
     * secret, and the patterns are the audit path's main cost).
     */
    public record Rule(String name, Pattern pattern, String replacement, List<String> hints) {
        public Rule {
            hints = List.copyOf(hints);
        }

        public Rule(String name, Pattern pattern, String replacement) {
            this(name, pattern, replacement, List.of());
        }

        static Rule of(String name, String regex, String... hints) {
            return new Rule(name, Pattern.compile(regex), REDACTED, List.of(hints));
        }

        boolean mayMatch(String lowercase) {
            int n = hints.size();
            if (n == 0) {
                return true;
            }
            // Indexed, not an iterator: this runs for every string of every audit event.
            for (int i = 0; i < n; i++) {
                if (lowercase.contains(hints.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String VALUE = "(?<secret>\"[^\"\\n]*\"|'[^'\\n]*'|(?!\\$)[^\\s\"';&|]+)";

    /** Order matters: the wider rules run first so that a narrower one does not cut a secret in half. */
    public static final List<Rule> RULES = List.of(
            Rule.of("pem-private-key", "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?<secret>[\\s\\S]*?)(?=-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)", "private key-----"),
            Rule.of("authorization-header", "(?i)\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic|token|bot)\\s+(?<secret>[^\\s\"',;]+)", "authorization"),
            Rule.of("bearer-token", "(?i)\\bbearer\\s+(?<secret>[A-Za-z0-9._~+/=-]{8,})", "bearer"),
            Rule.of("jwt", "\\b(?<secret>eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,})", "eyj"),
            Rule.of("aws-access-key-id", "\\b(?<secret>(?:AKIA|ASIA)[0-9A-Z]{16})\\b", "akia", "asia"),
            Rule.of("aws-secret-access-key", "(?i)\\baws_?secret_?(?:access_?)?key[\"']?\\s*[:=]\\s*[\"']?(?<secret>[A-Za-z0-9/+=]{16,})", "secret"),
            Rule.of("github-token", "\\b(?<secret>(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}))", "gh", "github_pat_"),
            Rule.of("slack-token", "\\b(?<secret>xox[abposr]-[A-Za-z0-9-]{10,})", "xox"),
            // '***' rather than [REDACTED] keeps the connection string a valid URL.
            new Rule("url-password", Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:(?<secret>[^\\s@/]+)@"), "***", List.of("://")),
            Rule.of("mysql-password-option", "(?i)(?<![\\w-])--password(?:=|\\s+)(?<secret>\"[^\"]*\"|'[^']*'|(?!-)[^\\s;&|]+)", "--password"),
            Rule.of("mysql-p-option", "(?i)\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\\b[^\\n;&|]*?\\s-p(?<secret>[^\\s\"';&|]+)", "-p"),
            Rule.of("secret-assignment", "(?i)\\b(?:[A-Z0-9_]*_(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|API_?KEY|ACCESS_KEY|PRIVATE_KEY)"
                    + "|PGPASSWORD|MYSQL_PWD|API_?KEY|PASSWORD|PASSWD|SECRET|TOKEN)\\s*=\\s*" + VALUE, "token", "secret", "pass", "pwd", "key"),
            Rule.of("json-secret-field", "(?i)\"(?:password|passwd|secret|client_secret|token|access_token|refresh_token|api_?key)\"\\s*:\\s*\"(?<secret>[^\"]+)\"", "pass", "secret", "token", "key"));

    private final List<Rule> rules;

    public Redactor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Redactor standard() {
        return new Redactor(RULES);
    }

    /** True when {@link #redact} would leave every one of {@code texts} as it is. */
    public boolean finds(String... texts) {
        for (String t : texts) {
            if (t != null && !redact(t).equals(t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every secret replaced. */
    public String redact(String text) {
        if (text.length() < SHORTEST_SECRET) {
            return text;
        }
        String lowercase = text.toLowerCase(java.util.Locale.ROOT);
        String result = text;
        for (Rule rule : rules) {
            if (rule.mayMatch(lowercase)) {
                result = apply(rule, result);
            }
        }
        return result;
    }

    /**
     * A plain copy of {@code data} (maps, lists, strings, numbers, booleans, nulls; records and other beans become
     * maps) with every string, keys included, redacted.
     */
    public Object redactTree(Object data) {
        Object plain = data instanceof Map<?, ?> || data instanceof List<?> || data instanceof String
                || data instanceof Number || data instanceof Boolean || data == null
                ? data : Json.MAPPER.convertValue(data, Object.class);
        return walk(plain);
    }

    private Object walk(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> redact(s);
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    copy.put(redact(String.valueOf(e.getKey())), walk(e.getValue()));
                }
                yield copy;
            }
            case Iterable<?> list -> {
                List<Object> copy = new ArrayList<>();
                for (Object item : list) {
                    copy.add(walk(item));
                }
                yield copy;
            }
            default -> walk(Json.MAPPER.convertValue(value, Object.class));
        };
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            int start = m.start("secret");
            int end = m.end("secret");
            if (start >= 0 && end > start && !isRedacted(text, start, end)) {
                out.append(text, last, start).append(rule.replacement());
                last = end;
            }
        } while (m.find());
        out.append(text, last, text.length());
        return out.toString();
    }

    // A secret already replaced by an earlier rule is left alone, so [REDACTED] is never itself redacted.
    private static boolean isRedacted(String text, int start, int end) {
        String found = text.substring(start, end);
        return found.equals(REDACTED) || found.equals("***") || found.equals("\"" + REDACTED + "\"")
                || found.equals("'" + REDACTED + "'");
    }
}
