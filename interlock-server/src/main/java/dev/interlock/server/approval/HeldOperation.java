package dev.interlock.server.approval;

import dev.interlock.model.Verb;

/**
 * An operation of the held decision that a {@code require_approval} rule matched: its index in the decision, the rule,
 * its address ({@code system:[namespace/]type/name}), verb, resource name (what {@code confirm: resource-name} asks
 * for) and environment tier.
 */
public record HeldOperation(int operation, String rule, String address, Verb verb, String name, String environment) {
}
