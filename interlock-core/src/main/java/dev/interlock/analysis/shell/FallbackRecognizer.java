package dev.interlock.analysis.shell;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/** Until a program family has a recognizer: running a program on this machine, as far as can be told. */
final class FallbackRecognizer implements Recognizer {
    @Override
    public Set<String> programs() {
        return Set.of();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(Operation.builder("process", Verb.EXECUTE)
                .resource("program", inv.program())
                .confidence(Confidence.INFERRED)
                .environment(inv.remote() ? Tier.UNKNOWN : Tier.LOCAL, inv.remote() ? "" : "runs on this machine")
                .evidence(inv.evidence())
                .build());
    }
}
