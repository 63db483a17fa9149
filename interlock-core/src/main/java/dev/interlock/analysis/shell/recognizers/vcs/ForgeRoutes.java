package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code forge's REST routes that mean more than their method, shared by the forge CLIs ({@code gh api}, {@code glab api})
 * and plain HTTP clients (curl to GitHub, GitLab, Gitea/Forgejo, Bitbucket): making a repository public is a grant to
 * everyone, whichever forge and client; opening or retargeting a pull request and creating or deleting a feature
 * branch are the agent's ordinary work, as {@code gh pr create} and {@code git push --delete agent/x} are, while
 * default, release and environment branches ({@link GitRefs#shared}) and merges stay with the method's reading.
 */
public final class ForgeRoutes {

    /** The API prefixes of GitHub Enterprise, GitLab, Gitea/Forgejo and Bitbucket Cloud, before the forge's own path. */
    private static final Pattern PREFIX = Pattern.compile("^(?:https?://[^/]+)?/*(?:api/v[134]/|2\\.0/)?");
    /** A repository (GitLab: project) itself, whose settings hold its visibility. */
    private static final Pattern REPOSITORY = Pattern.compile("^(?:repos/[^/]+/[^/]+|projects/[^/]+|repositories/[^/]+/[^/]+)/?$");
    /** A body that makes it public: GitHub/Gitea {@code private:false}, GitLab {@code visibility:public}, Bitbucket {@code is_private:false}. */
    private static final Pattern PUBLIC = Pattern.compile(
            "(?i)\"?(is_)?private\"?\\s*[:=]\\s*\"?false|\"?visibility\"?\\s*[:=]\\s*\"?public");
    /** Opening a pull (merge) request, or editing one (title, base, draft); merging has its own route and is not here. */
    private static final Pattern PULL_REQUEST = Pattern.compile(
            "^(?:repos/[^/]+/[^/]+/pulls|projects/[^/]+/merge_requests|repositories/[^/]+/[^/]+/pullrequests)(/\\d+)?/?$");
    /**
     * A review comment: GitHub/Gitea issue and pull comments and reviews, GitLab notes and discussions, Bitbucket
     * pull-request comments.
     */
    private static final Pattern COMMENT = Pattern.compile("^(?:repos/[^/]+/[^/]+/(?:issues|pulls)/\\d+/(?:comments|reviews)"
            + "|projects/[^/]+/(?:merge_requests|issues)/\\d+/(?:notes|discussions)"
            + "|repositories/[^/]+/[^/]+/pullrequests/\\d+/comments)/?$");
    /** One branch ref: GitHub/Gitea {@code git/refs/heads/NAME}, GitLab {@code repository/branches/NAME}, Gitea {@code branches/NAME}. */
    private static final Pattern BRANCH = Pattern.compile(
            "^(?:repos/[^/]+/[^/]+/(?:git/refs/heads|branches)|projects/[^/]+/repository/branches|repositories/[^/]+/[^/]+/refs/branches)/(.+?)/?$");
    /** Where a branch is created: the new name is in the body. */
    private static final Pattern BRANCHES = Pattern.compile(
            "^(?:repos/[^/]+/[^/]+/(?:git/refs|branches)|projects/[^/]+/repository/branches|repositories/[^/]+/[^/]+/refs/branches)/?$");
    private static final Pattern NEW_BRANCH = Pattern.compile(
            "(?:\"?(?:ref|new_branch_name|branch|name)\"?\\s*[:=]\\s*\"?)(?:refs/heads/)?([\\w./-]+)");

    /**
     * GitLab's CI/CD variables (project, group, instance; one by key): unlike GitHub's secrets, the API returns their
     * values, so a read is a credential read ({@code glab variable get}'s twin).
     */
    private static final Pattern CI_VARIABLES = Pattern.compile("^(?:(?:projects|groups)/[^/]+|admin/ci)/variables(/[^/]+)?/?$");

    private ForgeRoutes() {
    }

    /** The forge's own path: {@code /api/v1/repos/o/r/pulls} → {@code repos/o/r/pulls}. */
    public static String path(String path) {
        String p = PREFIX.matcher(path).replaceFirst("");
        int query = p.indexOf('?');
        return query >= 0 ? p.substring(0, query) : p;
    }

    /** Whether a body (JSON, or {@code k=v} fields joined) turns a repository public. */
    public static boolean madePublic(String body) {
        return PUBLIC.matcher(body).find();
    }

    /** What {@code method path} with {@code body} does on {@code system}, when the route says more than the method. */
    public static Optional<Operation.Builder> of(String system, String method, String rawPath, String body, Evidence evidence) {
        String path = path(rawPath);
        String m = method.toUpperCase(Locale.ROOT);
        boolean writes = !m.isEmpty() && !m.equals("GET") && !m.equals("HEAD");
        if (writes && !m.equals("DELETE") && REPOSITORY.matcher(path).matches() && madePublic(body)) {
            return Optional.of(Operation.builder(system, Verb.TRANSFER).resource("repository", path).scope(Scope.MANY)
                    .reversible(false).evidence(evidence)
                    .note("makes the repository public: its contents and history become readable by anyone"));
        }
        if (system.equals("gitlab") && !writes && CI_VARIABLES.matcher(path).matches()) {
            return Optional.of(Operation.builder(system, Verb.CREDENTIAL).resource("secret", path).evidence(evidence)
                    .note("prints CI/CD variables with their values (" + path + ")"));
        }
        if ((m.equals("POST") || m.equals("PATCH") || m.equals("PUT")) && PULL_REQUEST.matcher(path).matches()
                && !Regex.find(body, "(?i)\"?state_event\"?\\s*[:=]\\s*\"?merge")) {
            boolean opens = m.equals("POST") && !Regex.find(path, "/\\d+/?$");
            // a pull request proposes commits; only merging it (its own route) changes the target branch
            return Optional.of(Operation.builder(system, opens ? Verb.CREATE : Verb.UPDATE).resource("pull-request", path)
                    .evidence(evidence).environment(Tier.DEV, "a pull request only proposes a change: merging it is what lands it")
                    .note((opens ? "opens" : "edits") + " a pull request (" + path + ")"));
        }
        if (m.equals("POST") && COMMENT.matcher(path).matches() && !Regex.find(body, "(?i)\"?event\"?\\s*[:=]\\s*\"?approve")
                && !Regex.find(body, "(?i)\\b(atlantis|digger|terrateam)\\s+\\w")) {
            // a comment on a review is talk about a change, as gh pr comment is; approving one is not (ForgeAccess), nor
            // is a command to a Terraform bot that runs on comments (iac.CommentCommands)
            return Optional.of(Operation.builder(system, Verb.CREATE).resource("comment", path).evidence(evidence)
                    .environment(Tier.DEV, "a review comment changes no code").note("comments on " + path));
        }
        String branch = "";
        Matcher one = BRANCH.matcher(path);
        // a forced move of a ref can drop commits, as a forced push does
        if (one.matches() && (m.equals("DELETE") || m.equals("PATCH") && !Regex.find(body, "(?i)force\"?\\s*[:=]\\s*\"?true"))) {
            branch = one.group(1);
        } else if (m.equals("POST") && BRANCHES.matcher(path).matches()) {
            Matcher named = NEW_BRANCH.matcher(body);
            branch = named.find() && !Regex.find(named.group(0), "refs/tags/") ? named.group(1) : "";
        }
        if (branch.isEmpty() || GitRefs.shared(branch)) {
            return Optional.empty();
        }
        Verb verb = m.equals("DELETE") ? Verb.DELETE : m.equals("POST") ? Verb.CREATE : Verb.REPLACE;
        // a feature branch is the agent's own work: its commits live on in the clone that pushed them
        return Optional.of(Operation.builder(system, verb).resource("branch", branch).locator("branch", branch)
                .evidence(evidence).environment(Tier.DEV, "a feature branch, not a default, release or environment branch")
                .note((verb == Verb.DELETE ? "deletes" : verb == Verb.CREATE ? "creates" : "moves") + " the feature branch " + branch));
    }
}
