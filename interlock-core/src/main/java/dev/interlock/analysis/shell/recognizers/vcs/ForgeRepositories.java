package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A code forge's repositories, releases and pull requests as its CLI changes them, one table per forge: {@code gh repo delete} and
 * {@code glab repo delete} take the repository (GitLab: the project) with its issues, change requests and wiki, so
 * they are the same teardown; releases are published and deleted alike; opening
 * a pull request (GitLab: a merge request) is a proposal for review, routine whatever its base. The same word can differ between forges —
 * {@code gh repo archive} archives the repository, {@code glab repo archive} only downloads it — which is why each
 * forge has its own rows. A forge is remote: the environment is what the request or the repository names.
 */
public final class ForgeRepositories {

    private record Forge(String system, String program, Map<String, Action> actions) {
    }

    private static Action teardown(String note) {
        return Action.delete("repository", note).scope(Scope.ALL);
    }

    private static final Action RELEASE_DELETE = Action.delete("release", "deletes the release and its assets");
    /** Visibility and settings; {@link #of} turns a change to public into a transfer. */
    private static final Action EDIT = Action.update("repository", "");

    /** gh repo set-default: which repository gh talks to from this clone, kept in the clone's own git config. */
    private static final Action LOCAL_DEFAULT = Action.update("config", "sets the default repository for gh in this clone");

    /** An Actions cache (dependencies, build output): the next run that misses it rebuilds it, so nothing is lost. */
    private static final Action CACHE_DELETE = new Action(Verb.DELETE, "cache", Scope.ONE, false, true,
            "deletes an Actions cache: the next run that misses it rebuilds it");

    /**
     * A pull (merge) request proposes commits for review: the target branch changes only when it is merged, which is its
     * own command ({@code gh pr merge}, {@code glab mr merge}) and judged there.
     */
    private static final Action PROPOSAL = Action.create("pull-request",
            "opens a pull request for review: merging it is what changes the branch");
    private static final Action PROPOSAL_EDIT = Action.update("pull-request",
            "edits a pull request under review: merging it is what changes the branch");

    private static final Forge GITHUB = new Forge("github", "gh", Map.ofEntries(
            Map.entry("repo delete", teardown("deletes the repository with its issues, pull requests, releases and wiki")),
            Map.entry("repo create", Action.create("repository", "")), Map.entry("repo fork", Action.create("repository", "")),
            Map.entry("repo archive", EDIT), Map.entry("repo unarchive", EDIT), Map.entry("repo rename", EDIT),
            Map.entry("repo sync", EDIT), Map.entry("repo set-default", LOCAL_DEFAULT), Map.entry("repo edit", EDIT),
            Map.entry("repo view", Action.read("repository")), Map.entry("repo list", Action.read("repository")),
            Map.entry("repo clone", Action.read("repository")),
            Map.entry("release create", Action.create("release", "publishes a GitHub release")),
            Map.entry("release delete", RELEASE_DELETE), Map.entry("release delete-asset", RELEASE_DELETE),
            Map.entry("release upload", Action.update("release", "")), Map.entry("release edit", Action.update("release", "")),
            Map.entry("release list", Action.read("release")), Map.entry("release view", Action.read("release")),
            Map.entry("release download", Action.read("release")),
            Map.entry("cache list", Action.read("cache")), Map.entry("cache delete", CACHE_DELETE),
            Map.entry("pr create", PROPOSAL), Map.entry("pr new", PROPOSAL), Map.entry("pr edit", PROPOSAL_EDIT),
            Map.entry("pr ready", PROPOSAL_EDIT)));

    private static final Forge GITLAB = new Forge("gitlab", "glab", Map.ofEntries(
            Map.entry("repo delete", teardown("deletes the project with its issues, merge requests, pipelines and wiki")),
            Map.entry("repo create", Action.create("repository", "")), Map.entry("repo fork", Action.create("repository", "")),
            // moves the project to another namespace: its URL, members and CI variables come from the new one
            Map.entry("repo transfer", new Action(Verb.UPDATE, "repository", Scope.ONE, false, false,
                    "moves the project to another namespace")),
            Map.entry("repo update", EDIT), Map.entry("repo edit", EDIT), Map.entry("repo mirror", EDIT),
            // glab repo archive downloads an archive of the repository; it changes nothing
            Map.entry("repo archive", Action.read("repository")),
            Map.entry("repo view", Action.read("repository")), Map.entry("repo list", Action.read("repository")),
            Map.entry("repo ls", Action.read("repository")), Map.entry("repo clone", Action.read("repository")),
            Map.entry("repo search", Action.read("repository")), Map.entry("repo contributors", Action.read("repository")),
            Map.entry("release create", Action.create("release", "publishes a GitLab release")),
            Map.entry("release delete", RELEASE_DELETE),
            Map.entry("release upload", Action.update("release", "")), Map.entry("release update", Action.update("release", "")),
            Map.entry("release list", Action.read("release")), Map.entry("release ls", Action.read("release")),
            Map.entry("release view", Action.read("release")), Map.entry("release download", Action.read("release")),
            Map.entry("mr create", PROPOSAL), Map.entry("mr new", PROPOSAL), Map.entry("mr update", PROPOSAL_EDIT)));

    private ForgeRepositories() {
    }

    public static Optional<Operation> github(Invocation inv, ParsedArgs p, List<String> words) {
        return of(GITHUB, inv, p, words);
    }

    public static Optional<Operation> gitlab(Invocation inv, ParsedArgs p, List<String> words) {
        return of(GITLAB, inv, p, words);
    }

    /** {@code FORGE repo|release SUB [NAME]}, when the forge's table knows the subcommand. */
    private static Optional<Operation> of(Forge forge, Invocation inv, ParsedArgs p, List<String> words) {
        if (words.size() < 2) {
            return Optional.empty();
        }
        String group = words.get(0);
        Action action = forge.actions().get(group + " " + words.get(1));
        if (action == null) {
            return Optional.empty();
        }
        // a new pull request has no number yet; the words after "pr create" are values of flags this parser does not know
        boolean opens = action == PROPOSAL && Set.of("create", "new").contains(words.get(1));
        String name = words.size() > 2 && !opens ? words.get(2) : "";
        String repo = p.value("-R", "--repo").orElse(group.equals("repo") ? name : "");
        Operation.Builder b = action.on(forge.system(), name, inv, forge.program() + " " + group + " " + words.get(1));
        if (action == EDIT && madePublic(inv)) {
            b = Operation.builder(forge.system(), Verb.TRANSFER).resource("repository", name).scope(Scope.MANY)
                    .reversible(false).evidence(inv.evidence())
                    .note("makes the repository public: its contents and history become readable by anyone");
        }
        if (!repo.isEmpty()) {
            b.locator("repository", repo);
        }
        Optional<String> host = instance(p, repo);
        if (host.isPresent()) {
            b.locator("host", host.get());
        }
        if (action == LOCAL_DEFAULT) {
            b.environment(Tier.LOCAL, "gh's default repository lives in this clone's git config");
        }
        if (action == PROPOSAL || action == PROPOSAL_EDIT) {
            // the title, body and base name nothing that runs: a "prod" in them is the subject of the review
            b.environment(Tier.DEV, "a pull request only proposes a change: merging it is what lands it");
        }
        if (action == CACHE_DELETE) {
            // one cache is routine; every cache of the repository at once (--all) slows every next run and keeps its default
            b = p.has("--all", "-a") ? b.scope(Scope.MANY)
                    : b.environment(Tier.DEV, "an Actions cache is rebuilt by the next run that misses it");
        }
        return Optional.of(b.build());
    }

    /**
     * The forge instance the command names: {@code --hostname H}, or the host of {@code -R gitlab.dev.acme.io/group/repo}
     * (a first part with a dot is a host, {@code owner/repo} names none). Its variable ({@code GITLAB_HOST}) is the resolver's.
     */
    private static Optional<String> instance(ParsedArgs p, String repo) {
        Optional<String> host = p.value("--hostname");
        if (host.isPresent()) {
            return host;
        }
        String path = repo.replaceFirst("^[a-z]+://", "");
        int slash = path.indexOf('/');
        return slash > 0 && path.substring(0, slash).contains(".") && path.indexOf('/', slash + 1) > 0
                ? Optional.of(path.substring(0, slash)) : Optional.empty();
    }

    /** {@code --visibility public}, {@code --visibility=public}, {@code --public}. */
    private static boolean madePublic(Invocation inv) {
        List<String> words = inv.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return words.contains("--public")
                || words.stream().anyMatch(w -> w.contains("visibility") && !w.contains("private"))
                && words.stream().anyMatch(w -> w.contains("public"));
    }
}
