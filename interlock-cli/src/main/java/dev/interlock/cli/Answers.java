package dev.interlock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the server's JSON answers without tripping over absent fields: every accessor has a quiet default. */
final class Answers {

    private Answers() {
    }

    /**
     * A list command's output: the server's answer as it is with {@code --format json}; else the table of the items
     * under {@code key}, or "no NOUN" when there are none.
     */
    static int printList(picocli.CommandLine.Model.CommandSpec spec, String format, JsonNode answer, String key, String noun,
                         java.util.function.Function<List<JsonNode>, String> table) {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(json(answer));
        } else {
            List<JsonNode> items = items(answer, key);
            out.print(items.isEmpty() ? "no " + noun + "\n" : table.apply(items));
        }
        out.flush();
        return 0;
    }

    /**
     * A full id, or the short form a list shows: a prefix that names exactly one item of {@code listPath}'s
     * {@code key}. An unknown id is returned as it is (the server then says it does not exist).
     */
    static String resolveId(ServerClient client, String listPath, String key, String id) {
        List<String> matches = items(client.get(listPath), key).stream()
                .map(a -> text(a, "id")).filter(full -> full.startsWith(id)).toList();
        if (matches.contains(id) || matches.isEmpty()) {
            return id;
        }
        if (matches.size() > 1) {
            throw new ServerClient.ServerException(0, "'" + id + "' names " + matches.size() + " " + key + "; give more of the id");
        }
        return matches.getFirst();
    }

    /** A field's text at a dotted path ({@code requester.principal}), or "" when any step is missing. */
    static String text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        return n == null || n.isNull() || n.isMissingNode() ? "" : n.isValueNode() ? n.asText() : n.toString();
    }

    /** The first of {@code fields} present: a string as is, a list of strings joined with commas. */
    static String first(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode n = node.get(f);
            if (n != null && n.isArray()) {
                List<String> parts = new ArrayList<>();
                n.forEach(x -> parts.add(x.asText()));
                return String.join(",", parts);
            }
            if (n != null && !n.isNull() && !n.asText().isEmpty()) {
                return n.asText();
            }
        }
        return "";
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String step : path.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(step);
        }
        return n;
    }

    /** The list in an answer: the answer itself when it is an array, else its {@code field} array. */
    static List<JsonNode> items(JsonNode answer, String field) {
        JsonNode array = answer.isArray() ? answer : answer.path(field);
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** An ISO-8601 instant or epoch milliseconds. */
    static Optional<Instant> instant(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(n.asLong()));
        }
        try {
            return Optional.of(Instant.parse(n.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> duration(JsonNode node, String path) {
        String t = text(node, path);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(t));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A body the server sends either as an object or as a canonical-JSON string. */
    static JsonNode object(JsonNode n) {
        if (n != null && n.isTextual()) {
            try {
                return Json.MAPPER.readTree(n.asText());
            } catch (JsonProcessingException e) {
                return Json.MAPPER.createObjectNode();
            }
        }
        return n == null ? Json.MAPPER.createObjectNode() : n;
    }

    static String json(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Short forms to show: at least 8 characters (whole ids up to 12), longer where two ids would collide. */
    static java.util.Map<String, String> shortIds(List<String> ids) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String id : ids) {
            int n = id.length() <= 12 ? id.length() : 8;
            while (n < id.length() && prefixShared(ids, id, n)) {
                n++;
            }
            out.put(id, id.substring(0, n));
        }
        return out;
    }

    private static boolean prefixShared(List<String> ids, String id, int n) {
        String p = id.substring(0, n);
        return ids.stream().anyMatch(o -> !o.equals(id) && o.startsWith(p));
    }
}
