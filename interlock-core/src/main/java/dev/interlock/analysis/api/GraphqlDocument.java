package dev.interlock.analysis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GraphQL request document, as far as deciding needs it: whether it holds a mutation, and the root fields its
 * mutations call. A query (or the {@code { … }} shorthand) and a subscription only read, whatever HTTP method carries
 * them; a mutation changes, and its fields' names say how ({@link MethodNames}: {@code delete_sessions} deletes,
 * {@code updateUserRole} grants). Hasura's {@code where: {}} and names such as {@code deleteAllProducts} touch every row.
 *
 * @param mutation whether any operation in the document is a mutation
 * @param fields   the root fields of its mutations (aliases resolved), in order
 * @param everything a mutation names no filter ({@code where: {}}) or says it acts on all
 */
public record GraphqlDocument(boolean mutation, List<String> fields, boolean everything) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern START = Pattern.compile("(?s)\\s*(#[^\\n]*\\n\\s*)*(\\{|query\\b|mutation\\b|subscription\\b|fragment\\b).*");
    private static final Pattern EMPTY_WHERE = Pattern.compile("\\bwhere\\s*:\\s*\\{\\s*}");

    public GraphqlDocument {
        fields = List.copyOf(fields);
    }

    /** What the document does: a read, or the gravest of its mutation fields. */
    public Verb verb() {
        if (!mutation) {
            return Verb.READ;
        }
        Verb verb = fields.isEmpty() ? Verb.UPDATE : Verb.READ;
        for (String field : fields) {
            verb = MethodNames.graver(verb, MethodNames.verb(field, false));
        }
        return verb;
    }

    public Scope scope() {
        return everything ? Scope.ALL : Scope.ONE;
    }

    /** The mutation fields, or "query", for an operation's name. */
    public String name() {
        return mutation ? String.join(",", fields) : "query";
    }

    /**
     * The document a request body carries: GraphQL over HTTP's JSON ({@code {"query": "…"}}, or a batch of them), or
     * the document itself ({@code application/graphql}) where {@code bare} says the endpoint is a GraphQL one; empty
     * when the body is neither.
     */
    public static Optional<GraphqlDocument> ofBody(String body, boolean bare) {
        String text = body.strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(text);
                List<String> documents = new ArrayList<>();
                for (JsonNode request : node.isArray() ? node : List.of(node)) {
                    JsonNode query = request.get("query");
                    if (query != null && query.isTextual()) {
                        documents.add(query.asText());
                    }
                }
                return documents.isEmpty() ? Optional.empty() : parse(String.join("\n", documents));
            } catch (java.io.IOException notJson) {
                // a document in the shorthand form ({ orders { id } }) is not JSON
            }
        }
        return bare ? parse(text) : Optional.empty();
    }

    /** Parses a document; empty when the text is not one. */
    public static Optional<GraphqlDocument> parse(String document) {
        if (!START.matcher(document).matches()) {
            return Optional.empty();
        }
        String text = document.replaceAll("#[^\\n]*", "");
        boolean mutation = false;
        List<String> fields = new ArrayList<>();
        boolean everything = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch) || ch == ',') {
                i++;
                continue;
            }
            int open = text.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String head = text.substring(i, open).strip();
            int close = closing(text, open);
            if (head.startsWith("mutation")) {
                mutation = true;
                String body = text.substring(open + 1, close);
                fields.addAll(roots(body));
                everything |= EMPTY_WHERE.matcher(body).find();
            } else if (!head.isEmpty() && !Pattern.matches("(?s)(query|subscription|fragment)\\b.*", head)) {
                return Optional.empty();
            }
            i = close + 1;
        }
        boolean all = everything || fields.stream().anyMatch(MethodNames::everything);
        return Optional.of(new GraphqlDocument(mutation, fields, all));
    }

    /** The index of the brace that closes the one at {@code open} (strings skipped), or the end of the text. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                i = stringEnd(text, i);
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int stringEnd(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return text.length();
    }

    /** The fields selected at the top of a selection set: aliases ({@code a: deleteX}) and fragment spreads skipped. */
    private static List<String> roots(String selection) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < selection.length(); i++) {
            char ch = selection.charAt(i);
            if (ch == '"') {
                i = stringEnd(selection, i);
            } else if (ch == '{' || ch == '(') {
                depth++;
            } else if (ch == '}' || ch == ')') {
                depth--;
            } else if (depth == 0 && ch == '.') {
                while (i + 1 < selection.length() && (selection.charAt(i + 1) == '.' || Character.isWhitespace(selection.charAt(i + 1)))) {
                    i++;
                }
                while (i + 1 < selection.length() && Character.isJavaIdentifierPart(selection.charAt(i + 1))) {
                    i++; // ...FragmentName or ... on Type: not a field
                }
            } else if (depth == 0 && (Character.isLetter(ch) || ch == '_')) {
                int end = i;
                while (end < selection.length() && (Character.isLetterOrDigit(selection.charAt(end)) || selection.charAt(end) == '_')) {
                    end++;
                }
                String name = selection.substring(i, end);
                int next = end;
                while (next < selection.length() && Character.isWhitespace(selection.charAt(next))) {
                    next++;
                }
                if (next < selection.length() && selection.charAt(next) == ':') {
                    i = next; // an alias: the field's name follows
                    continue;
                }
                out.add(name);
                i = end - 1;
            } else if (depth == 0 && ch == '@') {
                while (i + 1 < selection.length() && Character.isJavaIdentifierPart(selection.charAt(i + 1))) {
                    i++; // a directive
                }
            }
        }
        return out;
    }
}
