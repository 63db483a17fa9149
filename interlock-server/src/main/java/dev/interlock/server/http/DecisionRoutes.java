package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Request;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.auth.Role;
import dev.interlock.server.decisions.DecisionJson;
import dev.interlock.server.decisions.DecisionOutcome;
import dev.interlock.server.decisions.DecisionService;
import dev.interlock.server.decisions.DecisionStore;
import dev.interlock.server.storage.StorageException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code POST /v1/decisions} (with long-polling), {@code GET /v1/decisions/{id}}, {@code POST /v1/executions}. */
public final class DecisionRoutes implements RouteGroup {

    static final Duration MAX_WAIT = Duration.ofMinutes(10);
    /**
     * Decisions being worked on at once, and how long a request may wait for a turn. Past that the server sheds load
     * at once with a fail-closed deny (503) instead of queueing without bound: an overloaded server that keeps
     * accepting work answers nobody in time and never catches up.
     */
    static final int MAX_IN_FLIGHT = 256;
    static final Duration ADMISSION_WAIT = Duration.ofMillis(250);
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);

    private final DecisionService decisions;
    private final DecisionStore store;
    private final Supplier<String> publicUrl;

    private final BooleanSupplier stopping;

    /** {@code stopping} turns true when the server drains: long-polls then answer with what they have. */
    public DecisionRoutes(DecisionService decisions, DecisionStore store, Supplier<String> publicUrl, BooleanSupplier stopping) {
        this.decisions = decisions;
        this.store = store;
        this.publicUrl = publicUrl;
        this.stopping = stopping;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        io.javalin.http.Handler decide = guard.anyone(this::decide);
        routes.post("/v1/decisions", ctx -> {
            try {
                decide.handle(ctx);
            } catch (StorageException e) {
                // Not even the token can be checked: the adapter still gets a decision it understands, and it is deny.
                Replies.send(ctx, 503, DecisionJson.node(decisions.failClosed("storage unavailable: " + e.getMessage()), publicUrl.get()));
            }
        });
        routes.get("/v1/decisions/{id}", guard.anyone(this::get));
        routes.post("/v1/executions", guard.anyone(this::execution));
        routes.post("/v1/mcp/listings", guard.anyone(this::listing));
    }

    void decide(Context ctx, Caller caller) throws InterruptedException {
        Duration wait = waitParam(ctx.queryParam("wait"));
        JsonNode body = Bodies.request(ctx);
        Request request;
        try {
            request = RequestReader.read(body);
        } catch (RequestFormatException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        claimsNoOneElse(request, caller);
        if (!inFlight.tryAcquire(ADMISSION_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            Replies.send(ctx, 503, DecisionJson.node(decisions.overloaded(MAX_IN_FLIGHT), publicUrl.get()));
            return;
        }
        DecisionOutcome outcome;
        try {
            outcome = decisions.decide(request, caller);
        } finally {
            inFlight.release();
        }
        outcome = decisions.awaitApproval(outcome, Instant.now().plus(wait), stopping, () -> {
            inFlight.acquireUninterruptibly();
            try {
                return decisions.decide(request, caller);
            } finally {
                inFlight.release();
            }
        });
        // Could not decide (storage lost, internal error): the body is a deny with the cause; the status says so too.
        boolean failedClosed = outcome.decision().rules().stream().anyMatch(r -> r.id().equals("invariant:fail-closed"));
        Replies.raw(ctx, failedClosed ? 503 : 200, DecisionJson.answer(outcome, publicUrl.get()));
    }

    /** The actor comes from the token; a body that names someone else is refused rather than silently rewritten. */
    private static void claimsNoOneElse(Request request, Caller caller) {
        String principal = request.actor().principal();
        if (!principal.isEmpty() && !principal.equals(caller.principal())) {
            throw ApiException.forbidden("this token acts for '" + caller.principal() + "'; the request claims actor.principal '"
                    + principal + "' (leave actor.principal out: it comes from the token)");
        }
        String agent = request.actor().agent();
        if (!caller.agent().isEmpty() && !agent.isEmpty() && !agent.equals(caller.agent())) {
            throw ApiException.forbidden("this token is agent '" + caller.agent() + "'; the request claims actor.agent '" + agent + "'");
        }
    }

    void get(Context ctx, Caller caller) {
        DecisionStore.Recorded r = store.get(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("no decision " + ctx.pathParam("id")));
        if (caller.role() == Role.AGENT && !r.principal().equals(caller.principal())) {
            throw ApiException.notFound("no decision " + ctx.pathParam("id"));
        }
        Replies.raw(ctx, 200, r.body());
    }

    void execution(Context ctx, Caller caller) {
        JsonNode body = Bodies.object(ctx, java.util.Set.of("decision_id", "exit_code", "duration_ms"), false);
        String decisionId = Bodies.text(body, "decision_id");
        if (decisionId.isEmpty()) {
            throw ApiException.badRequest("decision_id is required");
        }
        if (!body.path("exit_code").canConvertToInt() || !body.path("duration_ms").canConvertToLong()) {
            throw ApiException.badRequest("exit_code (integer) and duration_ms (integer) are required");
        }
        DecisionStore.Recorded r = store.get(decisionId).orElseThrow(() -> ApiException.notFound("no decision " + decisionId));
        if (!r.principal().equals(caller.principal()) && caller.role() == Role.AGENT) {
            throw ApiException.notFound("no decision " + decisionId);
        }
        long seq = decisions.reportExecution(decisionId, body.get("exit_code").asInt(), body.get("duration_ms").asLong(), caller);
        Replies.send(ctx, 201, Map.of("recorded", true, "audit_seq", seq));
    }

    /** An MCP gateway's view of one server's tools: which to hide; changed descriptions go to the audit log. */
    void listing(Context ctx, Caller caller) {
        JsonNode body = Bodies.object(ctx, java.util.Set.of("server", "tools", "changed"), false);
        String server = Bodies.text(body, "server");
        if (server.isEmpty() || !body.path("tools").isArray()) {
            throw ApiException.badRequest("server (text) and tools (an array of tool names) are required");
        }
        java.util.List<String> tools = new java.util.ArrayList<>();
        body.get("tools").forEach(t -> tools.add(t.asText()));
        java.util.List<DecisionService.ToolChange> changes = new java.util.ArrayList<>();
        for (JsonNode c : body.path("changed")) {
            changes.add(new DecisionService.ToolChange(c.path("tool").asText(), c.path("before").asText(), c.path("after").asText(),
                    c.path("description_before").asText(), c.path("description_after").asText()));
        }
        Replies.send(ctx, 200, Map.of("hidden", decisions.listed(server, tools, changes, caller)));
    }

    /** {@code 60s}, {@code 2m}, {@code PT1M}; capped at ten minutes. */
    static Duration waitParam(String text) {
        Duration d = duration(text, "wait");
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    /** {@code 90s}, {@code 20m}, {@code 2h}, {@code PT20M}; empty is zero. */
    static Duration duration(String text, String field) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        Duration d;
        try {
            d = dev.interlock.policy.DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " must be a duration like 60s, 20m or 2h, not '" + text + "'");
        }
        if (d.isNegative()) {
            throw ApiException.badRequest(field + " must not be negative");
        }
        return d;
    }
}
