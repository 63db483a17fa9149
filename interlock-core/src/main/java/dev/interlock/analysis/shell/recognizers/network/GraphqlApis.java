package dev.interlock.analysis.shell.recognizers.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.api.GraphqlDocument;
import dev.interlock.analysis.api.MethodNames;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * APIs that take everything by POST, so the body decides, not the method: GraphQL (a {@code query} reads, a
 * {@code mutation} changes as its fields say) and Hasura's schema and metadata APIs, where {@code /v2/query}'s
 * {@code run_sql} hands its SQL to the SQL analysis and {@code /v1/metadata}'s {@code clear_metadata} wipes every tracked
 * table and permission while {@code export_metadata} only reads.
 */
public final class GraphqlApis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphqlApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, Nested nested, String url, String method, List<String> body) {
        if (!(method.isEmpty() || method.equals("POST") || method.equals("GET"))) {
            return Optional.empty();
        }
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        if (Regex.matches(path, "(?i).*/v[12]/(query|metadata)/?")) {
            List<Operation> ops = new ArrayList<>();
            for (String text : body) {
                json(text).ifPresent(request -> hasura(inv, nested, host, request, ops));
            }
            if (!ops.isEmpty()) {
                return Optional.of(ops);
            }
        }
        for (String text : body) {
            Optional<GraphqlDocument> document = GraphqlDocument.ofBody(text, Regex.find(path, "(?i)graphql|gql"));
            if (document.isPresent()) {
                return Optional.of(List.of(operation(inv, document.get(), host, path)));
            }
        }
        return Optional.empty();
    }

    /** The operation a GraphQL document sent to {@code host} performs. */
    public static Operation operation(Invocation inv, GraphqlDocument document, String host, String path) {
        Verb verb = document.verb();
        Operation.Builder b = Operation.builder("graphql", verb).resource(document.mutation() ? "mutation" : "query", document.name())
                .locator("host", host).locator("path", path).scope(document.scope()).evidence(inv.evidence());
        if (verb == Verb.READ) {
            return b.note("a GraphQL query: it only reads").build();
        }
        return b.stateful(verb == Verb.DELETE).reversible(verb != Verb.DELETE)
                .note("a GraphQL mutation (" + document.name() + ")" + (host.isEmpty() ? "" : " on " + host)
                        + (document.everything() ? " with no filter: every row" : "")).build();
    }

    /** One Hasura schema or metadata API request ({@code {"type": …, "args": …}}), bulk requests one by one. */
    private static void hasura(Invocation inv, Nested nested, String host, JsonNode request, List<Operation> ops) {
        String type = request.path("type").asText("");
        JsonNode args = request.path("args");
        if (type.isEmpty()) {
            return;
        }
        if (type.contains("bulk") && args.isArray()) {
            args.forEach(inner -> hasura(inv, nested, host, inner, ops));
            return;
        }
        if (type.endsWith("run_sql")) {
            String sql = args.path("sql").asText("");
            String dialect = type.startsWith("mssql") ? "" : type.startsWith("mysql") ? "mysql" : "postgresql";
            for (Operation op : DatabaseOps.statements(sql, true, dialect, inv, nested)) {
                ops.add(op.toBuilder().locator("host", host).evidence(inv.evidence()).build());
            }
            return;
        }
        Verb verb = switch (type) {
            case "replace_metadata" -> Verb.REPLACE;
            case "clear_metadata" -> Verb.DELETE;
            default -> {
                Verb named = MethodNames.verb(type, true);
                yield named == Verb.UNKNOWN ? Verb.UPDATE : named;
            }
        };
        boolean whole = type.equals("replace_metadata") || type.equals("clear_metadata");
        Operation.Builder b = Operation.builder("hasura", verb).resource("metadata", type).locator("host", host)
                .scope(whole ? Scope.ALL : Scope.ONE).evidence(inv.evidence());
        if (verb == Verb.DELETE || verb == Verb.REPLACE) {
            b.stateful(true).reversible(false).note(whole ? "Hasura " + type + ": every tracked table, relationship and permission"
                    : "Hasura " + type);
        }
        ops.add(b.build());
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
    }
}
