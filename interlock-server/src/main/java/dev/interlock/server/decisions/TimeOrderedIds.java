package dev.interlock.server.decisions;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decision ids as version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. They are stored as
 * the decisions table's key; random (version 4) keys scatter every insert across that index, so each commit dirtied
 * pages all over a file that grows by gigabytes a day under load, while time-ordered keys append at its end.
 */
public final class TimeOrderedIds implements Supplier<String> {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String get() {
        byte[] r = new byte[10];
        random.nextBytes(r);
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (r[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
