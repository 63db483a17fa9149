package dev.interlock.analysis.shell.recognizers.automation;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/** Workflow-automation CLIs, one table each: {@code n8n} ({@link N8nCli}) and {@code zapier} ({@link ZapierCli}). */
public final class AutomationRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("n8n", "zapier");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || DatabaseOps.help(inv) || inv.words().contains("--version")) {
            return List.of();
        }
        return inv.program().equals("n8n") ? N8nCli.recognize(inv) : ZapierCli.recognize(inv);
    }
}
