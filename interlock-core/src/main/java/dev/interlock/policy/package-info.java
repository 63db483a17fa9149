/**
 * Policy: YAML documents with CEL conditions, compiled once into an immutable {@link dev.interlock.policy.CompiledPolicy};
 * evaluation (strictest effect wins, tier defaults, built-in invariants) is pure.
 */
package dev.interlock.policy;
