package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code git config} and {@code git -c key=value}. Most keys are plain settings; some name a command git will run
 * (aliases starting with {@code !}, {@code core.sshCommand}, pagers, editors, filters, hooks). Those commands are
 * analyzed as shell, so {@code git -c alias.x='!rm -rf /' x} is seen for what it is.
 */
final class GitConfig {

    /** Keys whose value is a shell command git runs. */
    private static final Pattern COMMAND_KEYS = Pattern.compile("core\\.(sshcommand|pager|editor|askpass|fsmonitor)"
            + "|sequence\\.editor|diff\\.external|gpg(\\.\\w+)?\\.program|credential\\.helper|pager\\.[\\w-]+"
            + "|filter\\.[\\w.-]+\\.(clean|smudge|process)|(merge|diff)\\.[\\w.-]+\\.(driver|textconv|command)"
            + "|(difftool|mergetool)\\.[\\w.-]+\\.cmd|uploadpack\\.packobjectshook|remote\\.[\\w.-]+\\.(uploadpack|receivepack)");
    private static final Set<String> READ_FLAGS = Set.of("--get", "--get-all", "--get-regexp", "--get-urlmatch",
            "-l", "--list", "--get-color", "--get-colorbool");
    private static final Set<String> WRITE_FLAGS = Set.of("--unset", "--unset-all", "--add", "--replace-all",
            "--remove-section", "--rename-section", "-e", "--edit");

    private GitConfig() {
    }

    static List<Operation> config(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-f", "--file", "--blob", "--type", "--default", "--comment", "--value"));
        List<String> words = new ArrayList<>(FilesystemRecognizer.operands(p).stream().map(Arg::value).toList());
        String level = p.has("--global") ? "global" : p.has("--system") ? "system" : p.has("--worktree") ? "worktree" : "";
        if (!words.isEmpty() && Set.of("get", "list").contains(words.getFirst())
                || READ_FLAGS.stream().anyMatch(p::has)) {
            return List.of(git.read("config", words.isEmpty() ? "" : words.getLast()));
        }
        if (!words.isEmpty() && Set.of("set", "unset", "rename-section", "remove-section", "edit").contains(words.getFirst())) {
            words.removeFirst();
        } else if (words.size() < 2 && WRITE_FLAGS.stream().noneMatch(p::has)) {
            return List.of(git.read("config", words.isEmpty() ? "" : words.getFirst()));
        }
        String key = words.isEmpty() ? "" : words.getFirst();
        String value = words.size() > 1 ? words.get(1) : "";
        List<Operation> ops = new ArrayList<>();
        ops.add(git.op(Verb.UPDATE, "config", key).locator("config", level).build());
        if (!value.isEmpty()) {
            ops.addAll(runs(git, key, value, "git will run this later"));
            redirect(git, key, value).ifPresent(ops::add);
        }
        return ops;
    }

    /**
     * {@code url.<base>.insteadOf <prefix>} (and {@code pushInsteadOf}): every later fetch or push of a URL starting with
     * the prefix goes to the base instead, with the credentials meant for the prefix's host. Another host is a
     * redirection of the repository traffic, as {@code git remote set-url} to it and a push would be; the same host by
     * another protocol ({@code git@github.com:} for {@code https://github.com/}) is not.
     */
    private static java.util.Optional<Operation> redirect(GitContext git, String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        if (!k.startsWith("url.") || !(k.endsWith(".insteadof") || k.endsWith(".pushinsteadof"))) {
            return java.util.Optional.empty();
        }
        String base = key.substring(4, key.lastIndexOf('.'));
        String target = dev.interlock.environment.Hosts.of(base);
        String rewritten = dev.interlock.environment.Hosts.of(value);
        if (target.isEmpty() || target.equals(rewritten)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(git.op(Verb.TRANSFER, "repository", base).locator("host", target)
                .scope(dev.interlock.model.Scope.ALL).reversible(false)
                .note("redirects every " + (k.endsWith(".pushinsteadof") ? "push" : "fetch and push") + " of " + value
                        + " (and its credentials) to " + base).build());
    }

    /** {@code git -c key=value}: applies to this run only, so a command in it runs now. */
    static List<Operation> override(GitContext git, String setting) {
        int eq = setting.indexOf('=');
        if (eq < 0) {
            return List.of();
        }
        return runs(git, setting.substring(0, eq), setting.substring(eq + 1), "git runs this for this command");
    }

    /** The command a setting makes git run, analyzed, plus the fact that git will run it. */
    private static List<Operation> runs(GitContext git, String key, String value, String when) {
        String k = key.toLowerCase(Locale.ROOT);
        List<Operation> ops = new ArrayList<>();
        if (k.equals("core.hookspath")) {
            Area area = git.inv().workspace().area(value);
            boolean own = area == Area.WORKSPACE || area == Area.HOME_ROOT;
            ops.add(git.op(Verb.EXECUTE, "hooks", value).reversible(own)
                    .confidence(own ? Confidence.INFERRED : Confidence.OPAQUE)
                    .note("git will run hook scripts from " + value + (own ? "" : ", outside the workspace")).build());
            return ops;
        }
        boolean alias = k.startsWith("alias.") && value.startsWith("!");
        if (!alias && !COMMAND_KEYS.matcher(k).matches()) {
            return ops;
        }
        if (k.equals("core.fsmonitor") && Set.of("true", "false").contains(value)) {
            return ops;
        }
        if (k.equals("credential.helper") && !value.startsWith("!") && !value.startsWith("/")) {
            // A helper name (store, cache, osxkeychain, manager): git runs git-credential-<name>.
            return ops;
        }
        String command = alias || value.startsWith("!") ? value.substring(1) : value;
        ops.add(git.op(Verb.EXECUTE, "command", command).confidence(Confidence.INFERRED)
                .note(key + " names a shell command: " + when).build());
        ops.addAll(git.nested().shell(command, git.inv()));
        return ops;
    }
}
