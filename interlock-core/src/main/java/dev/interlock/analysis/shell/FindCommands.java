package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code find}: a read, unless it runs commands on what it finds ({@code -exec}, {@code -execdir}, {@code -ok},
 * {@code -okdir}) or deletes it ({@code -delete}). {@code {}} stands for each file found under the search roots.
 */
final class FindCommands {

    private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");

    private FindCommands() {
    }

    static boolean find(List<Arg> args, SimpleCommands.Run run, SimpleCommands commands) {
        List<String> roots = new ArrayList<>();
        int i = 0;
        while (i < args.size() && Regex.matches(args.get(i).value(), "-[HLP]|-O\\d")) {
            i++;
        }
        while (i < args.size() && !args.get(i).value().startsWith("-") && !args.get(i).value().equals("(") && !args.get(i).value().equals("!")) {
            roots.add(args.get(i).value());
            i++;
        }
        int expression = i;
        String root = roots.isEmpty() ? "." : roots.getFirst();
        // {} is a file found under the root; a -name test says what it is called (find ~/.ssh -name 'id_*' -exec cat {}).
        String found = "{}";
        for (int k = i; k + 1 < args.size(); k++) {
            if (args.get(k).value().equals("-name") || args.get(k).value().equals("-iname")) {
                found = args.get(k + 1).value();
                break;
            }
        }
        // From the filesystem root the matches are anywhere on the machine (/usr/lib/node_modules too), as for -delete
        String each = (root.endsWith("/") ? root : root + "/") + (root.equals("/") && !found.equals("{}") ? "**/" : "") + found;
        FindOutputs.remember(args.subList(i, args.size()), commands.walk);
        boolean acted = false;
        for (; i < args.size(); i++) {
            String w = args.get(i).value();
            if (EXEC.contains(w)) {
                List<Arg> inner = new ArrayList<>();
                int j = i + 1;
                for (; j < args.size() && !args.get(j).value().equals(";") && !args.get(j).value().equals("+"); j++) {
                    Arg a = args.get(j);
                    inner.add(a.value().contains("{}")
                            // -exec … {} runs once per file found: each run touches one file under the root.
                            ? new Arg(a.value().replace("{}", each), a.literal(), each.contains("**/"), a.evidence())
                            : a);
                }
                commands.dispatch(run.inner(inner).withStdin(Stdin.NONE));
                // find . -type f -exec rm {} \; with no test narrowing the matches removes every file under the roots,
                // as -delete does: one file per run says nothing of how many runs there are
                if (deletesEachMatch(inner) && filter(args).isEmpty()) {
                    List<String> starts = roots.isEmpty() ? List.of(".") : roots;
                    boolean buildOutput = buildOutput(starts, run, commands.walk.workspace);
                    for (String r : starts) {
                        commands.walk.add(deletion(r, "", buildOutput, false, run, commands.walk.workspace));
                    }
                }
                acted = true;
                i = j;
            } else if (w.equals("-delete")) {
                String filter = filter(args);
                List<String> starts = roots.isEmpty() ? List.of(".") : roots;
                // narrowed or not, what lies under scratch or build output (find data/tmp -name '*.parquet' -delete) is disposable
                boolean buildOutput = buildOutput(starts, run, commands.walk.workspace);
                boolean regenerableMatches = regenerableMatches(values(args.subList(expression, i)));
                for (String r : starts) {
                    commands.walk.add(deletion(r, filter, buildOutput, regenerableMatches, run, commands.walk.workspace));
                }
                acted = true;
            }
        }
        return acted;
    }

    /** Programs that remove the file they are given. */
    private static final Set<String> DELETERS = Set.of("rm", "unlink", "shred", "srm");

    /** {@code -exec rm -f {} +}: the command run on each match removes it. */
    private static boolean deletesEachMatch(List<Arg> inner) {
        if (inner.isEmpty()) {
            return false;
        }
        String program = inner.getFirst().value();
        return DELETERS.contains(program.substring(program.lastIndexOf('/') + 1))
                && inner.stream().skip(1).anyMatch(a -> a.value().contains("/{}") || a.value().endsWith("{}") || a.value().contains("/**/"));
    }

    /**
     * What a {@code find} that only lists prints, one path per search root and name test ({@code find . -path ./.venv
     * -prune -o -name '*.pyc' -print0} lists {@code ./*.pyc}): what a consumer such as {@code xargs rm} gets. Empty when
     * no name test says what it lists, when one is negated ({@code ! -name x} lists everything else), or when the find
     * acts itself ({@code -exec}, {@code -delete}).
     */
    static List<String> listed(List<String> args) {
        List<String> roots = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < args.size() && Regex.matches(args.get(i), "-[HLP]|-O\\d")) {
            i++;
        }
        while (i < args.size() && !args.get(i).startsWith("-") && !args.get(i).equals("(") && !args.get(i).equals("!")) {
            roots.add(args.get(i++));
        }
        for (; i < args.size(); i++) {
            String w = args.get(i);
            if (EXEC.contains(w) || w.equals("-delete")) {
                return List.of();
            }
            if ((w.equals("-name") || w.equals("-iname")) && i + 1 < args.size()) {
                String before = i > 0 ? args.get(i - 1) : "";
                if (before.equals("!") || before.equals("-not")) {
                    return List.of();
                }
                names.add(args.get(++i));
            }
        }
        List<String> paths = new ArrayList<>();
        for (String root : roots.isEmpty() ? List.of(".") : roots) {
            for (String name : names) {
                paths.add((root.endsWith("/") ? root : root + "/") + name);
            }
        }
        return paths;
    }

    /**
     * What an index search prints: files named like its query, wherever they are. {@code mdfind -name id_ed25519} (or a
     * bare query, or {@code kMDItemFSName == "…"}) finds them across the user's files ({@code ~}, or {@code -onlyin
     * DIR}); {@code locate NAME} across the whole machine. Empty for a query that names no file (a content or kind search
     * with operators or spaces).
     */
    static List<String> searched(String program, List<String> args) {
        String root = program.equals("mdfind") ? "~" : "/";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i);
            java.util.regex.Matcher byName = SPOTLIGHT_NAME.matcher(w);
            if (w.equals("-onlyin") && i + 1 < args.size()) {
                root = args.get(++i);
            } else if (w.equals("-name") && i + 1 < args.size()) {
                names.add(args.get(++i));
            } else if (SEARCH_VALUED.contains(w)) {
                i++;
            } else if (byName.matches()) {
                names.add(byName.group(1));
            } else if (!w.startsWith("-") && Regex.matches(w, "\\\\?[\\w.@+-]+")) {
                // locate -b '\id_rsa': the backslash asks for the exact name
                names.add(Regex.replaceFirst(w, "^\\\\", ""));
            }
        }
        List<String> paths = new ArrayList<>();
        for (String name : names) {
            paths.add((root.endsWith("/") ? root : root + "/") + name);
        }
        return paths;
    }

    /** Options of mdfind and locate that take a value. */
    private static final Set<String> SEARCH_VALUED = Set.of("-s", "-attr", "-d", "--database", "-n", "-l", "--limit");
    /** A Spotlight query by file name: {@code kMDItemFSName == "id_rsa"}, {@code kMDItemDisplayName == 'x'c}. */
    private static final java.util.regex.Pattern SPOTLIGHT_NAME = java.util.regex.Pattern.compile(
            "kMDItem(?:FSName|DisplayName)\\s*==\\s*[\"']?([^\"'*\\s]+)[\"']?[cdw]*");

    /** The tests that narrow what a find matches by name, path, age or size, as written; "" when none does. */
    static String filter(List<Arg> args) {
        Set<String> narrowing = Set.of("-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex",
                "-newer", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-user", "-group", "-perm", "-links");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (narrowing.contains(args.get(i).value())) {
                parts.add(args.get(i).value() + " " + args.get(i + 1).value());
            }
        }
        return String.join(" ", parts);
    }

    /** Tests by name or path: the only ones that can say a match is something builds make again. */
    private static final Set<String> NAME_TESTS = Set.of("-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename");
    /** Tests and options that take one value, so that value is not read as a test of its own. */
    private static final Set<String> VALUED = Set.of("-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename",
            "-regex", "-iregex", "-lname", "-ilname", "-type", "-xtype", "-newer", "-anewer", "-cnewer", "-mtime", "-mmin",
            "-atime", "-amin", "-ctime", "-cmin", "-used", "-size", "-user", "-group", "-uid", "-gid", "-perm", "-links",
            "-inum", "-samefile", "-fstype", "-maxdepth", "-mindepth", "-regextype", "-context");

    private static List<String> values(List<Arg> args) {
        return args.stream().map(Arg::value).toList();
    }

    /**
     * Whether everything the {@code -delete} at the end of {@code expression} removes is named like what builds and runs
     * make again. Only the {@code -o} branch holding the {@code -delete} deletes, and it is a conjunction: one
     * un-negated name or path test that is regenerable ({@code -name '*.log'}, or a group of such alternatives) bounds
     * it, whatever age, size or type tests narrow it further ({@code -mtime +3}, {@code -type f}). Branches before it
     * (a {@code -prune}d path) only keep files out. A negated name ({@code ! -name '*.log'}) bounds nothing.
     */
    static boolean regenerableMatches(List<String> expression) {
        int start = 0;
        int depth = 0;
        for (int k = 0; k < expression.size(); k++) {
            String w = expression.get(k);
            if (w.equals("(")) {
                depth++;
            } else if (w.equals(")")) {
                depth--;
            } else if (depth == 0 && (w.equals("-o") || w.equals("-or") || w.equals(","))) {
                start = k + 1;
            } else if (VALUED.contains(w)) {
                k++;
            }
        }
        if (depth != 0) {
            return false; // the -delete sits inside a group: what it deletes depends on the rest of the group
        }
        boolean negated = false;
        for (int k = start; k < expression.size(); k++) {
            String w = expression.get(k);
            if (w.equals("!") || w.equals("-not")) {
                negated = !negated;
                continue;
            }
            if (w.equals("(")) {
                int close = closing(expression, k);
                if (close < 0) {
                    return false;
                }
                if (!negated && regenerableAlternatives(expression.subList(k + 1, close))) {
                    return true;
                }
                k = close;
            } else if (NAME_TESTS.contains(w) && k + 1 < expression.size()) {
                if (!negated && regenerableName(w, expression.get(k + 1))) {
                    return true;
                }
                k++;
            } else if (EXEC.contains(w)) {
                return false;
            } else if (VALUED.contains(w)) {
                k++;
            }
            negated = false;
        }
        return false;
    }

    /** {@code ( -name '*.pyc' -o -name '*.pyo' )}: every alternative is one regenerable name or path test. */
    private static boolean regenerableAlternatives(List<String> group) {
        List<List<String>> alternatives = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String w : group) {
            if (w.equals("-o") || w.equals("-or")) {
                alternatives.add(current);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        alternatives.add(current);
        return alternatives.stream().allMatch(a -> a.size() == 2 && NAME_TESTS.contains(a.get(0)) && regenerableName(a.get(0), a.get(1)));
    }

    private static boolean regenerableName(String test, String pattern) {
        return dev.interlock.analysis.shell.recognizers.LocalFiles.regenerablePattern(pattern, test.contains("path") || test.contains("wholename"));
    }

    private static int closing(List<String> expression, int open) {
        int depth = 0;
        for (int k = open; k < expression.size(); k++) {
            if (expression.get(k).equals("(")) {
                depth++;
            } else if (expression.get(k).equals(")") && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether the start points are build output the next build makes again, judged as {@code rm -rf} judges its
     * operands ({@code find ./dist -delete}; {@code find ./build ./dist -mindepth 1 -delete} clears build output
     * together, as {@code rm -rf build dist} does).
     */
    private static boolean buildOutput(List<String> roots, SimpleCommands.Run run, Workspace workspace) {
        Invocation inv = new Invocation("find", run.words(), run.env(), workspace, run.evidence(), Optional.empty(), run.locators());
        List<FileTarget> targets = roots.stream().map(r -> FileTarget.of(Arg.of(r), inv)).toList();
        return targets.size() == 1 ? targets.getFirst().regenerable() && !targets.getFirst().catastrophic()
                : FileTarget.clearedTogether(targets);
    }

    /**
     * What {@code find -delete} removes under {@code root}. Narrowed by a name, path, age or size test, it removes the
     * matches, not the tree it starts from ({@code find . -name '*.pyc' -delete}); unnarrowed, everything under it.
     */
    private static Operation deletion(String root, String filter, boolean buildOutput, boolean regenerableMatches,
            SimpleCommands.Run run, Workspace workspace) {
        // Narrowed, what goes is inside the start, so it is judged by where its contents live, not the start itself —
        // except from the filesystem root, where the matches are anywhere on the machine.
        Workspace.Area start = workspace.area(root);
        Workspace.Area area = filter.isEmpty() || start == Workspace.Area.ROOT ? start
                : workspace.area((root.endsWith("/") ? root : root + "/") + "match");
        // find . -name '*.pyc' -delete, find ./logs -name '*.log' -mtime +3 -delete: only compiled files, logs or caches
        // in the workspace, which builds and runs make again
        // from the home directory (also as the working directory) the matches are anywhere in the user's files
        boolean regenerableNames = area == Workspace.Area.WORKSPACE && regenerableMatches
                && !workspace.resolve(root).equals(workspace.home());
        boolean disposable = area == Workspace.Area.TEMP || regenerableNames || buildOutput;
        boolean everything = area == Workspace.Area.ROOT || area == Workspace.Area.SYSTEM || area == Workspace.Area.HOME_ROOT;
        Operation.Builder b = Operation.builder("filesystem", Verb.DELETE)
                .resource(filter.isEmpty() ? "directory" : "files", filter.isEmpty() ? root : root + " (" + filter + ")")
                .locator("path", workspace.resolve(root))
                .locator("area", area.wire())
                .scope(everything ? Scope.ALL : Scope.MANY)
                .stateful(!disposable)
                .reversible(disposable)
                .confidence(Confidence.EXACT)
                .note(filter.isEmpty() ? "find -delete removes every match under " + root
                        : "find -delete removes what matches " + filter + " under " + root)
                .evidence(run.evidence());
        run.locators().forEach(b::locator);
        if (run.locators().isEmpty()) {
            b.environment(Tier.LOCAL, "files on this machine");
        }
        return b.build();
    }
}
