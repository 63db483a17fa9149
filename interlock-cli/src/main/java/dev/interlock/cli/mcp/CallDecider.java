package dev.interlock.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Effect;

/** Decides one {@code tools/call} (locally or through the server); any failure is a deny that says why. */
@FunctionalInterface
public interface CallDecider {

    /** What happens to the call, and the words the model reads when it does not go through. */
    record Verdict(Effect effect, String explanation) {
    }

    Verdict decide(String server, String tool, JsonNode arguments);
}
