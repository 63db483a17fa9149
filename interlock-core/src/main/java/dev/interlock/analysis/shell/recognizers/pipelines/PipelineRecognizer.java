package dev.interlock.analysis.shell.recognizers.pipelines;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Workflow engines' CLIs claimed by name: Temporal's {@code temporal} ({@code tctl} is Teleport's here) and Hadoop's
 * {@code hdfs}, {@code hadoop}, {@code mapred}. Hadoop's
 * {@code yarn} is reached through the package managers' recognizer, which owns the name ({@link HadoopYarn#claims}).
 */
public final class PipelineRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Hadoop.PROGRAMS);
        all.add("temporal");
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        return inv.program().equals("temporal") ? Temporal.recognize(inv) : Hadoop.recognize(inv);
    }
}
