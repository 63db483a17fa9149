package dev.interlock.analysis.shell.recognizers.code;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clojure's database access written in the shape the driver tables read: next.jdbc's (and clojure.java.jdbc's)
 * datasource map {@code {:dbtype "postgresql" :host "h" :dbname "d"}} is the JDBC URL it stands for, and a statement
 * vector {@code ["UPDATE …" args]} handed to {@code execute!} or {@code query} is {@code jdbc.execute("UPDATE …")}.
 */
final class ClojureForms {

    private ClojureForms() {
    }

    private static final Pattern DATASOURCE = Pattern.compile("\\{[^{}]*:dbtype\\s+\"(postgres(?:ql)?|mysql|mariadb)\"[^{}]*}");
    private static final Pattern ENTRY = Pattern.compile(":(host|port|dbname)\\s+\"([^\"]*)\"");
    private static final Pattern STATEMENT = Pattern.compile("\\[\\s*(\"(?i:select|insert|update|delete|drop|truncate|alter|create|grant|revoke|with|merge)\\b(?:[^\"\\\\]|\\\\.)*\")");

    static String canonical(String code) {
        if (!code.contains("jdbc")) {
            return code;
        }
        String out = DATASOURCE.matcher(code).replaceAll(m -> {
            Map<String, String> kv = new LinkedHashMap<>();
            Matcher e = ENTRY.matcher(m.group());
            while (e.find()) {
                kv.put(e.group(1), e.group(2));
            }
            String dialect = m.group(1).startsWith("postgres") ? "postgresql" : "mysql";
            String url = "jdbc:" + dialect + "://" + kv.getOrDefault("host", "localhost")
                    + (kv.containsKey("port") ? ":" + kv.get("port") : "") + "/" + kv.getOrDefault("dbname", "");
            return Matcher.quoteReplacement("\"" + url + "\"");
        });
        return STATEMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement("[jdbc.execute(" + m.group(1) + ")"));
    }
}
