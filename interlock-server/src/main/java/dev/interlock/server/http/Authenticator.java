package dev.interlock.server.http;

import dev.interlock.server.auth.Caller;
import java.util.Optional;

/** Turns a bearer token's secret into the caller it belongs to; empty for unknown or revoked tokens. */
@FunctionalInterface
public interface Authenticator {
    Optional<Caller> authenticate(String secret);
}
