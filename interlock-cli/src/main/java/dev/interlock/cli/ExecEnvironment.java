package dev.interlock.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variables of this process that say where a command lands (cloud profile, cluster, database, stage), as sent to
 * the server with {@code exec}. Credentials never leave the machine: a database URL loses its user and password and
 * any secret-looking parameter.
 */
final class ExecEnvironment {

    /** What steers the CLIs the analyzer knows; {@code HOME} lets it resolve {@code ~} in paths. */
    static final List<String> NAMES = List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "KUBECONFIG",
            "KUBE_CONTEXT", "TF_WORKSPACE", "GOOGLE_CLOUD_PROJECT", "CLOUDSDK_CORE_PROJECT", "AZURE_SUBSCRIPTION_ID",
            "PGHOST", "PGDATABASE", "DATABASE_URL", "ENVIRONMENT", "ENV", "STAGE", "HOME");

    private static final Set<String> SECRET_KEYS = Set.of("password", "pass", "passwd", "pwd", "sslpassword",
            "secret", "token", "access_token", "auth", "authsource_password", "api_key", "apikey", "key", "sslkey");

    private ExecEnvironment() {
    }

    static Map<String, String> capture(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                out.put(name, name.equals("DATABASE_URL") ? withoutCredentials(value) : value);
            }
        }
        return out;
    }

    /**
     * A connection string with its credentials removed: URL userinfo, secret query parameters, and
     * {@code password=…} pairs of the libpq {@code key=value} form. What remains (scheme, host, port, database) is
     * what environment resolution needs.
     */
    static String withoutCredentials(String url) {
        String s = url.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            // Everything up to the last '@' is userinfo. Passwords often hold unencoded '/', '?' or '@', so the last
            // '@' anywhere is the safe cut: at worst an '@' in a query costs the host, never leaks a password.
            int at = s.lastIndexOf('@');
            if (at > scheme) {
                s = s.substring(0, scheme + 3) + s.substring(at + 1);
            }
            int q = s.indexOf('?');
            if (q < 0) {
                return s;
            }
            int hash = s.indexOf('#', q);
            String query = hash < 0 ? s.substring(q + 1) : s.substring(q + 1, hash);
            StringBuilder kept = new StringBuilder();
            for (String pair : query.split("&")) {
                String key = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!pair.isEmpty() && !SECRET_KEYS.contains(key) && !key.equals("user") && !key.equals("username")) {
                    kept.append(kept.isEmpty() ? "" : "&").append(pair);
                }
            }
            return s.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
        }
        // libpq keyword/value form: host=db.prod dbname=app password=…; values may be single-quoted.
        return s.replaceAll("(?i)\\b(password|passwd|pwd|sslpassword|user)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)\\s*", "").strip();
    }
}
