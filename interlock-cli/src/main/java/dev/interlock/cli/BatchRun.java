package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
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
    private final Map<Request, Decision> decided = new ConcurrentHashMap<>();

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
        Request request;
        try {
            request = RequestReader.read(line);
        } catch (RequestFormatException e) {
            Request unreadable = new Request(idOf(line).orElse("line " + number), RequestKind.SHELL, new Payload.Shell(""),
                    RequestContext.EMPTY, Actor.UNKNOWN);
            return DecisionWriter.toJson(interlock.failClosed(unreadable, "line " + number + ": " + e.getMessage()));
        }
        Decision seen = decided.get(request.withId(""));
        if (seen != null) {
            return DecisionWriter.toJson(new Decision(request.id(), seen.effect(), seen.risk(), seen.summary(), seen.operations(),
                    seen.rules(), seen.approval(), seen.policyVersion(), UUID.randomUUID().toString(), seen.blastRadius()));
        }
        Decision decision = interlock.decide(request);
        decided.putIfAbsent(request.withId(""), decision);
        return DecisionWriter.toJson(decision);
    }

    /** The id of a line that is JSON but not a valid request, so the caller can still match the answer. */
    private static java.util.Optional<String> idOf(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isValueNode() ? java.util.Optional.of(id.asText()) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
