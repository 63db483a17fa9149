package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code spark-sql --master local[*]} on tables named by path ({@code delta.`/home/dev/proj/tmp/t`}): with Spark in
 * local mode and no remote catalog, a table whose files are in the workspace or the temp directory is a sandbox of this
 * machine, whatever the statement does to it. Anything else (a cluster master, Spark Connect, a metastore or catalog
 * URI, a path outside the workspace or in an object store) keeps the statement's own placement.
 */
final class SparkLocalTables {

    private SparkLocalTables() {
    }

    private static final Pattern PATH_TABLE = Pattern.compile("(?i)\\b(delta|parquet|iceberg|orc|csv|json|avro)\\.`([^`]+)`");
    private static final Set<String> FORMATS = Set.of("delta", "parquet", "iceberg", "orc", "csv", "json", "avro");

    static List<Operation> place(ParsedArgs p, String sql, Invocation inv, List<Operation> ops) {
        String master = p.value("--master").orElse(inv.env().getOrDefault("MASTER", ""));
        if (!master.startsWith("local") || sql.indexOf('`') < 0 || inv.remote() || remoteCatalog(p, inv)) {
            return ops;
        }
        Matcher m = PATH_TABLE.matcher(sql);
        boolean any = false;
        while (m.find()) {
            any = true;
            String path = m.group(2).replaceFirst("^file:(//)?", "");
            Workspace.Area area = path.startsWith("/") || !path.contains(":") ? inv.workspace().area(path) : Workspace.Area.OTHER;
            if (area != Workspace.Area.WORKSPACE && area != Workspace.Area.TEMP) {
                return ops; // one table elsewhere: the statement is judged where it would otherwise be
            }
        }
        if (!any) {
            return ops;
        }
        return ops.stream().map(o -> o.environment() == Tier.UNKNOWN && FORMATS.contains(o.resource().name().toLowerCase(Locale.ROOT))
                ? o.toBuilder().environment(Tier.LOCAL, "a table by path in the workspace or temp directory, Spark in local mode "
                        + "with no remote catalog").build()
                : o).toList();
    }

    /** A metastore, catalog service or Spark Connect server the session would reach instead of local files. */
    private static boolean remoteCatalog(ParsedArgs p, Invocation inv) {
        if (p.has("--remote") || inv.env().containsKey("SPARK_REMOTE")) {
            return true;
        }
        for (String conf : DatabaseOps.values(p, "--conf")) {
            String c = conf.toLowerCase(Locale.ROOT);
            if (c.contains("metastore") || c.contains(".uri=") || c.contains(".url=") || c.contains("spark.remote")
                    || c.contains("databricks.host") || c.contains("unity") || c.contains("://") && !c.contains("file://")) {
                return true;
            }
        }
        return false;
    }
}
