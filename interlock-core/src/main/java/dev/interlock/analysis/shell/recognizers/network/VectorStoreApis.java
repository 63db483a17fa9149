package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP APIs of vector databases, which are queried with a POST and often delete with one too, so the method misleads:
 * Qdrant searches, scrolls and counts points with {@code POST /collections/C/points/scroll} and deletes them with
 * {@code …/points/delete}; a Pinecone index host answers {@code /query} and {@code /describe_index_stats} and deletes
 * with {@code /vectors/delete}; Chroma's {@code …/collections/ID/query|get|count} read and {@code …/delete} deletes;
 * Milvus's REST API names every action in its last segment ({@code /v2/vectordb/entities/search},
 * {@code /collections/drop}). Requests these tables do not name are left to their method.
 */
final class VectorStoreApis {

    /** Qdrant: the word after {@code /points/} → what it does to the collection's points. */
    private static final Map<String, Verb> QDRANT_POINTS = Map.ofEntries(
            Map.entry("scroll", Verb.READ), Map.entry("search", Verb.READ), Map.entry("query", Verb.READ),
            Map.entry("count", Verb.READ), Map.entry("recommend", Verb.READ), Map.entry("discover", Verb.READ),
            Map.entry("facet", Verb.READ),
            Map.entry("delete", Verb.DELETE), Map.entry("payload/delete", Verb.DELETE), Map.entry("payload/clear", Verb.DELETE),
            Map.entry("vectors/delete", Verb.DELETE),
            Map.entry("payload", Verb.UPDATE), Map.entry("vectors", Verb.UPDATE), Map.entry("batch", Verb.UPDATE));
    private static final Pattern QDRANT = Pattern.compile("/collections/([^/]+)/points(?:/(.*?))?/?");
    /** Pinecone's data plane, on an index's own host ({@code INDEX-PROJECT.svc.REGION.pinecone.io}). */
    private static final Map<String, Verb> PINECONE = Map.ofEntries(
            Map.entry("query", Verb.READ), Map.entry("describe_index_stats", Verb.READ), Map.entry("vectors/fetch", Verb.READ),
            Map.entry("vectors/list", Verb.READ), Map.entry("search", Verb.READ),
            Map.entry("vectors/delete", Verb.DELETE),
            Map.entry("vectors/upsert", Verb.UPDATE), Map.entry("vectors/update", Verb.UPDATE), Map.entry("upsert", Verb.UPDATE));
    /** Chroma: the last segment under a collection, and the server-wide reset. */
    private static final Map<String, Verb> CHROMA = Map.ofEntries(
            Map.entry("query", Verb.READ), Map.entry("get", Verb.READ), Map.entry("count", Verb.READ),
            Map.entry("delete", Verb.DELETE),
            Map.entry("add", Verb.UPDATE), Map.entry("upsert", Verb.UPDATE), Map.entry("update", Verb.UPDATE));
    private static final Pattern CHROMA_PATH = Pattern.compile("/api/v[12]/(?:.*/)?collections/([^/]+)/(\\w+)/?");
    /** Milvus REST (v2): the action, the last segment; {@code grant_*} and {@code revoke_*} change permissions. */
    private static final Map<String, Verb> MILVUS = Map.ofEntries(
            Map.entry("list", Verb.READ), Map.entry("describe", Verb.READ), Map.entry("has", Verb.READ),
            Map.entry("get_stats", Verb.READ), Map.entry("get_load_state", Verb.READ), Map.entry("query", Verb.READ),
            Map.entry("search", Verb.READ), Map.entry("get", Verb.READ), Map.entry("hybrid_search", Verb.READ),
            Map.entry("advanced_search", Verb.READ), Map.entry("get_progress", Verb.READ),
            Map.entry("drop", Verb.DELETE), Map.entry("delete", Verb.DELETE),
            Map.entry("release", Verb.UPDATE), Map.entry("load", Verb.UPDATE), Map.entry("refresh_load", Verb.UPDATE),
            Map.entry("rename", Verb.UPDATE), Map.entry("alter_properties", Verb.UPDATE), Map.entry("drop_properties", Verb.UPDATE),
            Map.entry("compact", Verb.UPDATE), Map.entry("flush", Verb.UPDATE), Map.entry("insert", Verb.UPDATE),
            Map.entry("upsert", Verb.UPDATE), Map.entry("alter", Verb.UPDATE), Map.entry("update_password", Verb.UPDATE),
            Map.entry("create", Verb.CREATE));
    private static final Pattern MILVUS_PATH = Pattern.compile("/v2/vectordb/([\\w/]+?)/(\\w+)/?");
    private static final Pattern COLLECTION_NAME = Pattern.compile("\"collectionName\"\\s*:\\s*\"([^\"]*)\"");

    private VectorStoreApis() {
    }

    /** What a request to {@code url} does when it is one of these stores' APIs; {@code body} is the data sent, if known. */
    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        String sent = String.join("\n", body);
        Matcher q = QDRANT.matcher(path);
        if (q.matches()) {
            String action = q.group(2) == null ? "" : q.group(2);
            // POST /points with ids retrieves them; PUT upserts: the method says which
            Verb verb = action.isEmpty() ? (method.equals("POST") ? Verb.READ : null)
                    : QDRANT_POINTS.getOrDefault(action, QDRANT_POINTS.get(Regex.before(action, "/"))); // search/batch, query/groups
            return verb == null ? Optional.empty()
                    : Optional.of(List.of(op(inv, verb, q.group(1), host, "Qdrant points/" + action, Scope.MANY)));
        }
        if (host.endsWith(".pinecone.io") && !host.equals("api.pinecone.io")) {
            String action = Regex.replaceFirst(Regex.replaceAll(path, "^/|/$", ""), "^records/namespaces/[^/]+/", "");
            Verb verb = PINECONE.get(action);
            String index = Regex.before(host, "\\.");
            boolean everything = Regex.find(sent, "\"deleteAll\"\\s*:\\s*true");
            return Optional.ofNullable(verb).map(v -> List.of(op(inv, v, index, host, "Pinecone " + action,
                    everything ? Scope.ALL : Scope.MANY)));
        }
        Matcher m = MILVUS_PATH.matcher(path);
        if (m.matches()) {
            String action = m.group(2);
            Verb verb = action.startsWith("grant") || action.startsWith("revoke") ? Verb.GRANT : MILVUS.get(action);
            Matcher named = COLLECTION_NAME.matcher(sent);
            String collection = named.find() ? named.group(1) : m.group(1);
            return Optional.ofNullable(verb).map(v -> List.of(op(inv, v, collection, host, "Milvus " + m.group(1) + "/" + action,
                    m.group(1).equals("entities") ? Scope.MANY : Scope.ONE)));
        }
        Matcher c = CHROMA_PATH.matcher(path);
        boolean chroma = host.toLowerCase(Locale.ROOT).contains("chroma") || NetworkRecognizer.port(url).equals("8000")
                || path.startsWith("/api/v2/tenants/");
        if (chroma && c.matches() && CHROMA.containsKey(c.group(2))) {
            return Optional.of(List.of(op(inv, CHROMA.get(c.group(2)), c.group(1), host, "Chroma " + c.group(2), Scope.MANY)));
        }
        if (chroma && Regex.matches(path, "/api/v[12]/reset/?")) {
            return Optional.of(List.of(op(inv, Verb.DELETE, "every collection", host, "Chroma reset", Scope.ALL)));
        }
        return Optional.empty();
    }

    /**
     * An operation on the store's data, a database's (a store on this machine is a sandbox, as for search stores);
     * deletes lose what they name.
     */
    private static Operation op(Invocation inv, Verb verb, String collection, String host, String what, Scope scope) {
        Operation.Builder b = Operation.builder(DatabaseOps.SYSTEM, verb).resource("collection", collection)
                .locator("host", host).evidence(inv.evidence());
        if (verb == Verb.READ) {
            return b.note("a " + what + " request only reads").build();
        }
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).scope(scope);
        }
        return b.note(what + " on " + (host.isEmpty() ? "the server" : host)).build();
    }
}
