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

    public static String write(DecisionOutcome outcome, String publicUrl) {
        try {
            return Json.MAPPER.writeValueAsString(node(outcome, publicUrl));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a decision: " + e.getMessage(), e);
        }
    }
}
