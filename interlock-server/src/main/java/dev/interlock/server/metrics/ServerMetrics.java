package dev.interlock.server.metrics;

import dev.interlock.model.Decision;
import dev.interlock.model.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;

/** Every metric the server exports, with the names and tags documented in the README. */
public final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer decisionLatency;
    private final Timer auditAppend;
    private final Timer reviewTime;
    private final Counter tooFast;
    private final Counter grantsUsed;
    private final Counter webhookFailures;

    public ServerMetrics() {
        // Heap, GC and threads: what an operator checks first when decisions slow down.
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        decisionLatency = Timer.builder("interlock.decision.latency").description("Time to answer POST /v1/decisions (audit included)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        auditAppend = Timer.builder("interlock.audit.append.latency").description("Time until an audit event is durable")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000)).maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        reviewTime = Timer.builder("interlock.approval.review.time").description("Reviewer time from first view to verdict")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        tooFast = Counter.builder("interlock.approvals.refused.too.fast").description("Approvals refused for being faster than min_review")
                .register(registry);
        grantsUsed = Counter.builder("interlock.grants.used").description("Requests released by a grant").register(registry);
        webhookFailures = Counter.builder("interlock.webhook.failures").description("Webhook deliveries that failed (each attempt)")
                .register(registry);
    }

    /** Counts a decision under its riskiest operation's system, verb and environment. */
    public void decided(Decision d, String agent, Duration latency) {
        Operation lead = d.operations().stream().max(Comparator.comparing(Operation::risk)).orElse(null);
        Counter.builder("interlock.decisions").description("Decisions by effect, and the riskiest operation's system/verb/environment")
                .tag("effect", d.effect().wire())
                .tag("system", lead == null ? "" : lead.system())
                .tag("verb", lead == null ? "" : lead.verb().wire())
                .tag("environment", lead == null ? "" : lead.environment().wire())
                .tag("agent", agent)
                .register(registry).increment();
        decisionLatency.record(latency);
    }

    public void auditAppended(Duration latency) {
        auditAppend.record(latency);
    }

    public void approvalResolved(String verdict, Duration reviewTimeOfLastReviewer) {
        Counter.builder("interlock.approvals.resolved").tag("verdict", verdict).register(registry).increment();
        if (reviewTimeOfLastReviewer != null) {
            reviewTime.record(reviewTimeOfLastReviewer);
        }
    }

    public void refusedTooFast() {
        tooFast.increment();
    }

    public void grantUsed() {
        grantsUsed.increment();
    }

    public void webhookFailed() {
        webhookFailures.increment();
    }

    /** Gauges read on scrape; the suppliers must be cheap and must not throw (return -1 when storage fails). */
    public void gauges(Supplier<Number> pendingApprovals, Supplier<Number> activeGrants) {
        Gauge.builder("interlock.approvals.pending", () -> pendingApprovals.get().doubleValue()).register(registry);
        Gauge.builder("interlock.grants.active", () -> activeGrants.get().doubleValue()).register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
