package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Functions of well-known extensions whose effect is documented: pgmq's queue functions, called schema-qualified
 * ({@code pgmq.metrics_all()} reports, {@code pgmq.purge_queue('q')} empties a queue), and TimescaleDB's, usually called
 * bare ({@code show_chunks} and {@code hypertable_size} report, {@code drop_chunks} deletes rows). A known read is a
 * plain read of the query. PostgreSQL Anonymizer's ({@code anon.}) masking functions compute a fake or partial value
 * and only look; {@code anon.anonymize_database()} and its kin overwrite the real values in place. A known change becomes an operation of its own, judged in the database's environment.
 * PostGIS's, by bare name: its version reports and geometry functions compute and look ({@code ST_} ones are pure
 * by prefix), its catalog helpers change a table ({@code AddGeometryColumn}, {@code UpdateGeometrySRID}) or drop one
 * ({@code DropGeometryTable}), and {@code postgis_extensions_upgrade()} upgrades the extension in place.
 * Anything else an extension offers stays an unknown function call.
 */
final class SqlExtensionFunctions {
    private SqlExtensionFunctions() {}

    private record Effect(Verb verb, String type, Scope scope, String note) {}

    private static Effect reads() {
        return new Effect(Verb.READ, "", Scope.ONE, "");
    }

    private static final Map<String, Effect> FUNCTIONS = Map.ofEntries(
            Map.entry("pgmq.metrics", reads()),
            Map.entry("pgmq.metrics_all", reads()),
            Map.entry("pgmq.list_queues", reads()),
            // read hides the messages from every other consumer until their visibility timeout passes
            Map.entry("pgmq.read", new Effect(Verb.UPDATE, "queue", Scope.MANY, "takes messages for a while: other consumers do not see them")),
            Map.entry("pgmq.read_with_poll", new Effect(Verb.UPDATE, "queue", Scope.MANY, "takes messages for a while: other consumers do not see them")),
            Map.entry("pgmq.set_vt", new Effect(Verb.UPDATE, "queue", Scope.ONE, "changes when a message is delivered again")),
            Map.entry("pgmq.send", new Effect(Verb.CREATE, "queue", Scope.ONE, "sends a message: its consumers act on it")),
            Map.entry("pgmq.send_batch", new Effect(Verb.CREATE, "queue", Scope.MANY, "sends messages: their consumers act on them")),
            Map.entry("pgmq.pop", new Effect(Verb.DELETE, "queue", Scope.ONE, "takes a message off the queue and deletes it")),
            Map.entry("pgmq.delete", new Effect(Verb.DELETE, "queue", Scope.ONE, "deletes messages from the queue")),
            Map.entry("pgmq.archive", new Effect(Verb.UPDATE, "queue", Scope.ONE, "moves messages out of the queue into its archive")),
            Map.entry("pgmq.purge_queue", new Effect(Verb.DELETE, "queue", Scope.ALL, "deletes every message in the queue")),
            Map.entry("pgmq.drop_queue", new Effect(Verb.DELETE, "queue", Scope.ALL, "drops the queue with its messages and archive")),
            Map.entry("pgmq.detach_archive", new Effect(Verb.UPDATE, "queue", Scope.ONE, "detaches the queue's archive table")),
            Map.entry("pgmq.create", new Effect(Verb.CREATE, "queue", Scope.ONE, "")),
            Map.entry("pgmq.create_partitioned", new Effect(Verb.CREATE, "queue", Scope.ONE, "")),
            Map.entry("pgmq.create_unlogged", new Effect(Verb.CREATE, "queue", Scope.ONE, "")));

    /** Rewrites how a chunk's or a hypertable's rows are stored (compressed, moved, reordered): no row is lost. */
    private static final Effect CHUNK = new Effect(Verb.UPDATE, "chunk", Scope.ONE, "");
    private static final Effect HYPERTABLE = new Effect(Verb.UPDATE, "hypertable", Scope.ONE, "");

    /**
     * TimescaleDB's, by bare name (the extension lives in whichever schema it was created in): sizes, chunk lists and
     * time buckets look; dropping chunks deletes their rows, a retention policy deletes them on a schedule, the rest
     * (compression, policies, reordering) rewrites how the rows are stored.
     */
    private static final Map<String, Effect> TIMESCALEDB = Map.ofEntries(
            Map.entry("show_chunks", reads()), Map.entry("hypertable_size", reads()),
            Map.entry("hypertable_detailed_size", reads()), Map.entry("hypertable_index_size", reads()),
            Map.entry("hypertable_approximate_size", reads()), Map.entry("hypertable_approximate_detailed_size", reads()),
            Map.entry("chunks_detailed_size", reads()), Map.entry("approximate_row_count", reads()),
            Map.entry("hypertable_compression_stats", reads()), Map.entry("chunk_compression_stats", reads()),
            Map.entry("hypertable_columnstore_stats", reads()), Map.entry("chunk_columnstore_stats", reads()),
            Map.entry("show_tablespaces", reads()), Map.entry("get_telemetry_report", reads()),
            Map.entry("time_bucket", reads()), Map.entry("time_bucket_gapfill", reads()), Map.entry("time_bucket_ng", reads()),
            Map.entry("locf", reads()), Map.entry("interpolate", reads()), Map.entry("first", reads()), Map.entry("last", reads()),
            Map.entry("histogram", reads()), Map.entry("by_range", reads()), Map.entry("by_hash", reads()),
            Map.entry("drop_chunks", new Effect(Verb.DELETE, "hypertable", Scope.MANY, "deletes the chunks in the time range with their rows")),
            Map.entry("add_retention_policy", new Effect(Verb.DELETE, "hypertable", Scope.MANY,
                    "schedules deletion of every chunk older than the interval, again and again")),
            Map.entry("remove_retention_policy", new Effect(Verb.UPDATE, "hypertable", Scope.ONE, "stops deleting old chunks")),
            Map.entry("compress_chunk", CHUNK), Map.entry("decompress_chunk", CHUNK), Map.entry("recompress_chunk", CHUNK),
            Map.entry("convert_to_columnstore", CHUNK), Map.entry("convert_to_rowstore", CHUNK),
            Map.entry("move_chunk", CHUNK), Map.entry("reorder_chunk", CHUNK),
            Map.entry("add_compression_policy", HYPERTABLE), Map.entry("remove_compression_policy", HYPERTABLE),
            Map.entry("add_columnstore_policy", HYPERTABLE), Map.entry("remove_columnstore_policy", HYPERTABLE),
            Map.entry("add_reorder_policy", HYPERTABLE), Map.entry("remove_reorder_policy", HYPERTABLE),
            Map.entry("add_continuous_aggregate_policy", HYPERTABLE), Map.entry("remove_continuous_aggregate_policy", HYPERTABLE),
            Map.entry("create_hypertable", new Effect(Verb.UPDATE, "table", Scope.ONE, "turns the table into a hypertable")),
            Map.entry("add_dimension", HYPERTABLE), Map.entry("set_chunk_time_interval", HYPERTABLE),
            Map.entry("set_integer_now_func", HYPERTABLE), Map.entry("set_number_partitions", HYPERTABLE),
            Map.entry("attach_tablespace", HYPERTABLE), Map.entry("detach_tablespace", HYPERTABLE), Map.entry("detach_tablespaces", HYPERTABLE),
            Map.entry("timescaledb_pre_restore", new Effect(Verb.UPDATE, "database", Scope.ONE, "stops background jobs for a restore")),
            Map.entry("timescaledb_post_restore", new Effect(Verb.UPDATE, "database", Scope.ONE, "restarts background jobs")));

    /** PostgreSQL Anonymizer's functions that change something; every other {@code anon.} function computes a value. */
    private static final Map<String, Effect> ANONYMIZER = Map.of(
            "anon.anonymize_database", new Effect(Verb.UPDATE, "database", Scope.ALL,
                    "overwrites every masked column of every table with fake values: the real values are gone"),
            "anon.anonymize_table", new Effect(Verb.UPDATE, "table", Scope.ALL, "overwrites the table's masked columns with fake values"),
            "anon.anonymize_column", new Effect(Verb.UPDATE, "table", Scope.ALL, "overwrites the column with fake values"),
            "anon.start_dynamic_masking", new Effect(Verb.UPDATE, "database", Scope.ONE, "masks data for the masked roles"),
            "anon.stop_dynamic_masking", new Effect(Verb.UPDATE, "database", Scope.ONE, "stops masking: masked roles see real data again"),
            "anon.init", new Effect(Verb.CREATE, "extension-data", Scope.ONE, "loads the extension's fake data"),
            "anon.load", new Effect(Verb.CREATE, "extension-data", Scope.ONE, "loads the extension's fake data"),
            "anon.reset", new Effect(Verb.DELETE, "extension-data", Scope.ONE, "removes the extension's fake data"));

    /** PostGIS's functions other than the {@code ST_} family (all pure). */
    private static final Map<String, Effect> POSTGIS = postgis();

    private static Map<String, Effect> postgis() {
        Map<String, Effect> m = new java.util.HashMap<>();
        for (String f : ("postgis_full_version postgis_version postgis_lib_version postgis_lib_build_date postgis_lib_revision"
                + " postgis_geos_version postgis_geos_compiled_version postgis_proj_version postgis_proj_compiled_version"
                + " postgis_gdal_version postgis_libxml_version postgis_libjson_version postgis_libprotobuf_version"
                + " postgis_wagyu_version postgis_sfcgal_version postgis_sfcgal_full_version postgis_scripts_installed"
                + " postgis_scripts_released postgis_scripts_build_date postgis_raster_lib_version"
                + " postgis_raster_lib_build_date postgis_raster_scripts_installed postgis_topology_scripts_installed"
                + " postgis_build_date postgis_svn_version postgis_hasbbox postgis_getbbox postgis_addbbox postgis_dropbbox"
                + " postgis_noop postgis_typmod_dims postgis_typmod_srid postgis_typmod_type postgis_constraint_dims"
                + " postgis_constraint_srid postgis_constraint_type postgis_gdal_enabled_drivers postgis_srs_codes"
                + " postgis_srs postgis_srs_all postgis_srs_search geometrytype find_srid box2d box3d box geometry geography"
                + " raster bytea text gettopologyid gettopologyname gettopologysrid validatetopology topologysummary"
                + " geometry_columns geography_columns raster_columns").split(" ")) {
            m.put(f, reads());
        }
        Effect column = new Effect(Verb.UPDATE, "table", Scope.ONE, "");
        for (String f : ("addgeometrycolumn updategeometrysrid populate_geometry_columns addrasterconstraints"
                + " droprasterconstraints addoverviewconstraints dropoverviewconstraints addtopogeometrycolumn").split(" ")) {
            m.put(f, column);
        }
        m.put("dropgeometrycolumn", new Effect(Verb.DELETE, "table", Scope.ONE, "drops the geometry column with its values"));
        m.put("droptopogeometrycolumn", new Effect(Verb.DELETE, "table", Scope.ONE, "drops the topology column with its values"));
        m.put("dropgeometrytable", new Effect(Verb.DELETE, "table", Scope.ONE, "drops the table with its rows"));
        m.put("droptopology", new Effect(Verb.DELETE, "topology", Scope.MANY, "drops the topology schema with its data"));
        m.put("createtopology", new Effect(Verb.CREATE, "topology", Scope.ONE, ""));
        m.put("postgis_extensions_upgrade", new Effect(Verb.UPDATE, "extension", Scope.ONE, "upgrades PostGIS in place"));
        return Map.copyOf(m);
    }

    /** The table's effect of a call of {@code full} (schema-qualified where it was), if it judges it. */
    private static Effect effect(String full) {
        Effect e = FUNCTIONS.get(full);
        if (e == null && full.startsWith("anon.")) {
            e = ANONYMIZER.getOrDefault(full, reads());
        }
        String bare = full.substring(full.lastIndexOf('.') + 1);
        return e != null ? e : TIMESCALEDB.containsKey(bare) ? TIMESCALEDB.get(bare) : POSTGIS.get(bare);
    }

    /** Whether {@code name} (schema-qualified where it was) is a function this table judges. */
    static boolean known(String name) {
        return effect(name) != null;
    }

    /** An operation for each call of a known function that changes something; its first argument names the target. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i + 1 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(")) {
                continue;
            }
            String bare = t.text().toLowerCase(Locale.ROOT);
            String full = i >= 2 && w.isSymbol(i - 1, ".") ? w.tokens().get(i - 2).text().toLowerCase(Locale.ROOT) + "." + bare : bare;
            Effect e = effect(full);
            if (e != null && e.verb() != Verb.READ) {
                String arg = i + 2 < w.size() ? w.tokens().get(i + 2).text() : "";
                ops.add(admin(e.verb(), e.type(), arg, e.scope()).stateful(e.verb() == Verb.DELETE)
                        .note(full + "()" + (e.note().isEmpty() ? "" : ": " + e.note())));
            }
        }
        return ops;
    }
}
