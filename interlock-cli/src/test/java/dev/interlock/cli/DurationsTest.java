package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void printsShortHumanDurations() {
        assertThat(Durations.human(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Durations.human(Duration.ofSeconds(250))).isEqualTo("4m10s");
        assertThat(Durations.human(Duration.ofMinutes(20))).isEqualTo("20m");
        assertThat(Durations.human(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(Durations.human(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Durations.human(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(Durations.human(Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(Durations.wire(Duration.ofMillis(59_900))).isEqualTo("59s");
    }

    @Test
    void sinceIsAnInstantOrHowLongAgo() {
        Instant now = Instant.parse("2025-01-31T12:00:00Z");
        assertThat(Durations.since("24h", now)).isEqualTo(Instant.parse("2025-01-30T12:00:00Z"));
        assertThat(Durations.since("2025-01-01T08:30:00Z", now)).isEqualTo(Instant.parse("2025-01-01T08:30:00Z"));
        assertThat(Durations.since("2025-01-01", now)).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThatThrownBy(() -> Durations.since("2025-13-01T00:00:00Z", now)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Durations.since("yesterday", now)).hasMessageContaining("not a duration");
    }
}
