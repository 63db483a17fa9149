package dev.interlock.json;

/** A request that does not fit the JSON contract; the message names the field and what was expected. */
public final class RequestFormatException extends RuntimeException {
    public RequestFormatException(String message) {
        super(message);
    }
}
