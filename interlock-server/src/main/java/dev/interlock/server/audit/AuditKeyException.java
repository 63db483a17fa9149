package dev.interlock.server.audit;

/** The audit signing key could not be created, read or used; the message names the file and what to do. */
public final class AuditKeyException extends RuntimeException {
    public AuditKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditKeyException(String message) {
        super(message);
    }
}
