package dev.interlock.server.decisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;

/** The decision JSON of the CLI, plus what the server adds: the fingerprint, the approval reference, the grant. */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static ObjectNode node(DecisionOutcome outcome, String publicUrl) {
        ObjectNode out = DecisionWriter.toNode(outcome.decision());
        out.put("fingerprint", outcome.fingerprint());
        outcome.approval().ifPresent(a -> {
            ObjectNode approval = out.has("approval") ? (ObjectNode) out.get("approval") : out.putObject("approval");
            approval.put("id", a.id());
            approval.put("state", a.state());
            approval.put("expires_at", a.expiresAt().toString());
            approval.put("url", publicUrl + "/v1/approvals/" + a.id());
            if (!a.reason().isEmpty()) {
                approval.put("reason", a.reason());
            }
        });
        outcome.grantId().ifPresent(g -> out.putObject("grant").put("id", g));
        if (outcome.auditSeq() > 0) {
            out.put("audit_seq", outcome.auditSeq());
        }
        return out;
    }

    /**
     * The answer to the agent: the JSON that was stored (already written once, redacted when the input held secrets)
     * with the audit sequence number added; written afresh when nothing was stored.
     */
    public static String answer(DecisionOutcome outcome, String publicUrl) {
        String stored = outcome.storedJson();
        if (stored.isEmpty() || !stored.endsWith("}")) {
            return write(outcome, publicUrl);
        }
        return stored.substring(0, stored.length() - 1) + ",\"audit_seq\":" + outcome.auditSeq() + "}";
    }

    public static String write(DecisionOutcome outcome, String publicUrl) {
        try {
            return Json.MAPPER.writeValueAsString(node(outcome, publicUrl));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision: " + e.getMessage(), e);
        }
    }
}
