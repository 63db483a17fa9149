package dev.interlock.analysis.shell.recognizers.elt;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** ELT CLIs, one table each: {@code meltano}, {@code sling}, {@code flowctl}, {@code octavia}, {@code abctl}, {@code dlt}. */
public final class EltRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("meltano", "sling", "flowctl", "octavia", "abctl", "dlt");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return switch (inv.program()) {
            case "meltano" -> Meltano.recognize(inv);
            case "sling" -> Sling.recognize(inv);
            case "flowctl" -> Flowctl.recognize(inv);
            case "dlt" -> DltCli.recognize(inv);
            default -> Airbyte.recognize(inv);
        };
    }
}
