package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code git push}: an ordinary push adds commits to a remote branch; a forced push ({@code --force}, {@code -f},
 * {@code --force-with-lease}, a {@code +refspec}) replaces the branch and can drop other people's commits;
 * {@code --delete}, {@code :branch}, {@code --prune} and {@code --mirror} delete remote branches. The branch is read
 * from the refspec ({@code HEAD:main} → main); when it is the current branch, which cannot be known here, it is left
 * empty and the push counts as touching many.
 */
public final class GitPush {

    private GitPush() {
    }

    static List<Operation> push(GitContext git) {
        ParsedArgs p = git.parse(Set.of("-o", "--push-option", "--repo", "--receive-pack", "--exec"));
        String remote = GitContext.positional(p, 0);
        List<String> refspecs = p.words().size() > 1 ? p.words().subList(1, p.words().size()) : List.of();
        if (p.has("-n", "--dry-run")) {
            return List.of(branchOp(git, Verb.READ, refspecs.isEmpty() ? "" : destination(refspecs.getFirst()), remote).build());
        }
        List<Operation> foreign = new ArrayList<>();
        if (GitPush.isUrl(remote)) {
            foreign.add(toUrl(remote, git.inv().evidence()));
        }
        boolean force = p.has("-f") || p.value("--force").map(v -> !v.equals("false")).orElse(p.has("--force"));
        boolean lease = p.has("--force-with-lease", "--force-if-includes");
        boolean deleting = p.has("-d", "--delete");
        List<Operation> ops = new ArrayList<>();
        if (p.has("--mirror")) {
            ops.add(branchOp(git, Verb.REPLACE, "", remote).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("--mirror makes the remote match this repository: branches missing here are deleted there").build());
            return ops;
        }
        if (refspecs.isEmpty()) {
            boolean all = p.has("--all", "--branches");
            if (p.has("--tags") && !all) {
                ops.add(git.op(Verb.UPDATE, "tag", "").locator("remote", remote).scope(Scope.MANY).build());
            } else {
                ops.add(forcedOr(git, force, lease, "", remote, all ? Scope.ALL : Scope.MANY,
                        all ? "every branch" : "the current branch (not known here)"));
            }
        }
        List<Arg> specArgs = p.positionals().size() > 1 ? p.positionals().subList(1, p.positionals().size()) : List.of();
        for (int k = 0; k < refspecs.size(); k++) {
            String spec = refspecs.get(k);
            boolean plus = spec.startsWith("+");
            String s = plus ? spec.substring(1) : spec;
            String dst = destination(s);
            boolean unknown = dst.isEmpty() || dst.equals("HEAD") || dst.equals("@");
            String name = unknown ? "" : dst;
            if (deleting || s.startsWith(":") && s.length() > 1) {
                // xargs git push origin --delete, "$b" from a listing: branches only named at run time may be shared ones
                boolean named = !unknown && (k >= specArgs.size() || specArgs.get(k).literal() && !specArgs.get(k).glob());
                // A feature branch's commits live on in the clone that pushed them; a shared branch is others' work.
                boolean feature = named && !GitRefs.shared(name);
                ops.add(branchOp(git, Verb.DELETE, name, remote).scope(!named ? Scope.MANY : Scope.ONE)
                        .stateful(!feature).reversible(feature).note("deletes the remote branch " + dst).build());
            } else {
                ops.add(forcedOr(git, force || plus, lease, name, remote, Scope.MANY, dst));
            }
        }
        ops.addAll(foreign);
        if (p.has("--prune")) {
            ops.add(branchOp(git, Verb.DELETE, "", remote).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("--prune deletes remote branches that have no local counterpart").build());
        }
        return ops;
    }

    /** {@code https://host/owner/repo.git}, {@code git@host:owner/repo}: a remote given as an address, not a configured name. */
    public static boolean isUrl(String remote) {
        return remote.contains("://") || Regex.matches(remote, "[\\w.-]+@[\\w.-]+:.+") || remote.endsWith(".git") && remote.contains("/");
    }

    /** Pushing to an address rather than a configured remote: the repository goes wherever that is. */
    public static Operation toUrl(String url, dev.interlock.model.Evidence evidence) {
        String host = url.contains("://") ? Regex.replaceFirst(url, "^[a-z+]+://(?:[^@/]*@)?([^/:]+).*$", "$1")
                : Regex.replaceFirst(url, "^(?:[^@]*@)?([^:/]+).*$", "$1");
        return Operation.builder("git", Verb.TRANSFER).resource("repository", url).locator("host", host).reversible(false)
                .scope(Scope.ALL).evidence(evidence)
                .note("pushes this repository to " + url + ", an address rather than one of its configured remotes").build();
    }

    /** A forced push replaces the remote branch; otherwise it only adds commits. */
    private static Operation forcedOr(GitContext git, boolean force, boolean lease, String name, String remote,
                                      Scope unknownScope, String what) {
        Scope scope = name.isEmpty() ? unknownScope : Scope.ONE;
        if (force || lease) {
            // --force-with-lease refuses when the remote moved since the last fetch: it cannot drop unseen work, and
            // on a feature branch rewriting one's own commits is routine.
            boolean routine = lease && !force && !name.isEmpty() && !GitRefs.shared(name);
            return branchOp(git, Verb.REPLACE, name, remote).scope(scope).stateful(force).reversible(routine)
                    .note("force-push rewrites " + what + " on " + (remote.isEmpty() ? "the remote" : remote)
                            + (force ? "" : " (with lease)")).build();
        }
        return branchOp(git, Verb.UPDATE, name, remote).scope(name.isEmpty() ? Scope.ONE : scope).build();
    }

    private static Operation.Builder branchOp(GitContext git, Verb verb, String name, String remote) {
        boolean tag = name.startsWith("refs/tags/");
        String shortName = tag ? name.substring("refs/tags/".length()) : name;
        return git.op(verb, tag ? "tag" : "branch", shortName).locator("branch", tag ? "" : shortName)
                .locator("remote", remote);
    }

    /** The remote ref a refspec writes: {@code src:dst} → dst, {@code src} → src, without {@code refs/heads/}. */
    static String destination(String refspec) {
        String s = refspec.startsWith("+") ? refspec.substring(1) : refspec;
        String dst = s.contains(":") ? s.substring(s.indexOf(':') + 1) : s;
        return dst.startsWith("refs/heads/") ? dst.substring("refs/heads/".length()) : dst;
    }
}
