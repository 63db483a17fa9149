package dev.interlock.server.http;

import dev.interlock.server.approval.Grant;
import dev.interlock.server.approval.GrantRevoked;
import dev.interlock.server.approval.GrantService;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.auth.Role;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/grants} and {@code POST /v1/grants/{id}/revoke}: reviewers and admins. */
public final class GrantRoutes implements RouteGroup {

    private final GrantService grants;
    private final AuditLog audit;

    public GrantRoutes(GrantService grants, AuditLog audit) {
        this.grants = grants;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/grants", guard.roles((ctx, caller) -> {
            boolean activeOnly = "true".equalsIgnoreCase(ctx.queryParam("active"));
            List<Map<String, Object>> out = new ArrayList<>();
            for (Grant g : grants.list(activeOnly)) {
                out.add(ApprovalViews.grant(g));
            }
            Replies.send(ctx, 200, Map.of("grants", out));
        }, Role.APPROVER, Role.ADMIN));
        routes.post("/v1/grants/{id}/revoke", guard.roles((ctx, caller) -> {
            GrantRevoked r = grants.revoke(ctx.pathParam("id"), caller);
            Map<String, Object> event = new LinkedHashMap<>(ApprovalViews.grant(r.grant()));
            event.put("grant_id", r.grant().id());
            event.put("revoked_by", r.revokedBy());
            audit.append("grant.revoked", event);
            Replies.send(ctx, 200, ApprovalViews.grant(r.grant()));
        }, Role.APPROVER, Role.ADMIN));
    }
}
