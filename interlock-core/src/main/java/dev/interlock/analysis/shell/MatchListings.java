package dev.interlock.analysis.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a search that prints file names lists ({@code grep -rl}, {@code rg -l}, {@code rg --files}): a file found under
 * each search root, {@code ROOT/{}} as for find's {@code -exec}, what a consumer such as {@code xargs sd} gets. Empty
 * when the search prints matching lines, or reads its standard input.
 */
final class MatchListings {

    static final Set<String> PROGRAMS = Set.of("grep", "egrep", "fgrep", "rg", "ag", "ack");
    /** Searchers that descend into the working directory without being told to. */
    private static final Set<String> RECURSIVE = Set.of("rg", "ag", "ack");
    private static final Set<String> VALUED = Set.of("-e", "-f", "-m", "-A", "-B", "-C", "-g", "-t", "-T", "-d", "-D", "-j", "-M",
            "--regexp", "--file", "--max-count", "--glob", "--iglob", "--type", "--type-not", "--include", "--exclude",
            "--exclude-dir", "--context", "--after-context", "--before-context", "--threads", "--max-depth", "--ignore-file");

    private MatchListings() {
    }

    static List<String> listed(String program, List<String> args) {
        boolean names = false;
        boolean every = false;
        boolean recursive = RECURSIVE.contains(program);
        boolean patternGiven = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (w.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (w.startsWith("--")) {
                names |= name.equals("--files-with-matches") || name.equals("--files-without-match");
                every |= name.equals("--files");
                recursive |= name.equals("--recursive") || name.equals("--dereference-recursive");
                patternGiven |= name.equals("--regexp") || name.equals("--file");
                i += VALUED.contains(name) && !w.contains("=") ? 1 : 0;
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int c = 1; c < w.length(); c++) {
                    char f = w.charAt(c);
                    names |= f == 'l' || f == 'L';
                    recursive |= f == 'r' || f == 'R';
                    patternGiven |= f == 'e' || f == 'f';
                    if (VALUED.contains("-" + f)) {
                        i += c == w.length() - 1 ? 1 : 0;
                        break;
                    }
                }
            } else {
                operands.add(w);
            }
        }
        if (!names && !every) {
            return List.of();
        }
        if (!patternGiven && !every && !operands.isEmpty()) {
            operands.removeFirst();
        }
        if (operands.isEmpty()) {
            return recursive ? List.of("./{}") : List.of();
        }
        List<String> found = new ArrayList<>();
        for (String root : operands) {
            // grep -l x a.txt b.txt lists those files; a recursive search, files under its roots
            found.add(recursive ? (root.endsWith("/") ? root : root + "/") + "{}" : root);
        }
        return found;
    }
}
