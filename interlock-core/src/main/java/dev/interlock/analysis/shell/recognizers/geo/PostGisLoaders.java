package dev.interlock.analysis.shell.recognizers.geo;

import static dev.interlock.analysis.shell.recognizers.geo.GdalDatasets.quote;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loaders between files and PostGIS. {@code shp2pgsql} and {@code raster2pgsql} only print SQL (the {@code psql} it is
 * piped into decides); {@code pgsql2shp} reads a database into a local file; {@code osm2pgsql} imports into the
 * database it names ({@code -d} as a name, conninfo or URL, {@code -H}/{@code -P}, else {@code PGHOST}): its default
 * create mode drops and recreates its tables, {@code -a} appends — judged as the SQL that does the same, so the
 * database's placement decides. {@code osm2pgsql-replication status} reads, {@code init} and {@code update} write.
 */
final class PostGisLoaders {

    private PostGisLoaders() {
    }

    static final Set<String> PROGRAMS = Set.of("shp2pgsql", "raster2pgsql", "pgsql2shp", "osm2pgsql", "osm2pgsql-replication");

    private static final Set<String> OSM_VALUED = Set.of("-d", "--database", "-U", "--username", "--user", "-H", "--host",
            "-P", "--port", "-S", "--style", "-C", "--cache", "-O", "--output", "-p", "--prefix", "--schema", "--middle-schema",
            "--output-pgsql-schema", "-E", "--proj", "--tag-transform-script", "-F", "--flat-nodes", "--number-processes",
            "-r", "--input-reader", "-b", "--bbox", "--log-level", "--log-sql", "--expire-tiles", "-o", "--expire-output",
            "--expire-bbox-size", "--hstore-column", "-z", "--tablespace-main-data", "--tablespace-main-index",
            "--tablespace-slim-data", "--tablespace-slim-index", "--middle-database-format", "--middle-with-nodes",
            "--server", "--osm-file", "--max-diff-size", "--post-processing", "--start-at", "--socket-timeout");
    private static final Set<String> PGSQL2SHP_VALUED = Set.of("-f", "-h", "-p", "-P", "-u", "-g", "-m");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "osm2pgsql", "osm2pgsql-replication" -> osm2pgsql(inv, nested);
            case "pgsql2shp" -> pgsql2shp(inv, nested);
            default -> {
                // prints SQL to stdout: the files it loads are read
                List<Operation> ops = new ArrayList<>();
                for (String w : inv.parse(Set.of("-s", "-g", "-W", "-N", "-T", "-X", "-t", "-F", "-m", "-n", "-l")).words()) {
                    if (w.contains(".") && !w.matches("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*")) {
                        ops.add(LocalFiles.read(inv, w));
                    }
                }
                yield ops.isEmpty() ? List.of(LocalFiles.read(inv, "")) : ops;
            }
        };
    }

    private static List<Operation> osm2pgsql(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(OSM_VALUED);
        boolean replication = inv.program().equals("osm2pgsql-replication");
        String command = replication ? p.positional(0).orElse("") : "";
        if (replication && !command.equals("init") && !command.equals("update")) {
            return psql(inv, nested, p, "SELECT 1");
        }
        String prefix = p.value("-p", "--prefix").orElse("planet_osm");
        String schema = p.value("--schema", "--output-pgsql-schema").map(s -> s + ".").orElse("");
        List<String> tables = List.of("point", "line", "polygon", "roads").stream().map(t -> schema + prefix + "_" + t).toList();
        boolean append = replication || p.has("-a", "--append");
        String sql = append ? "INSERT INTO " + tables.getFirst() + " DEFAULT VALUES"
                : "DROP TABLE IF EXISTS " + String.join(", ", tables) + "; CREATE TABLE " + tables.getFirst() + " (osm_id bigint)";
        return psql(inv, nested, p, sql);
    }

    /** The table's rows end up in a local shapefile: judged as the query whose output is written to that file. */
    private static List<Operation> pgsql2shp(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(PGSQL2SHP_VALUED);
        String source = p.positional(1).orElse("");
        String query = source.strip().matches("(?is)(SELECT|WITH)\\b.*") ? source : "SELECT * FROM " + (source.isEmpty() ? "layer" : source);
        String file = p.value("-f").orElse((source.isEmpty() || source.contains(" ") ? "export" : source) + ".shp");
        String line = "psql" + p.value("-h").map(h -> " -h " + quote(h)).orElse("") + p.value("-p").map(v -> " -p " + quote(v)).orElse("")
                + p.positional(0).map(d -> " -d " + quote(d)).orElse("") + " -c " + quote(query) + " > " + quote(file);
        List<Operation> ops = new ArrayList<>();
        nested.shell(line, inv).forEach(op -> ops.add(op.withEvidence(inv.evidence())));
        return ops;
    }

    /** The SQL sent to the database osm2pgsql names, as {@code psql} would send it. */
    private static List<Operation> psql(Invocation inv, Nested nested, ParsedArgs p, String sql) {
        String database = p.value("-d", "--database").orElse("");
        StringBuilder line = new StringBuilder("psql");
        if (database.contains("=") || database.contains("://")) {
            line.append(' ').append(quote(database));
        } else {
            p.value("-H", "--host").ifPresent(h -> line.append(" -h ").append(quote(h)));
            p.value("-P", "--port").ifPresent(v -> line.append(" -p ").append(quote(v)));
            if (!database.isEmpty()) {
                line.append(" -d ").append(quote(database));
            }
        }
        line.append(" -c ").append(quote(sql));
        List<Operation> ops = new ArrayList<>();
        nested.shell(line.toString(), inv).forEach(op -> ops.add(op.withEvidence(inv.evidence())));
        return ops;
    }
}
