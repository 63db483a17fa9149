package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch and OpenSearch clients in one-liner code (Python's {@code elasticsearch} and {@code opensearchpy},
 * JavaScript's {@code @elastic/elasticsearch} and {@code @opensearch-project/opensearch}, Ruby's {@code elasticsearch}
 * gem), written back as the REST call each method makes, so that the search APIs' table judges them as it judges curl:
 * {@code es.indices.delete(index='_all')} is {@code curl -X DELETE URL/_all}, {@code es.cat.indices()} is
 * {@code GET URL/_cat/indices}. The URL is the one the client is built with; a client built from a cloud id or the
 * environment names no host, and the call lands nowhere known.
 */
final class SearchClientCalls {

    private SearchClientCalls() {
    }

    /** A REST call: the method, and the path with {@code {index}} and {@code {id}} to fill in; {@code body} sends the arguments. */
    private record Rest(String method, String path, boolean body) {
    }

    private static Rest get(String path) {
        return new Rest("GET", path, false);
    }

    /** Client namespaces whose every method only reads ({@code es.cat.indices()}, {@code es.nodes.stats()}). */
    private static final Set<String> READ_NAMESPACES = Set.of("cat", "nodes");
    /** A call by its namespace ("" for the client's own methods) and snake-case name. */
    private static final Map<String, Rest> CALLS = Map.ofEntries(
            Map.entry("search", get("/{index}/_search")), Map.entry("msearch", get("/{index}/_msearch")),
            Map.entry("count", get("/{index}/_count")), Map.entry("get", get("/{index}/_doc/{id}")),
            Map.entry("get_source", get("/{index}/_source/{id}")), Map.entry("mget", get("/{index}/_mget")),
            Map.entry("exists", get("/{index}/_doc/{id}")), Map.entry("explain", get("/{index}/_explain/{id}")),
            Map.entry("field_caps", get("/{index}/_field_caps")), Map.entry("info", get("/")), Map.entry("ping", get("/")),
            Map.entry("scroll", get("/_search/scroll")), Map.entry("search_template", get("/{index}/_search/template")),
            Map.entry("termvectors", get("/{index}/_termvectors/{id}")), Map.entry("knn_search", get("/{index}/_knn_search")),
            Map.entry("delete", new Rest("DELETE", "/{index}/_doc/{id}", false)),
            Map.entry("delete_by_query", new Rest("POST", "/{index}/_delete_by_query", true)),
            Map.entry("update_by_query", new Rest("POST", "/{index}/_update_by_query", true)),
            Map.entry("index", new Rest("PUT", "/{index}/_doc/{id}", false)),
            Map.entry("create", new Rest("PUT", "/{index}/_create/{id}", false)),
            Map.entry("update", new Rest("POST", "/{index}/_update/{id}", false)),
            Map.entry("bulk", new Rest("POST", "/{index}/_bulk", false)),
            Map.entry("reindex", new Rest("POST", "/_reindex", true)),
            Map.entry("indices.delete", new Rest("DELETE", "/{index}", false)),
            Map.entry("indices.create", new Rest("PUT", "/{index}", false)),
            Map.entry("indices.get", get("/{index}")), Map.entry("indices.exists", get("/{index}")),
            Map.entry("indices.get_mapping", get("/{index}/_mapping")), Map.entry("indices.get_settings", get("/{index}/_settings")),
            Map.entry("indices.get_alias", get("/{index}/_alias")), Map.entry("indices.stats", get("/{index}/_stats")),
            Map.entry("indices.put_mapping", new Rest("PUT", "/{index}/_mapping", true)),
            Map.entry("indices.put_settings", new Rest("PUT", "/{index}/_settings", true)),
            Map.entry("indices.close", new Rest("POST", "/{index}/_close", false)),
            Map.entry("indices.delete_alias", new Rest("DELETE", "/{index}/_alias/{name}", false)),
            Map.entry("indices.delete_data_stream", new Rest("DELETE", "/_data_stream/{name}", false)),
            Map.entry("cluster.health", get("/_cluster/health")), Map.entry("cluster.state", get("/_cluster/state")),
            Map.entry("cluster.stats", get("/_cluster/stats")), Map.entry("cluster.get_settings", get("/_cluster/settings")),
            Map.entry("cluster.put_settings", new Rest("PUT", "/_cluster/settings", true)));

    /** A method call, with the client namespace in front of it if any ({@code .indices.delete(}, Ruby's {@code .indices().delete(}). */
    private static final Pattern CALL = Pattern.compile(
            "(?:\\b(\\w+)|(\\)))\\s*\\.\\s*(?:(cat|indices|cluster|nodes)\\s*(?:\\(\\s*\\))?\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*\\(");
    /** A name given a client: {@code es = Elasticsearch(…)}, {@code const client = new Client(…)}, Ruby's {@code c = Elasticsearch::Client.new(…)}. */
    private static final Pattern CLIENT = Pattern.compile("\\b(\\w+)\\s*=\\s*(?:await\\s+)?(?:new\\s+)?(?:[\\w.]+(?:\\.|::))?"
            + "(?:Elasticsearch|AsyncElasticsearch|OpenSearch|AsyncOpenSearch|Client|ElasticsearchClient|OpenSearchClient|RestHighLevelClient)\\b");
    /** An argument by name: a keyword ({@code index='x'}, {@code index: 'x'}) or the Java clients' builder lambda's {@code d.index("x")}. */
    private static final Pattern INDEX = Pattern.compile("\\bindex\\s*(?:[=:]|(?<=\\.index\\s{0,9})\\()\\s*" + LIT);
    private static final Pattern ID = Pattern.compile("\\bid\\s*(?:[=:]|(?<=\\.id\\s{0,9})\\()\\s*" + LIT);
    private static final Pattern NAME = Pattern.compile("\\bname\\s*(?:[=:]|(?<=\\.name\\s{0,9})\\()\\s*" + LIT);
    private static final Pattern FIRST = Pattern.compile("^\\s*\\(?\\s*" + LIT);
    /** The URL a client is built with: {@code Elasticsearch('https://…')}, {@code hosts=[…]}, {@code node: '…'}, {@code url: "…"}. */
    private static final Pattern BUILT = Pattern.compile("\\b(?:Elasticsearch|AsyncElasticsearch|OpenSearch|AsyncOpenSearch|Client)"
            + "\\s*(?:\\.\\s*new)?\\s*\\(\\s*\\{?\\s*(?:(?:hosts?|urls?|nodes?)\\s*[=:]\\s*)?\\[?\\s*" + LIT);
    private static final Pattern KEYWORD_URL = Pattern.compile("\\b(?:hosts?|urls?|nodes?)\\s*[=:]\\s*\\[?\\s*" + LIT);
    private static final Pattern HOST_ENTRY = Pattern.compile("['\"]?host['\"]?\\s*[=:]\\s*" + LIT);
    /**
     * The Java clients' host: {@code HttpHost.create("https://h:9200")}, {@code new HttpHost("h", 9200, "https")} (the low-level
     * client's order), {@code new HttpHost("https", "h", 9200)} (httpclient5's), a builder's {@code .host("https://h:9200")}.
     */
    private static final Pattern HTTP_HOST = Pattern.compile("\\b(?:HttpHost\\s*\\.\\s*create|\\.\\s*host|HttpHost)\\s*\\(\\s*" + LIT
            + "(?:\\s*,\\s*(?:" + LIT + "|(\\d+)))?(?:\\s*,\\s*(?:" + LIT + "|(\\d+)))?");

    /** The REST calls the code's client calls make, as curl command lines, and the methods accounted for. */
    static void find(String code, Language language, List<String> lines, Set<String> accounted) {
        String text = ScriptSdkCalls.normalized(code, language);
        String base = base(text);
        Set<String> clients = new java.util.HashSet<>();
        Matcher c = CLIENT.matcher(text);
        while (c.find()) {
            clients.add(c.group(1));
        }
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            if (m.group(1) != null && !clients.contains(m.group(1))) {
                continue; // d.update(…), ids.index(…): a dictionary's or a list's method, not the client's
            }
            String namespace = m.group(3) == null ? "" : m.group(3);
            String method = ClientCallSyntax.snake(m.group(4));
            Rest rest = READ_NAMESPACES.contains(namespace) ? get("/_" + namespace + "/" + method)
                    : CALLS.get(namespace.isEmpty() ? method : namespace + "." + method);
            if (rest == null) {
                continue; // an unread call stays unaccounted: named like a change, it keeps the code opaque
            }
            accounted.add(m.group(4));
            if (!namespace.isEmpty()) {
                accounted.add(namespace);
            }
            String args = callArguments(text, m.end());
            String path = rest.path().replace("{index}", value(INDEX, args, namespace.equals("indices") ? FIRST : null))
                    .replace("{id}", value(ID, args, null)).replace("{name}", value(NAME, args, null));
            path = Regex.replaceAll(path, "/{2,}", "/");
            StringBuilder line = new StringBuilder("curl -s -X ").append(rest.method()).append(" '")
                    .append(base).append(path.replace("'", "")).append('\'');
            if (rest.body() && !args.isBlank()) {
                // a Python dict or Ruby hash read as the JSON it is sent as
                line.append(" -d '").append(args.replace("'", "\"").replace("=>", ":")).append('\'');
            }
            lines.add(line.toString());
        }
    }

    private static String value(Pattern named, String args, Pattern positional) {
        Matcher n = named.matcher(args);
        if (n.find()) {
            return lit(n, 1);
        }
        if (positional != null) {
            Matcher p = positional.matcher(args);
            if (p.find()) {
                return lit(p, 1);
            }
        }
        return "";
    }

    private static String httpHost(String code) {
        Matcher h = HTTP_HOST.matcher(code);
        if (!h.find()) {
            return "";
        }
        String first = lit(h, 1);
        String second = lit(h, 3);
        String port = h.group(5) != null ? h.group(5) : h.group(8) != null ? h.group(8) : "";
        String third = lit(h, 6);
        if (first.contains("://")) {
            return first;
        }
        boolean schemeFirst = first.equals("http") || first.equals("https");
        String host = schemeFirst ? second : first;
        String scheme = schemeFirst ? first : third.equals("https") ? "https" : "http";
        return host.isEmpty() ? "" : scheme + "://" + host + (port.isEmpty() ? "" : ":" + port);
    }

    /** The client's URL without a trailing slash; empty when the code names none (a cloud id, the environment). */
    private static String base(String code) {
        Matcher b = BUILT.matcher(code);
        String url = b.find() ? lit(b, 1) : "";
        if (url.isEmpty()) {
            Matcher k = KEYWORD_URL.matcher(code);
            url = k.find() ? lit(k, 1) : "";
        }
        if (url.isEmpty()) {
            Matcher h = HOST_ENTRY.matcher(code);
            url = h.find() ? lit(h, 1) : "";
        }
        if (url.isEmpty()) {
            url = httpHost(code);
        }
        if (url.isEmpty() || url.contains("'")) {
            return "";
        }
        url = url.contains("://") ? url : "http://" + url + (url.contains(":") ? "" : ":9200");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
