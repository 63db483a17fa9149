package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
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
 * {@code <delete><query>*:*</query></delete>}; ClickHouse's and QuestDB's HTTP interfaces run the SQL in their
 * {@code query} parameter and body, InfluxDB's {@code /query} the InfluxQL in {@code q}, Druid's {@code /druid/v2/sql} the
 * body's {@code query}, which the SQL analysis reads; Meilisearch's {@code GET /keys} returns API key values. Cluster
 * settings that switch the security plugin's audit log or authentication off are a security control taken away;
 * {@code _reindex} from a remote source copies that cluster's documents; Kibana's saved-objects export only reads
 * configuration, though it is a POST.
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
        if ((lowerHost.contains("clickhouse") || lowerHost.startsWith("ch-") || port.equals("8123") || port.equals("8443"))
                && (path.equals("/") || path.isEmpty())) {
            return Optional.of(sql(inv, nested, host, params, body, "query")).filter(ops -> !ops.isEmpty());
        }
        if (path.equals("/exec") && (lowerHost.contains("questdb") || port.equals("9000"))) {
            return Optional.of(sql(inv, nested, host, params, body, "query")).filter(ops -> !ops.isEmpty());
        }
        boolean influx = lowerHost.contains("influx") || port.equals("8086");
        if (influx && path.equals("/query")) {
            return Optional.of(sql(inv, nested, host, params, body, "q")).filter(ops -> !ops.isEmpty());
        }
        if (influx && path.equals("/api/v2/delete")) {
            String bucket = params.getOrDefault("bucket", "");
            return Optional.of(List.of(store(Verb.DELETE).resource("bucket", bucket).locator("host", host)
                    .stateful(true).reversible(false).scope(Scope.MANY).evidence(inv.evidence())
                    .note("deletes the points of InfluxDB bucket " + bucket + " in the time range given").build()));
        }
        if (path.startsWith("/druid/")) {
            return druid(inv, nested, host, path, method, body);
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
        if (lowerHost.contains("algolia") && path.startsWith("/1/indexes/")) {
            return algolia(inv, host, path);
        }
        if (Regex.matches(path, "/multi_search/?") && (lowerHost.contains("typesense") || port.equals("8108"))) {
            return Optional.of(List.of(store(Verb.READ).resource("collection", path).locator("host", host)
                    .evidence(inv.evidence()).note("a Typesense search").build()));
        }
        if (path.contains("/api/saved_objects/")) {
            return kibana(inv, host, path);
        }
        return elastic(inv, host, path, method, body);
    }

    /**
     * Algolia's {@code /1/indexes/NAME/ACTION} (NAME {@code *} for several indices): queries, browses and object fetches
     * are POSTs that read; {@code clear} (every record), {@code deleteByQuery} and the rules' and synonyms' {@code clear}
     * delete many. Other actions are left to their method.
     */
    private static Optional<List<Operation>> algolia(Invocation inv, String host, String path) {
        String index = Regex.replaceFirst(path, "^/1/indexes/([^/]+).*$", "$1");
        String action = Regex.replaceFirst(Regex.replaceFirst(path, "^/1/indexes/[^/]+/?", ""), "/$", "");
        Operation.Builder b;
        if (Regex.matches(action, "query|queries|browse|objects|(rules|synonyms)/search|facets/[^/]+/query")) {
            b = store(Verb.READ).note("an Algolia " + action + " request only reads");
        } else if (Regex.matches(action, "clear|deleteByQuery|(rules|synonyms)/clear")) {
            b = store(Verb.DELETE).stateful(true).reversible(false).scope(Scope.MANY)
                    .note("Algolia " + action + " deletes the index's " + (action.contains("/") ? Regex.before(action, "/") : "records"));
        } else {
            return Optional.empty();
        }
        return Optional.of(List.of(b.resource("collection", index).locator("host", host)
                .locator("environment", DeploymentWords.tierOfName(index))
                .evidence(inv.evidence()).build()));
    }

    /** Kibana's saved-objects calls that only read, though POSTs: export, bulk get and resolve. */
    private static final Set<String> KIBANA_READS = Set.of("_export", "_bulk_get", "_bulk_resolve", "_find");

    private static Optional<List<Operation>> kibana(Invocation inv, String host, String path) {
        String call = path.substring(path.lastIndexOf('/') + 1);
        if (!KIBANA_READS.contains(call)) {
            return Optional.empty();
        }
        return Optional.of(List.of(Operation.builder("http", Verb.READ).resource("saved-objects", path).locator("host", host)
                .evidence(inv.evidence()).note("Kibana's saved objects (dashboards, index patterns): configuration, read").build()));
    }

    /**
     * Stores whose HTTP API runs the SQL in a query parameter and the body (ClickHouse's and QuestDB's {@code query},
     * InfluxDB's {@code q}): a body sent as a form field ({@code --data-urlencode 'query=…'}) is that field's text.
     */
    private static List<Operation> sql(Invocation inv, Nested nested, String host, Map<String, String> params,
                                       List<String> body, String parameter) {
        List<String> sql = new ArrayList<>();
        if (params.containsKey(parameter)) {
            sql.add(params.get(parameter));
        }
        for (String sent : body) {
            sql.add(sent.startsWith(parameter + "=") ? decoded(sent.substring(parameter.length() + 1)) : sent);
        }
        return statements(inv, nested, host, sql);
    }

    private static String decoded(String value) {
        if (!value.contains("%")) {
            return value; // --data-urlencode sends the text as written
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Druid: SQL in the body's {@code query} field; the coordinator's {@code DELETE …/datasources/X} drops a datasource. */
    private static Optional<List<Operation>> druid(Invocation inv, Nested nested, String host, String path, String method,
                                                   List<String> body) {
        if (Regex.matches(path, "/druid/v2/sql/?")) {
            List<String> sql = new ArrayList<>();
            for (String sent : body) {
                java.util.regex.Matcher m = DRUID_QUERY.matcher(sent);
                if (m.find()) {
                    sql.add(m.group(1).replace("\\\"", "\""));
                }
            }
            return sql.isEmpty() ? Optional.empty() : Optional.of(statements(inv, nested, host, sql)).filter(ops -> !ops.isEmpty());
        }
        if (method.equals("DELETE") && Regex.matches(path, "/druid/coordinator/v1/datasources/[^/]+/?")) {
            String name = Regex.replaceFirst(path, "^/druid/coordinator/v1/datasources/([^/]+)/?$", "$1");
            return Optional.of(List.of(store(Verb.DELETE).resource("datasource", name).locator("host", host)
                    .stateful(true).reversible(false).scope(Scope.ALL).evidence(inv.evidence())
                    .note("marks every segment of Druid datasource " + name + " unused").build()));
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern DRUID_QUERY = java.util.regex.Pattern.compile(
            "\"query\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static List<Operation> statements(Invocation inv, Nested nested, String host, List<String> sql) {
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
        if (segments.size() == 1 && segments.getFirst().equals("_all")) {
            index = "_all"; // DELETE /_all: every index, as a wildcard is
            api = 1;
        }
        if (api < segments.size() && Set.of("_cluster", "_plugins", "_opendistro").contains(segments.get(api))) {
            Optional<List<Operation>> switched = switchedOff(inv, host, path, method, body);
            if (switched.isPresent()) {
                return switched;
            }
        }
        if (api == segments.size() - 2 && api > 0 && DOCUMENT.contains(segments.get(api))) {
            return Optional.of(List.of(document(inv, host, index, segments.get(api + 1), method)));
        }
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
        if (endpoint.equals("_reindex")) {
            return Optional.of(withRemoteSource(inv, b.build(), body));
        }
        return Optional.of(List.of(b.build()));
    }

    /** Document APIs: {@code /INDEX/_doc/ID} and its kin name one document. */
    private static final Set<String> DOCUMENT = Set.of("_doc", "_create", "_update", "_source");

    /** One document by id: a GET reads it, a DELETE loses it, anything else writes it. */
    private static Operation document(Invocation inv, String host, String index, String id, String method) {
        Verb verb = method.equals("DELETE") ? Verb.DELETE : method.isEmpty() || method.equals("GET") || method.equals("HEAD") ? Verb.READ : Verb.UPDATE;
        Operation.Builder b = store(verb).resource(verb == Verb.READ ? "collection" : "document", index + "/" + id)
                .locator("host", host).evidence(inv.evidence());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).note("deletes document " + id + " of " + index);
        }
        return b.build();
    }

    /** A remote source in a reindex body: {@code "source": {"remote": {"host": "https://es.prod:9200"}, "index": "customers"}}. */
    private static final java.util.regex.Pattern REMOTE_HOST = java.util.regex.Pattern.compile(
            "\"remote\"\\s*:\\s*\\{[^}]*?\"host\"\\s*:\\s*\"([^\"]+)\"");
    private static final java.util.regex.Pattern SOURCE_INDEX = java.util.regex.Pattern.compile(
            "\"source\"\\s*:\\s*\\{(?:[^{}]|\\{[^{}]*\\})*?\"index\"\\s*:\\s*\\[?\\s*\"([^\"]+)\"");

    /**
     * {@code _reindex} from a remote cluster reads that cluster's documents into the one called: a copy of its data out
     * of it, judged where the remote is (a prod source copied onto a laptop's node).
     */
    private static List<Operation> withRemoteSource(Invocation inv, Operation write, List<String> body) {
        for (String sent : body) {
            if (!sent.contains("\"remote\"")) {
                continue; // most reindexes copy within the cluster
            }
            java.util.regex.Matcher remote = REMOTE_HOST.matcher(sent);
            if (!remote.find()) {
                continue;
            }
            String source = Hosts.of(remote.group(1));
            java.util.regex.Matcher index = SOURCE_INDEX.matcher(sent);
            String name = index.find() ? index.group(1) : "";
            Operation read = store(Verb.READ).resource("collection", name).locator("host", source)
                    .locator(DatabaseOps.COPIES_DATA, "documents").evidence(inv.evidence())
                    .note("reindex from remote: " + source + "'s " + (name.isEmpty() ? "documents" : name) + " are copied into the cluster at "
                            + write.resource().locator("host"))
                    .build();
            return List.of(write, read);
        }
        return List.of(write);
    }

    /**
     * {@code PUT _cluster/settings} (or the security plugin's audit configuration) switching the audit log or the
     * security plugin off: the change is marked with the control it takes away, whatever the tier would allow.
     */
    private static Optional<List<Operation>> switchedOff(Invocation inv, String host, String path, String method, List<String> body) {
        if (body.isEmpty() || method.equals("GET") || method.equals("DELETE")) {
            return Optional.empty();
        }
        Optional<String> control = SecurityControls.searchSettings(path, String.join("\n", body));
        return control.map(name -> List.of(store(Verb.UPDATE).resource("cluster-settings", path).locator("host", host)
                .locator(SecurityControls.LOCATOR, name).evidence(inv.evidence())
                .note("changes the cluster's settings; switches off " + name).build()));
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
