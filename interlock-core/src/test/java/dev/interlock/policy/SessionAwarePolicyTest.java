package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Request;
import dev.interlock.model.SessionHistory;
import dev.interlock.model.Verb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runaway agent: each step is harmless, the series is not. */
class SessionAwarePolicyTest {

    static final Interlock RUNAWAY = PolicyEngineTest.with("""
              rules:
                - id: runaway-deletes
                  description: More than 10 deletes in 5 minutes needs a second human, in any environment.
                  match: { verbs: [delete] }
                  when: session.count(["delete", "replace"], duration("5m")) >= 10
                  effect: require_approval
                - id: after-a-denial-slow-down
                  when: session.count_effect("deny", duration("1m")) >= 3
                  effect: ask
                - id: touched-the-database
                  match: { verbs: [update] }
                  when: session.touched("kubernetes:payments/statefulset/*")
                  effect: ask
            """);

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    static Request delete(String name) {
        return RequestReader.read("{\"kind\":\"operation\",\"operation\":{\"system\":\"kubernetes\",\"verb\":\"delete\","
                + "\"resource\":{\"type\":\"deployment\",\"name\":\"" + name + "\",\"namespace\":\"payments\"}},"
                + "\"context\":{\"environment\":\"dev\"},\"actor\":{\"agent\":\"claude-code\",\"session\":\"s1\"}}");
    }

    static SessionHistory deletes(int n, Duration ago, Effect effect) {
        List<SessionHistory.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new SessionHistory.Entry(NOW.minus(ago), effect, List.of(Verb.DELETE),
                    List.of("kubernetes:payments/deployment/d" + i)));
        }
        return new SessionHistory(NOW, entries);
    }

    @Test
    void theTenthDeleteInFiveMinutesNeedsApproval() {
        assertThat(RUNAWAY.decide(delete("api"), deletes(9, Duration.ofMinutes(1), Effect.ALLOW)).effect()).isEqualTo(Effect.ALLOW);
        Decision tenth = RUNAWAY.decide(delete("api"), deletes(10, Duration.ofMinutes(1), Effect.ALLOW));
        assertThat(tenth.effect()).isEqualTo(Effect.REQUIRE_APPROVAL);
        assertThat(tenth.deciding()).extracting(r -> r.id()).containsExactly("runaway-deletes");
    }

    @Test
    void oldOrRefusedStepsDoNotCount() {
        assertThat(RUNAWAY.decide(delete("api"), deletes(30, Duration.ofMinutes(6), Effect.ALLOW)).effect()).isEqualTo(Effect.ALLOW);
        assertThat(RUNAWAY.decide(delete("api"), deletes(30, Duration.ofMinutes(1), Effect.REQUIRE_APPROVAL)).effect())
                .isEqualTo(Effect.ALLOW);
    }

    @Test
    void withoutAServerTheHistoryIsEmpty() {
        assertThat(RUNAWAY.decide(delete("api")).effect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void effectsAndTouchedResourcesAreVisible() {
        assertThat(RUNAWAY.decide(delete("api"), deletes(3, Duration.ofSeconds(10), Effect.DENY)).effect()).isEqualTo(Effect.ASK);
        Request update = RequestReader.read("{\"kind\":\"operation\",\"operation\":{\"system\":\"kubernetes\",\"verb\":\"update\","
                + "\"resource\":{\"type\":\"deployment\",\"name\":\"api\",\"namespace\":\"payments\"}},\"context\":{\"environment\":\"dev\"}}");
        SessionHistory touchedDb = new SessionHistory(NOW, List.of(new SessionHistory.Entry(NOW, Effect.ALLOW, List.of(Verb.DELETE),
                List.of("kubernetes:payments/statefulset/postgres"))));
        assertThat(RUNAWAY.decide(update, touchedDb).effect()).isEqualTo(Effect.ASK);
        assertThat(RUNAWAY.decide(update, SessionHistory.EMPTY).effect()).isEqualTo(Effect.ALLOW);
    }
}
