package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A tool of a server no table knows whose arguments are an HTTP request ({@code method} plus a {@code path} or
 * {@code url}: Graph, REST and gateway bridges): a {@code GET} or {@code HEAD} with no body reads the API it names,
 * whatever the server is called. A full URL is judged as {@code curl URL} is (its host, credentials written into it);
 * every other method is left to the name rules and stays opaque there. The tool's annotations play no part.
 */
final class HttpRequestTools {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Fields that carry a request body: a body on a GET is no read Interlock can vouch for. */
    private static final List<String> BODIES = List.of("body", "data", "json", "payload", "content");

    private HttpRequestTools() {
    }

    static Optional<List<Operation>> read(McpCall c) {
        String method = c.text("method", "http_method", "httpMethod").toUpperCase(Locale.ROOT);
        if (!READS.contains(method) || BODIES.stream().anyMatch(b -> present(c.arguments().get(b)))) {
            return Optional.empty();
        }
        String url = c.text("url", "uri");
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return Optional.of(c.analyses().shell(Shell.join(method.equals("HEAD") ? List.of("curl", "-sI", url) : List.of("curl", "-s", url))));
        }
        String path = url.isEmpty() ? c.text("path", "endpoint", "resource", "relative_url", "relativeUrl") : url;
        if (!path.startsWith("/") && !Regex.matches(path, "[\\w.-]+(/\\S*)?")) {
            return Optional.empty();
        }
        return Optional.of(List.of(c.op("mcp", Verb.READ, "api-path", path).confidence(Confidence.INFERRED)
                .note(method + " " + path + " through " + c.server() + "." + c.tool() + ": a read of the API").build()));
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank()) && !(v.isContainerNode() && v.isEmpty());
    }
}
