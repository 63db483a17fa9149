package dev.interlock.server.audit;

import java.time.Instant;

/**
 * One link of the audit chain. {@code body} is the canonical JSON that was hashed (it carries seq, time, type and
 * data); {@code hash = SHA-256(prevHash || body)} in lowercase hex.
 */
public record AuditEvent(long seq, Instant at, String type, String body, String prevHash, String hash) {
}
