package dev.interlock.analysis.shell.recognizers.hpc;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HPC workload managers' command lines, the research filesystems' and the module system's, one table each; the
 * program's name picks the table.
 */
public final class HpcRecognizer implements Recognizer {

    /** Not {@code -V}: to {@code qsub} it means "export my environment to the job". */
    private static final Set<String> HELP = Set.of("--help", "--version", "--usage", "-?", "-help", "-version");

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(Slurm.PROGRAMS);
        all.addAll(Pbs.PROGRAMS);
        all.addAll(GridEngine.PROGRAMS);
        all.addAll(Lsf.PROGRAMS);
        all.addAll(HtCondor.PROGRAMS);
        all.addAll(EnvironmentModules.PROGRAMS);
        all.addAll(ParallelFilesystems.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (help(inv)) {
            return List.of();
        }
        String program = inv.program();
        if (EnvironmentModules.PROGRAMS.contains(program)) {
            return List.of(EnvironmentModules.recognize(inv));
        }
        if (ParallelFilesystems.PROGRAMS.contains(program)) {
            return List.of(ParallelFilesystems.recognize(inv));
        }
        if (Slurm.PROGRAMS.contains(program)) {
            return Slurm.recognize(inv, nested);
        }
        if (program.startsWith("condor_")) {
            return List.of(HtCondor.recognize(inv));
        }
        if (Pbs.PROGRAMS.contains(program)) {
            return Pbs.recognize(inv, nested);
        }
        return GridEngine.PROGRAMS.contains(program) ? List.of(GridEngine.recognize(inv)) : Lsf.recognize(inv, nested);
    }

    /**
     * Help or version among the leading options: nothing happens. Further on it may be an argument of the job's own
     * command ({@code bsub ./train.sh --help}), which still runs.
     */
    private static boolean help(Invocation inv) {
        for (String w : inv.words()) {
            if (!w.startsWith("-")) {
                return false;
            }
            if (HELP.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
