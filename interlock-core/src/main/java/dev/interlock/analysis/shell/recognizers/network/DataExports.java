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
 * browser's download) it is a copy of that application's data, as a query's rows written to a file are.
 */
final class DataExports {

    private DataExports() {
    }

    private static final Pattern EXPORT = Pattern.compile("(?i)(.*/(reports?|exports?)/.+\\.(csv|tsv|xlsx|xls|ndjson|jsonl|parquet)"
            + "|.*/exports?(\\.(csv|tsv|xlsx|xls|ndjson|jsonl))?)/?");
    private static final Pattern FORMAT = Pattern.compile("(?i)[?&](format|type)=(csv|tsv|xlsx|xls|ndjson|jsonl)\\b");

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        if (!(method.isEmpty() || method.equals("GET"))) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        boolean file = path.matches("(?i).+\\.(csv|tsv|xlsx|xls|ndjson|jsonl|parquet)");
        if (!EXPORT.matcher(path).matches() || !file && !FORMAT.matcher(url).find()) {
            return Optional.empty();
        }
        return Optional.of(List.of(Operation.builder("http", Verb.READ).resource(DatabaseOps.QUERY_RESULTS, path)
                .locator("host", Hosts.of(url)).evidence(inv.evidence()).note("fetches a data export of " + Hosts.of(url)).build()));
    }
}
