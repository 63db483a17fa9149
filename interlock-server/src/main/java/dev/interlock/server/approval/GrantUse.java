package dev.interlock.server.approval;

import java.time.Instant;

/** A grant released a decision ({@code grant.used}): the grant with its new use count, the decision, and when. */
public record GrantUse(Grant grant, String decisionId, Instant at) {
}
