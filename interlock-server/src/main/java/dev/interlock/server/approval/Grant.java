package dev.interlock.server.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A standing approval for a bounded class: the rules that required approval, glob patterns over operation addresses,
 * the principal (and session, for {@link GrantScope#SESSION}), and an expiry. {@code uses} counts releases.
 */
public record Grant(String id, String approvalId, List<String> ruleIds, List<String> resourcePatterns, GrantScope scope,
                    String session, String principal, String createdBy, Instant createdAt, Instant expiresAt,
                    Optional<Instant> revokedAt, String revokedBy, long uses) {
    public Grant {
        ruleIds = List.copyOf(ruleIds);
        resourcePatterns = List.copyOf(resourcePatterns);
    }

    public boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /** True when some pattern matches the whole address. */
    public boolean covers(String address) {
        return resourcePatterns.stream().anyMatch(p -> Glob.matches(p, address));
    }
}
