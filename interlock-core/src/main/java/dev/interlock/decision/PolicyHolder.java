package dev.interlock.decision;

import dev.interlock.policy.CompiledPolicy;
import dev.interlock.policy.PolicyException;
import dev.interlock.policy.PolicyFile;
import dev.interlock.policy.PolicyLoader;
import dev.interlock.policy.PolicyTestResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy in force. A candidate is compiled and must pass its own tests before it replaces the current snapshot;
 * otherwise the previous policy stays in force and the caller gets the reason.
 */
public final class PolicyHolder {

    private final AtomicReference<CompiledPolicy> current = new AtomicReference<>();

    /** Compiles, tests against {@code engine}, and swaps in the candidate; throws with file:line on failure. */
    public CompiledPolicy load(List<PolicyFile> files, DecisionEngine engine) {
        CompiledPolicy candidate = PolicyLoader.load(files);
        List<PolicyTestResult> failed = engine.test(candidate).stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            PolicyTestResult f = failed.getFirst();
            throw new PolicyException(f.test().where() + ": policy test '" + f.test().name() + "' failed: expected "
                    + f.test().expect() + ", got " + f.actual() + " (" + f.summary() + ")"
                    + (failed.size() > 1 ? "; " + (failed.size() - 1) + " more failed" : "")
                    + (current.get() == null ? "" : "; the previous policy stays in force"));
        }
        current.set(candidate);
        return candidate;
    }

    /** Compiles and swaps in without running the policy's tests (for reporting them). */
    public CompiledPolicy loadUntested(List<PolicyFile> files) {
        CompiledPolicy candidate = PolicyLoader.load(files);
        current.set(candidate);
        return candidate;
    }

    /** Swaps in a policy already verified (same hash compiled and passed its tests): CEL compiles at first use. */
    public CompiledPolicy loadVerified(List<PolicyFile> files) {
        CompiledPolicy candidate = PolicyLoader.loadVerified(files);
        current.set(candidate);
        return candidate;
    }

    /** The snapshot in force, or null before the first successful load. */
    public CompiledPolicy current() {
        return current.get();
    }
}
