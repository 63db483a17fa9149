package dev.interlock.server.report;

import dev.interlock.server.audit.AuditEvent;
import java.util.List;

/** Pages of the audit log, oldest first: a live server's log or a data directory read offline. */
@FunctionalInterface
public interface AuditPages {
    List<AuditEvent> read(long after, int limit);
}
