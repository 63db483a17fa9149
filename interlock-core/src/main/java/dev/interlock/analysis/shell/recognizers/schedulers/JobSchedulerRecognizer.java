package dev.interlock.analysis.shell.recognizers.schedulers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Control-M's and AutoSys's command lines, one table each. */
public final class JobSchedulerRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(AutoSys.PROGRAMS);
        all.add("ctm");
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return List.of(inv.program().equals("ctm") ? ControlM.recognize(inv) : AutoSys.recognize(inv));
    }
}
