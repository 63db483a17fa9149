package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Repositories the line itself clones into the temp directory or the workspace: {@code git clone --no-local ~/shop
 * /tmp/scrub && cd /tmp/scrub && git filter-repo --invert-paths --path big.bin}. A clone made moments earlier holds no
 * uncommitted work and no history the source does not keep, so rewriting its history or discarding its working tree
 * ({@code filter-repo}, {@code filter-branch}, {@code reset --hard}, {@code clean}) loses nothing: an update of a throwaway
 * copy. A checkout the line did not clone keeps its judgement, and so does anything sent from the clone (a push).
 */
final class FreshClones {

    /** Clone directories, resolved. Only clones on this machine are kept. */
    private final List<String> clones = new ArrayList<>();

    /** What git can lose in a checkout: its history, working tree and untracked files, never a branch or a remote. */
    private static final Set<String> LOCAL_STATE = Set.of("history", "working-tree", "untracked-files", "ignored-files", "reflog");
    private static final Set<String> CLONE_VALUED = Set.of("-b", "--branch", "-o", "--origin", "--depth", "--reference",
            "--reference-if-able", "--template", "--separate-git-dir", "-c", "--config", "--filter", "-u", "--upload-pack",
            "-j", "--jobs", "--shallow-since", "--shallow-exclude", "--server-option", "--bundle-uri");

    /** After a command ran: remembers the directory a literal {@code git clone} made. */
    void observe(List<Arg> words, ShellWalk walk) {
        if (words.size() < 3 || !walk.locators.isEmpty() || !words.stream().allMatch(Arg::literal)) {
            return;
        }
        String program = words.getFirst().value();
        if (!program.equals("git") && !program.endsWith("/git")) {
            return;
        }
        destination(words.subList(1, words.size()).stream().map(Arg::value).toList()).ifPresent(dir -> {
            String resolved = walk.workspace.resolve(dir);
            Area area = walk.workspace.area(resolved);
            if (area == Area.TEMP || area == Area.WORKSPACE) {
                clones.add(resolved);
            }
        });
    }

    /** Turns what git would lose in a clone this line made, among {@code ops[from..]}, into an update of that copy. */
    void rewritten(List<Operation> ops, int from, Workspace workspace) {
        if (clones.isEmpty()) {
            return;
        }
        for (int i = Math.min(from, ops.size()); i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (!op.system().equals("git") || !(op.verb() == Verb.DELETE || op.verb() == Verb.REPLACE)
                    || !LOCAL_STATE.contains(op.resource().type()) || op.environment() != Tier.LOCAL
                    || !op.resource().locator("runs-in").isEmpty()) {
                continue;
            }
            String path = op.resource().locator("path");
            String repository = !path.isEmpty() ? path : workspace.dir();
            Optional<String> clone = clones.stream().filter(c -> Workspace.under(repository, c)).findFirst();
            if (clone.isPresent()) {
                ops.set(i, op.toBuilder().verb(Verb.UPDATE).stateful(false).reversible(true)
                        .note((op.note() + " (in " + clone.get() + ", cloned earlier in this line: the source keeps everything)").strip())
                        .build());
            }
        }
    }

    /**
     * The directory {@code git [-C DIR] clone [options] SOURCE [DIR]} creates: the named one, else the source's last
     * component without {@code .git} ({@code .git} added for a bare or mirror clone).
     */
    static Optional<String> destination(List<String> args) {
        String chdir = "";
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String w = args.get(i);
            if (w.equals("-C") && i + 1 < args.size()) {
                chdir = chdir.isEmpty() || args.get(i + 1).startsWith("/") ? args.get(i + 1) : chdir + "/" + args.get(i + 1);
                i += 2;
            } else if (w.equals("-c") && i + 1 < args.size()) {
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        if (i >= args.size() || !args.get(i).equals("clone")) {
            return Optional.empty();
        }
        boolean bare = false;
        List<String> positionals = new ArrayList<>();
        for (int k = i + 1; k < args.size(); k++) {
            String w = args.get(k);
            if (w.equals("--")) {
                positionals.addAll(args.subList(k + 1, args.size()));
                break;
            }
            if (w.startsWith("-")) {
                bare |= w.equals("--bare") || w.equals("--mirror");
                k += CLONE_VALUED.contains(w) ? 1 : 0;
            } else {
                positionals.add(w);
            }
        }
        if (positionals.isEmpty() || positionals.size() > 2) {
            return Optional.empty();
        }
        String dir = positionals.size() == 2 ? positionals.get(1) : humanish(positionals.getFirst(), bare);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(chdir.isEmpty() || dir.startsWith("/") ? dir : chdir + "/" + dir);
    }

    /** git's own rule: {@code git@github.com:acme/shop.git} and {@code /home/dev/shop/} make {@code shop}. */
    private static String humanish(String source, boolean bare) {
        String s = source.replaceAll("/+$", "");
        s = s.endsWith("/.git") ? s.substring(0, s.length() - 5) : s;
        String name = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1);
        name = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        return name.isEmpty() ? "" : bare ? name + ".git" : name;
    }
}
