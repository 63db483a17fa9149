package dev.interlock.decision;

import dev.interlock.analysis.RequestAnalyzer;
import dev.interlock.analysis.catalogue.Catalogue;
import dev.interlock.environment.EnvironmentResolver;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.BlastRadius;
import dev.interlock.model.Confidence;
import dev.interlock.model.Payload;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Enforcement;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.Risk;
import dev.interlock.model.RuleMatch;
import dev.interlock.model.SessionHistory;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import dev.interlock.policy.CompiledPolicy;
import dev.interlock.policy.Evaluation;
import dev.interlock.policy.PolicyEvaluator;
import dev.interlock.policy.PolicyTest;
import dev.interlock.policy.PolicyTestResult;
import dev.interlock.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the pipeline of DESIGN.md for one request. Every stage is pure; the engine passes the policy snapshot and a
 * decision-id source in. Any failure becomes a {@code deny} that says why (fail closed) — never an exception to the
 * adapter, never an allow.
 */
public final class DecisionEngine {

    private final RequestAnalyzer analyzer;
    private final EnvironmentResolver resolver;
    private final PolicyHolder policy;
    private final Supplier<String> ids;

    public DecisionEngine(RequestAnalyzer analyzer, EnvironmentResolver resolver, PolicyHolder policy, Supplier<String> ids) {
        this.analyzer = analyzer;
        this.resolver = resolver;
        this.policy = policy;
        this.ids = ids;
    }

    public Decision decide(Request request) {
        return decide(request, SessionHistory.EMPTY);
    }

    /** Decides with the session's recent history, which the server looks up and passes in. */
    public Decision decide(Request request, SessionHistory session) {
        CompiledPolicy snapshot = policy.current();
        if (snapshot == null) {
            return failClosed(request, "no policy is loaded", "");
        }
        return decide(request, snapshot, session);
    }

    /** The files an adapter should read into {@code context.files} before deciding (see {@link RequestAnalyzer#filesNamed}). */
    public java.util.Set<String> filesNamed(Request request) {
        return analyzer.filesNamed(request);
    }

    /** Analysis and resolution only: the operations a request would perform, with environment and risk. */
    public List<Operation> operations(Request request) {
        CompiledPolicy snapshot = policy.current();
        return snapshot == null ? operations(request, Catalogue.shipped(), List.of())
                : operations(request, snapshot.catalogue(), snapshot.mcpMappings());
    }

    private List<Operation> operations(Request request, Catalogue catalogue, List<dev.interlock.analysis.mcp.McpMapping> mappings) {
        List<Operation> ops = analyzer.analyze(request, catalogue, mappings);
        List<Operation> resolved = new ArrayList<>(ops.size());
        boolean plan = request.payload() instanceof Payload.Document;
        // A plan's changes share a handful of locator sets: resolve each set once.
        java.util.Map<Object, Operation> bySet = plan ? new java.util.HashMap<>() : null;
        for (Operation op : ops) {
            if (plan) {
                Object key = java.util.List.of(op.system(), op.verb(), op.environment(), op.environmentSource(), op.resource().locators());
                Operation known = bySet.get(key);
                if (known == null) {
                    known = resolver.resolve(op, request.context());
                    bySet.put(key, known);
                }
                resolved.add(op.withEnvironment(known.environment(), known.environmentSource()));
            } else {
                resolved.add(resolver.resolve(op, request.context()));
            }
        }
        if (plan) {
            resolved = wholePlan(resolved);
        }
        resolved.replaceAll(RiskModel::assess);
        return resolved;
    }

    /**
     * A plan is applied as a whole, so every change lands where its strictest known change lands: one resource tagged
     * {@code Environment = production} makes the untagged ones production too. Unknown stays only when nothing in
     * the plan names an environment.
     */
    private static List<Operation> wholePlan(List<Operation> ops) {
        Operation strictest = null;
        for (Operation op : ops) {
            if (op.environment() != Tier.UNKNOWN && (strictest == null || op.environment().gravity() > strictest.environment().gravity())) {
                strictest = op;
            }
        }
        if (strictest == null) {
            return ops;
        }
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(op.environment() == strictest.environment() ? op
                    : op.withEnvironment(strictest.environment(), "the plan's strictest change (" + strictest.resource().name()
                            + "): " + strictest.environmentSource()));
        }
        return out;
    }

    Decision decide(Request request, CompiledPolicy snapshot, SessionHistory session) {
        try {
            return decided(request, snapshot, operations(request, snapshot.catalogue(), snapshot.mcpMappings()), session);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failClosed(request, "internal error while deciding: " + e, snapshot.version());
        }
    }

    /**
     * The request decided under each of {@code policies} (no session history), in their order. Analysis depends on
     * the policy only through its catalogue and MCP mappings, so policies that share them share one analysis: a
     * replay of history against a candidate policy analyses each request once, not once per policy.
     */
    public List<Decision> decideUnder(Request request, List<CompiledPolicy> policies) {
        List<Decision> out = new ArrayList<>(policies.size());
        List<Operation> ops = null;
        CompiledPolicy analysedFor = null;
        for (CompiledPolicy snapshot : policies) {
            try {
                if (ops == null || !readsAlike(analysedFor, snapshot)) {
                    ops = null; // a failed analysis is not reused
                    ops = operations(request, snapshot.catalogue(), snapshot.mcpMappings());
                    analysedFor = snapshot;
                }
                out.add(decided(request, snapshot, ops, SessionHistory.EMPTY));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                out.add(failClosed(request, "internal error while deciding: " + e, snapshot.version()));
            }
        }
        return out;
    }

    private static boolean readsAlike(CompiledPolicy a, CompiledPolicy b) {
        return a == b || (a.catalogue().entries().equals(b.catalogue().entries()) && a.mcpMappings().equals(b.mcpMappings()));
    }

    private Decision decided(Request request, CompiledPolicy snapshot, List<Operation> ops, SessionHistory session) {
        Evaluation evaluation = PolicyEvaluator.evaluate(snapshot, request, ops, session);
        Risk risk = ops.stream().map(Operation::risk).reduce(Risk.LOW, Risk::max);
        Optional<BlastRadius> blast = request.payload() instanceof Payload.Document d
                ? Optional.of(BlastRadii.of(d.plan(), ops)) : Optional.empty();
        String summary = blast.map(BlastRadius::summary).orElseGet(() -> Summaries.summary(ops, evaluation.effects()));
        return new Decision(request.id(), evaluation.effect(), risk, summary, ops,
                evaluation.matches(), evaluation.approval(), snapshot.version(), ids.get(), blast);
    }

    /** A deny that explains why nothing better could be decided. */
    public Decision failClosed(Request request, String cause, String policyVersion) {
        Operation op = Operation.builder("interlock", Verb.UNKNOWN)
                .confidence(Confidence.OPAQUE)
                .environment(Tier.UNKNOWN, "")
                .risk(Risk.CRITICAL)
                .evidence(Evidence.text(cause))
                .note(cause)
                .build();
        RuleMatch why = new RuleMatch("invariant:fail-closed", "built-in", Effect.DENY,
                "Interlock could not decide (" + cause + "), so the answer is deny", Enforcement.ENFORCE, 0);
        return new Decision(request.id(), Effect.DENY, Risk.CRITICAL, "denied: " + cause, List.of(op), List.of(why),
                Optional.empty(), policyVersion, ids.get(), Optional.empty());
    }

    /** Runs a policy's own tests with this engine's analysis and inventory. */
    public List<PolicyTestResult> test(CompiledPolicy candidate) {
        List<PolicyTestResult> results = new ArrayList<>();
        for (PolicyTest test : candidate.tests()) {
            Request request;
            try {
                request = RequestReader.read(test.request());
            } catch (RequestFormatException e) {
                results.add(new PolicyTestResult(test, false, "invalid request", e.getMessage()));
                continue;
            }
            Decision d = decide(request, candidate, SessionHistory.EMPTY);
            String actual = d.effect().wire();
            results.add(new PolicyTestResult(test, PolicyTestResult.satisfies(test.expect(), actual), actual, d.summary()));
        }
        return results;
    }
}
