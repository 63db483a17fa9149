package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gzip FILE}, {@code xz FILE}, {@code bzip2 FILE}: each file is replaced by its archive, so the original name is
 * gone. For a live database file that is the same loss as deleting it (the application finds no file); for other files
 * a reversible change. Writing to standard output, keeping the input, listing or testing leaves the file alone.
 */
final class Compressors {

    /** Program → whether it removes its input by default (zstd and lz4 keep it unless told {@code --rm}). */
    private static final Map<String, Boolean> REMOVES_INPUT = Map.of("gzip", true, "pigz", true, "bzip2", true,
            "pbzip2", true, "xz", true, "lzma", true, "lzip", true, "compress", true, "zstd", false, "lz4", false);

    static final Set<String> PROGRAMS = REMOVES_INPUT.keySet();

    /** Flags that leave the input in place; letters may be bundled ({@code -kv}, {@code -cd}). */
    private static final Set<String> KEEPING = Set.of("--stdout", "--to-stdout", "--keep", "--list", "--test", "--help",
            "--version", "-h", "-V", "-L");
    private static final String KEEPING_LETTERS = "cklt";

    private Compressors() {
    }

    static List<Operation> recognize(Invocation inv) {
        boolean removes = REMOVES_INPUT.get(inv.program());
        boolean keeps = false;
        List<Arg> files = new ArrayList<>();
        boolean flagsDone = false;
        for (Arg arg : inv.args()) {
            String w = arg.value();
            if (!flagsDone && w.equals("--")) {
                flagsDone = true;
            } else if (!flagsDone && w.startsWith("-") && w.length() > 1) {
                if (KEEPING.contains(w) || !w.startsWith("--") && w.substring(1).chars().anyMatch(c -> KEEPING_LETTERS.indexOf(c) >= 0)) {
                    keeps = true;
                }
                removes |= w.equals("--rm");
            } else {
                files.add(arg);
            }
        }
        List<Operation> ops = new ArrayList<>();
        for (Arg file : files) {
            FileTarget t = FileTarget.of(file, inv);
            if (keeps || !removes) {
                ops.add(t.operation(inv, Verb.READ, "file").build());
                continue;
            }
            ops.add(FileMeaning.of(t.path(), inv.workspace(), true, "replaces with an archive ")
                    .map(b -> b.evidence(inv.evidence()).build())
                    .orElseGet(() -> t.operation(inv, Verb.UPDATE, "file").scope(t.scope(false)).stateful(false)
                            .reversible(true).note("replaces the file with its archive").build()));
        }
        return ops;
    }
}
