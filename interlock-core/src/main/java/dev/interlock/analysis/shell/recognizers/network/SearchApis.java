package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP APIs of search and analytics stores, where the method alone misleads: Elasticsearch and OpenSearch answer
 * queries to a POST ({@code _search}, {@code _count}, {@code _sql}) and delete with one ({@code _delete_by_query});
 * Solr's collections API deletes with a GET ({@code action=DELETE}) and its update handler takes
 * {@code <delete><query>*:*</query></delete>}; ClickHouse's HTTP interface runs the SQL in its {@code query}
 * parameter and body, which the SQL analysis reads; Meilisearch's {@code GET /keys} returns API key values.
 */
final class SearchApis {

    /** Elasticsearch/OpenSearch endpoints (the first {@code _} path segment) → what any method does to the index. */
    private static final Map<String, Verb> ELASTIC = Map.ofEntries(
            Map.entry("_search", Verb.READ), Map.entry("_msearch", Verb.READ), Map.entry("_count", Verb.READ),
            Map.entry("_sql", Verb.READ), Map.entry("_query", Verb.READ), Map.entry("_eql", Verb.READ),
            Map.entry("_validate", Verb.READ), Map.entry("_explain", Verb.READ), Map.entry("_field_caps", Verb.READ),
            Map.entry("_mget", Verb.READ), Map.entry("_termvectors", Verb.READ), Map.entry("_mtermvectors", Verb.READ),
            Map.entry("_rank_eval", Verb.READ), Map.entry("_search_shards", Verb.READ), Map.entry("_render", Verb.READ),
            Map.entry("_async_search", Verb.READ), Map.entry("_analyze", Verb.READ), Map.entry("_plugins", Verb.READ),
            Map.entry("_opendistro", Verb.READ),
            Map.entry("_delete_by_query", Verb.DELETE), Map.entry("_update_by_query", Verb.UPDATE),
            Map.entry("_bulk", Verb.UPDATE), Map.entry("_reindex", Verb.CREATE));
    /** OpenSearch plugin paths that only query: {@code _plugins/_sql}, {@code _plugins/_ppl}. */
    private static final Set<String> PLUGIN_QUERIES = Set.of("_sql", "_ppl", "_asynchronous_search");
    /** Solr collections and cores API actions → what they do; unlisted actions (LIST, CLUSTERSTATUS, STATUS) read. */
    private static final Map<String, Verb> SOLR_ACTIONS = Map.ofEntries(
            Map.entry("DELETE", Verb.DELETE), Map.entry("DELETESHARD", Verb.DELETE), Map.entry("DELETEREPLICA", Verb.DELETE),
            Map.entry("DELETEALIAS", Verb.DELETE), Map.entry("UNLOAD", Verb.DELETE), Map.entry("DELETENODE", Verb.DELETE),
            Map.entry("CREATE", Verb.CREATE), Map.entry("CREATEALIAS", Verb.UPDATE), Map.entry("RELOAD", Verb.UPDATE),
            Map.entry("MODIFYCOLLECTION", Verb.UPDATE), Map.entry("SPLITSHARD", Verb.UPDATE), Map.entry("MIGRATE", Verb.UPDATE),
            Map.entry("RESTORE", Verb.REPLACE), Map.entry("RENAME", Verb.UPDATE), Map.entry("SWAP", Verb.UPDATE),
            Map.entry("REBALANCELEADERS", Verb.UPDATE), Map.entry("REPLACENODE", Verb.UPDATE), Map.entry("ADDREPLICA", Verb.UPDATE),
            Map.entry("BACKUP", Verb.CREATE), Map.entry("MERGEINDEXES", Verb.UPDATE));
    /** Solr request handlers that only query, whatever the method. */
    private static final Set<String> SOLR_QUERIES = Set.of("select", "query", "get", "export", "terms", "suggest", "spell",
            "tvrh", "stream", "sql", "graph", "browse", "schema", "config");

    private SearchApis() {
    }

    /** What a request to {@code url} does when it is one of these stores' APIs; {@code body} is the data sent, if known. */
    static Optional<List<Operation>> of(Invocation inv, Nested nested, String url, String method, List<String> body) {
        String host = Hosts.of(url);
        String port = NetworkRecognizer.port(url);
        String path = NetworkRecognizer.path(url);
        Map<String, String> params = params(url);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if ((lowerHost.contains("clickhouse") || port.equals("8123")) && (path.equals("/") || path.isEmpty())) {
            return Optional.of(clickhouse(inv, nested, host, params, body)).filter(ops -> !ops.isEmpty());
        }
        if (path.startsWith("/solr/") || port.equals("8983")) {
            return solr(inv, host, path, params, body);
        }
        boolean meili = lowerHost.contains("meili") || port.equals("7700");
        if (meili && Regex.matches(path, "/indexes/[^/]+/search/?|/multi-search/?")) {
            return Optional.of(List.of(store(Verb.READ).resource("collection", path).locator("host", host)
                    .evidence(inv.evidence()).note("a Meilisearch search").build()));
        }
        if (meili && Regex.matches(path, "/keys(/[^/]+)?/?")
                && (method.isEmpty() || method.equals("GET")) && body.isEmpty()) {
            return Optional.of(List.of(Operation.builder("http", Verb.CREDENTIAL).resource("api-keys", path).locator("host", host)
                    .evidence(inv.evidence()).note("lists Meilisearch API keys with their values").build()));
        }
        return elastic(inv, host, path, method, body);
    }

    private static List<Operation> clickhouse(Invocation inv, Nested nested, String host, Map<String, String> params,
                                              List<String> body) {
        List<String> sql = new ArrayList<>();
        if (params.containsKey("query")) {
            sql.add(params.get("query"));
        }
        sql.addAll(body);
        List<Operation> ops = new ArrayList<>();
        for (String statement : sql) {
            for (Operation op : DatabaseOps.statements(statement, true, "", inv, nested)) {
                ops.add(op.toBuilder().locator("host", host).evidence(inv.evidence()).build());
            }
        }
        return ops;
    }

    private static Optional<List<Operation>> solr(Invocation inv, String host, String path, Map<String, String> params,
                                                  List<String> body) {
        List<String> parts = List.of(path.replaceFirst("^/solr/", "").split("/"));
        if (parts.getFirst().equals("admin") && parts.size() > 1 && params.containsKey("action")) {
            String action = params.get("action").toUpperCase(Locale.ROOT);
            Verb verb = SOLR_ACTIONS.getOrDefault(action, Verb.READ);
            String name = params.getOrDefault("name", params.getOrDefault("collection", params.getOrDefault("core", "")));
            Operation.Builder b = store(verb).resource("collection", name)
                    .locator("host", host).evidence(inv.evidence());
            if (verb == Verb.DELETE || verb == Verb.REPLACE) {
                b.stateful(true).reversible(false).note("Solr " + action + " of " + name + " on " + host);
            }
            return Optional.of(List.of(b.build()));
        }
        String collection = parts.getFirst();
        String handler = parts.size() > 1 ? parts.get(1) : "";
        if (SOLR_QUERIES.contains(handler)) {
            return Optional.of(List.of(store(Verb.READ).resource("collection", collection).locator("host", host)
                    .evidence(inv.evidence()).note("a Solr query").build()));
        }
        if (handler.equals("update")) {
            String sent = String.join("\n", body) + params.getOrDefault("stream.body", "");
            boolean deletes = Regex.find(sent, "(?i)<delete\\b|\"delete\"\\s*:");
            boolean everything = Regex.find(sent, "\\*:\\*");
            Operation.Builder b = store(deletes ? Verb.DELETE : Verb.UPDATE).resource("document", collection)
                    .locator("host", host).evidence(inv.evidence());
            if (deletes) {
                b.stateful(true).reversible(false).scope(everything ? Scope.ALL : Scope.MANY)
                        .note("deletes " + (everything ? "every document" : "documents") + " of Solr collection " + collection);
            }
            return Optional.of(List.of(b.build()));
        }
        return Optional.empty();
    }

    private static Optional<List<Operation>> elastic(Invocation inv, String host, String path, String method, List<String> body) {
        List<String> segments = List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
        int api = 0;
        while (api < segments.size() && !segments.get(api).startsWith("_")) {
            api++;
        }
        String index = api > 0 ? String.join("/", segments.subList(0, api)) : "";
        if (api == segments.size()) {
            if (method.equals("DELETE") && Regex.matches(index, "(?:.*\\*.*|_all)")) {
                return Optional.of(List.of(store(Verb.DELETE).resource("collection", index).locator("host", host)
                        .stateful(true).reversible(false).scope(Scope.ALL).evidence(inv.evidence())
                        .note("deletes every index matching " + index + " on " + host).build()));
            }
            return Optional.empty();
        }
        String endpoint = segments.get(api);
        Verb verb = ELASTIC.get(endpoint);
        if ((endpoint.equals("_plugins") || endpoint.equals("_opendistro"))
                && !(api + 1 < segments.size() && PLUGIN_QUERIES.contains(segments.get(api + 1)))) {
            verb = null;
        }
        if (verb == null || method.equals("DELETE") && verb == Verb.READ) {
            return Optional.empty(); // DELETE _search/scroll, _async_search/ID: clearing a cursor, as the method says
        }
        Operation.Builder b = store(verb).resource(verb == Verb.READ ? "collection" : "document", index.isEmpty() ? "_all" : index)
                .locator("host", host).evidence(inv.evidence());
        if (verb == Verb.READ) {
            b.note("an " + endpoint + " query" + (host.isEmpty() ? "" : " to " + host));
        } else if (verb == Verb.DELETE) {
            boolean everything = body.stream().anyMatch(s -> Regex.find(s, "match_all")) || index.isEmpty() || index.contains("*");
            b.stateful(true).reversible(false).scope(everything ? Scope.ALL : Scope.MANY)
                    .note("deletes " + (everything ? "every document" : "the matching documents") + " of " + (index.isEmpty() ? "every index" : index));
        }
        return Optional.of(List.of(b.build()));
    }

    /**
     * An operation on the store's data: indices, collections and their documents are a database's (so a local one is a
     * sandbox and chosen documents in staging are routine, as for MongoDB).
     */
    private static Operation.Builder store(Verb verb) {
        return Operation.builder(DatabaseOps.SYSTEM, verb);
    }

    /** The query string's parameters, decoded ({@code action=DELETE&name=products}). */
    private static Map<String, String> params(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(key, URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(key, value);
            }
        }
        return out;
    }
}
