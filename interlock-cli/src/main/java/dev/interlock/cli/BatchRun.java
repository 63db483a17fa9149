package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.Interlock;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * JSON Lines in, JSON Lines out: every input line gets exactly one output line, in order, with its id echoed. A line
 * that cannot be read gets a {@code deny} that says why; nothing is dropped. Lines are read and decided on every core
 * a chunk at a time, and a request seen before (same payload, context and actor; ids differ) is not analyzed again:
 * without a server there is no session history, so a decision depends on the request and the policy only.
 */
final class BatchRun {

    private static final int CHUNK = 2048;
    /** Bounded so that a batch of only distinct requests does not grow without limit. */
    private static final int MAX_REMEMBERED = 50_000;

    private final Interlock interlock;
    private final Writer out;
    /** Requests without their id, and how their decision is written; empty when it must be written each time. */
    private final Map<JsonNode, Optional<DecisionTemplate>> decided = new ConcurrentHashMap<>();

    BatchRun(Interlock interlock, Writer out) {
        this.interlock = interlock;
        this.out = out;
    }

    int run(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>(CHUNK);
        List<Integer> numbers = new ArrayList<>(CHUNK);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            lines.add(line);
            numbers.add(number);
            if (lines.size() == CHUNK) {
                flush(lines, numbers);
            }
        }
        flush(lines, numbers);
        out.flush();
        return 0;
    }

    private void flush(List<String> lines, List<Integer> numbers) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        String[] answers = new String[lines.size()];
        IntStream.range(0, lines.size()).parallel().forEach(i -> answers[i] = decide(lines.get(i), numbers.get(i)));
        for (String answer : answers) {
            out.write(answer);
            out.write('\n');
        }
        lines.clear();
        numbers.clear();
        if (decided.size() > MAX_REMEMBERED) {
            decided.clear();
        }
    }

    private String decide(String line, int number) {
        try {
            JsonNode request = RequestReader.tree(line);
            String id = RequestReader.id(request);
            if (request instanceof ObjectNode fields) {
                fields.remove("id"); // what is left is what the decision depends on
            }
            Optional<DecisionTemplate> seen = decided.getOrDefault(request, Optional.empty());
            if (seen.isPresent()) {
                return seen.get().render(id);
            }
            Decision decision = interlock.decide(RequestReader.read(request).withId(id));
            String json = DecisionWriter.toJson(decision);
            decided.putIfAbsent(request, DecisionTemplate.of(decision, json));
            return json;
        } catch (RequestFormatException e) {
            Request unreadable = new Request(idOf(line).orElse("line " + number), RequestKind.SHELL, new Payload.Shell(""),
                    RequestContext.EMPTY, Actor.UNKNOWN);
            return DecisionWriter.toJson(interlock.failClosed(unreadable, "line " + number + ": " + e.getMessage()));
        }
    }

    /** The id of a line that is JSON but not a valid request, so the caller can still match the answer. */
    private static Optional<String> idOf(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isValueNode() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
