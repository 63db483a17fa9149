package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Combination laws: the decided effect is the strictest of the matching rules, whatever their order. */
class StrictestWinsProperties {

    @Property(tries = 40)
    void orderOfRulesNeverChangesTheEffect(@ForAll("effects") List<Effect> effects, @ForAll long seed) {
        List<Effect> shuffled = new ArrayList<>(effects);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        Effect strictest = effects.stream().reduce(Effect.ALLOW, Effect::strictest);
        assertThat(decide(effects)).isEqualTo(strictest);
        assertThat(decide(shuffled)).isEqualTo(strictest);
    }

    @Provide
    Arbitrary<List<Effect>> effects() {
        return Arbitraries.of(Effect.class).list().ofMinSize(1).ofMaxSize(6);
    }

    private static Effect decide(List<Effect> effects) {
        StringBuilder spec = new StringBuilder("  rules:\n");
        for (int i = 0; i < effects.size(); i++) {
            spec.append("    - { id: r").append(i).append(", match: { systems: [git] }, effect: ").append(effects.get(i).wire()).append(" }\n");
        }
        Interlock interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION)
                .policy(List.of(new PolicyFile("p.yaml", PolicyEngineTest.HEAD + spec))).build();
        return interlock.decide(RequestReader.read("{\"kind\":\"operation\",\"operation\":{\"system\":\"git\",\"verb\":\"update\"},"
                + "\"context\":{\"environment\":\"dev\"}}")).effect();
    }
}
