package dev.interlock.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Effect;

/** Decides one {@code tools/call} (locally or through the server); any failure is a deny that says why. */
@FunctionalInterface
public interface CallDecider {

    /** What happens to the call, the words the model reads when it does not go through, and the server's decision id. */
    record Verdict(Effect effect, String explanation, String decisionId) {
        public Verdict(Effect effect, String explanation) {
            this(effect, explanation, "");
        }
    }

    Verdict decide(String server, String tool, JsonNode arguments);

    /** An allowed call was answered by the upstream ({@code error}: a JSON-RPC error or an {@code isError} result). */
    default void executed(Verdict verdict, boolean error, long millis) {
    }
}
