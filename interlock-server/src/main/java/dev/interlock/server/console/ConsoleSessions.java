package dev.interlock.server.console;

import dev.interlock.server.auth.Caller;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in reviewers: a random session id (the cookie) for a token that was exchanged at sign-in, with its own CSRF
 * token for every form. A session ends at sign-out, after {@link #IDLE} without a page, or {@link #LIFETIME} after
 * sign-in, whichever comes first; the token behind it is checked again on every page (a revoked token ends it).
 */
public final class ConsoleSessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(8);

    /** One signed-in reviewer. */
    public record Session(String id, String token, Caller caller, String csrf, Instant signedIn) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(String token, Caller caller) {
        Session s = new Session(secret(), token, caller, secret(), clock.instant());
        sessions.put(s.id(), s);
        lastSeen.put(s.id(), s.signedIn());
        return s;
    }

    /** The live session behind {@code id}; touching it keeps it alive. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.signedIn().plus(LIFETIME)) || now.isAfter(lastSeen.getOrDefault(id, Instant.EPOCH).plus(IDLE))) {
            end(id);
            return Optional.empty();
        }
        lastSeen.put(id, now);
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
            lastSeen.remove(id);
        }
    }

    /** Whether a submitted form carries this session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(Session s, String submitted) {
        return submitted != null && MessageDigest.isEqual(s.csrf().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                submitted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String secret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
