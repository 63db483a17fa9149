package dev.interlock.server.decisions;

import dev.interlock.Interlock;
import dev.interlock.decision.Fingerprint;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.SessionHistory;
import dev.interlock.server.audit.AuditEvent;
import dev.interlock.server.audit.AuditLog;
import dev.interlock.server.audit.Redactor;
import dev.interlock.server.auth.Caller;
import dev.interlock.server.metrics.ServerMetrics;
import dev.interlock.server.notify.WebhookNotifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's pipeline for one request: the actor from the token, the session's history, the pure engine, then the
 * approval lookup (approval, grant or reviewer's denial) or a hold, and the audit append — durable before the answer
 * leaves. Any failure on the way is a deny that says why (fail closed) and turns readiness red.
 */
public final class DecisionService {

    /** Stored decisions are redacted like audit events: secrets in commands never reach storage. */
    private static final Redactor REDACTOR = Redactor.standard();

    private final Interlock engine;
    private final DecisionStore store;
    private final AuditLog audit;
    private final ApprovalGate gate;
    private final ServerMetrics metrics;
    private final WebhookNotifier notifier;
    private final Readiness readiness;
    private final Clock clock;
    private final Supplier<String> publicUrl;

    public DecisionService(Interlock engine, DecisionStore store, AuditLog audit, ApprovalGate gate, ServerMetrics metrics,
                           WebhookNotifier notifier, Readiness readiness, Clock clock, Supplier<String> publicUrl) {
        this.engine = engine;
        this.store = store;
        this.audit = audit;
        this.gate = gate;
        this.metrics = metrics;
        this.notifier = notifier;
        this.readiness = readiness;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The actor of a request is the token's: principal and agent from it, the session from the body. */
    public static Request asCaller(Request request, Caller caller) {
        Actor actor = new Actor(caller.principal(), caller.agent().isEmpty() ? request.actor().agent() : caller.agent(),
                request.actor().session());
        return new Request(request.id(), request.kind(), request.payload(), request.context(), actor);
    }

    public DecisionOutcome decide(Request asked, Caller caller) {
        long started = System.nanoTime();
        Request request = asCaller(asked, caller);
        String fingerprint = Fingerprint.of(request);
        Instant now = clock.instant();
        DecisionOutcome outcome;
        try {
            SessionHistory history = engine.policy().readsSessionHistory()
                    ? store.history(request.actor().session(), now) : new SessionHistory(now, List.of());
            Decision decision = engine.decide(request, history);
            outcome = decision.effect() == Effect.REQUIRE_APPROVAL
                    ? approvalStep(request, decision, caller, fingerprint, now)
                    : new DecisionOutcome(decision, fingerprint, Optional.empty(), Optional.empty(), 0);
            outcome = record(request, caller, outcome, now);
            readiness.ok();
        } catch (RuntimeException e) {
            String cause = (e instanceof dev.interlock.server.storage.StorageException ? "storage unavailable: " : "internal error: ")
                    + message(e);
            readiness.failed(cause);
            outcome = new DecisionOutcome(engine.failClosed(request, cause), fingerprint, Optional.empty(), Optional.empty(), 0);
        }
        metrics.decided(outcome.decision(), request.actor().agent(), Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private DecisionOutcome approvalStep(Request request, Decision decision, Caller caller, String fingerprint, Instant now) {
        Optional<ApprovalGate.Release> release = gate.release(request, decision, caller, now);
        if (release.isPresent()) {
            return switch (release.get()) {
                case ApprovalGate.Release.Approved a -> {
                    audit.append("approval.consumed", withDecision(a.audit(), decision));
                    yield new DecisionOutcome(rewrite(decision, Effect.ALLOW, "approval:" + a.approvalId(),
                            "released by approval " + a.approvalId() + " (approved by " + String.join(", ", a.reviewers()) + "); single use"),
                            fingerprint, Optional.of(new DecisionOutcome.ApprovalRef(a.approvalId(), "consumed", now, "")), Optional.empty(), 0);
                }
                case ApprovalGate.Release.Denied d -> new DecisionOutcome(rewrite(decision, Effect.DENY, "approval:" + d.approvalId(),
                        "denied by " + d.reviewer() + ": " + d.reason()), fingerprint,
                        Optional.of(new DecisionOutcome.ApprovalRef(d.approvalId(), "denied", now, d.reason())), Optional.empty(), 0);
                case ApprovalGate.Release.Granted g -> {
                    audit.append("grant.used", withDecision(g.audit(), decision));
                    metrics.grantUsed();
                    yield new DecisionOutcome(rewrite(decision, Effect.ALLOW, "grant:" + g.grantId(),
                            "released by grant " + g.grantId() + " (from approval " + g.approvalId() + ", until " + g.expiresAt() + ")"),
                            fingerprint, Optional.empty(), Optional.of(g.grantId()), 0);
                }
            };
        }
        ApprovalGate.Held held = gate.hold(request, decision, caller, now);
        if (held.created()) {
            audit.append("approval.requested", withDecision(held.audit(), decision));
            notifier.approvalRequested(held.approvers(), "Approval needed: " + decision.summary() + " — requested by "
                    + request.actor().agent() + " for " + request.actor().principal(), link(held.approvalId()), held.audit());
        }
        return new DecisionOutcome(decision, fingerprint,
                Optional.of(new DecisionOutcome.ApprovalRef(held.approvalId(), held.state(), held.expiresAt(), "")), Optional.empty(), 0);
    }

    /** The audit event and the decision row commit together; the answer leaves only after that. */
    private DecisionOutcome record(Request request, Caller caller, DecisionOutcome outcome, Instant now) {
        Decision d = outcome.decision();
        // Everything stored is built from the request: when its input holds nothing the redactor finds, neither does
        // anything derived from it, and the common case skips redacting every derived string.
        boolean secrets = holdsSecrets(request);
        String json = DecisionJson.write(outcome, publicUrl.get());
        String body = secrets ? REDACTOR.redact(json) : json;
        long t0 = System.nanoTime();
        AuditEvent event = audit.append("decision", auditBody(request, caller, outcome),
                DecisionStore.row(d, request.actor().principal(), request.actor().agent(), request.actor().session(),
                        outcome.fingerprint(), now, body), secrets);
        metrics.auditAppended(Duration.ofNanos(System.nanoTime() - t0));
        return new DecisionOutcome(d, outcome.fingerprint(), outcome.approval(), outcome.grantId(), event.seq(), body);
    }

    /** Variables as the audit log keeps them: a value the redactor finds in {@code NAME=value} form is redacted. */
    private static Map<String, String> env(Request request) {
        Map<String, String> out = new java.util.TreeMap<>();
        request.context().env().forEach((k, v) -> out.put(k, REDACTOR.finds(k + "=" + v) ? Redactor.REDACTED : v));
        return out;
    }

    private static boolean holdsSecrets(Request request) {
        if (REDACTOR.finds(request.payload().text(), request.context().cwd().orElse(""), request.context().target().orElse(""),
                request.context().environment().orElse(""), request.actor().session(), request.id())) {
            return true;
        }
        for (Map.Entry<String, String> e : request.context().env().entrySet()) {
            // A variable is redacted by its assignment form (AWS_SECRET_ACCESS_KEY=…), as the audit body would show it.
            if (REDACTOR.finds(e.getKey() + "=" + e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A decision whose effect an approval, a grant or a reviewer set, with that control listed first among its rules. */
    static Decision rewrite(Decision d, Effect effect, String controlId, String message) {
        List<RuleMatch> rules = new ArrayList<>();
        rules.add(new RuleMatch(controlId, "approvals", effect, message, Enforcement.ENFORCE, 0));
        rules.addAll(d.rules());
        return d.with(effect, rules);
    }

    private static Map<String, Object> withDecision(Map<String, Object> data, Decision d) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        out.put("decision_id", d.decisionId());
        return out;
    }

    private Map<String, Object> auditBody(Request request, Caller caller, DecisionOutcome outcome) {
        Decision d = outcome.decision();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision_id", d.decisionId());
        data.put("effect", d.effect().wire());
        data.put("risk", d.risk().wire());
        data.put("summary", d.summary());
        data.put("actor", Map.of("principal", request.actor().principal(), "agent", request.actor().agent(),
                "session", request.actor().session(), "token", caller.tokenId()));
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("id", request.id());
        req.put("kind", request.kind().wire());
        req.put("input", request.payload().text());
        req.put("context", Map.of("environment", request.context().environment().orElse(""), "cwd", request.context().cwd().orElse(""),
                "env", env(request), "target", request.context().target().orElse(""),
                "kubeconfig", request.context().kubeconfig().map(k -> k.absent() ? "absent" : k.currentContext().orElse("")).orElse("")));
        data.put("request", req);
        data.put("fingerprint", outcome.fingerprint());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operation op : d.operations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("system", op.system());
            o.put("verb", op.verb().wire());
            o.put("address", op.address());
            o.put("environment", op.environment().wire());
            o.put("environment_source", op.environmentSource());
            o.put("scope", op.scope().wire());
            o.put("confidence", op.confidence().wire());
            o.put("risk", op.risk().wire());
            ops.add(o);
        }
        data.put("operations", ops);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleMatch r : d.rules()) {
            rules.add(Map.of("id", r.id(), "policy", r.policy(), "effect", r.effect().wire(), "enforcement", r.enforcement().wire(),
                    "operation", r.operation(), "message", r.message()));
        }
        data.put("rules", rules);
        data.put("policy_version", d.policyVersion());
        outcome.approval().ifPresent(a -> data.put("approval", Map.of("id", a.id(), "state", a.state())));
        outcome.grantId().ifPresent(g -> data.put("grant", g));
        return data;
    }

    private String link(String approvalId) {
        return publicUrl.get() + "/v1/approvals/" + approvalId;
    }

    /** Reported after an allowed action: exit status and duration, durable in the audit log. */
    public long reportExecution(String decisionId, int exitCode, long durationMs, Caller caller) {
        return audit.append("execution.reported", execution(decisionId, exitCode, durationMs, caller),
                DecisionStore.execution(decisionId, exitCode, durationMs, caller.tokenId(), clock.instant())).seq();
    }

    /**
     * As {@link #reportExecution}, for a reporter that does not wait (a gateway relaying the tool's answer): the event
     * shares the next decision's commit instead of delaying it. One that cannot be recorded is said on stderr; the
     * decision then reads as "no outcome reported", which is what the audit log can prove.
     */
    public void reportExecutionSoon(String decisionId, int exitCode, long durationMs, Caller caller) {
        audit.appendSoon("execution.reported", execution(decisionId, exitCode, durationMs, caller),
                DecisionStore.execution(decisionId, exitCode, durationMs, caller.tokenId(), clock.instant()))
                .exceptionally(e -> {
                    System.err.println("interlock: the outcome of decision " + decisionId + " was not recorded: " + e.getMessage());
                    return null;
                });
    }

    private static Map<String, Object> execution(String decisionId, int exitCode, long durationMs, Caller caller) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision_id", decisionId);
        data.put("exit_code", exitCode);
        data.put("duration_ms", durationMs);
        data.put("reported_by", Map.of("principal", caller.principal(), "agent", caller.agent(), "token", caller.tokenId()));
        return data;
    }

    /** A tool whose description or schemas changed between two listings a gateway saw: both digests and texts. */
    public record ToolChange(String tool, String before, String after, String descriptionBefore, String descriptionAfter) {
    }

    /**
     * An MCP gateway listed {@code server}'s tools for the caller: the ones policy forbids for every argument (the
     * gateway hides them), and each change (a "rug pull") made durable as an {@code mcp.tool_changed} event first.
     */
    public List<String> listed(String server, List<String> tools, List<ToolChange> changes, Caller caller) {
        for (ToolChange c : changes) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("server", server);
            data.put("tool", c.tool());
            data.put("digest_before", c.before());
            data.put("digest_after", c.after());
            data.put("description_before", c.descriptionBefore());
            data.put("description_after", c.descriptionAfter());
            data.put("reported_by", Map.of("principal", caller.principal(), "agent", caller.agent(), "token", caller.tokenId()));
            audit.append("mcp.tool_changed", data);
        }
        Actor actor = new Actor(caller.principal(), caller.agent(), "");
        var policy = engine.policy();
        return tools.stream().filter(t -> policy.forbidsTool(server, t, actor)).toList();
    }

    /**
     * An agent said how a tool call it was allowed ended (its after-the-tool event): reported against the decision that
     * allowed it — the same request, principal and session, within the last hour, not yet reported. False when there
     * is none (a call decided by a hook in local mode, or one already reported).
     */
    public boolean reportOutcome(Request asked, Caller caller, int exitCode) {
        Request request = asCaller(asked, caller);
        Instant now = clock.instant();
        var decided = store.latestUnreported(request.actor().session(), Fingerprint.of(request), request.actor().principal(),
                now.minus(DecisionStore.HISTORY_WINDOW));
        decided.ifPresent(d -> reportExecution(d.decisionId(), exitCode, Math.max(0, Duration.between(d.at(), now).toMillis()), caller));
        return decided.isPresent();
    }

    /** A deny shed under overload: nothing was analysed or recorded; readiness stays as it is (this is load, not failure). */
    public DecisionOutcome overloaded(int inFlight) {
        String cause = "server overloaded: " + inFlight + " decisions already in progress; retry shortly";
        return new DecisionOutcome(engine.failClosed(Request.shell(""), cause), "", Optional.empty(), Optional.empty(), 0);
    }

    /** A deny for a request that could not even be read or attributed, with the cause; readiness turns red. */
    public DecisionOutcome failClosed(String cause) {
        readiness.failed(cause);
        Request unknown = Request.shell("");
        return new DecisionOutcome(engine.failClosed(unknown, cause), "", Optional.empty(), Optional.empty(), 0);
    }

    public Optional<String> approvalState(String approvalId) {
        return gate.state(approvalId);
    }

    /**
     * A held request waited on: while its approval is pending (until {@code deadline}, or until {@code stopping}),
     * polls it; once a reviewer has decided, decides the same request {@code again} — approved, it now passes as
     * the approval allows; denied, it is refused. Past the deadline the held outcome is returned unchanged.
     */
    public DecisionOutcome awaitApproval(DecisionOutcome outcome, java.time.Instant deadline, java.util.function.BooleanSupplier stopping,
                                         java.util.function.Supplier<DecisionOutcome> again) throws InterruptedException {
        DecisionOutcome current = outcome;
        while (current.pending() && java.time.Instant.now().isBefore(deadline) && !stopping.getAsBoolean()) {
            String id = current.approval().orElseThrow().id();
            while (java.time.Instant.now().isBefore(deadline) && !stopping.getAsBoolean() && approvalState(id).map("pending"::equals).orElse(false)) {
                Thread.sleep(APPROVAL_POLL.toMillis());
            }
            if (!approvalState(id).map("pending"::equals).orElse(false)) {
                current = again.get();
            }
        }
        return current;
    }

    private static final java.time.Duration APPROVAL_POLL = java.time.Duration.ofMillis(200);

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
