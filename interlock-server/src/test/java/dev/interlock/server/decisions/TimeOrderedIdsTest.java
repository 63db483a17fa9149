package dev.interlock.server.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenUuidsCarryingTheirMillisecond() {
        Instant at = Instant.parse("2026-12-04T17:00:00.123Z");
        UUID id = UUID.fromString(new TimeOrderedIds(Clock.fixed(at, ZoneOffset.UTC)).get());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoTwoAreAlike() {
        String earlier = new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC)).get();
        TimeOrderedIds later = new TimeOrderedIds(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = later.get();
            assertThat(id).isGreaterThan(earlier);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
