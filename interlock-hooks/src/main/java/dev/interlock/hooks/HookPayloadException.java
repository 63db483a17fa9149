package dev.interlock.hooks;

/** The agent's payload cannot be read: the hook blocks the call and says why. */
public final class HookPayloadException extends RuntimeException {
    public HookPayloadException(String message) {
        super(message);
    }
}
