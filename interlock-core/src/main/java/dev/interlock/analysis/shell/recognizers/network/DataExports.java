package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An application's data exports fetched by GET ({@code /api/reports/customers.csv}, {@code /admin/exports/orders.xlsx},
 * {@code /users/export?format=csv}): the answer is the rows themselves, so saved to a file here ({@code curl -o}, a
 * browser's download) it is a copy of that application's data, as a query's rows written to a file are. So is a data
 * store's snapshot or dump file fetched over its API, and a SaaS platform's raw-export API ({@link #SAAS}).
 */
final class DataExports {

    private DataExports() {
    }

    private static final Pattern EXPORT = Pattern.compile("(?i)(.*/(reports?|exports?)/.+\\.(csv|tsv|xlsx|xls|ndjson|jsonl|parquet)"
            + "|.*/exports?(\\.(csv|tsv|xlsx|xls|ndjson|jsonl))?)/?");
    /**
     * A store's snapshot or dump file (Qdrant's {@code /collections/C/snapshots/NAME.snapshot}, a search engine's
     * {@code /dumps/NAME.dump}): every record of the collection, payloads included.
     */
    private static final Pattern SNAPSHOT = Pattern.compile("(?i).*/(snapshots?|dumps?)/[^/]+\\.(snapshot|dump)|.*/snapshots/[^/]+\\.(tar|tar\\.gz|tgz)");
    /** A SaaS platform's export API: every event or record of a range, by host and path. */
    private record SaasExport(Pattern host, Pattern path, String what) {
        SaasExport(String host, String path, String what) {
            this(Pattern.compile("(?i)" + host), Pattern.compile("(?i)" + path), what);
        }
    }

    /**
     * Product-analytics and CRM/support platforms' bulk exports: raw events carry user ids, emails and properties; the
     * incremental and query APIs page through every customer record. Their answer is the data, whatever the format.
     */
    private static final List<SaasExport> SAAS = List.of(
            new SaasExport("data(-eu|-in)?\\.mixpanel\\.com", "/api/2\\.0/export/?", "Mixpanel's raw event export"),
            new SaasExport("(data(-eu|-in)?\\.|eu\\.|in\\.)?mixpanel\\.com", "/api/(2\\.0|query)/engage/?", "Mixpanel's user profiles"),
            new SaasExport("(analytics\\.eu\\.)?amplitude\\.com", "/api/2/export/?", "Amplitude's raw event export"),
            new SaasExport("[^.]+\\.zendesk\\.com", "/api/v2/incremental/.+", "a Zendesk incremental export"),
            new SaasExport("[^.]+\\.zendesk\\.com", "/api/v2/search/export(\\.json)?/?", "a Zendesk search export"),
            new SaasExport("[^.]+\\.(my\\.)?salesforce\\.com", "/services/data/v[\\d.]+/query(All)?/?",
                    "a Salesforce SOQL query's records"));
    private static final Pattern FORMAT = Pattern.compile("(?i)[?&](format|type)=(csv|tsv|xlsx|xls|ndjson|jsonl)\\b");

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        if (!(method.isEmpty() || method.equals("GET"))) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        String host = Hosts.of(url);
        for (SaasExport export : SAAS) {
            if (export.path().matcher(path).matches() && export.host().matcher(host).matches()) {
                return rows(inv, url, path, "fetches " + export.what() + " from ");
            }
        }
        if (SNAPSHOT.matcher(path).matches()) {
            return rows(inv, url, path, "fetches a snapshot of a store on ");
        }
        boolean file = path.matches("(?i).+\\.(csv|tsv|xlsx|xls|ndjson|jsonl|parquet)");
        if (!EXPORT.matcher(path).matches() || !file && !FORMAT.matcher(url).find()) {
            return Optional.empty();
        }
        return rows(inv, url, path, "fetches a data export of ");
    }

    private static Optional<List<Operation>> rows(Invocation inv, String url, String path, String what) {
        return Optional.of(List.of(Operation.builder("http", Verb.READ).resource(DatabaseOps.QUERY_RESULTS, path)
                .locator("host", Hosts.of(url)).evidence(inv.evidence()).note(what + Hosts.of(url)).build()));
    }
}
