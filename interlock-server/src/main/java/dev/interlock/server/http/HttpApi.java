package dev.interlock.server.http;

import dev.interlock.json.Json;
import io.javalin.Javalin;
import dev.interlock.server.storage.StorageException;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Javalin application: route groups, JSON errors for everything (never a stack trace), a 1 MiB body limit,
 * virtual threads, and a graceful stop that drains requests in flight.
 */
public final class HttpApi {

    static final int MAX_CONNECTIONS = 1024;

    private HttpApi() {
    }

    public static Javalin create(String host, int port, Authenticator authenticator, List<RouteGroup> groups) {
        Guard guard = new Guard(authenticator);
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = Json.MAX_REQUEST_BYTES + 1024;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // Jetty keeps a header cache per connection (a 96 KB trie at its default size): a thousand keep-alive
            // agents held 100 MB of a 256 MB heap in those, and the collector's pauses became the decision tail.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(15_000);
                server.insertHandler(new GracefulHandler());
                // Past this many open connections new ones wait in the accept backlog: under a flood the heap holds
                // the work in progress, not a buffer per waiting client (without it, 3,600 clients exhausted 256 MB).
                server.addBean(new org.eclipse.jetty.server.NetworkConnectionLimit(MAX_CONNECTIONS, server));
            });
            for (RouteGroup group : groups) {
                group.register(config.routes, guard);
            }
            config.routes.exception(ApiException.class, (e, ctx) -> Replies.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(dev.interlock.server.auth.Refused.class, (e, ctx) -> Replies.error(ctx, e.kind().httpStatus(), e.getMessage()));
            config.routes.exception(StorageException.class, (e, ctx) -> Replies.error(ctx, 503,
                    "storage unavailable: " + e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> Replies.error(ctx, 500,
                    "internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            config.routes.error(404, "*", ctx -> {
                // Our own 404s (no such approval, …) are JSON already; Javalin's "no such endpoint" is not.
                if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
                    Replies.error(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path() + " (see GET /openapi.json)");
                }
            });
            config.routes.error(405, "*", ctx -> Replies.error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
            config.routes.error(413, "*", ctx -> Replies.error(ctx, 413, "the body is larger than 1 MiB"));
        });
    }
}
