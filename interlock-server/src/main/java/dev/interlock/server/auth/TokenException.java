package dev.interlock.server.auth;

/** A token operation was refused. */
public final class TokenException extends Refused {

    public TokenException(Kind kind, String message) {
        super(kind, message);
    }
}
