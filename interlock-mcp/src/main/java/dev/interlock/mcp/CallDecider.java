package dev.interlock.mcp;

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

        /**
         * A decision in words the model can act on: what was refused, why, and what to do now (for a held call, the
         * approval to wait for — {@code approvals} false when there is no server to hold one).
         */
        public static Verdict of(Effect effect, String summary, String reason, String approvalId, String approvalUrl,
                                 boolean approvals, String decisionId) {
            String why = reason.isEmpty() ? "" : " Why: " + reason + ".";
            String text = switch (effect) {
                case ALLOW -> "";
                case DENY -> "Interlock denied this call: " + summary + "." + why
                        + " It was not made. Do not retry it or work around it; tell your user what you wanted to do.";
                case REQUIRE_APPROVAL -> "Interlock is holding this call for a human's approval: " + summary + "." + why
                        + (approvals && !approvalId.isEmpty() ? " Approval " + approvalId + (approvalUrl.isEmpty() ? "" : " at " + approvalUrl)
                                + ". Tell your user; once it is approved, make exactly the same call again."
                                : " Approvals need an Interlock server (interlock serve; INTERLOCK_URL); the call was not made.");
                case ASK -> "Interlock wants your user to confirm this call first: " + summary + "." + why
                        + " It was not made. Ask your user; they can run it themselves.";
            };
            return new Verdict(effect, text, decisionId);
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
