package dev.interlock.server.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * An approval as a caller saw it. For humans, {@code firstSeenAt} is when this reviewer first opened it (the start of
 * their review time) and {@code firstView} says this call recorded it ({@code approval.viewed} is due). Agents'
 * views are not review views: both are empty/false.
 */
public record ViewResult(Approval approval, String viewer, Optional<Instant> firstSeenAt, boolean firstView) {
}
