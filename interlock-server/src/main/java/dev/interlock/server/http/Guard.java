package dev.interlock.server.http;

import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Every endpoint names the roles that may call it; the token decides who the caller is. */
public final class Guard {

    /** A handler that receives the authenticated caller. */
    @FunctionalInterface
    interface CallerHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    private final Authenticator authenticator;

    Guard(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    Handler roles(CallerHandler handler, Role... roles) {
        Set<Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return ctx -> {
            Caller caller = caller(ctx);
            if (!allowed.contains(caller.role())) {
                throw ApiException.forbidden("an " + caller.role().name().toLowerCase(java.util.Locale.ROOT) + " token may not "
                        + ctx.method() + " " + ctx.path() + " (needs " + allowed.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList() + ")");
            }
            handler.handle(ctx, caller);
        };
    }

    Handler anyone(CallerHandler handler) {
        return roles(handler, Role.values());
    }

    private Caller caller(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "missing token: send Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "the Authorization header must be 'Bearer <token>'");
        }
        return authenticator.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "unknown or revoked token"));
    }
}
