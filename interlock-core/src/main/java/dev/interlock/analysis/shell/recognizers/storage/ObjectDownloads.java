package dev.interlock.analysis.shell.recognizers.storage;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Downloads from object storage to this machine ({@code aws s3 cp}, {@code gsutil cp}, {@code gcloud storage cp},
 * {@code rclone copy}, {@code azcopy copy}, {@code mc cp}): production's data, now here, when the store is named for
 * production (its bucket, remote, alias or storage account) and what comes down is data — a data file, a dump, or a
 * whole bucket or prefix named for data. One configuration file or asset from the same bucket is a read.
 */
public final class ObjectDownloads {

    private ObjectDownloads() {
    }

    /** A bucket or prefix named for data, exports, backups or what users uploaded ({@code s3://acme-prod/exports/}). */
    private static final Pattern DATA_PLACES = Pattern.compile(
            "(?i)(^|[-_./])(data|datalake|lake|warehouse|exports?|backups?|dumps?|snapshots?|pii|customers?|uploads?|attachments?|media)([-_./]|$)");
    /**
     * A storage account's one-word name that holds production's spelling ({@code acmeprod}, {@code prdlogs}, and the
     * usual {@code st<env><workload>} convention's {@code stprodcustomer}); {@code product} is not it.
     */
    private static final Pattern ACCOUNT_TIER = Pattern.compile("[a-z0-9]*(prod(?!uct)|prd)[a-z0-9]*|[a-z0-9]*prod");

    /** {@code gs://acme-prod-exports/customers.csv}, {@code prod-s3:backups/pg/}: production's data when downloaded. */
    public static boolean copiesProductionData(String location) {
        Store store = Store.of(location);
        return store.names().stream().anyMatch(ObjectDownloads::production) && holdsData(store.path());
    }

    /**
     * What a download of {@code path} (the bucket and key, {@code acme-prod/exports/}) brings here is data: a data file,
     * or a whole bucket or prefix named for data.
     */
    public static boolean holdsData(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        boolean oneObject = path.contains("/") && leaf.contains(".");
        return DatabaseOps.holdsDataCopy(path) || !oneObject && DATA_PLACES.matcher(path).find();
    }

    /** A file named for a report or summary ({@code report.csv}, {@code q1_summary.csv}): figures about the data, not its records. */
    private static final Pattern REPORTS = Pattern.compile("(?i)(^|[-_.])(reports?|summary|summaries|stats|metrics|dashboard)([-_.]|$)");

    /**
     * What a data platform's copy of {@code path} ({@code databricks fs cp}, {@code hdfs dfs -get}) brings here is the
     * data's records: {@link #holdsData} without a report's figures ({@code exports/report.csv} reads).
     */
    public static boolean holdsRecords(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        return holdsData(path) && !REPORTS.matcher(leaf).find();
    }

    /** Production's spelling in one of a name's parts ({@code acme-prod-exports}, {@code prodbackups} is not one). */
    private static boolean production(String name) {
        return DeploymentWords.namesProduction(name);
    }

    /** Where a location's store is named (bucket, remote, alias, account) and the path inside it, bucket included. */
    private record Store(List<String> names, String path) {

        static Store of(String location) {
            int scheme = location.indexOf("://");
            if (scheme > 0) {
                String rest = location.substring(scheme + 3);
                int slash = rest.indexOf('/');
                String host = slash < 0 ? rest : rest.substring(0, slash);
                String path = slash < 0 ? "" : rest.substring(slash + 1);
                if (host.contains(".")) {
                    // https://acmeprod.blob.core.windows.net/exports/x.csv: the account and the container name it
                    String container = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
                    String account = host.substring(0, host.indexOf('.'));
                    // Azure's account names are one lowercase word: acmeprod, prodexports
                    String spelled = ACCOUNT_TIER.matcher(account).matches() ? "prod" : account;
                    return new Store(List.of(spelled, container), path);
                }
                return new Store(List.of(host), rest);
            }
            int colon = location.indexOf(':');
            if (colon > 0 && !location.startsWith("/")) {
                // rclone's remote:bucket/key
                String rest = location.substring(colon + 1);
                String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
                return new Store(List.of(location.substring(0, colon), bucket), rest);
            }
            // mc's alias/bucket/key
            String[] parts = location.split("/", 3);
            return new Store(List.of(parts[0], parts.length > 1 ? parts[1] : ""), parts.length > 1 ? location.substring(parts[0].length() + 1) : "");
        }
    }
}
