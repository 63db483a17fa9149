package dev.interlock.server.http;

import dev.interlock.decision.Fingerprint;
import dev.interlock.server.auth.Caller;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a token's caller for a moment, so the decision path does not read the token table on every request. A
 * revocation through this server clears it at once; another server sharing the database honours it within
 * {@link #TTL}. Unknown tokens are never cached (so a token created elsewhere works at once).
 */
public final class CachingAuthenticator implements Authenticator {

    public static final Duration TTL = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAt) {
    }

    private final Authenticator store;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingAuthenticator(Authenticator store) {
        this.store = store;
    }

    @Override
    public Optional<Caller> authenticate(String secret) {
        String key = Fingerprint.sha256(secret);
        long now = System.nanoTime();
        Entry e = cache.get(key);
        if (e != null && now - e.expiresAt() < 0) {
            return Optional.of(e.caller());
        }
        Optional<Caller> caller = store.authenticate(secret);
        if (caller.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Entry(caller.get(), now + TTL.toNanos()));
        } else {
            cache.remove(key);
        }
        return caller;
    }

    /** Forgets every cached caller (after a revocation). */
    public void clear() {
        cache.clear();
    }
}
