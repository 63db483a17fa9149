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

    /** A tool whose description or schemas changed between two listings: digests and descriptions, before and after. */
    record ToolChange(String tool, String before, String after, String descriptionBefore, String descriptionAfter) {
    }

    /**
     * {@code server} listed {@code tools}: the ones the agent may never call (hidden from it), after reporting
     * {@code changes}. By default none is hidden.
     */
    default java.util.List<String> listed(String server, java.util.List<String> tools, java.util.List<ToolChange> changes) {
        return java.util.List.of();
    }

    /** An allowed call was answered by the upstream ({@code error}: a JSON-RPC error or an {@code isError} result). */
    default void executed(Verdict verdict, boolean error, long millis) {
    }
}
