package dev.interlock.server.auth;

import java.time.Instant;

/** What {@code token.revoked} records: the token, who revoked it and when. */
public record TokenRevoked(TokenInfo token, String revokedBy, Instant at) {
}
