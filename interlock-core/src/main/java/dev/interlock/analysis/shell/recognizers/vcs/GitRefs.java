package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Branches, tags, remotes, worktrees and history maintenance. A merged branch deleted with {@code -d} loses
 * nothing; {@code -D} can drop unmerged commits; expiring the reflog or pruning unreachable objects removes the very
 * thing that makes other git mistakes recoverable.
 */
public final class GitRefs {

    private static final Set<String> BRANCH_VALUED = Set.of("-u", "--set-upstream-to", "--contains", "--no-contains",
            "--merged", "--no-merged", "--points-at", "--format", "--sort");
    private static final Set<String> TAG_VALUED = Set.of("-m", "--message", "-F", "--file", "-u", "--local-user",
            "--contains", "--no-contains", "--points-at", "--merged", "--no-merged", "--sort", "--format", "--cleanup");

    private GitRefs() {
    }

    /** Default, release and environment branches: other people's work depends on them. */
    public static boolean shared(String branch) {
        String b = branch.startsWith("refs/heads/") ? branch.substring(11) : branch;
        return Set.of("main", "master", "trunk", "develop", "development", "production", "prod", "staging", "stable", "HEAD")
                .contains(b) || b.startsWith("release") || b.startsWith("hotfix") || b.isEmpty()
                // tags are published names others build and deploy from
                || branch.startsWith("refs/tags/") || dev.interlock.analysis.Regex.matches(b, "v?\\d+(\\.\\d+)+.*");
    }

    static List<Operation> branch(GitContext git) {
        ParsedArgs p = git.parse(BRANCH_VALUED);
        List<String> names = FilesystemRecognizer.operands(p).stream().map(Arg::value).toList();
        boolean delete = p.has("-d", "--delete", "-D");
        boolean force = p.has("-D") || delete && p.has("-f", "--force");
        List<Operation> ops = new ArrayList<>();
        if (delete) {
            boolean remoteTracking = p.has("-r", "--remotes");
            for (String name : names) {
                String branch = remoteTracking ? "" : name;
                Operation.Builder b = git.op(Verb.DELETE, "branch", name).locator("branch", branch);
                ops.add(force && !remoteTracking
                        ? b.stateful(true).reversible(false).note("force-deletes the branch, merged or not").build()
                        : b.note(remoteTracking ? "forgets a remote-tracking branch" : "deletes a merged branch").build());
            }
            return ops;
        }
        if (p.has("-m", "-M", "--move", "-u", "--set-upstream-to", "--unset-upstream", "--edit-description")) {
            return List.of(git.update("branch", String.join(" ", names)));
        }
        if (p.has("-c", "-C", "--copy")) {
            return List.of(git.op(Verb.CREATE, "branch", names.isEmpty() ? "" : names.getLast()).build());
        }
        if (names.isEmpty() || p.has("-l", "--list", "-a", "--all", "-r", "--remotes", "--show-current", "-v", "-vv",
                "--verbose", "--contains", "--merged", "--no-merged", "--points-at")) {
            return List.of(git.read("branch", ""));
        }
        if (p.has("-f", "--force")) {
            return List.of(git.op(Verb.UPDATE, "branch", names.getFirst()).note(GitRecognizer.MOVES_LOCAL).build());
        }
        return List.of(git.op(Verb.CREATE, "branch", names.getFirst()).locator("branch", names.getFirst()).build());
    }

    static List<Operation> tag(GitContext git) {
        ParsedArgs p = git.parse(TAG_VALUED);
        List<String> names = FilesystemRecognizer.operands(p).stream().map(Arg::value).toList();
        if (p.has("-d", "--delete")) {
            return names.stream().map(n -> git.op(Verb.DELETE, "tag", n).reversible(false).build()).toList();
        }
        if (names.isEmpty() || p.has("-l", "--list", "-v", "--verify", "-n", "--contains", "--points-at")) {
            return List.of(git.read("tag", ""));
        }
        return List.of(git.op(p.has("-f", "--force") ? Verb.REPLACE : Verb.CREATE, "tag", names.getFirst()).build());
    }

    static List<Operation> remote(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-t", "-m"));
        String action = GitContext.positional(p, 0);
        String name = GitContext.positional(p, 1);
        return switch (action) {
            case "", "show", "get-url" -> List.of(git.read("remote", name));
            case "remove", "rm" -> List.of(git.op(Verb.DELETE, "remote", name).locator("remote", name)
                    .note("forgets the remote and its tracking branches; the remote itself is untouched").build());
            default -> List.of(git.op(Verb.UPDATE, "remote", name).locator("remote", name).build());
        };
    }

    /** Reflog, garbage collection, raw ref updates, history rewriting and worktrees. */
    static List<Operation> history(GitContext git, String sub) {
        ParsedArgs p = git.parse(Set.of("--expire", "--expire-unreachable", "-m", "--reason", "-b", "-B"));
        String first = GitContext.positional(p, 0);
        return switch (sub) {
            case "reflog" -> switch (first) {
                case "", "show", "exists" -> List.of(git.read("reflog", ""));
                case "expire" -> List.of(expiresNow(p, "--expire", "--expire-unreachable")
                        ? git.discard("history", "reflog", Scope.MANY, "forgets old commits: later mistakes can no longer be undone")
                        : git.update("reflog", ""));
                case "delete" -> List.of(git.discard("history", GitContext.positional(p, 1), Scope.ONE, "deletes reflog entries"));
                default -> List.of(git.read("reflog", first));
            };
            case "gc" -> List.of(p.value("--prune").filter(GitRefs::now).isPresent()
                    ? git.discard("history", "unreachable objects", Scope.MANY, "deletes unreachable commits now, without the grace period")
                    : git.update("repository", ""));
            case "prune" -> List.of(p.has("-n", "--dry-run") ? git.read("history", "")
                    : p.value("--expire").filter(v -> !now(v)).isPresent() ? git.update("repository", "")
                    : git.discard("history", "unreachable objects", Scope.MANY, "deletes unreachable commits"));
            case "update-ref" -> updateRef(git, p);
            // filter-repo --analyze only writes reports about the history under .git/filter-repo
            case "filter-branch", "filter-repo" -> sub.equals("filter-repo") && p.has("--analyze") && !p.has("--force")
                    ? List.of(git.read("history", "")) : List.of(git.op(Verb.REPLACE, "history", "all commits")
                    .scope(Scope.MANY).stateful(true).reversible(true)
                    .note("rewrites every commit; the old history survives only in refs/original or another clone").build());
            case "worktree" -> switch (first) {
                case "list" -> List.of(git.read("worktree", ""));
                case "add" -> List.of(git.op(Verb.CREATE, "worktree", GitContext.positional(p, 1)).build());
                case "remove" -> List.of(p.has("-f", "--force")
                        ? git.discard("worktree", GitContext.positional(p, 1), Scope.ONE, "removes a worktree with uncommitted changes")
                        : git.op(Verb.DELETE, "worktree", GitContext.positional(p, 1)).note("git refuses if it has changes").build());
                default -> List.of(git.update("worktree", GitContext.positional(p, 1)));
            };
            default -> List.of(git.update("repository", ""));
        };
    }

    /** {@code update-ref -d refs/heads/x} deletes a branch; {@code update-ref refs/heads/main SHA} moves it. */
    private static List<Operation> updateRef(GitContext git, ParsedArgs p) {
        String ref = GitContext.positional(p, 0);
        boolean branch = ref.startsWith("refs/heads/");
        String name = branch ? ref.substring("refs/heads/".length()) : ref;
        String type = branch ? "branch" : "ref";
        if (p.has("-d")) {
            return List.of(git.op(Verb.DELETE, type, name).locator("branch", branch ? name : "").stateful(true)
                    .reversible(false).note("deletes the ref without any check").build());
        }
        if (p.has("--stdin") || ref.isEmpty()) {
            return List.of(GitContext.inferred(git.update("ref", "")));
        }
        return List.of(git.op(Verb.UPDATE, type, name).note("points the local ref somewhere else without any check").build());
    }

    private static boolean expiresNow(ParsedArgs p, String... flags) {
        for (String f : flags) {
            if (p.flags().getOrDefault(f, List.of()).stream().anyMatch(GitRefs::now)) {
                return true;
            }
        }
        return false;
    }

    private static boolean now(String v) {
        return v.equals("now") || v.equals("all") || v.equals("0");
    }
}
