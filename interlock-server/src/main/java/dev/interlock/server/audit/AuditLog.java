package dev.interlock.server.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log. {@link #append} returns only once the event is committed (durable); when it
 * cannot be, it throws {@link dev.interlock.server.storage.StorageException} and the caller fails closed.
 */
public interface AuditLog extends AutoCloseable {

    /**
     * A row that must commit in the same transaction as its event (the decision an event describes, say): an insert
     * and how to bind it. Rows with the same SQL in one batch are written as one JDBC batch.
     */
    record Attached(String sql, Binder binder) {
    }

    /** Binds an attached row's parameters; the event is there for its seq and time. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, AuditEvent event) throws SQLException;
    }

    /** Redacts secrets in {@code data}, chains and stores it; the stored event. */
    default AuditEvent append(String type, Map<String, Object> data) {
        return append(type, data, null);
    }

    /** As {@link #append(String, Map)}, with {@code attached} written in the same transaction (may be null). */
    default AuditEvent append(String type, Map<String, Object> data, Attached attached) {
        return append(type, data, attached, true);
    }

    /**
     * As above; {@code redact} false skips redaction when the caller has established that {@code data} was built
     * only from input in which {@link Redactor} finds nothing (the decision path checks the raw input once instead of
     * every derived string).
     */
    AuditEvent append(String type, Map<String, Object> data, Attached attached, boolean redact);

    /**
     * An event no caller needs durable before it goes on (the reported outcome of an action that already ran): queued
     * like {@link #append}, committed with the next batch or within a few milliseconds, never blocking the caller.
     * The future completes with the stored event, or with the {@link dev.interlock.server.storage.StorageException}
     * that kept it out.
     */
    java.util.concurrent.CompletableFuture<AuditEvent> appendSoon(String type, Map<String, Object> data, Attached attached);

    /** Events with {@code seq > after}, oldest first, at most {@code limit}. */
    List<AuditEvent> read(long after, int limit);

    Optional<AuditEvent> head();

    @Override
    void close();
}
