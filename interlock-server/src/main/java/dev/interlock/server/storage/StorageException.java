package dev.interlock.server.storage;

/** Storage could not do what was asked (unreachable, disk full, constraint). Callers fail closed on it. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
