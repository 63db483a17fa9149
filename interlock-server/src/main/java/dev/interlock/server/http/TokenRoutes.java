package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.auth.CreatedToken;
import dev.interlock.server.auth.Role;
import dev.interlock.server.auth.TokenInfo;
import dev.interlock.server.auth.TokenRevoked;
import dev.interlock.server.auth.TokenStore;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tokens: admins create (the secret is shown once), list and revoke. Every change is audited. */
public final class TokenRoutes implements RouteGroup {

    private final TokenStore tokens;
    private final AuditLog audit;

    private final Runnable revoked;

    /** {@code revoked} runs after a revocation (it clears cached callers). */
    public TokenRoutes(TokenStore tokens, AuditLog audit, Runnable revoked) {
        this.tokens = tokens;
        this.audit = audit;
        this.revoked = revoked;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/tokens", guard.roles((ctx, caller) -> {
            JsonNode body = Bodies.object(ctx, Set.of("role", "principal", "agent", "groups", "description"), false);
            Role role;
            try {
                role = Role.parse(Bodies.text(body, "role"));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("role must be agent, approver or admin");
            }
            List<String> groups = new ArrayList<>();
            if (body.has("groups")) {
                if (!body.get("groups").isArray()) {
                    throw ApiException.badRequest("groups must be an array of strings");
                }
                body.get("groups").forEach(g -> groups.add(g.asText()));
            }
            CreatedToken created = tokens.create(caller, role, Bodies.text(body, "principal"), Bodies.text(body, "agent"), groups,
                    Bodies.text(body, "description"));
            Map<String, Object> event = new LinkedHashMap<>(ApprovalViews.token(created.token()));
            event.put("token_id", created.token().id());
            audit.append("token.created", event);
            Map<String, Object> out = new LinkedHashMap<>(ApprovalViews.token(created.token()));
            out.put("token", created.secret());
            Replies.send(ctx, 201, out);
        }, Role.ADMIN));
        routes.get("/v1/tokens", guard.roles((ctx, caller) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (TokenInfo t : tokens.list()) {
                out.add(ApprovalViews.token(t));
            }
            Replies.send(ctx, 200, Map.of("tokens", out));
        }, Role.ADMIN));
        routes.delete("/v1/tokens/{id}", guard.roles((ctx, caller) -> {
            TokenRevoked r = tokens.revoke(ctx.pathParam("id"), caller);
            revoked.run();
            Map<String, Object> event = new LinkedHashMap<>(ApprovalViews.token(r.token()));
            event.put("token_id", r.token().id());
            audit.append("token.revoked", event);
            Replies.send(ctx, 200, ApprovalViews.token(r.token()));
        }, Role.ADMIN));
    }
}
