package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dlt pipelines in Python: {@code dlt.pipeline(name, destination=…, dataset_name=…)} and a {@code run} or {@code load}
 * of it load rows into that dataset. {@code write_disposition='replace'} (on the run or a resource) and
 * {@code refresh='drop_sources'|'drop_resources'|'drop_data'} drop what the dataset held before reloading it; other
 * runs add or merge rows. Where: the dataset's name ({@code crm_prod}), the destination's credentials (a URL in the
 * code or dlt's {@code DESTINATION__…__CREDENTIALS} variables); a DuckDB or dummy destination is a file here. The
 * dataset is a database's, judged as the SQL that loads it would be.
 */
final class DltCalls {

    private DltCalls() {
    }

    private static final Pattern PIPELINE = Pattern.compile("\\bdlt\\s*\\.\\s*pipeline\\s*\\(");
    private static final Pattern LOADS = Pattern.compile("\\.\\s*(run|load)\\s*\\(");
    private static final Pattern DESTINATION = Pattern.compile("\\bdestination\\s*=\\s*(?:" + LIT
            + "|dlt\\s*\\.\\s*destinations\\s*\\.\\s*(\\w+))");
    private static final Pattern DATASET = Pattern.compile("\\bdataset_name\\s*=\\s*" + LIT);
    private static final Pattern NAME = Pattern.compile("^\\s*(?:pipeline_name\\s*=\\s*)?" + LIT);
    private static final Pattern URL = Pattern.compile("['\"]([a-z][a-z0-9+]*://[^'\"]+)['\"]");
    private static final Pattern REPLACES = Pattern.compile("\\bwrite_disposition\\s*=\\s*['\"]replace['\"]"
            + "|['\"]disposition['\"]\\s*:\\s*['\"]replace['\"]|\\brefresh\\s*=\\s*['\"]drop_\\w+['\"]");
    /** Destinations kept in a file on this machine, or nowhere. */
    private static final Set<String> HERE = Set.of("duckdb", "dummy");

    /** The code's pipeline loads, one per {@code dlt.pipeline(…)} when the code runs or loads one. */
    static void find(String code, Map<String, String> env, List<SdkCalls.Generic> generic, Set<String> accounted) {
        if (!code.contains("pipeline") || !LOADS.matcher(code).find()) {
            return;
        }
        boolean replaces = REPLACES.matcher(code).find();
        Matcher m = PIPELINE.matcher(code);
        while (m.find()) {
            String args = callArguments(code, m.end());
            Matcher name = NAME.matcher(args);
            Matcher dataset = DATASET.matcher(args);
            Matcher destination = DESTINATION.matcher(args);
            String where = destination.find() ? (destination.group(3) != null ? destination.group(3) : lit(destination, 1)) : "";
            String set = dataset.find() ? lit(dataset, 1) : "";
            Map<String, String> locators = new LinkedHashMap<>();
            if (!set.isEmpty()) {
                locators.put("database", set);
            }
            host(code, env, where).ifPresent(h -> locators.put("host", h));
            String local = HERE.contains(where.toLowerCase(Locale.ROOT)) ? "a " + where + " destination on this machine" : "";
            generic.add(new SdkCalls.Generic(DatabaseOps.SYSTEM, replaces ? Verb.REPLACE : Verb.UPDATE, "dataset",
                    set.isEmpty() ? name.find() ? lit(name, 1) : "" : set, true,
                    replaces ? "pipeline.run, replacing the dataset's tables" : "pipeline.run", locators, local));
        }
        accounted.addAll(List.of("pipeline", "run", "load"));
    }

    /** The destination's server: a connection URL in the code, else the credentials variable dlt reads for it. */
    private static java.util.Optional<String> host(String code, Map<String, String> env, String destination) {
        Matcher url = URL.matcher(code);
        String value = url.find() ? url.group(1)
                : env.getOrDefault("DESTINATION__" + destination.toUpperCase(Locale.ROOT) + "__CREDENTIALS",
                        env.getOrDefault("DESTINATION__CREDENTIALS", ""));
        String host = value.contains("://") ? DatabaseTarget.fromUrl(value).host() : "";
        return host.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(host);
    }
}
