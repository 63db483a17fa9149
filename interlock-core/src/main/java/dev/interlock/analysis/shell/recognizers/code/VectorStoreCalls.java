package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.callArguments;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vector databases' client libraries (Chroma, Milvus, Qdrant, Pinecone, Weaviate) in one-liner code. Each call is read
 * by its method from one table: dropping or deleting a collection or index, deleting records, resetting the server,
 * releasing a collection from memory (its searches fail), writing records; listing, describing, counting, querying and
 * searching only read. Where it lands is the server the client is built for: {@code HttpClient(host=…)},
 * {@code MilvusClient(uri=…)}, {@code QdrantClient(url=…)}, a Weaviate connection's host, Pinecone's cloud with the index
 * name as the place; an embedded store (Chroma's {@code PersistentClient}, a Milvus Lite {@code .db} file, Qdrant's
 * {@code :memory:} or {@code path=}, {@code weaviate.connect_to_local()}) is on this machine.
 */
final class VectorStoreCalls {

    private VectorStoreCalls() {
    }

    /** A method call and the name of what it is called on ({@code collections} in {@code client.collections.delete(…)}). */
    private static final Pattern CALL = Pattern.compile("(?:(\\w+)\\s*(?:\\([^()]*\\))?)?\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /** Calls that change a store, in snake case (JavaScript's {@code deleteCollection} too) → verb. */
    private static final Map<String, Verb> CHANGES = changes();
    /** Calls that only read: listing, describing, counting, querying, searching, and choosing a handle. */
    private static final Pattern READS = Pattern.compile("(?:list|get|describe|has|count|search|query|scroll|retrieve|recommend"
            + "|discover|fetch|peek|facet|near|hybrid|similarity|aggregate|read|use|with|info|exists|collection_exists"
            + "|heartbeat|version|get_version|index|collection|collections|data|connect|close|is_ready|is_live|iterator|Index"
            // Pinecone's list_indexes().names(): the names out of the listing
            + "|names)"
            + "(?:_\\w+)?");
    /** What a call names: a keyword naming a collection or index, else its first literal argument. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:collection_name|collectionName|index_name|name|class_name)\\s*[=:]\\s*" + LIT);
    private static final Pattern FIRST = Pattern.compile("^\\s*" + LIT);
    /**
     * A filter on names in the code ({@code name.endswith('-prod')}, {@code 'prod' in name}, JavaScript's
     * {@code startsWith}/{@code includes}): what a delete of a name held in a variable reaches, as a glob.
     */
    private static final Pattern NAME_FILTER = Pattern.compile("\\.(endswith|endsWith|startswith|startsWith|includes)\\(\\s*"
            + LIT + "\\s*\\)|" + LIT + "\\s+(in)\\s+\\w+");

    private static Map<String, Verb> changes() {
        Map<String, Verb> m = new LinkedHashMap<>();
        for (String call : List.of("delete_collection", "drop_collection", "delete", "delete_many", "delete_by_id",
                "delete_by_ids", "delete_all", "reset", "delete_index", "drop_index", "drop_partition", "drop_database",
                "drop_alias", "delete_alias", "delete_vectors", "delete_payload", "clear_payload", "delete_snapshot",
                "delete_full_snapshot", "delete_class", "delete_objects", "delete_namespace", "delete_payload_index",
                "drop_user", "drop_role", "delete_backup")) {
            m.put(call, Verb.DELETE);
        }
        for (String call : List.of("release_collection", "release_partitions", "load_collection", "load_partitions", "insert",
                "insert_many", "upsert", "add", "update", "replace", "set_payload", "overwrite_payload", "update_vectors",
                "upload_points", "upload_collection", "upload_records", "batch_update_points", "update_collection",
                "update_collection_aliases", "configure_index", "modify", "rename_collection", "alter_collection_properties",
                "alter_collection", "compact", "flush", "add_documents", "add_texts", "update_password", "add_property")) {
            m.put(call, Verb.UPDATE);
        }
        for (String call : List.of("recreate_collection", "recover_snapshot", "restore_backup")) {
            m.put(call, Verb.REPLACE);
        }
        for (String call : List.of("create_collection", "get_or_create_collection", "create_index", "create_partition",
                "create_snapshot", "create_full_snapshot", "create_alias", "create", "create_payload_index", "create_database",
                "create_index_for_model", "create_class", "create_backup")) {
            m.put(call, Verb.CREATE);
        }
        m.put("grant_privilege", Verb.GRANT);
        m.put("grant_role", Verb.GRANT);
        return Map.copyOf(m);
    }

    /** Where the calls land: the server's host, or why the store is on this machine. */
    private record Where(Map<String, String> locators, String local) {
        static Where host(String address) {
            String host = Hosts.of(address.contains("://") ? address : "http://" + address);
            if (CloudSdkCalls.local(host)) {
                return here("the server at " + host + " is on this machine");
            }
            return new Where(host.isEmpty() ? Map.of() : Map.of("host", host), "");
        }

        static Where here(String why) {
            return new Where(Map.of(), why);
        }
    }

    /** The calls of {@code system}'s library ({@code chroma}, {@code milvus}, {@code qdrant}, {@code pinecone}, {@code weaviate}). */
    static void find(String system, String code, List<Generic> generic, Set<String> accounted) {
        Where where = where(system, code);
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String method = m.group(2);
            String call = ClientCallSyntax.snake(method);
            Verb verb = CHANGES.get(call);
            if (verb == null) {
                if (READS.matcher(method).matches() || READS.matcher(call).matches()) {
                    accounted.add(method);
                }
                continue;
            }
            accounted.add(method);
            String receiver = m.group(1) == null ? "" : m.group(1);
            String args = callArguments(code, m.end());
            Matcher n = NAMED.matcher(args);
            Matcher f = FIRST.matcher(args);
            String name = n.find() ? lit(n, 1) : f.find() ? lit(f, 1) : "";
            String type = type(call, receiver);
            boolean many = type.equals("records") || call.equals("reset") || call.endsWith("_all");
            Map<String, String> locators = new LinkedHashMap<>(where.locators());
            String filtered = name.isEmpty() && !type.equals("records") ? filtered(code) : "";
            if (!filtered.isEmpty()) {
                // a loop deleting every index its filter lets through: the filter's words place them
                name = filtered;
                many = true;
                locators.put("database", filtered);
            }
            if (system.equals("pinecone")) {
                // Pinecone is one cloud: the index (its name says dev or prod) is the place
                String index = type.equals("index") ? name : handle(code, "Index");
                if (!index.isEmpty()) {
                    locators.put("database", index);
                }
            }
            generic.add(new Generic(system, verb, type, call.equals("reset") ? "every collection" : name, many,
                    system + " " + method + "()", locators, where.local()));
        }
    }

    /** The names a filter in the code lets through, as a glob ({@code *-prod}), or empty. */
    private static String filtered(String code) {
        Matcher f = NAME_FILTER.matcher(code);
        if (!f.find()) {
            return "";
        }
        String how = f.group(1) != null ? f.group(1).toLowerCase(java.util.Locale.ROOT) : "in";
        String text = f.group(1) != null ? lit(f, 2) : lit(f, 4);
        return switch (how) {
            case "endswith" -> "*" + text;
            case "startswith" -> text + "*";
            default -> "*" + text + "*";
        };
    }

    /** What a call acts on: a whole collection or index, the database or server, or records in one. */
    private static String type(String call, String receiver) {
        if (call.equals("reset") || call.contains("database")) {
            return "database";
        }
        if (call.contains("index") && !call.contains("payload")) {
            return "index";
        }
        if (call.contains("collection") || call.contains("class") || call.contains("partition") || call.contains("alias")
                || call.contains("snapshot") || call.contains("backup")
                || Set.of("collections", "schema", "pc", "pinecone").contains(receiver)) {
            return "collection";
        }
        return call.contains("user") || call.contains("role") || call.startsWith("grant") ? "user" : "records";
    }

    private static String handle(String code, String factory) {
        Matcher h = Regex.pattern("\\b" + factory + "\\s*\\(\\s*(?:\\w+\\s*=\\s*)?" + LIT).matcher(code);
        return h.find() ? lit(h, 1) : "";
    }

    private static String keyword(String code, String names) {
        Matcher k = Regex.pattern("\\b(?:" + names + ")\\s*[=:]\\s*" + LIT).matcher(code);
        return k.find() ? lit(k, 1) : "";
    }

    private static Where where(String system, String code) {
        return switch (system) {
            case "chroma" -> chroma(code);
            case "milvus" -> milvus(code);
            case "qdrant" -> qdrant(code);
            case "pinecone" -> {
                String host = keyword(code, "host");
                yield Where.host(host.isEmpty() ? "api.pinecone.io" : host);
            }
            default -> weaviate(code);
        };
    }

    private static Where chroma(String code) {
        if (Regex.find(code, "\\bCloudClient\\s*\\(")) {
            return Where.host("api.trychroma.com");
        }
        if (Regex.find(code, "\\b(?:Async)?HttpClient\\s*\\(|\\bChromaClient\\s*\\(")) {
            String host = keyword(code, "host|path|chroma_server_host");
            return Where.host(host.isEmpty() ? "localhost" : host);
        }
        if (Regex.find(code, "\\b(?:PersistentClient|EphemeralClient|Client)\\s*\\(")) {
            return Where.here("an embedded Chroma store: in memory or files on this machine");
        }
        return new Where(Map.of(), "");
    }

    private static Where milvus(String code) {
        String uri = keyword(code, "uri|address");
        if (uri.isEmpty()) {
            uri = handle(code, "MilvusClient");
        }
        String host = keyword(code, "host");
        if (uri.isEmpty() && host.isEmpty()) {
            return Where.host("localhost"); // the client's default server
        }
        if (!uri.isEmpty() && !uri.contains("://") && !Regex.matches(uri, "[\\w.-]+:\\d+")) {
            return Where.here("Milvus Lite: the database file " + uri + " on this machine");
        }
        return Where.host(uri.isEmpty() ? host : uri);
    }

    private static Where qdrant(String code) {
        if (Regex.find(code, "\\bQdrantClient\\s*\\([^)]*\\bpath\\s*=") || code.contains(":memory:")) {
            return Where.here("Qdrant's local mode: in memory or files on this machine");
        }
        String address = keyword(code, "url|host|location");
        if (address.isEmpty()) {
            address = handle(code, "QdrantClient");
        }
        return Where.host(address.isEmpty() ? "localhost" : address);
    }

    private static Where weaviate(String code) {
        if (Regex.find(code, "\\bconnect_to_(?:local|embedded)\\s*\\(") && keyword(code, "host").isEmpty()) {
            return Where.here("a Weaviate instance on this machine");
        }
        String address = keyword(code, "http_host|cluster_url|url|host");
        if (address.isEmpty()) {
            address = handle(code, "(?:connect_to_weaviate_cloud|connect_to_wcs|Client)");
        }
        return address.isEmpty() ? new Where(Map.of(), "") : Where.host(address);
    }
}
