package dev.interlock;

import dev.interlock.analysis.RequestAnalyzer;
import dev.interlock.analysis.shell.ShellAnalyzer;
import dev.interlock.analysis.sql.SqlAnalyzer;
import dev.interlock.decision.DecisionEngine;
import dev.interlock.decision.PolicyHolder;
import dev.interlock.environment.AmbientContext;
import dev.interlock.environment.EnvironmentResolver;
import dev.interlock.environment.Inventory;
import dev.interlock.environment.InventoryException;
import dev.interlock.model.Decision;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.SessionHistory;
import dev.interlock.policy.CompiledPolicy;
import dev.interlock.policy.PolicyFile;
import dev.interlock.policy.PolicyLoader;
import dev.interlock.policy.PolicyTestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Interlock as a library: analysis, environment resolution, risk and policy in one decision engine. Immutable and
 * thread-safe once built; {@link #reload} swaps the policy atomically, keeping the previous one when the new one fails.
 */
public final class Interlock {

    private final DecisionEngine engine;
    private final PolicyHolder policy;

    private Interlock(DecisionEngine engine, PolicyHolder policy) {
        this.engine = engine;
        this.policy = policy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The decision for one request. Never throws: failures come back as {@code deny} with the cause. */
    public Decision decide(Request request) {
        return engine.decide(request);
    }

    /**
     * The decision with the session's recent history in view: CEL's {@code session.count(…)} and friends read it.
     * The server passes it in; {@link #decide(Request)} uses an empty history.
     */
    public Decision decide(Request request, SessionHistory session) {
        return engine.decide(request, session);
    }

    /**
     * The request decided under each policy in turn (no session history), analysed once for policies that share a
     * catalogue and MCP mappings: what a replay of history against a candidate policy needs.
     */
    public List<Decision> decideUnder(Request request, List<CompiledPolicy> policies) {
        return engine.decideUnder(request, policies);
    }

    /** What a request would do (operations with environment and risk), without a policy decision. */
    public List<Operation> operations(Request request) {
        return engine.operations(request);
    }

    /**
     * Scripts, SQL files and makefiles the request runs, by absolute path: an adapter on the agent's machine reads the
     * ones that exist into {@code context.files} and decides again (the engine itself reads nothing).
     */
    public java.util.Set<String> filesNamed(Request request) {
        return engine.filesNamed(request);
    }

    /** A deny for a request that could not even be read, in the same shape as every other decision. */
    public Decision failClosed(Request request, String cause) {
        return engine.failClosed(request, cause, policy.current().version());
    }

    public CompiledPolicy policy() {
        return policy.current();
    }

    /** Compiles and tests new policy files and swaps them in; on failure throws and the old policy stays. */
    public CompiledPolicy reload(List<PolicyFile> files) {
        return policy.load(files, engine);
    }

    /** Runs the tests of {@code files} (compiled, not loaded) with this instance's analysis and inventory. */
    public List<PolicyTestResult> test(List<PolicyFile> files) {
        return engine.test(PolicyLoader.load(files));
    }

    /** Runs the tests of the policy in force. */
    public List<PolicyTestResult> test() {
        return engine.test(policy.current());
    }

    /** Configuration in one place; everything has a shipped default. */
    public static final class Builder {
        private List<PolicyFile> policyFiles;
        private Path inventoryFile;
        private AmbientContext ambient = AmbientContext.UNKNOWN;
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private boolean runPolicyTests = true;
        private boolean verified;

        /** A policy directory or file instead of the shipped {@code production-guardrails} pack. */
        public Builder policy(Path path) {
            this.policyFiles = PolicyFile.read(path);
            return this;
        }

        public Builder policy(List<PolicyFile> files) {
            this.policyFiles = List.copyOf(files);
            return this;
        }

        /** An inventory consulted before the shipped defaults. */
        public Builder inventory(Path file) {
            this.inventoryFile = file;
            return this;
        }

        /** What the host says about where commands go (kubeconfig, AWS_PROFILE, …); unknown by default. */
        public Builder ambient(AmbientContext context) {
            this.ambient = context;
            return this;
        }

        public Builder decisionIds(Supplier<String> supplier) {
            this.ids = supplier;
            return this;
        }

        /** Load even when the policy's own tests fail ({@code interlock policy test} reports them instead). */
        public Builder skipPolicyTests() {
            this.runPolicyTests = false;
            return this;
        }

        /**
         * The policy is known good: its exact text compiled and passed its tests before (the caller keeps that record,
         * keyed by {@link dev.interlock.policy.CompiledPolicy#version()}). Skips the tests and compiles each CEL
         * expression at first use, so a short-lived process pays only for the rules that match.
         */
        public Builder verifiedPolicy() {
            this.verified = true;
            return this;
        }

        /** Loads inventory and policy; throws {@link dev.interlock.policy.PolicyException} or {@link InventoryException}. */
        public Interlock build() {
            Inventory inventory = Inventory.defaults();
            if (inventoryFile != null) {
                try {
                    inventory = Inventory.parse(Files.readString(inventoryFile), inventoryFile.toString()).then(inventory);
                } catch (IOException e) {
                    throw new InventoryException(inventoryFile + ": cannot read: " + e.getMessage());
                }
            }
            RequestAnalyzer analyzer = new RequestAnalyzer(ShellAnalyzer.standard(SqlAnalyzer::analyze), SqlAnalyzer::analyze);
            PolicyHolder holder = new PolicyHolder();
            DecisionEngine engine = new DecisionEngine(analyzer, new EnvironmentResolver(inventory, ambient), holder, ids);
            List<PolicyFile> files = Optional.ofNullable(policyFiles).orElseGet(PolicyFile::defaults);
            if (verified) {
                holder.loadVerified(files);
            } else if (runPolicyTests) {
                holder.load(files, engine);
            } else {
                holder.loadUntested(files);
            }
            return new Interlock(engine, holder);
        }
    }
}
