package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.environment.Hosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remote Spark sessions in Python: Databricks Connect's {@code DatabricksSession.builder…getOrCreate()} and Spark
 * Connect's {@code SparkSession.builder.remote('sc://…')}. Their {@code sql('…')} runs in the workspace or cluster the
 * session names — a configuration profile ({@code .profile('prod')}, {@code DATABRICKS_CONFIG_PROFILE}), a host
 * ({@code .host(…)}, {@code .remote(…)}, {@code DATABRICKS_HOST}) — never on this machine; it is written back as
 * {@code spark-sql -e '…'} placed there. A local session ({@code .master('local[*]')}) is not one of these.
 */
final class SparkSessionCalls {

    private SparkSessionCalls() {
    }

    private static final Pattern SESSION = Pattern.compile("\\b(?:DatabricksSession\\s*\\.\\s*builder|SparkSession\\s*\\.\\s*builder(?=[^;\\n]*\\.\\s*remote\\s*\\())");
    private static final Pattern BOUND = Pattern.compile("(\\w+)\\s*=\\s*(?:[\\w.]+\\.)?(?:DatabricksSession|SparkSession)\\s*\\.\\s*builder[^;\\n]*getOrCreate\\s*\\(\\s*\\)");
    private static final Pattern PROFILE = Pattern.compile("(?:\\.\\s*profile\\s*\\(|\\bprofile\\s*=)\\s*" + LIT);
    private static final Pattern HOST = Pattern.compile("(?:\\.\\s*(?:host|remote)\\s*\\(|\\bhost\\s*=)\\s*(?:url\\s*=\\s*)?" + LIT);

    /** The session's {@code sql(…)} calls as spark-sql lines, each with the locators of where the session runs. */
    static void find(String code, Map<String, String> env, List<String> lines, Map<String, Map<String, String>> placed,
                     Set<String> accounted) {
        if (!code.contains("builder") || !SESSION.matcher(code).find()) {
            return;
        }
        List<String> sessions = new ArrayList<>();
        Matcher b = BOUND.matcher(code);
        while (b.find()) {
            sessions.add(b.group(1));
        }
        // s.sql(…) on a bound session, or getOrCreate().sql(…) on one built in place
        String receivers = (sessions.isEmpty() ? "" : "\\b(?:" + String.join("|", sessions) + ")|") + "getOrCreate\\s*\\(\\s*\\)";
        Matcher m = Pattern.compile("(?:" + receivers + ")\\s*\\.\\s*sql\\s*\\(\\s*(?:sqlQuery\\s*=\\s*)?(" + LIT + ")?").matcher(code);
        Map<String, String> where = where(code, env);
        while (m.find()) {
            accounted.add("sql");
            // a statement computed at run time is a word the shell analysis cannot resolve
            String line = "spark-sql -e " + (m.group(1) == null ? "\"$computed_at_run_time\"" : quote(lit(m, 2))
                    + DataFrameCalls.rowsFile(code, m.start(), m.end()).map(f -> " > " + quote(f)).orElse(""));
            lines.add(line);
            placed.put(line, where);
        }
    }

    /** Where the session runs: the profile or host the code names, else the Databricks variables it runs with. */
    private static Map<String, String> where(String code, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher p = PROFILE.matcher(code);
        if (p.find()) {
            out.put("profile", lit(p, 1));
        } else if (env.containsKey("DATABRICKS_CONFIG_PROFILE")) {
            out.put("profile", env.get("DATABRICKS_CONFIG_PROFILE"));
        }
        Matcher h = HOST.matcher(code);
        String host = h.find() ? lit(h, 1) : env.getOrDefault("DATABRICKS_HOST", "");
        if (!host.isEmpty()) {
            out.put("host", Hosts.of(host));
        }
        return out;
    }
}
