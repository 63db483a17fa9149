package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FHIR's bulk data export ({@code GET|POST [base]/$export}, {@code /Patient/$export}, {@code /Group/ID/$export}): the
 * server writes every matching patient's records out as NDJSON files for the caller to fetch, so kicking one off is a
 * copy of the store's data, held in production as a query's rows written to a file are. One resource read, a search
 * and {@code $everything} for one patient answer on stdout and stay reads; writes are judged by their method.
 */
final class FhirApis {

    private FhirApis() {
    }

    /** The export operation at the server, Patient or Group level (the query string, _type or _since, is not in the path). */
    private static final Pattern BULK_EXPORT = Pattern.compile(".*/\\$export/?");

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        if (!(method.isEmpty() || method.equals("GET") || method.equals("POST"))) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        if (!BULK_EXPORT.matcher(path).matches()) {
            return Optional.empty();
        }
        String host = Hosts.of(url);
        return Optional.of(List.of(Operation.builder("http", Verb.READ).resource(DatabaseOps.QUERY_RESULTS, path)
                .locator("host", host).locator(DatabaseOps.COPIES_DATA, "bulk-export").scope(Scope.MANY)
                .evidence(inv.evidence())
                .note("starts a FHIR bulk export on " + host + ": every matching patient's records are written out as files to fetch")
                .build()));
    }
}
