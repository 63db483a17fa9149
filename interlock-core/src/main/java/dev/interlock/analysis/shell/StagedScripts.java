package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.model.Evidence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files a command line writes before it runs them: {@code echo 'rm -rf ~' > x.sh && bash x.sh}. The text is kept when
 * it is known (echo, printf, a heredoc, {@code tee} or {@code cat} of literal input, a decoder of literal input), so
 * that the later run is analyzed; when the file comes from a decoder of input not in view or from a download, what
 * produced it is kept instead, and running it is opaque (as {@code base64 -d | sh} and {@code curl … | sh} are).
 */
final class StagedScripts {

    private static final Set<String> WRITES = Set.of(">", ">>", ">|", "&>", "&>>");
    /** Commands that pass their input through to their output or to the files they name. */
    private static final Set<String> PASS_THROUGH = Set.of("cat", "tee", "dd");
    /** Programs whose output is what a server sent: code no one here has read. */
    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "http", "https", "xh", "fetch", "aria2c");

    private StagedScripts() {
    }

    static void remember(Command.Simple s, Stdin stdin, ShellWalk walk) {
        if (s.words().isEmpty()) {
            return;
        }
        // the program first: this runs for every command
        Optional<String> first = walk.value(s.words().getFirst());
        String program = first.map(p -> p.substring(p.lastIndexOf('/') + 1)).orElse("");
        if (program.equals("curl") || program.equals("wget")) {
            downloaded(s, program, walk);
        } else if (program.startsWith("certutil")) {
            urlcache(s, walk);
        }
        if (s.redirects().isEmpty() && !program.equals("tee")) {
            return;
        }
        Optional<String> text = Stdin.literalOutput(s, walk);
        String hiddenBy = null;
        if (text.isEmpty() && Decoders.candidate(program)) {
            Optional<Decoders.Output> decoded = Decoders.of(s.words().stream().map(walk::value).toList(), stdin.text().or(stdin::decoded), walk);
            text = decoded.flatMap(Decoders.Output::text);
            hiddenBy = decoded.filter(d -> d.text().isEmpty()).map(d -> "decoded by " + d.program() + " from input not in view").orElse(null);
        } else if (text.isEmpty() && (program.equals("tee") || PASS_THROUGH.contains(program) && !namesInput(s, walk))) {
            text = stdin.text().or(stdin::decoded);
            hiddenBy = text.isPresent() ? null : stdin.producer().filter(p -> Decoders.candidate(p) || DOWNLOADERS.contains(p))
                    .map(p -> (DOWNLOADERS.contains(p) ? "downloaded by " : "decoded by ") + p).orElse(null);
        } else if (text.isEmpty() && DOWNLOADERS.contains(program)) {
            hiddenBy = "downloaded by " + program;
        }
        Optional<String> known = text;
        String by = hiddenBy;
        if (program.equals("tee")) {
            boolean append = s.words().stream().anyMatch(w -> walk.value(w).filter(v -> v.equals("-a") || v.equals("--append")).isPresent());
            for (Word w : s.words().subList(1, s.words().size())) {
                walk.value(w).filter(p -> !p.startsWith("-")).ifPresent(p -> keep(p, known, append, by, walk, walk.evidence(s.span())));
            }
        }
        for (Redirect r : s.redirects()) {
            if (WRITES.contains(r.operator()) && r.heredoc().isEmpty()) {
                walk.value(r.target()).ifPresent(p -> keep(p, known, r.operator().contains(">>"), by, walk, walk.evidence(s.span())));
            }
        }
    }

    /**
     * The file's text, appended or replacing, or what produced it when that is hidden; a write of text that is neither
     * leaves the file as it was known (a log, a report: nothing this line runs).
     */
    static void keep(String path, Optional<String> text, boolean append, String hiddenBy, ShellWalk walk) {
        keep(path, text, append, hiddenBy, walk, null);
    }

    private static void keep(String path, Optional<String> text, boolean append, String hiddenBy, ShellWalk walk, Evidence write) {
        String resolved = walk.workspace.resolve(path);
        if (text.isPresent() && write != null && walk.locators.isEmpty()) {
            walk.writtenHere.putIfAbsent(resolved, write); // on this machine; a remote write is judged as one
        }
        if (text.isPresent()) {
            if (append && walk.hidden.containsKey(resolved)) {
                return; // known lines after hidden ones: the file is still what produced its start
            }
            walk.hidden.remove(resolved);
            walk.written.merge(resolved, text.get(), (old, add) -> append ? old + "\n" + add : add);
        } else if (hiddenBy != null) {
            walk.written.remove(resolved);
            walk.hidden.put(resolved, hiddenBy);
        }
    }

    /** {@code curl -o x.sh URL}, {@code wget -O x.sh URL}: the file holds what the server sent. */
    private static void downloaded(Command.Simple s, String program, ShellWalk walk) {
        List<Word> words = s.words();
        for (int i = 1; i < words.size(); i++) {
            String w = walk.value(words.get(i)).orElse("");
            boolean output = program.equals("curl")
                    ? w.equals("--output") || w.matches("-[a-zA-Z]*o")
                    : w.equals("--output-document") || w.matches("-[a-zA-Z]*O");
            if (output && i + 1 < words.size()) {
                walk.value(words.get(i + 1)).filter(p -> !p.equals("-") && !p.startsWith("/dev/"))
                        .ifPresent(p -> keep(p, Optional.empty(), false, "downloaded by " + program, walk));
            } else if (w.startsWith("--output-document=") || w.startsWith("--output=")) {
                keep(w.substring(w.indexOf('=') + 1), Optional.empty(), false, "downloaded by " + program, walk);
            }
        }
    }

    /** {@code certutil -urlcache -split -f URL FILE}: the file holds what the server sent. */
    private static void urlcache(Command.Simple s, ShellWalk walk) {
        List<String> words = s.words().stream().map(w -> walk.value(w).orElse("")).toList();
        int url = words.indexOf(words.stream().filter(w -> w.matches("(?i)(https?|ftp)://.*")).findFirst().orElse("\0"));
        if (url > 0 && url + 1 < words.size() && words.stream().anyMatch(w -> w.equalsIgnoreCase("-urlcache"))
                && !words.get(url + 1).startsWith("-")) {
            keep(words.get(url + 1), Optional.empty(), false, "downloaded by certutil", walk);
        }
    }

    /** {@code cat a.sh b.sh > all.sh}, {@code dd if=x}: the output is those files', not the command's input. */
    private static boolean namesInput(Command.Simple s, ShellWalk walk) {
        for (Word w : s.words().subList(1, s.words().size())) {
            String v = walk.value(w).orElse("?");
            if (!v.startsWith("-") && !v.contains("=") || v.startsWith("if=")) {
                return true;
            }
        }
        return false;
    }
}
