package dev.interlock.server.http;

import dev.interlock.json.Json;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.audit.AuditVerifier;
import dev.interlock.server.audit.TrustedKeys;
import dev.interlock.server.audit.Verification;
import dev.interlock.server.auth.Role;
import dev.interlock.server.storage.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/audit} (pages of events) and {@code GET /v1/audit/verify}: reviewers and admins only. */
public final class AuditRoutes implements RouteGroup {

    static final int MAX_PAGE = 1000;

    private final AuditLog audit;
    private final Database db;
    private final Path dataDir;

    public AuditRoutes(AuditLog audit, Database db, Path dataDir) {
        this.audit = audit;
        this.db = db;
        this.dataDir = dataDir;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/audit", guard.roles(this::page, Role.APPROVER, Role.ADMIN));
        routes.get("/v1/audit/verify", guard.roles(this::verify, Role.APPROVER, Role.ADMIN));
    }

    private void page(Context ctx, dev.interlock.server.auth.Caller caller) throws Exception {
        long after = number(ctx.queryParam("after"), 0, "after");
        int limit = (int) Math.min(MAX_PAGE, number(ctx.queryParam("limit"), 100, "limit"));
        List<AuditEvent> events = audit.read(after, Math.max(1, limit));
        List<Map<String, Object>> out = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("at", e.at().toString());
            m.put("type", e.type());
            m.put("body", Json.MAPPER.readTree(e.body()));
            m.put("prev_hash", e.prevHash());
            m.put("hash", e.hash());
            out.add(m);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", out);
        page.put("next", events.isEmpty() ? after : events.getLast().seq());
        Replies.send(ctx, 200, page);
    }

    private void verify(Context ctx, dev.interlock.server.auth.Caller caller) {
        Verification v = new AuditVerifier(TrustedKeys.of(dataDir)).verify(db);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", v.ok());
        out.put("events", v.eventsChecked());
        out.put("checkpoints", v.checkpointsChecked());
        v.firstBrokenSeq().ifPresent(s -> out.put("first_broken_seq", s));
        v.breakage().ifPresent(b -> out.put("breakage", b.words()));
        out.put("message", v.message());
        Replies.send(ctx, 200, out);
    }

    private static long number(String text, long fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n < 0) {
                throw ApiException.badRequest(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + text + "'");
        }
    }
}
