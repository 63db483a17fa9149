package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;
import dev.interlock.server.approval.Approval;
import dev.interlock.server.approval.Grant;
import dev.interlock.server.approval.HeldOperation;
import dev.interlock.server.approval.Review;
import dev.interlock.server.audit.Redactor;
import dev.interlock.server.auth.TokenInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of approvals, grants and tokens in the API (snake_case, ISO-8601 times). */
final class ApprovalViews {

    private static final Redactor REDACTOR = Redactor.standard();

    private ApprovalViews() {
    }

    static Map<String, Object> approval(Approval a, String linkBase, Optional<Instant> viewerFirstSeen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("state", a.state().wire());
        m.put("summary", a.summary());
        m.put("environment", a.environment());
        m.put("risk", a.risk());
        m.put("requester", Map.of("principal", a.principal(), "agent", a.agent(), "session", a.session()));
        m.put("terms", DecisionWriter.approval(a.terms()));
        m.put("created_at", a.createdAt().toString());
        m.put("expires_at", a.expiresAt().toString());
        a.resolvedAt().ifPresent(t -> m.put("resolved_at", t.toString()));
        a.consumedAt().ifPresent(t -> m.put("consumed_at", t.toString()));
        if (!a.consumedBy().isEmpty()) {
            m.put("consumed_by", a.consumedBy());
        }
        m.put("fingerprint", a.fingerprint());
        List<Map<String, Object>> held = new ArrayList<>();
        for (HeldOperation h : a.held()) {
            held.add(Map.of("operation", h.operation(), "rule", h.rule(), "address", h.address(), "verb", h.verb().wire(),
                    "name", h.name(), "environment", h.environment()));
        }
        m.put("held", held);
        m.put("request", tree(a.requestJson()));
        m.put("decision", tree(a.decisionJson()));
        List<Map<String, Object>> reviews = new ArrayList<>();
        for (Review r : a.reviews()) {
            reviews.add(review(r));
        }
        m.put("reviews", reviews);
        if (!a.reason().isEmpty()) {
            m.put("reason", a.reason());
        }
        viewerFirstSeen.ifPresent(t -> {
            m.put("you_first_saw_it_at", t.toString());
            m.put("you_may_approve_from", t.plus(a.terms().minReview()).toString());
        });
        m.put("url", linkBase + "/v1/approvals/" + a.id());
        return m;
    }

    static Map<String, Object> review(Review r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewer", r.reviewer());
        m.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
        m.put("comment", r.comment());
        m.put("at", r.at().toString());
        m.put("review_ms", r.reviewMs());
        return m;
    }

    static Map<String, Object> grant(Grant g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("approval_id", g.approvalId());
        m.put("rules", g.ruleIds());
        m.put("patterns", g.resourcePatterns());
        m.put("scope", g.scope().wire());
        m.put("session", g.session());
        m.put("principal", g.principal());
        m.put("created_by", g.createdBy());
        m.put("created_at", g.createdAt().toString());
        m.put("expires_at", g.expiresAt().toString());
        g.revokedAt().ifPresent(t -> {
            m.put("revoked_at", t.toString());
            m.put("revoked_by", g.revokedBy());
        });
        m.put("active", g.activeAt(Instant.now()));
        m.put("uses", g.uses());
        return m;
    }

    static Map<String, Object> token(TokenInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("role", t.role().wire());
        m.put("principal", t.principal());
        m.put("agent", t.agent());
        m.put("groups", t.groups());
        m.put("description", t.description());
        m.put("created_by", t.createdBy());
        m.put("created_at", t.createdAt().toString());
        t.revokedAt().ifPresent(r -> {
            m.put("revoked_at", r.toString());
            m.put("revoked_by", t.revokedBy());
        });
        return m;
    }

    private static Object tree(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            // What reviewers read is redacted like the audit log: they need the command, not the secrets in it.
            JsonNode n = Json.MAPPER.readTree(REDACTOR.redact(json));
            return n;
        } catch (IOException e) {
            return json;
        }
    }
}
