package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.approval.Approval;
import dev.interlock.server.approval.ApprovalService;
import dev.interlock.server.approval.ApprovalState;
import dev.interlock.server.approval.GrantRequest;
import dev.interlock.server.approval.GrantScope;
import dev.interlock.server.approval.ReviewResult;
import dev.interlock.server.approval.ViewResult;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import dev.interlock.server.metrics.ServerMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Approvals: list, open (which records the reviewer's first view), approve (optionally as a grant) and deny. The
 * rules — who may review, minimum review time, confirmation — live in {@link ApprovalService}; this class audits.
 */
public final class ApprovalRoutes implements RouteGroup {

    private final ApprovalDesk approvals;
    private final Supplier<String> links;

    public ApprovalRoutes(ApprovalDesk approvals, Supplier<String> links) {
        this.approvals = approvals;
        this.links = links;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/v1/approvals", guard.anyone(this::list));
        routes.get("/v1/approvals/{id}", guard.anyone(this::open));
        routes.post("/v1/approvals/{id}/approve", guard.roles(this::approve, Role.APPROVER, Role.ADMIN));
        routes.post("/v1/approvals/{id}/deny", guard.roles(this::deny, Role.APPROVER, Role.ADMIN));
    }

    private void list(Context ctx, Caller caller) {
        String state = ctx.queryParam("state");
        Optional<ApprovalState> filter;
        if (state == null || state.isBlank() || state.equals("all")) {
            filter = Optional.empty();
        } else {
            try {
                filter = Optional.of(ApprovalState.parse(state));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state must be pending, approved, denied, consumed, expired or all, not '" + state + "'");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Approval a : approvals.list(filter, caller)) {
            out.add(ApprovalViews.approval(a, links.get(), Optional.empty()));
        }
        Replies.send(ctx, 200, Map.of("approvals", out));
    }

    private void open(Context ctx, Caller caller) {
        ViewResult view = approvals.open(ctx.pathParam("id"), caller);
        Replies.send(ctx, 200, ApprovalViews.approval(view.approval(), links.get(), view.firstSeenAt()));
    }

    private void approve(Context ctx, Caller caller) {
        JsonNode body = Bodies.object(ctx, Set.of("comment", "confirm", "grant"), true);
        Optional<GrantRequest> grant = Optional.empty();
        if (body.hasNonNull("grant")) {
            grant = Optional.of(grant(body.get("grant")));
        }
        reviewed(ctx, approvals.approve(ctx.pathParam("id"), caller, Bodies.text(body, "comment"), Bodies.text(body, "confirm"), grant));
    }

    private void deny(Context ctx, Caller caller) {
        JsonNode body = Bodies.object(ctx, Set.of("reason", "comment"), false);
        String reason = Bodies.text(body, "reason").isBlank() ? Bodies.text(body, "comment") : Bodies.text(body, "reason");
        reviewed(ctx, approvals.deny(ctx.pathParam("id"), caller, reason));
    }

    private void reviewed(Context ctx, ReviewResult r) {
        Replies.send(ctx, 200, ApprovalViews.approval(r.approval(), links.get(), Optional.empty()));
    }

    private static GrantRequest grant(JsonNode g) {
        if (!g.isObject()) {
            throw ApiException.badRequest("grant must be an object: {\"pattern\":…, \"scope\":\"session\"|\"principal\", \"duration\":\"20m\"}");
        }
        for (java.util.Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("pattern", "scope", "duration").contains(f)) {
                throw ApiException.badRequest("unknown field 'grant." + f + "' (known: duration, pattern, scope)");
            }
        }
        GrantScope scope;
        try {
            scope = GrantScope.parse(g.path("scope").asText("session"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("grant.scope must be session or principal");
        }
        Duration duration = DecisionRoutes.duration(g.path("duration").asText(""), "grant.duration");
        if (duration.isZero()) {
            throw ApiException.badRequest("grant.duration is required, e.g. \"20m\"");
        }
        return new GrantRequest(g.path("pattern").asText(""), scope, duration);
    }
}
