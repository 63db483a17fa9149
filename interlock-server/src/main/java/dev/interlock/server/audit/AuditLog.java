package dev.interlock.server.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log. {@link #append} returns only once the event is committed (durable); when it
 * cannot be, it throws {@link dev.interlock.server.storage.StorageException} and the caller fails closed.
 */
public interface AuditLog extends AutoCloseable {

    /** Redacts secrets in {@code data}, chains and stores it; the stored event. */
    AuditEvent append(String type, Map<String, Object> data);

    /** Events with {@code seq > after}, oldest first, at most {@code limit}. */
    List<AuditEvent> read(long after, int limit);

    Optional<AuditEvent> head();

    @Override
    void close();
}
