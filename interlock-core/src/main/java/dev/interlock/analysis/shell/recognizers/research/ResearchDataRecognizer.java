package dev.interlock.analysis.shell.recognizers.research;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** iRODS's icommands, the Globus CLI, Rucio's clients and DataLad, one table each; the program's name picks the table. */
public final class ResearchDataRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(IRods.PROGRAMS);
        all.addAll(Set.of("globus", "rucio", "rucio-admin", "datalad"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = inv.program();
        if (program.equals("datalad")) {
            return DataLad.recognize(inv, nested); // its run's command may carry --help of its own
        }
        // to the icommands -h is help; to rucio -H names the server, so only the long spellings count there
        if (DatabaseOps.help(inv) || IRods.PROGRAMS.contains(program) && inv.words().contains("-h")) {
            return List.of();
        }
        return switch (program) {
            case "globus" -> List.of(Globus.recognize(inv));
            case "rucio", "rucio-admin" -> List.of(Rucio.recognize(inv));
            default -> List.of(IRods.recognize(inv));
        };
    }
}
