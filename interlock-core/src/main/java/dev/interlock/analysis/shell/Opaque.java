package dev.interlock.analysis.shell;

import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Map;

/** An operation whose effect cannot be determined statically. Never allowed in prod or unknown (built-in invariant). */
final class Opaque {

    private Opaque() {
    }

    static Operation operation(String why, Evidence evidence, Map<String, String> locators) {
        Operation.Builder b = Operation.builder("shell", Verb.UNKNOWN)
                .resource("command", evidence.text().length() > 80 ? evidence.text().substring(0, 80) + "…" : evidence.text())
                .confidence(Confidence.OPAQUE)
                .reversible(false)
                .note(why)
                .evidence(evidence);
        locators.forEach(b::locator);
        return b.build();
    }
}
