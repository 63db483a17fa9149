package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.Interlock;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Actor;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines in, JSON Lines out: every input line gets exactly one output line, in order, with its id echoed. A line
 * that cannot be read gets a {@code deny} that says why; nothing is dropped.
 */
final class BatchRun {

    private final Interlock interlock;
    private final Writer out;

    BatchRun(Interlock interlock, Writer out) {
        this.interlock = interlock;
        this.out = out;
    }

    int run(BufferedReader in) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            out.write(decide(line, number));
            out.write('\n');
        }
        out.flush();
        return 0;
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
        return DecisionWriter.toJson(interlock.decide(request));
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
