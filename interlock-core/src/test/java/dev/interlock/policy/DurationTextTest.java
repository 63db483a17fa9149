package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesWhatPeopleTypeAndWhatTheServerWrites() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationText.parse(" 15S ")).isEqualTo(Duration.ofSeconds(15));
        assertThat(DurationText.parse("PT15S")).isEqualTo(Duration.ofSeconds(15));
        assertThat(DurationText.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("0s")).isZero();
    }

    @Test
    void refusesAnythingElseWithAnExample() {
        for (String bad : new String[] {"", "10x", "m", "10 m", "-5m", "1h-", "PT", "-PT5S", "5m10"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("");
        }
        assertThatThrownBy(() -> DurationText.parse("10x")).hasMessageContaining("examples: 90s, 10m, 1h30m");
        assertThatThrownBy(() -> DurationText.parse("99999999999999999999s")).hasMessageContaining("too long");
    }
}
