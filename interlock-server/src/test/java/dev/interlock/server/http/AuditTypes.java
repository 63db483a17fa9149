package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The audit event types a server recorded, paging through {@code GET /v1/audit}. */
final class AuditTypes {

    private AuditTypes() {
    }

    static List<String> types(TestServer s, String reviewerToken) {
        List<String> types = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = s.get(reviewerToken, "/v1/audit?after=" + after + "&limit=1000").json();
            if (page.get("events").isEmpty()) {
                return types;
            }
            page.get("events").forEach(e -> types.add(e.get("type").asText()));
            after = page.get("next").asLong();
        }
    }
}
