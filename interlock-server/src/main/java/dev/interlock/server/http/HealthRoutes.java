package dev.interlock.server.http;

import dev.interlock.server.decisions.Readiness;
import dev.interlock.server.metrics.ServerMetrics;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /healthz}, {@code /readyz}, {@code /metrics} and {@code /openapi.json}: no token needed. */
public final class HealthRoutes implements RouteGroup {

    private final Readiness readiness;
    private final BooleanSupplier storageAnswers;
    private final ServerMetrics metrics;

    public HealthRoutes(Readiness readiness, BooleanSupplier storageAnswers, ServerMetrics metrics) {
        this.readiness = readiness;
        this.storageAnswers = storageAnswers;
        this.metrics = metrics;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.get("/healthz", ctx -> Replies.send(ctx, 200, Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            if (!storageAnswers.getAsBoolean()) {
                readiness.failed("storage does not answer");
                Replies.send(ctx, 503, Map.of("ready", false, "reason", "storage does not answer: decisions are denied (fail closed)"));
                return;
            }
            String problem = readiness.problem();
            if (!problem.isEmpty()) {
                // Storage answers again: the next decision that writes clears the problem; say what it was.
                readiness.ok();
            }
            Replies.send(ctx, 200, problem.isEmpty() ? Map.of("ready", true) : Map.of("ready", true, "recovered_from", problem));
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        routes.get("/openapi.json", ctx -> {
            try (InputStream in = HealthRoutes.class.getResourceAsStream("/interlock/openapi.json")) {
                if (in == null) {
                    throw new ApiException(500, "the OpenAPI document is missing from the build");
                }
                Replies.raw(ctx, 200, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ApiException(500, "cannot read the OpenAPI document: " + e.getMessage());
            }
        });
    }
}
