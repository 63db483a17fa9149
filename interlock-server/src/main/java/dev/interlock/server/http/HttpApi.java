package dev.interlock.server.http;

import dev.interlock.json.Json;
import io.javalin.Javalin;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Javalin application: route groups, JSON errors for everything (never a stack trace), a 1 MiB body limit,
 * virtual threads, and a graceful stop that drains requests in flight.
 */
public final class HttpApi {

    private HttpApi() {
    }

    public static Javalin create(String host, int port, Authenticator authenticator, List<Object> groups) {
        Guard guard = new Guard(authenticator);
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = Json.MAX_REQUEST_BYTES + 1024;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(15_000);
                server.insertHandler(new GracefulHandler());
            });
            for (Object group : groups) {
                ((RouteGroup) group).register(config.routes, guard);
            }
            config.routes.exception(ApiException.class, (e, ctx) -> Replies.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> Replies.error(ctx, 500,
                    "internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    Replies.error(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path() + " (see GET /openapi.json)");
                }
            });
            config.routes.error(405, "*", ctx -> Replies.error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
            config.routes.error(413, "*", ctx -> Replies.error(ctx, 413, "the body is larger than 1 MiB"));
        });
    }
}
