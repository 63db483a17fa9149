package dev.interlock.environment;

/** An inventory file that cannot be used; the message names the file, the place and what to fix. */
public final class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }
}
