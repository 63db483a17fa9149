package dev.interlock.server.http;

import dev.interlock.server.auth.Role;
import dev.interlock.server.policy.PolicyReloader;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code POST /v1/policy/reload}: admins only; a refused candidate answers 400 and the old policy stays. */
public final class PolicyRoutes implements RouteGroup {

    private final PolicyReloader reloader;

    public PolicyRoutes(PolicyReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/policy/reload", guard.roles((ctx, caller) -> {
            PolicyReloader.Result r = reloader.reload("token:" + caller.tokenId() + " (" + caller.principal() + ")");
            if (r.loaded()) {
                Replies.send(ctx, 200, Map.of("loaded", true, "policy_version", r.version()));
            } else {
                Replies.send(ctx, 400, Map.of("loaded", false, "error", "policy refused: " + r.reason()
                        + "; the policy in force is still " + r.version(), "status", 400, "policy_version", r.version()));
            }
        }, Role.ADMIN));
    }
}
