package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Restores and copies that take their data from another database's snapshot, backup or point in time
 * ({@code rds restore-db-instance-from-db-snapshot}, {@code rds copy-db-snapshot}, {@code redshift
 * restore-from-cluster-snapshot}, {@code dynamodb restore-table-from-backup}). The new instance's name and profile say
 * where the copy lands; the source option says whose data it is. A source named for production is production's data,
 * now wherever the copy lands: a read of the source carrying {@link DatabaseOps#COPIES_DATA}, placed by the source's
 * name. A restore into production itself is a change there already.
 */
final class AwsDataCopies {

    private AwsDataCopies() {
    }

    /** The kind of source and the options that name it, by "service operation". */
    private record Source(String type, List<String> flags) {
        Source(String type, String... flags) {
            this(type, List.of(flags));
        }
    }

    private static final Source DB_SNAPSHOT = new Source("db-snapshot", "--db-snapshot-identifier", "--snapshot-identifier");
    private static final Source CLUSTER_SNAPSHOT_COPY = new Source("db-snapshot", "--source-db-cluster-snapshot-identifier");
    private static final Source CLUSTER_POINT_IN_TIME = new Source("database", "--source-db-cluster-identifier");
    private static final Source CACHE_SNAPSHOT = new Source("cache-snapshot", "--snapshot-name", "--snapshot-arns");

    private static final Map<String, Source> SOURCES = Map.ofEntries(
            Map.entry("rds restore-db-instance-from-db-snapshot", DB_SNAPSHOT),
            Map.entry("rds restore-db-cluster-from-snapshot", DB_SNAPSHOT),
            Map.entry("rds copy-db-snapshot", new Source("db-snapshot", "--source-db-snapshot-identifier")),
            Map.entry("rds copy-db-cluster-snapshot", CLUSTER_SNAPSHOT_COPY),
            Map.entry("rds restore-db-instance-to-point-in-time", new Source("database", "--source-db-instance-identifier",
                    "--source-db-instance-automated-backups-arn")),
            Map.entry("rds restore-db-cluster-to-point-in-time", CLUSTER_POINT_IN_TIME),
            Map.entry("rds create-db-instance-read-replica", new Source("database", "--source-db-instance-identifier")),
            Map.entry("rds restore-db-instance-from-s3", new Source("bucket", "--s3-bucket-name")),
            Map.entry("rds restore-db-cluster-from-s3", new Source("bucket", "--s3-bucket-name")),
            Map.entry("docdb restore-db-cluster-from-snapshot", DB_SNAPSHOT),
            Map.entry("docdb copy-db-cluster-snapshot", CLUSTER_SNAPSHOT_COPY),
            Map.entry("docdb restore-db-cluster-to-point-in-time", CLUSTER_POINT_IN_TIME),
            Map.entry("neptune restore-db-cluster-from-snapshot", DB_SNAPSHOT),
            Map.entry("neptune copy-db-cluster-snapshot", CLUSTER_SNAPSHOT_COPY),
            Map.entry("neptune restore-db-cluster-to-point-in-time", CLUSTER_POINT_IN_TIME),
            Map.entry("redshift restore-from-cluster-snapshot", new Source("cluster-snapshot", "--snapshot-identifier", "--snapshot-arn")),
            Map.entry("redshift restore-table-from-cluster-snapshot", new Source("cluster-snapshot", "--snapshot-identifier")),
            Map.entry("redshift copy-cluster-snapshot", new Source("cluster-snapshot", "--source-snapshot-identifier")),
            Map.entry("elasticache create-cache-cluster", CACHE_SNAPSHOT),
            Map.entry("elasticache create-replication-group", CACHE_SNAPSHOT),
            Map.entry("elasticache copy-snapshot", new Source("cache-snapshot", "--source-snapshot-name")),
            Map.entry("memorydb create-cluster", CACHE_SNAPSHOT),
            Map.entry("memorydb copy-snapshot", new Source("cache-snapshot", "--source-snapshot-name")),
            Map.entry("dynamodb restore-table-from-backup", new Source("table-backup", "--backup-arn")),
            Map.entry("dynamodb restore-table-to-point-in-time", new Source("table", "--source-table-name", "--source-table-arn")));

    /**
     * Reads of the sources named for production, built on {@code op} (the restore or copy, with its profile and region):
     * the source's name goes into the {@code database} locator, so the inventory places the copy by it.
     */
    static List<Operation> fromProduction(String service, String operation, AwsCommand cmd, Operation op) {
        Source source = SOURCES.get(service + " " + operation);
        if (source == null || cmd.has("--dry-run") && !cmd.has("--no-dry-run")) {
            return List.of();
        }
        List<Operation> reads = new ArrayList<>();
        for (String flag : source.flags()) {
            for (Arg value : cmd.values(flag)) {
                if (!DeploymentWords.namesProduction(value.value())) {
                    continue;
                }
                reads.add(op.toBuilder().verb(Verb.READ).resource(source.type(), value.value())
                        .locator("database", value.value()).locator(DatabaseOps.COPIES_DATA, "backup")
                        .stateful(false).reversible(true).confidence(value.literal() ? Confidence.EXACT : Confidence.INFERRED)
                        .note(operation + " takes its data from " + value.value() + ", named for production: production's data, "
                                + "now wherever the new copy lives").build());
            }
        }
        return reads;
    }
}
