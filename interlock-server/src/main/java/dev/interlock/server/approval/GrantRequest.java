package dev.interlock.server.approval;

import java.time.Duration;

/**
 * What a reviewer asks for when approving a class of requests instead of one: a glob over operation addresses
 * ({@code *} any run of characters, {@code ?} one; blank means exactly the held operations' addresses), the scope,
 * and how long it lasts (no longer than the rule's {@code max_grant}).
 */
public record GrantRequest(String resourcePattern, GrantScope scope, Duration duration) {
    public GrantRequest {
        resourcePattern = resourcePattern == null ? "" : resourcePattern.strip();
        scope = scope == null ? GrantScope.SESSION : scope;
    }
}
