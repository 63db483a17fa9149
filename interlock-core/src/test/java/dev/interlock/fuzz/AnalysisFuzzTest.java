package dev.interlock.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of the whole decision path for shell commands and SQL. Under plain
 * {@code mvn verify} it replays the seeds in {@code src/test/resources/dev/interlock/fuzz/AnalysisFuzzTestInputs};
 * {@code JAZZER_FUZZ=1 mvn -pl interlock-core test -Dtest=AnalysisFuzzTest} explores for new inputs.
 * Properties: no exception escapes; an incomplete analysis is never an allow in prod; decisions are explained.
 */
class AnalysisFuzzTest {

    private static final Interlock INTERLOCK = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();

    @FuzzTest(maxDuration = "30s")
    void shellCommandsAreAlwaysDecided(byte[] input) {
        String command = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        Decision local = decide(RequestKind.SHELL, new Payload.Shell(command), "");
        Decision prod = decide(RequestKind.SHELL, new Payload.Shell(command), "prod");
        assertThat(local.operations().isEmpty() || !local.rules().isEmpty()).as("every operation is explained").isTrue();
        assertThat(local.rules().stream().noneMatch(r -> r.id().equals("invariant:fail-closed")))
                .as("analysis failed internally on %s: %s", command, local.summary()).isTrue();
        if (prod.operations().stream().anyMatch(op -> op.confidence() == dev.interlock.model.Confidence.OPAQUE)) {
            assertThat(prod.effect()).isNotEqualTo(Effect.ALLOW);
        }
    }

    @FuzzTest(maxDuration = "15s")
    void sqlIsAlwaysDecided(byte[] input) {
        String sql = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        Decision d = decide(RequestKind.SQL, new Payload.Sql(sql, ""), "prod");
        assertThat(d.rules().stream().noneMatch(r -> r.id().equals("invariant:fail-closed")))
                .as("analysis failed internally on %s: %s", sql, d.summary()).isTrue();
    }

    private static Decision decide(RequestKind kind, Payload payload, String environment) {
        return INTERLOCK.decide(new Request("", kind, payload,
                new RequestContext(Optional.of(environment), Optional.of("/home/dev/project"), Map.of(), Optional.empty()),
                new Actor("fuzz", "fuzzer", "")));
    }
}
