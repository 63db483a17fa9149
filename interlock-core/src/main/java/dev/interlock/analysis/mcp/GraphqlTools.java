package dev.interlock.analysis.mcp;

import dev.interlock.analysis.api.GraphqlDocument;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * GraphQL servers (Apollo's MCP server, Hasura's, generic GraphQL bridges): {@code execute} and its kin carry a
 * document, judged as {@link GraphqlDocument} reads it — a query reads, a mutation changes as its fields say; schema
 * introspection, search and validation only read. A server is one by its name, or by a GraphQL document in the call.
 */
final class GraphqlTools {

    private static final Pattern GRAPHQL_SERVER = Pattern.compile("(?i)graphql|gql|apollo|hasura|stepzen|grafbase|wundergraph|postgraphile");

    private GraphqlTools() {
    }

    private static final Function<McpCall, List<Operation>> EXECUTE = GraphqlTools::execute;
    private static final Function<McpCall, List<Operation>> SCHEMA = c -> List.of(c.op("graphql", Verb.READ, "schema",
            c.text("type_name", "typeName", "type", "query", "terms")).confidence(Confidence.INFERRED)
            .note("reads the GraphQL schema").build());

    static final ToolFamily FAMILY = new ToolFamily("graphql",
            c -> GRAPHQL_SERVER.matcher(c.server()).find() || document(c).isPresent(),
            Map.ofEntries(Map.entry("execute", EXECUTE), Map.entry("execute_query", EXECUTE), Map.entry("execute_graphql", EXECUTE),
                    Map.entry("graphql", EXECUTE), Map.entry("graphql_query", EXECUTE), Map.entry("query", EXECUTE),
                    Map.entry("run_query", EXECUTE), Map.entry("query_graphql", EXECUTE), Map.entry("mutate", EXECUTE),
                    Map.entry("mutation", EXECUTE), Map.entry("run_graphql", EXECUTE),
                    Map.entry("introspect", SCHEMA), Map.entry("introspect_schema", SCHEMA), Map.entry("introspection", SCHEMA),
                    Map.entry("get_schema", SCHEMA), Map.entry("schema", SCHEMA), Map.entry("search", SCHEMA),
                    Map.entry("validate", SCHEMA), Map.entry("list_types", SCHEMA), Map.entry("describe_type", SCHEMA)));

    private static Optional<GraphqlDocument> document(McpCall c) {
        String text = c.text("query", "document", "graphql", "operation", "mutation");
        return text.isEmpty() ? Optional.empty() : GraphqlDocument.parse(text);
    }

    private static List<Operation> execute(McpCall c) {
        Optional<GraphqlDocument> document = document(c);
        if (document.isEmpty()) {
            return List.of(c.opaque("a GraphQL tool called without a document Interlock can read"));
        }
        GraphqlDocument d = document.get();
        Verb verb = d.verb();
        Operation.Builder b = c.op("graphql", verb, d.mutation() ? "mutation" : "query", d.name()).scope(d.scope());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        return List.of(b.note(d.mutation() ? "a GraphQL mutation (" + d.name() + ")" : "a GraphQL query: it only reads").build());
    }
}
