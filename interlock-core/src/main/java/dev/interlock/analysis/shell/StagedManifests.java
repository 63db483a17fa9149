package dev.interlock.analysis.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cat > crb.yaml <<EOF … EOF; kubectl apply -f crb.yaml}: a manifest written earlier in the same line is read as
 * if it were fed on standard input, so the objects it creates or changes are judged, not only the file's name.
 */
final class StagedManifests {

    private static final Set<String> CLIENTS = Set.of("kubectl", "oc", "k", "kubecolor");

    private StagedManifests() {
    }

    /** The manifest's text and the arguments with its file replaced by {@code -}, when there is one such file. */
    record Staged(List<Arg> args, String text) {
    }

    static Optional<Staged> of(String program, List<Arg> args, Optional<String> stdin, ShellWalk walk) {
        if (stdin.isPresent() || !CLIENTS.contains(program)) {
            return Optional.empty();
        }
        int at = -1;
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            String named = (v.equals("-f") || v.equals("--filename")) && i + 1 < args.size() ? args.get(i + 1).value()
                    : v.startsWith("--filename=") ? v.substring("--filename=".length()) : null;
            if (named != null) {
                if (file != null) {
                    return Optional.empty(); // several manifests: each keeps its name
                }
                file = named;
                at = v.startsWith("--filename=") ? i : i + 1;
            }
        }
        if (file == null || file.equals("-") || !args.get(at).literal()) {
            return Optional.empty();
        }
        // a file the adapter read is expanded object by object later (ManifestFiles); this is for the line's own writes
        Optional<String> text = walk.writtenHere.containsKey(walk.workspace.resolve(file)) ? walk.text(file) : Optional.empty();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Arg> replaced = new ArrayList<>(args);
        Arg old = args.get(at);
        replaced.set(at, new Arg(old.value().startsWith("--filename=") ? "--filename=-" : "-", true, false, old.evidence()));
        return Optional.of(new Staged(List.copyOf(replaced), text.get()));
    }
}
