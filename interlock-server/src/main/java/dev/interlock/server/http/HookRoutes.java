package dev.interlock.server.http;

import dev.interlock.hooks.Agent;
import dev.interlock.hooks.AgentSide;
import dev.interlock.hooks.AnswerWriter;
import dev.interlock.hooks.HookAnswer;
import dev.interlock.hooks.HookRunner;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.model.Kubeconfig;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.decisions.DecisionOutcome;
import dev.interlock.server.decisions.DecisionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /v1/hooks/{agent}}: an agent's pre-tool-call payload as it is, answered in that agent's own format, so
 * that the hook on the agent's machine is a {@code curl} (or the agent's own {@code http} hook) and not a JVM. The
 * agent machine's context comes in headers ({@code X-Interlock-Env: NAME=VALUE}, repeated;
 * {@code X-Interlock-Kubeconfig: absent | present | current-context=NAME}); who acts comes from the token.
 *
 * <p>200: the body is what the hook prints, and it exits 0 — a block included, and a failure to decide answered as a
 * block in the agent's format, so that an agent's own {@code http} hook (which ignores non-2xx answers) blocks too.
 * 403 (Kiro, which blocks only on exit 2): the body is the reason to print on stderr, and the hook exits 2. Anything
 * else — bad token, server trouble — the curl client blocks.
 */
public final class HookRoutes implements RouteGroup {

    private final DecisionService decisions;
    private final Supplier<String> publicUrl;

    public HookRoutes(DecisionService decisions, Supplier<String> publicUrl) {
        this.decisions = decisions;
        this.publicUrl = publicUrl;
    }

    @Override
    public void register(RoutesConfig routes, Guard guard) {
        routes.post("/v1/hooks/{agent}", guard.anyone(this::hook));
    }

    void hook(Context ctx, Caller caller) {
        Agent agent;
        try {
            agent = Agent.parse(ctx.pathParam("agent"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(e.getMessage());
        }
        AgentSide side = new AgentSide(caller.principal(), env(ctx), kubeconfig(ctx.header("X-Interlock-Kubeconfig")));
        if (outcome(agent, ctx.bodyAsBytes(), side, caller)) {
            ctx.status(200).contentType("application/json").result("{}");
            return;
        }
        HookAnswer answer = AnswerWriter.inBand(agent,
                HookRunner.run(agent, ctx.bodyAsBytes(), side, request -> verdict(decisions.decide(request, caller))));
        if (answer.exitCode() == 0) {
            ctx.status(200).contentType("application/json").result(answer.stdout());
        } else {
            ctx.status(403).contentType("text/plain; charset=utf-8").result(answer.stderr().strip());
        }
    }

    /**
     * An after-the-tool event: its outcome reported (when a decision of ours allowed the call), answered with nothing
     * to say. It never blocks: the tool has already run. False when the payload is not such an event.
     */
    private boolean outcome(Agent agent, byte[] payload, AgentSide side, Caller caller) {
        java.util.Optional<dev.interlock.hooks.HookOutcome> after;
        try {
            after = dev.interlock.hooks.HookOutcome.read(agent, payload);
        } catch (RuntimeException e) {
            return false; // not readable as an after-event: the pre-tool path answers (and blocks what it cannot read)
        }
        if (after.isEmpty()) {
            return false;
        }
        if (!after.get().ran()) {
            return true;
        }
        try {
            dev.interlock.hooks.HookRequests.of(after.get().event(), side)
                    .ifPresent(request -> decisions.reportOutcome(request, caller, after.get().exitCode()));
        } catch (RuntimeException e) {
            // an outcome that cannot be matched or stored is lost from the report, never turned into a block
        }
        return true;
    }

    private HookVerdict verdict(DecisionOutcome outcome) {
        var d = outcome.decision();
        Optional<HookVerdict.Approval> approval = outcome.approval().map(a -> new HookVerdict.Approval(a.id(), a.state(),
                d.approval().map(t -> String.join(", ", t.approvers())).orElse(""), publicUrl.get() + "/v1/approvals/" + a.id(),
                a.expiresAt() == null ? "" : a.expiresAt().toString(), a.reason() == null ? "" : a.reason()));
        return new HookVerdict(d.effect(), d.summary(), HookVerdict.why(d), approval, d.decisionId());
    }

    private static Map<String, String> env(Context ctx) {
        return AgentSide.envHeaders(Collections.list(ctx.req().getHeaders("X-Interlock-Env")));
    }

    /** What the agent's machine said about its kubeconfig; nothing said is "unknown", never this server's own. */
    static Kubeconfig kubeconfig(String header) {
        if (header == null || header.isBlank()) {
            return new Kubeconfig(Optional.empty(), false);
        }
        String h = header.strip();
        if (h.equals("absent")) {
            return Kubeconfig.NONE;
        }
        if (h.startsWith("current-context=")) {
            return Kubeconfig.current(h.substring("current-context=".length()).strip());
        }
        return new Kubeconfig(Optional.empty(), false);
    }
}
