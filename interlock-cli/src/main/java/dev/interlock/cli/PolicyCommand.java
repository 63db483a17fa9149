package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Effect;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.policy.CompiledPolicy;
import dev.interlock.policy.PolicyException;
import dev.interlock.policy.PolicyFile;
import dev.interlock.policy.PolicyLoader;
import dev.interlock.policy.PolicyTestResult;
import dev.interlock.policy.Rule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interlock policy test|lint|show [DIR]}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Test, lint and show policy.",
        subcommands = {PolicyCommand.Test.class, PolicyCommand.Lint.class, PolicyCommand.Show.class})
final class PolicyCommand {

    /** The policy the subcommands work on: a directory or file, or the shipped pack. */
    static final class PolicyDir {
        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Policy directory or file (default: the shipped pack).")
        Path dir;

        List<PolicyFile> files() {
            return dir == null ? PolicyFile.defaults() : PolicyFile.read(dir);
        }
    }

    /** The compiled policy, or null after printing the error (file:line:column and reason). */
    static CompiledPolicy compile(java.util.function.Supplier<List<PolicyFile>> files, CommandSpec spec) {
        try {
            return PolicyLoader.load(files.get());
        } catch (PolicyException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return null;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = "Run the tests written in the policy files (exit 1 if any fails).")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyDir source = new PolicyDir();

        @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory to resolve environments with.")
        Path inventory;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PolicyFile> files;
            List<PolicyTestResult> results;
            try {
                files = source.files();
                Interlock.Builder b = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).policy(files).skipPolicyTests();
                if (inventory != null) {
                    b.inventory(inventory);
                }
                results = b.build().test();
            } catch (PolicyException e) {
                spec.commandLine().getErr().println("interlock policy test: " + e.getMessage());
                return 1;
            }
            int failed = 0;
            for (PolicyTestResult r : results) {
                out.println((r.passed() ? "PASS " : "FAIL ") + r.test().policy() + ": " + r.test().name()
                        + (r.passed() ? "" : "\n     expected " + r.test().expect() + ", got " + r.actual() + " (" + r.summary() + ") at " + r.test().where()));
                failed += r.passed() ? 0 : 1;
            }
            out.println((results.size() - failed) + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "lint", mixinStandardHelpOptions = true, description = "Compile the policy and point out rules worth a second look.")
    static final class Lint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyDir source = new PolicyDir();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CompiledPolicy policy = compile(source::files, spec);
            if (policy == null) {
                return 1;
            }
            List<String> warnings = new ArrayList<>();
            for (Rule r : policy.rules()) {
                if (r.description().isEmpty() && r.message().isEmpty()) {
                    warnings.add(r.where() + ": rule '" + r.id() + "' has neither description nor message: its decisions will not say why");
                }
                if (r.effect() == Effect.ALLOW && r.when().isEmpty() && r.match().environments().isEmpty()) {
                    warnings.add(r.where() + ": rule '" + r.id() + "' allows without a condition or an environment: it allows everything it matches everywhere");
                }
            }
            if (policy.tests().isEmpty()) {
                warnings.add("no tests: write tests: in the policy so that a broken change is not loaded");
            }
            warnings.forEach(w -> out.println("warning: " + w));
            out.println("ok: " + policy.rules().size() + " rules, " + policy.tests().size() + " tests in " + String.join(", ", policy.policies())
                    + " (" + policy.version() + ")" + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings"));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the policy in force: defaults and rules.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyDir source = new PolicyDir();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CompiledPolicy policy = compile(source::files, spec);
            if (policy == null) {
                return 1;
            }
            out.println("policies: " + String.join(", ", policy.policies()) + "  version " + policy.version());
            out.println("defaults (no rule matched), by tier and risk:");
            out.printf("  %-8s %-17s %-17s %-17s %-17s%n", "tier", "low", "medium", "high", "critical");
            for (Tier t : Tier.values()) {
                out.printf("  %-8s", t.wire());
                for (Risk r : Risk.values()) {
                    out.printf(" %-17s", policy.defaults().effect(t, r).wire());
                }
                out.println();
            }
            out.println("rules:");
            for (Rule r : policy.rules()) {
                out.println("  " + r.id() + " -> " + r.effect().wire() + (r.enforcement().wire().equals("dry-run") ? " (dry-run)" : "") + "   " + r.where());
                if (!r.description().isEmpty()) {
                    out.println("      " + r.description());
                }
                var m = r.match();
                List<String> parts = new ArrayList<>();
                if (!m.systems().isEmpty()) parts.add("systems " + m.systems());
                if (!m.verbs().isEmpty()) parts.add("verbs " + m.verbs().stream().map(v -> v.wire()).toList());
                if (!m.environments().isEmpty()) parts.add("environments " + m.environments().stream().map(v -> v.wire()).toList());
                if (!m.agents().isEmpty()) parts.add("agents " + m.agents());
                if (!m.resourceTypes().isEmpty()) parts.add("resource types " + m.resourceTypes());
                if (!m.confidences().isEmpty()) parts.add("confidence " + m.confidences().stream().map(v -> v.wire()).toList());
                if (!parts.isEmpty()) {
                    out.println("      match: " + String.join("; ", parts));
                }
                r.when().ifPresent(w -> out.println("      when: " + w.source()));
            }
            out.println("built-in invariants (always on): self-protection, no-self-escalation, opaque-is-not-allowed in prod/unknown, fail-closed");
            return 0;
        }
    }
}
