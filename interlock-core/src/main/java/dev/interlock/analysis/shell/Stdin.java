package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.syntax.AnsiC;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.analysis.shell.syntax.Script;
import dev.interlock.analysis.shell.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a command reads on standard input, as far as it can be known statically: literal text (from {@code echo},
 * {@code printf}, a heredoc fed to {@code cat}), or only the name of the program producing it; for a {@code find}
 * (or {@code mdfind}, {@code locate}, {@code ls}, {@code git ls-files}) that names what it lists, the paths each of its lines stands for ({@code found}:
 * {@code ./*.pyc}); for a process lister, the processes ({@code $(pgrep -f interlock)}); for a decoder of literal input ({@link Decoders}), what it printed ({@code decoded}): known, but
 * text the line hid, so a shell fed it still runs an opaque script while a file written from it holds that text.
 */
record Stdin(Optional<String> text, Optional<String> producer, Optional<String> source, List<String> found,
             Optional<String> decoded) {

    static final Stdin NONE = new Stdin(Optional.empty(), Optional.empty());

    Stdin(Optional<String> text, Optional<String> producer, Optional<String> source, List<String> found) {
        this(text, producer, source, found, Optional.empty());
    }

    Stdin(Optional<String> text, Optional<String> producer) {
        this(text, producer, Optional.empty());
    }

    Stdin(Optional<String> text, Optional<String> producer, Optional<String> source) {
        this(text, producer, source, List.of());
    }

    boolean piped() {
        return text.isPresent() || producer.isPresent();
    }

    /** What {@code stage}, fed {@code in}, writes to its standard output. */
    static Stdin from(Command stage, ShellWalk walk, Stdin in) {
        if (stage instanceof Command.Simple s && !s.words().isEmpty()) {
            Optional<String> first = walk.value(s.words().getFirst());
            String program = first.map(p -> p.substring(p.lastIndexOf('/') + 1)).orElse("");
            Optional<String> text = literalOutput(s, walk);
            Optional<String> decoded = Decoders.candidate(program) ? decoded(s, own(s, walk).orElse(in), walk) : Optional.empty();
            return new Stdin(text, Optional.of(program.isEmpty() ? "a dynamic command" : program), source(s, walk),
                    NAMERS.contains(program) || MatchListings.PROGRAMS.contains(program) || PathListings.PROGRAMS.contains(program)
                            ? found(program, s, walk)
                            : PID_LISTERS.contains(program) ? processes(s, walk) : List.of(),
                    decoded);
        }
        return new Stdin(Optional.empty(), Optional.of("a compound command"));
    }

    /** What the decoder {@code s} prints from {@code in}, when it can be computed. */
    static Optional<String> decoded(Command.Simple s, Stdin in, ShellWalk walk) {
        return Decoders.of(s.words().stream().map(walk::value).toList(), in.text().or(in::decoded), walk).flatMap(Decoders.Output::text);
    }

    /** A heredoc, here-string or {@code < FILE} on the command itself is its standard input. */
    static Optional<Stdin> own(Command.Simple s, ShellWalk walk) {
        for (Redirect r : s.redirects()) {
            if (r.heredoc().isPresent()) {
                return Optional.of(new Stdin(Optional.of(r.heredoc().get().body()), Optional.of("a heredoc")));
            }
            if (r.operator().equals("<<<")) {
                Optional<String> text = walk.value(r.target());
                return Optional.of(new Stdin(text, Optional.of("a here-string")));
            }
            if (r.operator().equals("<")) {
                // mysql < dump.sql, bash < setup.sh: the file is the input, judged when its text is known
                Optional<String> path = walk.value(r.target());
                if (path.isPresent() && !path.get().startsWith("/dev/")) {
                    return Optional.of(new Stdin(walk.text(path.get()), Optional.of("the file " + path.get()),
                            Optional.of(Stdin.directory(path.get())).filter(d -> !d.isEmpty())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the producer's output comes from, as a directory: {@code kustomize build overlays/prod},
     * {@code cat k8s/prod/app.yaml}, {@code helm template api charts/api} — the last argument that is a path. What a
     * consumer reads as {@code -f -} was rendered from there, and that directory may name the environment, as it does
     * for {@code kubectl apply -f k8s/prod/app.yaml}.
     */
    static Optional<String> source(Command.Simple s, ShellWalk walk) {
        String found = null;
        for (Word w : s.words().subList(1, s.words().size())) {
            Optional<String> v = walk.value(w);
            if (v.isPresent() && !v.get().startsWith("-") && (v.get().indexOf('/') >= 0 || manifestFile(v.get()))) {
                found = v.get();
            }
        }
        for (Redirect r : s.redirects()) { // envsubst < k8s/prod/app.yaml
            Optional<String> v = r.operator().equals("<") ? walk.value(r.target()) : Optional.empty();
            if (found == null && v.isPresent() && !v.get().startsWith("/dev/")) {
                found = v.get();
            }
        }
        return Optional.ofNullable(found).map(Stdin::directory).filter(d -> !d.isEmpty());
    }

    /** Producers whose output is process ids: each line stands for a process they matched. */
    private static final Set<String> PID_LISTERS = Set.of("pgrep", "pidof");

    /**
     * {@code pgrep -f interlock | xargs kill}: the ids stand for the processes the lister matched, written as the
     * expansion that would give them ({@code $(pgrep -f interlock)}), so that a consumer sees which processes it signals.
     */
    private static List<String> processes(Command.Simple s, ShellWalk walk) {
        List<String> words = new ArrayList<>();
        for (Word w : s.words()) {
            words.add(walk.value(w).orElse("…"));
        }
        return List.of("$(" + String.join(" ", words) + ")");
    }

    /** Producers whose output is the names of files they found: find, and the indexes' searches (Spotlight, locate). */
    private static final Set<String> NAMERS = Set.of("find", "mdfind", "locate", "plocate", "mlocate");

    /**
     * What a {@code find}, an index search, a search for file names or a listing of paths with literal words lists
     * ({@link FindCommands#listed}, {@link FindCommands#searched}, {@link MatchListings#listed}, {@link PathListings#listed}).
     */
    private static List<String> found(String program, Command.Simple s, ShellWalk walk) {
        List<String> args = new ArrayList<>();
        for (Word w : s.words().subList(1, s.words().size())) {
            Optional<String> v = walk.value(w);
            if (v.isEmpty()) {
                return List.of();
            }
            args.add(v.get());
        }
        if (MatchListings.PROGRAMS.contains(program)) {
            return MatchListings.listed(program, args);
        }
        if (PathListings.PROGRAMS.contains(program)) {
            return PathListings.listed(program, args);
        }
        return program.equals("find") ? FindCommands.listed(args) : FindCommands.searched(program, args);
    }

    /** A file's directory ({@code k8s/prod/app.yaml} → {@code k8s/prod}); a directory itself as it is. */
    static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return manifestFile(path) || path.lastIndexOf('.') > slash + 1 ? slash < 0 ? "" : path.substring(0, slash) : path;
    }

    private static boolean manifestFile(String word) {
        return word.endsWith(".yaml") || word.endsWith(".yml") || word.endsWith(".json") || word.endsWith(".jsonnet");
    }

    /** The output of {@code echo}/{@code printf} with literal arguments, or of {@code cat} fed a heredoc. */
    static Optional<String> literalOutput(Command.Simple s, ShellWalk walk) {
        List<String> words = new ArrayList<>();
        for (Word w : s.words()) {
            Optional<String> v = walk.value(w);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            words.add(v.get());
        }
        String program = words.getFirst();
        List<String> args = words.subList(1, words.size());
        switch (program) {
            case "echo" -> {
                List<String> rest = new ArrayList<>(args);
                boolean escapes = false;
                while (!rest.isEmpty() && Regex.matches(rest.getFirst(), "-[neE]+")) {
                    escapes |= rest.removeFirst().contains("e");
                }
                String text = String.join(" ", rest);
                return Optional.of(escapes ? AnsiC.unescape(text) : text);
            }
            case "printf" -> {
                return Printf.format(args);
            }
            case "cat" -> {
                if (args.isEmpty()) {
                    for (Redirect r : s.redirects()) {
                        if (r.heredoc().isPresent()) {
                            return Optional.of(r.heredoc().get().body());
                        }
                        if (r.operator().equals("<<<")) {
                            return walk.value(r.target());
                        }
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code $(echo ls)}: the text a substitution produces when it is a single echo/printf of literals. */
    static Optional<String> echoed(Script script, ShellWalk walk) {
        if (!script.complete() || script.commands().size() != 1 || !(script.commands().getFirst() instanceof Command.Simple s)
                || s.words().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> program = walk.value(s.words().getFirst());
        if (program.isPresent() && program.get().equals("mktemp")) {
            return mktemp(s, walk);
        }
        if (program.isPresent() && LOOKUPS.contains(program.get())) {
            return lookedUp(s, walk);
        }
        if (program.isEmpty() || !(program.get().equals("echo") || program.get().equals("printf"))) {
            return Optional.empty();
        }
        return literalOutput(s, walk).map(String::strip);
    }

    /** Commands that print where a program is: {@code $(which rm)} is rm. */
    private static final java.util.Set<String> LOOKUPS = java.util.Set.of("which", "command", "type");

    /**
     * {@code which NAME}, {@code command -v NAME}, {@code type -P NAME}: the program they find, by name (its directory on
     * PATH does not change what it does). Only these plain forms; anything else stays unknown.
     */
    private static Optional<String> lookedUp(Command.Simple s, ShellWalk walk) {
        List<String> words = new java.util.ArrayList<>();
        for (Word w : s.words()) {
            Optional<String> v = walk.value(w);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            words.add(v.get());
        }
        boolean form = switch (words.getFirst()) {
            case "which" -> words.size() == 2;
            case "command" -> words.size() == 3 && (words.get(1).equals("-v") || words.get(1).equals("-V"));
            default -> words.size() == 3 && (words.get(1).equals("-P") || words.get(1).equals("-p"));
        };
        String name = words.getLast();
        return form && !name.startsWith("-") && dev.interlock.analysis.Regex.matches(name, "[\\w./+-]+") ? Optional.of(name) : Optional.empty();
    }

    /**
     * The path {@code mktemp} prints, with its random part left as X: {@code /tmp/tmp.XXXXXXXXXX} by default, in
     * {@code -p DIR} or {@code --tmpdir=DIR} when given, and a template as written (relative to the working directory)
     * unless {@code -t} puts it in the temp directory.
     */
    private static Optional<String> mktemp(Command.Simple s, ShellWalk walk) {
        String dir = null;
        String template = null;
        boolean inTemp = false;
        List<Word> words = s.words();
        for (int i = 1; i < words.size(); i++) {
            Optional<String> w = walk.value(words.get(i));
            if (w.isEmpty()) {
                return Optional.empty();
            }
            String v = w.get();
            if (v.equals("-p") && i + 1 < words.size()) {
                Optional<String> d = walk.value(words.get(++i));
                if (d.isEmpty()) {
                    return Optional.empty();
                }
                dir = d.get();
            } else if (v.startsWith("--tmpdir=")) {
                dir = v.substring(9);
            } else if (v.equals("--tmpdir") || v.equals("-t")) {
                inTemp = true;
            } else if (v.equals("--suffix") && i + 1 < words.size()) {
                i++;
            } else if (!v.startsWith("-")) {
                template = v;
            }
        }
        String name = template == null ? "tmp.XXXXXXXXXX" : template;
        if (dir != null) {
            return Optional.of(dir + "/" + name);
        }
        return Optional.of(template == null || inTemp ? "/tmp/" + name : template);
    }
}
