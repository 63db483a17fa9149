package dev.interlock.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A token as listed and audited: everything but its secret, which the server never holds. */
public record TokenInfo(String id, Role role, String principal, String agent, List<String> groups, String description,
                        String createdBy, Instant createdAt, Optional<Instant> revokedAt, String revokedBy) {
    public TokenInfo {
        groups = List.copyOf(groups);
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    public Caller caller() {
        return new Caller(id, role, principal, agent, groups);
    }
}
