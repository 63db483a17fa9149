package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * .NET's {@code bin} cleared with the {@code obj} beside it in one command line, as separate commands
 * ({@code rd /s /q bin & rd /s /q obj}, {@code rm -rf bin; rm -rf obj}): the pair a build makes again, as
 * {@link FileTarget#clearedTogether} finds it within one command. A {@code bin} deleted alone keeps its judgement.
 */
public final class BuildOutputPairs {

    private BuildOutputPairs() {
    }

    /** The line's operations, a workspace {@code bin} deleted beside a deleted {@code obj} marked regenerable. */
    public static List<Operation> of(List<Operation> ops) {
        Set<String> objs = null;
        for (Operation op : ops) {
            String path = workspaceDelete(op);
            if (path != null && path.endsWith("/obj")) {
                objs = objs == null ? new java.util.HashSet<>() : objs;
                objs.add(path.substring(0, path.length() - "obj".length()));
            }
        }
        if (objs == null) {
            return ops; // the usual case: nothing to pair, nothing copied
        }
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            String path = workspaceDelete(op);
            boolean bin = path != null && path.endsWith("/bin") && !op.reversible()
                    && objs.contains(path.substring(0, path.length() - "bin".length()));
            out.add(bin ? op.toBuilder().stateful(false).reversible(true)
                    .note(op.note().isEmpty() ? "build output (.NET's bin beside its obj)" : op.note() + "; build output (.NET's bin beside its obj)")
                    .build() : op);
        }
        return out;
    }

    /** The path a delete in the workspace on this machine removes, or null. */
    private static String workspaceDelete(Operation op) {
        if (op.verb() != Verb.DELETE || !op.system().equals("filesystem")) {
            return null;
        }
        var locators = op.resource().locators();
        return "workspace".equals(locators.get("area")) && !locators.containsKey("host") ? locators.get("path") : null;
    }
}
