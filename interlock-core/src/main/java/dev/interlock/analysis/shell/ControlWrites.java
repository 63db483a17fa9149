package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.controls.ControlFiles;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * Files this line writes with text in view ({@code echo SELINUX=disabled > /etc/selinux/config}, {@code tee}, a
 * heredoc through {@code cat}): when the file is a security control's configuration and the text switches the control
 * off, the write is that control switched off ({@link ControlFiles}), here or where the line runs.
 */
final class ControlWrites {

    private ControlWrites() {
    }

    /**
     * Adds an operation for each file write among {@code walk.operations[from..]} that switches a control off, placed
     * where the write is (this machine, or the host or pod a wrapper runs it on); once per write, though a nested walk
     * and its wrapper's both see it.
     */
    static void check(ShellWalk walk, int from) {
        List<Operation> added = new ArrayList<>();
        List<Operation> ops = walk.operations;
        for (Operation op : ops.subList(Math.min(from, ops.size()), ops.size())) {
            String path = op.resource().locator("path");
            if (!op.system().equals("filesystem") && !op.resource().locators().containsKey("deploys")
                    || op.verb() != Verb.UPDATE && op.verb() != Verb.CREATE || !path.startsWith("/etc/")) {
                continue;
            }
            String text = walk.written.get(path);
            if (text == null) {
                continue;
            }
            ControlFiles.disabled(path, text).ifPresent(control -> {
                Operation marked = op.toBuilder().system("os").verb(Verb.UPDATE).resource("security-control", path)
                        .locator(SecurityControls.LOCATOR, control).scope(Scope.ONE).stateful(false).reversible(true)
                        .note("writes " + path + " so that " + control + " is off from its next start or reload").build();
                if (ops.stream().noneMatch(o -> o.resource().equals(marked.resource())) && !added.contains(marked)) {
                    added.add(marked);
                }
            });
        }
        added.forEach(walk::add);
    }
}
