package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code chmod}, {@code chown}, {@code chgrp}: updates of modes and owners. Recursive changes lose the old modes
 * (irreversible) and over the root, a home or a system directory they break the machine; a setuid or setgid bit is a
 * privilege change; opening the home directory's key stores to others is a grant ({@link SecretModes}).
 */
final class FileModes {

    static final Set<String> PROGRAMS = Set.of("chmod", "chown", "chgrp");

    private static final Set<String> FLAGS = Set.of("-R", "--recursive", "-v", "--verbose", "-c", "--changes", "-f",
            "--silent", "--quiet", "-h", "--no-dereference", "--dereference", "-H", "-L", "-P", "--preserve-root",
            "--no-preserve-root");
    /** Symbolic modes such as {@code u+x}, {@code go-w}, {@code a=rX,u+s}; they may start with a dash. */
    private static final Pattern SYMBOLIC = Pattern.compile("[ugoa]*([-+=]([rwxXst]*|[ugo]))+(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*");

    private FileModes() {
    }

    static List<Operation> recognize(Invocation inv) {
        boolean chmod = inv.program().equals("chmod");
        boolean recursive = false;
        boolean reference = false;
        String spec = null;
        List<Arg> files = new ArrayList<>();
        boolean flagsDone = false;
        for (Arg arg : inv.args()) {
            String w = arg.value();
            if (!flagsDone && w.equals("--")) {
                flagsDone = true;
            } else if (!flagsDone && (w.equals("-R") || w.equals("--recursive"))) {
                recursive = true;
            } else if (!flagsDone && w.startsWith("--reference=")) {
                reference = true;
            } else if (!flagsDone && w.startsWith("--") || !flagsDone && FLAGS.contains(w)) {
                continue;
            } else if (spec == null && !reference && (!w.startsWith("-") || chmod && SYMBOLIC.matcher(w).matches())) {
                spec = w;
            } else if (!flagsDone && w.startsWith("-") && w.length() > 1) {
                recursive |= w.contains("R");
            } else {
                files.add(arg);
            }
        }
        List<Operation> ops = new ArrayList<>();
        String what = chmod ? "mode" : "owner";
        for (Arg file : files) {
            FileTarget t = FileTarget.of(file, inv);
            if (t.area() == Area.HOME_ROOT && t.path().equals(inv.workspace().cwd())
                    && !t.path().equals(inv.workspace().home()) && !t.wildAll()) {
                // Changing modes over the workspace is routine project work, unlike deleting it.
                t = new FileTarget(t.written(), t.path(), Area.WORKSPACE, t.glob(), false, t.exact());
            }
            ops.add(t.operation(inv, Verb.UPDATE, recursive ? "directory" : "file")
                    .scope(t.scope(recursive)).stateful(false).reversible(!recursive)
                    .note(recursive ? "changes the " + what + " of everything below; the old ones are not kept" : "")
                    .build());
            SecretModes.exposure(inv, t, chmod, spec, recursive).ifPresent(ops::add);
            if (chmod && spec != null && setsId(spec)) {
                ops.add(t.operation(inv, Verb.ESCALATE, "file").note("sets the setuid/setgid bit: runs as its owner")
                        .build());
            }
        }
        return ops;
    }

    /** A mode that sets setuid or setgid: {@code 4755}, {@code 2755}, {@code u+s}, {@code +s}, {@code g=rxs}. */
    static boolean setsId(String mode) {
        if (Regex.matches(mode, "[0-7]{4,5}")) {
            int special = mode.charAt(mode.length() - 4) - '0';
            return (special & 6) != 0;
        }
        return Regex.matches(mode, ".*[+=][rwxXt]*s.*") && !Regex.matches(mode, "o[+=].*");
    }
}
