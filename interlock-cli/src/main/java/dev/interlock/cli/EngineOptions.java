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

    /** The engine, its policy verified once per policy text, inventory and build (see {@link VerifiedPolicy}). */
    Interlock build() {
        java.util.List<dev.interlock.policy.PolicyFile> files = policy == null ? dev.interlock.policy.PolicyFile.defaults()
                : dev.interlock.policy.PolicyFile.read(policy);
        String inventoryText = "";
        if (inventory != null) {
            try {
                inventoryText = java.nio.file.Files.readString(inventory);
            } catch (java.io.IOException e) {
                throw new dev.interlock.environment.InventoryException(inventory + ": cannot read: " + e.getMessage());
            }
        }
        Interlock.Builder b = builder().policy(files);
        return VerifiedPolicy.build(b, files, inventoryText);
    }

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
