package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where policy and inventory come from; shipped defaults unless given. */
final class EngineOptions {

    @Option(names = "--policy", paramLabel = "DIR", description = "Policy directory or file (default: the shipped production-guardrails pack).")
    Path policy;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory YAML consulted before the shipped default inventory.")
    Path inventory;

    Interlock.Builder builder() {
        Interlock.Builder b = Interlock.builder().ambient(AmbientContext.detect());
        if (policy != null) {
            b.policy(policy);
        }
        if (inventory != null) {
            b.inventory(inventory);
        }
        return b;
    }
}
