package dev.interlock.server.approval;

import java.time.Instant;

/** A grant was revoked ({@code grant.revoked}): by whom and when. */
public record GrantRevoked(Grant grant, String revokedBy, Instant at) {
}
