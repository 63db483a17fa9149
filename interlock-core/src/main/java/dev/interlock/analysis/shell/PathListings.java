package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code ls} and {@code git ls-files} print when a consumer such as {@code xargs rm} takes it as paths: the paths
 * they were given, so {@code ls outputs/plots/*.png | xargs rm -f} removes {@code outputs/plots/*.png} and is judged as
 * that {@code rm} would be. Empty (unknown items) whenever the output is not exactly those paths: a long or decorated
 * listing, or a directory, whose entries {@code ls} prints as bare names that the consumer reads against its own
 * working directory ({@code ls ~ | xargs rm -rf} stays a delete of unknown items).
 */
final class PathListings {

    static final Set<String> PROGRAMS = Set.of("ls", "git");

    /** ls options that only order or colour the names, or list directories as themselves ({@code -d}). */
    private static final String LS_NAME_ONLY_FLAGS = "1dtrSUXvcuNAa";
    private static final Set<String> LS_LONG_OPTIONS = Set.of("--directory", "--literal", "--reverse", "--color=never",
            "--color=auto", "--color", "--almost-all", "--all");
    /** A file name with an extension: {@code report.csv}, {@code *.png}; {@code build}, {@code *} or {@code .cache} may be directories. */
    private static final String FILE_NAME = ".*[^/.]\\.[A-Za-z0-9_]+";

    /** git ls-files options that choose which files, not how they are printed. */
    private static final Set<String> LS_FILES_SELECTING = Set.of("-c", "--cached", "-o", "--others", "-m", "--modified",
            "-d", "--deleted", "-i", "--ignored", "--exclude-standard", "-z", "--recurse-submodules", "--error-unmatch");
    private static final Set<String> LS_FILES_VALUED = Set.of("-x", "--exclude", "-X", "--exclude-from", "--exclude-per-directory");

    private PathListings() {
    }

    static List<String> listed(String program, List<String> args) {
        return program.equals("ls") ? ls(args) : !args.isEmpty() && args.getFirst().equals("ls-files") ? lsFiles(args.subList(1, args.size())) : List.of();
    }

    private static List<String> ls(List<String> args) {
        boolean directories = false;
        List<String> operands = new ArrayList<>();
        boolean options = true;
        for (String w : args) {
            if (options && w.equals("--")) {
                options = false;
            } else if (options && w.startsWith("--")) {
                if (!LS_LONG_OPTIONS.contains(w) && !w.startsWith("--sort=")) {
                    return List.of();
                }
                directories |= w.equals("--directory");
            } else if (options && w.startsWith("-") && w.length() > 1) {
                for (char c : w.substring(1).toCharArray()) {
                    if (LS_NAME_ONLY_FLAGS.indexOf(c) < 0) {
                        return List.of();
                    }
                    directories |= c == 'd';
                }
            } else {
                operands.add(w);
            }
        }
        if (operands.isEmpty()) {
            return List.of(); // the working directory's entries, dot files with -a: left unknown
        }
        for (String operand : operands) {
            String leaf = operand.substring(operand.lastIndexOf('/') + 1);
            if (!directories && !Regex.matches(leaf, FILE_NAME)) {
                return List.of();
            }
        }
        return operands;
    }

    /**
     * Paths relative to the working directory: each pathspec ({@code '*.orig'}, {@code build/*.o}), or the files under a
     * directory one names ({@code DIR/{}}, known only at run time); with none, every file of the working tree's part
     * below here ({@code ./{}}). Magic pathspecs ({@code :!x}) and changed output ({@code -s}, {@code --format}) leave it
     * unknown.
     */
    private static List<String> lsFiles(List<String> args) {
        List<String> specs = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (options && w.equals("--")) {
                options = false;
            } else if (options && LS_FILES_VALUED.contains(name)) {
                i += w.contains("=") ? 0 : 1;
            } else if (options && w.startsWith("-")) {
                if (!LS_FILES_SELECTING.contains(w) && !Regex.matches(w, "-[comdiz]+")) {
                    return List.of();
                }
            } else if (w.startsWith(":")) {
                return List.of();
            } else {
                specs.add(w);
            }
        }
        if (specs.isEmpty()) {
            return List.of("./{}");
        }
        List<String> found = new ArrayList<>();
        for (String spec : specs) {
            String leaf = spec.substring(spec.lastIndexOf('/') + 1);
            boolean file = Regex.matches(spec, ".*[*?\\[].*") || Regex.matches(leaf, FILE_NAME);
            found.add(file ? spec : (spec.endsWith("/") ? spec : spec + "/") + "{}");
        }
        return found;
    }
}
