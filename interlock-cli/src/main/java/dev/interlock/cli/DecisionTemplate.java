package dev.interlock.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.interlock.model.Decision;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A decision's JSON with its two per-request fields (the request id and the decision id) cut out, so that a batch
 * answers a repeated request by splicing in the new ids instead of writing the whole decision again.
 */
final class DecisionTemplate {

    private static final String ID_FIELD = "{\"id\":\"";
    private static final String DECISION_ID_FIELD = ",\"decision_id\":\"";

    /** From after the id's closing quote to the decision id's opening quote. */
    private final String middle;
    /** From the decision id's closing quote to the end. */
    private final String tail;

    private DecisionTemplate(String middle, String tail) {
        this.middle = middle;
        this.tail = tail;
    }

    /** The template of {@code json}, the written form of {@code decision}; empty when the JSON is not laid out as expected. */
    static Optional<DecisionTemplate> of(Decision decision, String json) {
        String head = ID_FIELD + quoted(decision.id()) + "\"";
        // Inside JSON strings every quote is escaped, so this sequence can only be the field itself.
        String decisionId = DECISION_ID_FIELD + decision.decisionId() + "\"";
        int at = json.indexOf(decisionId);
        if (!json.startsWith(head) || at < head.length()) {
            return Optional.empty();
        }
        return Optional.of(new DecisionTemplate(
                json.substring(head.length(), at + DECISION_ID_FIELD.length()),
                json.substring(at + decisionId.length() - 1)));
    }

    /** The same decision for the request {@code id}, under a new decision id. */
    String render(String id) {
        String quotedId = quoted(id);
        return new StringBuilder(ID_FIELD.length() + quotedId.length() + middle.length() + 36 + tail.length())
                .append(ID_FIELD).append(quotedId).append('"').append(middle)
                .append(randomId()).append(tail)
                .toString();
    }

    /**
     * A version 4 UUID from the thread's own generator: a decision id in a batch labels an answer and grants nothing,
     * and {@link UUID#randomUUID()}'s secure generator is one lock that every deciding thread would queue on.
     */
    private static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low);
    }

    private static String quoted(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
