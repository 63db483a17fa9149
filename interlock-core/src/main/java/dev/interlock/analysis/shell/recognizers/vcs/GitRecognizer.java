package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code git}. Most subcommands only read or make recoverable changes (the reflog keeps old commits); what loses work
 * is what throws away uncommitted changes ({@code reset --hard}, {@code checkout -- path}, {@code restore},
 * {@code clean -f}, {@code stash drop}) or unreachable history ({@code reflog expire}, {@code gc --prune=now}), and
 * what rewrites or deletes branches others use ({@code push --force}, {@code push --delete}). Branches and tags are in
 * {@link GitRefs}, configuration that runs commands in {@link GitConfig}.
 */
public final class GitRecognizer implements Recognizer {

    private static final Set<String> READS = Set.of("status", "log", "diff", "show", "blame", "annotate", "grep",
            "ls-files", "ls-tree", "ls-remote", "rev-parse", "rev-list", "describe", "shortlog", "whatchanged",
            "cat-file", "show-ref", "show-branch", "for-each-ref", "name-rev", "merge-base", "count-objects", "fsck",
            "verify-commit", "verify-tag", "verify-pack", "check-ignore", "check-attr", "check-ref-format", "diff-tree",
            "diff-files", "diff-index", "range-diff", "cherry", "var", "fetch", "archive", "request-pull", "difftool",
            "show-index", "get-tar-commit-id");
    /** Subcommands that change the repository in ways the reflog or the remote can undo. */
    private static final Map<String, String> UPDATES = Map.ofEntries(
            Map.entry("add", "index"), Map.entry("commit", "branch"), Map.entry("merge", "branch"),
            Map.entry("pull", "branch"), Map.entry("cherry-pick", "branch"), Map.entry("revert", "branch"),
            Map.entry("am", "branch"), Map.entry("apply", "working-tree"), Map.entry("mv", "working-tree"),
            Map.entry("bisect", "working-tree"),
            Map.entry("notes", "notes"), Map.entry("submodule", "submodule"), Map.entry("lfs", "repository"),
            Map.entry("sparse-checkout", "working-tree"), Map.entry("maintenance", "repository"),
            Map.entry("repack", "repository"), Map.entry("symbolic-ref", "ref"), Map.entry("replace", "ref"),
            Map.entry("commit-tree", "repository"), Map.entry("hash-object", "repository"),
            Map.entry("write-tree", "repository"), Map.entry("read-tree", "index"), Map.entry("update-index", "index"),
            Map.entry("fast-import", "repository"), Map.entry("format-patch", "patch"), Map.entry("bundle", "repository"),
            Map.entry("checkout-index", "working-tree"), Map.entry("mergetool", "working-tree"),
            Map.entry("rerere", "repository"), Map.entry("pack-refs", "repository"));
    /**
     * Subcommands that rewrite the working tree's files — to other commits ({@code pull}, {@code checkout v2.3.9},
     * {@code reset --hard}) or back to the committed state ({@code restore}, {@code clean}). On a machine the request
     * declares prod that checkout is what runs there: they deploy or roll back, they are not local edits.
     */
    private static final Set<String> REWRITES_CHECKOUT = Set.of("pull", "merge", "checkout", "switch", "reset", "rebase",
            "cherry-pick", "revert", "am", "apply", "stash", "restore", "clean", "rm", "mv", "checkout-index", "read-tree",
            "sparse-checkout", "bisect", "mergetool", "submodule");
    /** Global options that take a value as the next word. */
    private static final Set<String> GLOBAL_VALUED = Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace",
            "--config-env", "--exec-path", "--super-prefix");

    /** Moving a local branch is recoverable from the reflog; only the remote copy is shared. */
    static final String MOVES_LOCAL = "resets the local branch if it exists; the reflog keeps the old commits";

    @Override
    public Set<String> programs() {
        return Set.of("git");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        String chdir = "";
        String workTree = "";
        String gitDir = "";
        List<String> overrides = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String w = args.get(i).value();
            if (Set.of("--version", "-v", "--help", "-h", "--html-path", "--man-path", "--info-path").contains(w)) {
                return List.of();
            }
            String name = w.contains("=") && w.startsWith("--") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") && w.startsWith("--") ? w.substring(w.indexOf('=') + 1)
                    : GLOBAL_VALUED.contains(w) && i + 1 < args.size() ? args.get(++i).value() : "";
            switch (name) {
                // Each -C is relative to the previous one, as git reads them.
                case "-C" -> chdir = chdir.isEmpty() || value.startsWith("/") ? value : chdir + "/" + value;
                case "--work-tree" -> workTree = value;
                case "--git-dir" -> gitDir = value;
                case "-c" -> overrides.add(value);
                default -> { }
            }
            i++;
        }
        workTree = workTree.isEmpty() ? inv.env().getOrDefault("GIT_WORK_TREE", "") : workTree;
        gitDir = gitDir.isEmpty() ? inv.env().getOrDefault("GIT_DIR", "") : gitDir;
        String directory = !workTree.isEmpty() ? workTree : !chdir.isEmpty() ? chdir : gitDir;
        if (!chdir.isEmpty() && !directory.equals(chdir) && !directory.startsWith("/")) {
            directory = chdir + "/" + directory;
        }
        if (i >= args.size()) {
            return List.of();
        }
        String sub = args.get(i).value();
        GitContext git = new GitContext(inv, nested, args.subList(i + 1, args.size()), directory);
        List<Operation> ops = new ArrayList<>();
        for (String override : overrides) {
            ops.addAll(GitConfig.override(git, override));
        }
        if (!args.get(i).literal()) {
            // `git $CMD`: any subcommand, including the ones that throw work away.
            ops.add(git.op(Verb.UNKNOWN, "working-tree", sub).scope(Scope.MANY).stateful(true).reversible(false)
                    .confidence(Confidence.INFERRED).note("the git subcommand comes from a variable").build());
            return ops;
        }
        for (Operation op : subcommand(git, sub)) {
            ops.add(rewritesCheckout(sub, op) ? git.rewritingCheckout(op) : op);
        }
        return ops;
    }

    /**
     * Whether {@code op} (of {@code git sub}) changes the files checked out. Reads, the index, a branch created where
     * HEAD is and {@code reset --soft} (only the branch moves) leave them as they are; commands a subcommand runs
     * ({@code rebase --exec}) are judged on their own.
     */
    private static boolean rewritesCheckout(String sub, Operation op) {
        if (!op.system().equals("git") || op.verb() == Verb.READ || op.resource().type().equals("index")
                || op.verb() == Verb.CREATE && op.resource().type().equals("branch")) {
            return false;
        }
        return REWRITES_CHECKOUT.contains(sub) && !(sub.equals("reset") && op.resource().type().equals("branch"));
    }

    private static List<Operation> subcommand(GitContext git, String sub) {
        if (sub.equals("version") || sub.equals("help") || git.args().stream().anyMatch(a -> a.value().equals("--help"))) {
            return List.of();
        }
        if (READS.contains(sub)) {
            return List.of(git.read(sub.equals("fetch") ? "remote" : "repository", ""));
        }
        return switch (sub) {
            case "reset" -> reset(git);
            case "checkout" -> checkout(git);
            case "switch" -> switchBranch(git);
            case "restore" -> restore(git);
            case "clean" -> clean(git);
            case "stash" -> stash(git);
            case "rm" -> remove(git);
            case "rebase" -> rebase(git);
            case "submodule", "bisect" -> runsCommand(git, sub);
            case "config" -> GitConfig.config(git);
            case "branch" -> GitRefs.branch(git);
            case "tag" -> GitRefs.tag(git);
            case "push" -> GitPush.push(git);
            case "add" -> add(git);
            case "remote" -> GitRefs.remote(git);
            // git credential fill prints the stored username and password for a host
            case "credential", "credential-store", "credential-cache", "credential-osxkeychain", "credential-libsecret",
                 "credential-manager" -> List.of(git.op(GitContext.positional(git.parse(Set.of()), 0).matches("fill|get")
                    ? Verb.CREDENTIAL : Verb.UPDATE, "credential", GitContext.positional(git.parse(Set.of()), 0))
                    .note("the credential helper's stored secrets").build());
            case "send-email" -> List.of(git.op(Verb.TRANSFER, "patch", "").note("sends patches by email").build());
            case "init", "clone" -> List.of(git.op(Verb.CREATE, "repository", GitContext.positional(git.parse(Set.of(
                    "-b", "--branch", "-o", "--origin", "--depth", "--reference", "--template", "--separate-git-dir",
                    "-c", "--config", "--filter", "-u", "--upload-pack", "-j", "--jobs")), 0)).build());
            case "reflog", "gc", "prune", "update-ref", "filter-branch", "filter-repo", "worktree" -> GitRefs.history(git, sub);
            default -> {
                String type = UPDATES.get(sub);
                if (type != null) {
                    yield List.of(git.update(type, ""));
                }
                // An alias or a git-<name> extension: nothing says what it does.
                yield List.of(git.op(Verb.UNKNOWN, "repository", sub).confidence(Confidence.INFERRED)
                        .note("'" + sub + "' is not a git command: an alias or an extension").build());
            }
        };
    }

    /**
     * {@code reset --hard} throws away uncommitted changes; the other modes move the branch, the index or (keeping
     * uncommitted changes) the tree.
     */
    private static List<Operation> reset(GitContext git) {
        ParsedArgs p = git.parse(Set.of("--pathspec-from-file"));
        if (p.has("--hard")) {
            String target = GitContext.positional(p, 0);
            return List.of(git.discard("working-tree", "uncommitted changes", Scope.MANY,
                    "discards uncommitted changes" + (target.isEmpty() ? "" : " and moves the branch to " + target)));
        }
        // --keep and --merge move the working tree too, but refuse to overwrite uncommitted changes
        String type = p.has("--soft") ? "branch" : p.has("--keep", "--merge") ? "working-tree" : "index";
        return List.of(git.update(type, GitContext.positional(p, 0)));
    }

    /** Switching branches is routine; checking out paths overwrites their uncommitted changes. */
    private static List<Operation> checkout(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-b", "-B", "--orphan", "--pathspec-from-file", "--conflict"));
        List<Operation> ops = new ArrayList<>();
        boolean creates = p.has("-b", "-B", "--orphan");
        p.value("-b", "--orphan").ifPresent(b -> ops.add(git.op(Verb.CREATE, "branch", b).build()));
        p.value("-B").ifPresent(b -> ops.add(git.op(Verb.UPDATE, "branch", b).note(MOVES_LOCAL).build()));
        List<String> paths = new ArrayList<>();
        List<String> words = p.words();
        // With -b/-B/--orphan the only positional is the start point: git refuses paths there.
        if (!creates && !p.afterDoubleDash().isEmpty()) {
            p.afterDoubleDash().forEach(a -> paths.add(a.value()));
            paths.addAll(words.subList(Math.min(1, words.size()), words.size()));
        } else if (!creates && words.size() > 1) {
            paths.addAll(words.subList(1, words.size()));
        } else if (!creates && words.size() == 1 && looksLikePath(words.getFirst())) {
            paths.add(words.getFirst());
        }
        if (p.has("-p", "--patch", "--ours", "--theirs", "-m", "--merge")) {
            ops.add(git.update("working-tree", String.join(" ", paths)));
        } else if (!paths.isEmpty()) {
            ops.add(discardPaths(git, paths));
        } else if (!creates) {
            ops.add(git.update("branch", words.isEmpty() ? "" : words.getFirst()));
        }
        if (p.has("-f", "--force")) {
            ops.add(git.discard("working-tree", "uncommitted changes", Scope.MANY, "--force discards local changes"));
        }
        return ops;
    }

    private static List<Operation> switchBranch(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-c", "--create", "-C", "--force-create", "--orphan"));
        List<Operation> ops = new ArrayList<>();
        p.value("-c", "--create", "--orphan").ifPresent(b -> ops.add(git.op(Verb.CREATE, "branch", b).build()));
        p.value("-C", "--force-create").ifPresent(b -> ops.add(git.op(Verb.UPDATE, "branch", b).note(MOVES_LOCAL).build()));
        if (ops.isEmpty()) {
            ops.add(git.update("branch", GitContext.positional(p, 0)));
        }
        if (p.has("--discard-changes", "-f", "--force")) {
            ops.add(git.discard("working-tree", "uncommitted changes", Scope.MANY, "discards local changes"));
        }
        return ops;
    }

    /** {@code restore --staged} only unstages; restoring the working tree overwrites uncommitted changes. */
    private static List<Operation> restore(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-s", "--source", "--pathspec-from-file"));
        List<String> paths = FilesystemRecognizer.operands(p).stream().map(Arg::value).toList();
        boolean worktree = p.has("-W", "--worktree") || !p.has("-S", "--staged");
        if (!worktree || paths.isEmpty() && !p.has("--pathspec-from-file")) {
            return List.of(git.update("index", String.join(" ", paths)));
        }
        return List.of(discardPaths(git, paths));
    }

    /** Lockfiles their package manager writes: changes to them are regenerated, not authored. */
    private static final java.util.regex.Pattern LOCKFILE = java.util.regex.Pattern.compile(
            "(.*/)?(package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml|bun\\.lockb?|Cargo\\.lock|poetry\\.lock"
                    + "|Pipfile\\.lock|uv\\.lock|go\\.sum|Gemfile\\.lock|composer\\.lock|mix\\.lock|pubspec\\.lock|Podfile\\.lock"
                    + "|packages\\.lock\\.json|gradle\\.lockfile|flake\\.lock)");

    /** Checking out or restoring paths overwrites their uncommitted changes, unless all of them are lockfiles. */
    private static Operation discardPaths(GitContext git, List<String> paths) {
        String names = String.join(" ", paths);
        if (paths.stream().allMatch(path -> LOCKFILE.matcher(path).matches())) {
            return git.op(Verb.UPDATE, "working-tree", names).note("restores " + names + ": a lockfile its package manager regenerates").build();
        }
        return git.discard("working-tree", names, pathScope(paths), "overwrites uncommitted changes in " + names);
    }

    /** {@code clean} deletes untracked files: they were never committed, so nothing can restore them. */
    private static List<Operation> clean(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-e", "--exclude"));
        List<String> paths = FilesystemRecognizer.operands(p).stream().map(Arg::value).toList();
        String name = paths.isEmpty() ? "untracked files" : String.join(" ", paths);
        if (p.has("-n", "--dry-run")) {
            return List.of(git.read("untracked-files", name));
        }
        String note = "deletes untracked " + (p.has("-d") ? "files and directories" : "files")
                + (p.has("-x") ? ", ignored ones too (.env files, local databases, caches)" : p.has("-X") ? " (only ignored ones)" : "");
        if (p.has("-X") && !p.has("-x")) {
            // only files the repository ignores: build output and caches, which the next build makes again
            Operation ignored = git.op(Verb.DELETE, "ignored-files", name).scope(Scope.MANY).reversible(true).note(note).build();
            return List.of(p.has("-f", "--force", "-i", "--interactive") ? ignored : GitContext.inferred(ignored));
        }
        Operation op = git.discard("untracked-files", name, Scope.MANY, note);
        return List.of(p.has("-f", "--force", "-i", "--interactive") ? op : GitContext.inferred(op));
    }

    private static List<Operation> stash(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-m", "--message", "--pathspec-from-file"));
        String action = GitContext.positional(p, 0);
        String ref = GitContext.positional(p, 1);
        return switch (action) {
            case "list", "show" -> List.of(git.read("stash", ref));
            case "drop" -> List.of(git.discard("stash", ref.isEmpty() ? "stash@{0}" : ref, Scope.ONE, "deletes stashed changes"));
            case "clear" -> List.of(git.discard("stash", "", Scope.MANY, "deletes every stash"));
            case "branch" -> List.of(git.op(Verb.CREATE, "branch", ref).build());
            default -> List.of(git.update("stash", ref));
        };
    }

    /** {@code git rm}: committed content stays in history; {@code -f} also drops uncommitted changes. */
    private static List<Operation> remove(GitContext git) {
        ParsedArgs p = git.parse(Set.of("--pathspec-from-file"));
        List<String> paths = FilesystemRecognizer.operands(p).stream().map(Arg::value).toList();
        String name = String.join(" ", paths);
        if (p.has("-n", "--dry-run")) {
            return List.of(git.read("working-tree", name));
        }
        for (String path : paths) {
            // git rm .claude/settings.json: the agent's hook settings (or Interlock's files) removed, the guard is off
            String resolved = git.inv().workspace().resolve(git.directory().isEmpty() ? path : git.directory() + "/" + path);
            if (SelfProtection.isProtectedPath(resolved, git.inv().workspace())) {
                return List.of(SelfProtectionRecognizer.protectedWrite(git.inv(), resolved, "git rm removes"));
            }
        }
        if (p.has("--cached")) {
            return List.of(git.update("index", name));
        }
        Scope scope = p.has("-r") || paths.size() > 1 ? Scope.MANY : pathScope(paths);
        if (p.has("-f", "--force")) {
            return List.of(git.discard("working-tree", name, scope, "removes files with uncommitted changes"));
        }
        return List.of(git.op(Verb.DELETE, "file", name).scope(scope).note("the committed content stays in history").build());
    }

    /** Rebasing rewrites local commits (the reflog keeps the old ones); {@code --exec} runs commands. */
    private static List<Operation> rebase(GitContext git) {
        ParsedArgs p = git.parse(Set.of("--onto", "-x", "--exec", "-s", "--strategy", "-X", "--strategy-option", "-C"));
        List<Operation> ops = new ArrayList<>();
        ops.add(git.update("branch", GitContext.positional(p, p.positionals().size() > 1 ? 1 : 0)));
        for (String flag : List.of("-x", "--exec")) {
            for (String command : p.flags().getOrDefault(flag, List.of())) {
                ops.addAll(git.nested().shell(command, git.inv()));
            }
        }
        return ops;
    }

    /**
     * {@code git add .env}: a secret file staged is one commit and one push away from the remote and its history,
     * where rotating is the only cure. Naming one (by path, or {@code -f} past {@code .gitignore}) is a credential use.
     */
    private static List<Operation> add(GitContext git) {
        List<Operation> ops = new ArrayList<>();
        ops.add(git.update("index", ""));
        String base = git.directory().isEmpty() ? "" : git.directory() + "/";
        for (Arg path : git.parse(Set.of("--chmod", "--pathspec-from-file")).positionals()) {
            if (path.value().indexOf('$') >= 0 || path.value().indexOf('`') >= 0) {
                continue;
            }
            String resolved = git.inv().workspace().resolve(base + path.value());
            if (SecretFiles.isSecret(resolved)) {
                ops.add(git.op(Verb.CREDENTIAL, "credentials", resolved).locator("path", resolved)
                        .note("stages a secret file for commit: a push publishes it in the repository's history").build());
            }
        }
        return ops;
    }

    /** {@code submodule foreach CMD} and {@code bisect run CMD} run a shell command (once per submodule or step). */
    private static List<Operation> runsCommand(GitContext git, String sub) {
        List<Operation> ops = new ArrayList<>();
        ops.add(git.update(UPDATES.get(sub), ""));
        List<String> words = git.args().stream().map(Arg::value).toList();
        String verb = sub.equals("submodule") ? "foreach" : "run";
        int at = words.indexOf(verb);
        if (at >= 0) {
            List<String> command = words.subList(at + 1, words.size()).stream()
                    .dropWhile(w -> w.equals("--recursive") || w.equals("-q") || w.equals("--quiet")).toList();
            if (!command.isEmpty()) {
                ops.addAll(git.nested().shell(String.join(" ", command), git.inv()));
            }
        }
        return ops;
    }

    /** A path rather than a branch: {@code .}, {@code ./x}, {@code src/}, wildcards, or a file with an extension. */
    static boolean looksLikePath(String w) {
        return w.equals(".") || w.equals("..") || w.startsWith("./") || w.startsWith("../") || w.startsWith("/")
                || w.startsWith(":/") || w.endsWith("/") || Regex.matches(w, ".*[*?\\[].*")
                || Regex.matches(w, ".*\\.[A-Za-z][A-Za-z0-9]{0,5}");
    }

    /** One named file, or everything under a directory or pattern. */
    static Scope pathScope(List<String> paths) {
        if (paths.size() == 1 && !Regex.matches(paths.getFirst(), "\\.{1,2}|:/|.*[*?\\[].*|.*/") && Regex.matches(paths.getFirst(), ".*\\.[A-Za-z0-9]+")) {
            return Scope.ONE;
        }
        return Scope.MANY;
    }
}
