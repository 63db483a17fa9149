package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;

/**
 * Files this line writes with text in view that another tool runs by itself later ({@link LaterRuns}):
 * {@code cat > conftest.py <<'EOF' … EOF; pytest}, {@code printf 'FROM …\nRUN …' > Dockerfile.x && docker build -f
 * Dockerfile.x .}, {@code echo "alias ls='rm -rf'" >> ~/.bashrc}. What the staged code will do is judged now, as an
 * agent's file edit of the same file is: writing the file through the shell is no way around it.
 */
final class LaterRunWrites {

    /** A start-up file's script may write another; that one is followed, not a third. */
    private static final int MAX_DEPTH = 2;

    private LaterRunWrites() {
    }

    static void check(ShellWalk walk) {
        if (walk.writtenHere.isEmpty() || walk.laterDepth >= MAX_DEPTH) {
            return;
        }
        for (Map.Entry<String, Evidence> file : List.copyOf(walk.writtenHere.entrySet())) {
            String text = walk.written.get(file.getKey());
            if (text == null || text.isBlank()) {
                continue;
            }
            for (LaterRuns.Run run : LaterRuns.of(file.getKey(), text)) {
                // judged where the file is, as FileEditAnalyzer judges an edit of it
                Workspace there = new Workspace(FileMeaning.parent(file.getKey()), walk.workspace.home());
                ShellWalk later = new ShellWalk(walk.analyzer, run.script(), there, walk.env);
                later.laterDepth = walk.laterDepth + 1;
                for (Operation op : run.kept(later.run())) {
                    Operation.Builder b = op.toBuilder().evidence(file.getValue())
                            .note((op.note().isEmpty() ? op.verb().wire() + " " + op.resource().type() + " " + op.resource().name() : op.note())
                                    + " (" + run.when() + ": " + file.getKey() + ")");
                    if (op.confidence() == Confidence.EXACT) {
                        b.confidence(Confidence.INFERRED); // it runs later, when the tool runs it
                    }
                    walk.add(b.build());
                }
            }
        }
    }
}
