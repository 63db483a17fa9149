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
 * Log-search and BI APIs that run a query with a POST: Sumo Logic starts a search job
 * ({@code POST /api/v1/search/jobs}), Metabase runs a saved question or an ad-hoc query
 * ({@code POST /api/card/ID/query}, {@code POST /api/dataset}, and their export formats). Each only reads; every other
 * request to these services keeps the plain HTTP reading.
 */
final class BiApis {

    private static final Pattern SUMO_HOST = Pattern.compile("(?i)(.+\\.)?sumologic\\.(com|net)");
    private static final Pattern SUMO_SEARCH = Pattern.compile("/api/v1/search/jobs/?");
    private static final Pattern METABASE_QUERY = Pattern.compile("(/[^/]+)?/api/(card/\\d+/query(/(csv|json|xlsx|api))?"
            + "|card/pivot/\\d+/query|dataset(/(csv|json|xlsx|native|pivot|duration))?)/?");

    private BiApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        // no method: a POST with a body, perhaps from a file (--data @search.json); a GET of these paths reads too
        if (!method.isEmpty() && !method.equalsIgnoreCase("POST") && !method.equalsIgnoreCase("GET")) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        // fixed prefixes first: the patterns only run on a path that can be one of these APIs
        boolean sumo = path.startsWith("/api/v1/search/jobs") && SUMO_HOST.matcher(Hosts.of(url)).matches() && SUMO_SEARCH.matcher(path).matches();
        boolean metabase = !sumo && (path.contains("/api/card/") || path.contains("/api/dataset")) && METABASE_QUERY.matcher(path).matches();
        if (!sumo && !metabase) {
            return Optional.empty();
        }
        String host = Hosts.of(url);
        // a Sumo search answers with a job id; a Metabase query with its rows (an estimate of its duration with neither)
        String type = sumo ? "log-search" : path.contains("/duration") ? "query" : DatabaseOps.QUERY_RESULTS;
        return Optional.of(List.of(Operation.builder("http", Verb.READ).resource(type, path).locator("host", host)
                .evidence(inv.evidence()).note((sumo ? "a Sumo Logic log search" : "runs a Metabase query") + " on " + host).build()));
    }
}
