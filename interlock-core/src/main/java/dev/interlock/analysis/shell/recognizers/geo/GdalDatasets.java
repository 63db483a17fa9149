package dev.interlock.analysis.shell.recognizers.geo;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a GDAL dataset name points, and what reading or writing it does there. A PostGIS connection
 * ({@code PG:"host=… dbname=…"}, a {@code postgresql://} URL) or a MySQL one is judged as the SQL the tool sends
 * ({@code psql 'host=… dbname=…' -c 'DROP TABLE IF EXISTS t; CREATE TABLE t …'} for an overwrite), so the database
 * placement decides; a cloud object behind a virtual path ({@code /vsis3/bucket/key}, {@code /vsigs/}, {@code /vsiaz/})
 * as the cloud CLI's upload or listing of it, with the same ambient profile; archives ({@code /vsizip/}) are the file they
 * wrap; anything else is a file on this machine. Reading a network dataset ({@code /vsicurl/}, {@code https://}) reads.
 */
final class GdalDatasets {

    private GdalDatasets() {
    }

    /** What a write does to the layer or table it names. */
    enum Write {
        /** A new layer or file. */
        CREATE,
        /** Rows added to an existing layer, or a dataset changed in place. */
        APPEND,
        /** The layer or file is dropped and written again ({@code -overwrite}, {@code -lco OVERWRITE=YES}). */
        OVERWRITE
    }

    private static final Pattern WRAPPERS = Pattern.compile("(?i)^/vsi(zip|gzip|tar|7z|rar|subfile|sparse|cached|crypt)/\\{?");
    private static final Pattern CLOUD = Pattern.compile("(?i)^/vsi(s3|gs|az|adls)(_streaming)?/([^/]+)/?(.*)$");
    private static final Pattern NETWORK = Pattern.compile("(?i)^(/vsi(curl|curl_streaming|swift|swift_streaming|oss|oss_streaming"
            + "|webhdfs|hdfs)/|(https?|ftp)://).*");
    private static final Pattern DISCARDED = Pattern.compile("(?i)^(/vsi(mem|stdout|stdin)/.*|/vsistdout|/vsistdin|/dev/(stdout|stderr|null)|-)$");
    /** A driver prefix naming a connection ({@code MSSQL:server=…}, {@code OCI:…}, {@code WFS:http…}), not a drive letter. */
    private static final Pattern DRIVER = Pattern.compile("^([A-Za-z][A-Za-z0-9_]+):.*");

    /** The operations of reading {@code dataset}; {@code sql} is the SQL a {@code -sql} option sends it, or empty. */
    static List<Operation> read(Invocation inv, Nested nested, String dataset, String sql) {
        return read(inv, nested, dataset, sql, "", "");
    }

    /**
     * The operations of reading {@code layer} of {@code dataset} into the file {@code into} (empty when the data goes
     * nowhere on this machine): a database's rows written to a local file are a copy of them, judged as the query
     * whose output is redirected there.
     */
    static List<Operation> read(Invocation inv, Nested nested, String dataset, String sql, String layer, String into) {
        String name = unwrap(dataset);
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || DISCARDED.matcher(name).matches() || GdalArgs.number(name)) {
            return List.of();
        }
        boolean copied = !into.isEmpty() && local(into);
        String query = !sql.isEmpty() ? sql : copied ? "SELECT * FROM " + table(layer.isEmpty() ? "layer" : layer) : "SELECT 1";
        String redirect = copied ? " > " + quote(into) : "";
        if (postgres(lower)) {
            return twin(inv, nested, "psql " + quote(conninfo(name)) + " -c " + quote(query) + redirect);
        }
        if (lower.startsWith("mysql:")) {
            return twin(inv, nested, mysql(name, query) + redirect);
        }
        Matcher cloud = CLOUD.matcher(name);
        if (cloud.matches()) {
            return twin(inv, nested, cloudRead(cloud));
        }
        if (NETWORK.matcher(name).matches() || DRIVER.matcher(name).matches()) {
            return List.of();
        }
        if (!sql.isEmpty() && !sql.strip().toUpperCase(Locale.ROOT).matches("(SELECT|WITH|PRAGMA|EXPLAIN)\\b.*")) {
            return List.of(LocalFiles.on(inv, Verb.UPDATE, "file", name).note("SQL run on the dataset changes it").build());
        }
        return List.of(LocalFiles.read(inv, name));
    }

    /**
     * The operations of writing {@code layer} into {@code dataset}; {@code source} is the local file the data comes
     * from, if any (a cloud upload names it).
     */
    static List<Operation> write(Invocation inv, Nested nested, String dataset, String layer, Write how, String source) {
        String name = unwrap(dataset);
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || DISCARDED.matcher(name).matches()) {
            return List.of();
        }
        String table = table(layer);
        String sql = switch (how) {
            case CREATE -> "CREATE TABLE " + table + " (geom geometry)";
            case APPEND -> "INSERT INTO " + table + " DEFAULT VALUES";
            case OVERWRITE -> "DROP TABLE IF EXISTS " + table + "; CREATE TABLE " + table + " (geom geometry)";
        };
        if (postgres(lower)) {
            return twin(inv, nested, "psql " + quote(conninfo(name)) + " -c " + quote(sql));
        }
        if (lower.startsWith("mysql:")) {
            return twin(inv, nested, mysql(name, sql));
        }
        Matcher cloud = CLOUD.matcher(name);
        if (cloud.matches()) {
            return twin(inv, nested, cloudWrite(cloud, source.isEmpty() || !local(source) ? "-" : source));
        }
        if (NETWORK.matcher(name).matches() || DRIVER.matcher(name).matches()) {
            Verb verb = how == Write.OVERWRITE ? Verb.REPLACE : how == Write.CREATE ? Verb.CREATE : Verb.UPDATE;
            return List.of(Operation.builder("database", verb).resource("dataset", name).scope(Scope.ONE)
                    .stateful(how == Write.OVERWRITE).reversible(how != Write.OVERWRITE).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note(inv.program() + " writes into the data source " + name).build());
        }
        return List.of(LocalFiles.on(inv, how == Write.CREATE ? Verb.CREATE : Verb.UPDATE, "file", name).build());
    }

    /** Whether {@code dataset} is a file on this machine (after archive wrappers). */
    static boolean local(String dataset) {
        String name = unwrap(dataset);
        return !name.isEmpty() && !DISCARDED.matcher(name).matches() && !CLOUD.matcher(name).matches()
                && !NETWORK.matcher(name).matches() && !DRIVER.matcher(name).matches() && !postgres(name.toLowerCase(Locale.ROOT));
    }

    /** A layer name for a file dataset: its base name without the extension. */
    static String layerOf(String dataset) {
        String base = LocalFiles.basename(unwrap(dataset));
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base.isEmpty() ? "layer" : base;
    }

    private static boolean postgres(String lower) {
        return lower.startsWith("pg:") || lower.startsWith("postgresql:") || lower.startsWith("postgres://");
    }

    private static String conninfo(String name) {
        int colon = name.indexOf(':');
        String lower = name.toLowerCase(Locale.ROOT);
        String info = lower.startsWith("postgres://") || lower.startsWith("postgresql://") ? name : name.substring(colon + 1).strip();
        // GDAL's own keys in the connection string (schemas=, tables=, active_schema=) are not libpq's
        return info.replaceAll("(?i)\\s*\\b(schemas|tables|active_schema|list_all_tables)=\\S*", "").strip();
    }

    /** {@code MySQL:db,host=h,user=u,port=p} as the mysql client's command line. */
    private static String mysql(String name, String sql) {
        String[] parts = name.substring(name.indexOf(':') + 1).split(",");
        StringBuilder line = new StringBuilder("mysql");
        String database = "";
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                database = part.strip();
                continue;
            }
            String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "host" -> line.append(" -h ").append(quote(value));
                case "port" -> line.append(" -P ").append(quote(value));
                case "user" -> line.append(" -u ").append(quote(value));
                default -> { }
            }
        }
        if (!database.isEmpty()) {
            line.append(' ').append(quote(database));
        }
        return line.append(" -e ").append(quote(sql)).toString();
    }

    private static String cloudRead(Matcher m) {
        String bucket = m.group(3);
        String key = m.group(4);
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "s3" -> "aws s3 ls " + quote("s3://" + bucket + "/" + key);
            case "gs" -> "gcloud storage ls " + quote("gs://" + bucket + "/" + key);
            default -> "az storage blob list --container-name " + quote(bucket) + " --prefix " + quote(key);
        };
    }

    private static String cloudWrite(Matcher m, String source) {
        String bucket = m.group(3);
        String key = m.group(4);
        return switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "s3" -> "aws s3 cp " + quote(source) + " " + quote("s3://" + bucket + "/" + key);
            case "gs" -> "gcloud storage cp " + quote(source) + " " + quote("gs://" + bucket + "/" + key);
            default -> "az storage blob upload --container-name " + quote(bucket) + " --name " + quote(key)
                    + " --file " + quote(source) + " --overwrite";
        };
    }

    /** Strips archive wrappers ({@code /vsizip/data.zip/roads.shp} is the file data.zip). */
    static String unwrap(String dataset) {
        String name = dataset.strip();
        for (int guard = 0; guard < 4; guard++) {
            Matcher m = WRAPPERS.matcher(name);
            if (!m.find()) {
                break;
            }
            name = name.substring(m.end()).replaceFirst("}", "");
            if (!name.startsWith("/vsi")) {
                int archive = name.toLowerCase(Locale.ROOT).replaceAll("\\.(zip|gz|tgz|tar|7z|rar)(/.*)?$", ".$1").length();
                name = name.substring(0, Math.min(archive, name.length()));
            }
        }
        return name;
    }

    /** A layer name as a SQL table name, schema-qualified when it was ({@code public.roads}). */
    private static String table(String layer) {
        List<String> parts = new ArrayList<>();
        for (String part : (layer.isEmpty() ? "layer" : layer).split("\\.", 2)) {
            parts.add(part.matches("[A-Za-z_][A-Za-z0-9_]*") ? part : "\"" + part.replace("\"", "") + "\"");
        }
        return String.join(".", parts);
    }

    private static List<Operation> twin(Invocation inv, Nested nested, String line) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : nested.shell(line, inv)) {
            ops.add(op.withEvidence(inv.evidence()));
        }
        return ops;
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
