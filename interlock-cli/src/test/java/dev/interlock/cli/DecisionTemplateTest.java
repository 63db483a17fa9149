package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.Interlock;
import dev.interlock.json.DecisionWriter;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionTemplateTest {

    private static final Interlock INTERLOCK = Interlock.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"r1", "", "quote \" backslash \\", "ünïcode ✓", "control \u0001\n\t", "{\"id\":\"x\"}"})
    void aRenderedDecisionIsTheWrittenDecisionWithTheNewIds(String newId) {
        Decision decision = INTERLOCK.decide(new Request("first \"one\"", RequestKind.SHELL,
                new Payload.Shell("echo '\"decision_id\":\"x\"' && kubectl delete ns payments"), RequestContext.EMPTY, Actor.UNKNOWN));
        DecisionTemplate template = DecisionTemplate.of(decision, DecisionWriter.toJson(decision)).orElseThrow();

        String rendered = template.render(newId);

        String decisionId = rendered.substring(rendered.indexOf(",\"decision_id\":\"") + 16).substring(0, 36);
        assertThat(java.util.UUID.fromString(decisionId).version()).isEqualTo(4);
        assertThat(rendered).isEqualTo(DecisionWriter.toJson(new Decision(newId, decision.effect(), decision.risk(),
                decision.summary(), decision.operations(), decision.rules(), decision.approval(), decision.policyVersion(),
                decisionId, decision.blastRadius())));
    }
}
