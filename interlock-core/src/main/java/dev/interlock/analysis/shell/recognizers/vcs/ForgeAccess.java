package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.api.GraphqlDocument;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A code forge's CLI routes to secrets and access, for the GitHub CLI ({@code gh}) and the GitLab CLI ({@code glab})
 * alike: printing the session's token, storing CI secrets, adding keys that act as the account, approving a change
 * request as the user (it counts as a human review for branch protection), and the REST API ({@code gh api},
 * {@code glab api}) — granting a member admin, making a project public, lifting a branch's protection, deleting the
 * repository or organization itself, or any other call by its method.
 */
public final class ForgeAccess {

    /** What a subcommand does to access. */
    private enum Kind { TOKEN, SHOWN_TOKEN, SECRET_SET, SECRET_READ, SECRET_DELETE, KEY, APPROVAL, NEW_TOKEN }

    /**
     * One forge: its system name, its subcommands by "group sub", and the API paths that change access. A member's
     * rights are admin when the fields say so (GitHub: permission admin/maintain; GitLab: access level 40 maintainer
     * or 50 owner). {@code protectionPaths} are a branch's or tag's protection rules (deleted, they are lifted), and
     * {@code repositoryPaths}/{@code organizationPaths} the repository (GitLab: project) and the organization (group)
     * themselves, whose deletion takes everything in them.
     */
    private record Forge(String system, Map<String, Kind> subcommands, String memberPaths, String adminFields,
                         String secretPaths, String keyPaths, String tokenPaths, String protectionPaths,
                         String repositoryPaths, String organizationPaths) {
    }

    private static final Forge GITHUB = new Forge("github", Map.ofEntries(
            Map.entry("auth token", Kind.TOKEN), Map.entry("auth status", Kind.SHOWN_TOKEN),
            Map.entry("secret set", Kind.SECRET_SET), Map.entry("secret delete", Kind.SECRET_DELETE),
            Map.entry("secret remove", Kind.SECRET_DELETE), Map.entry("ssh-key add", Kind.KEY), Map.entry("gpg-key add", Kind.KEY),
            Map.entry("repo deploy-key", Kind.KEY), Map.entry("pr review", Kind.APPROVAL)),
            "/collaborators/[^/]+$|/teams/[^/]+/repos/|/memberships/|/outside_collaborators/",
            "permission=(admin|maintain)|role=(admin|maintainer)",
            "/actions/secrets/|/environments/[^/]+/secrets/|/dependabot/secrets/|/codespaces/secrets/",
            "/keys$|(^|/)user/keys|/gpg_keys", "^$",
            "/branches/[^/]+/protection(/.*)?$|/rulesets/\\d+$",
            "^/?repos/[^/]+/[^/]+/?$", "^/?orgs/[^/]+/?$");

    private static final Forge GITLAB = new Forge("gitlab", Map.ofEntries(
            Map.entry("auth status", Kind.SHOWN_TOKEN), Map.entry("config get", Kind.SHOWN_TOKEN),
            Map.entry("variable set", Kind.SECRET_SET), Map.entry("variable update", Kind.SECRET_SET),
            Map.entry("variable get", Kind.SECRET_READ), Map.entry("variable export", Kind.SECRET_READ),
            Map.entry("variable delete", Kind.SECRET_DELETE), Map.entry("ssh-key add", Kind.KEY), Map.entry("gpg-key add", Kind.KEY),
            Map.entry("deploy-key add", Kind.KEY), Map.entry("mr approve", Kind.APPROVAL),
            Map.entry("token create", Kind.NEW_TOKEN), Map.entry("token rotate", Kind.NEW_TOKEN)),
            "(^|/)(projects|groups)/[^/]+/(members(/[^/]+)?|share)$",
            "access_level=(40|50)\\b|group_access=(40|50)\\b",
            "/variables(/[^/]+)?$", "/deploy_keys$|(^|/)users?/([^/]+/)?(gpg_)?keys$",
            "/personal_access_tokens|/access_tokens(/[^/]+/rotate)?$|/deploy_tokens$",
            "/protected_branches/[^/]+$|/protected_tags/[^/]+$|/push_rule$|/approval_rules/\\d+$",
            "^/?projects/[^/]+/?$", "^/?groups/[^/]+/?$");

    private ForgeAccess() {
    }

    public static Optional<Operation> github(Invocation inv, ParsedArgs p, List<String> words) {
        return of(GITHUB, inv, p, words);
    }

    public static Optional<Operation> gitlab(Invocation inv, ParsedArgs p, List<String> words) {
        return of(GITLAB, inv, p, words);
    }

    private static Optional<Operation> of(Forge forge, Invocation inv, ParsedArgs p, List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String group = words.getFirst();
        String sub = words.size() > 1 ? words.get(1) : "";
        String name = words.size() > 2 ? words.get(2) : "";
        String repo = p.value("-R", "--repo").orElse("");
        Kind kind = forge.subcommands().get(group + " " + sub);
        Operation.Builder b = kind == null ? (group.equals("api") ? api(forge, inv) : null) : switch (kind) {
            case TOKEN -> op(forge, inv, Verb.CREDENTIAL, "token", forge.system()).note("prints the " + forge.system() + " session token");
            case SHOWN_TOKEN -> p.has("-t", "--show-token") || (sub.equals("get") && name.contains("token"))
                    ? op(forge, inv, Verb.CREDENTIAL, "token", forge.system()).note("prints the " + forge.system() + " session token") : null;
            case NEW_TOKEN -> op(forge, inv, Verb.CREDENTIAL, "token", name).reversible(false)
                    .note("creates an access token and prints it: whoever reads it acts as its owner");
            case SECRET_SET -> developmentSetting(forge, inv, p, name).orElseGet(() -> op(forge, inv, Verb.TRANSFER, "secret", name)
                    .reversible(false)
                    .note("stores a secret in " + (repo.isEmpty() ? "the repository" : repo) + ": every pipeline there can read it"));
            case SECRET_READ -> op(forge, inv, Verb.CREDENTIAL, "secret", name).note("prints CI/CD variables with their values");
            case SECRET_DELETE -> op(forge, inv, Verb.DELETE, "secret", name).stateful(true).reversible(false);
            // gh repo deploy-key add: the third word is the action
            // gh repo deploy-key list shows public keys only
            case KEY -> sub.equals("deploy-key") && name.equals("list") ? op(forge, inv, Verb.READ, "key", repo)
                    : !sub.equals("deploy-key") || name.equals("add")
                    ? op(forge, inv, Verb.GRANT, "key", sub.equals("deploy-key") ? repo : name).note("adds a key that can act as the account or on the repository")
                    : null;
            case APPROVAL -> !group.equals("pr") || p.has("--approve", "-a")
                    ? op(forge, inv, Verb.ESCALATE, group.equals("pr") ? "pull-request" : "merge-request", name)
                            .note("approves the change as the token's owner: it counts as a human review for branch protection")
                    : null;
        };
        if (b == null) {
            return Optional.empty();
        }
        if (!repo.isEmpty()) {
            b.locator("repository", repo);
        }
        return Optional.of(b.build());
    }

    /**
     * {@code glab variable set LOG_LEVEL debug --scope development}: a plain setting (not named like a secret, not masked,
     * protected or hidden) that only pipelines of one development environment read is a change placed there.
     */
    private static Optional<Operation.Builder> developmentSetting(Forge forge, Invocation inv, ParsedArgs p, String name) {
        List<String> all = inv.words();
        Optional<String> scope = p.value("-s", "--scope");
        Optional<String> development = scope.flatMap(DeploymentWords::development);
        if (forge != GITLAB || name.isEmpty() || CredentialRecognizer.secretName(name.toUpperCase(Locale.ROOT))
                || all.stream().anyMatch(w -> Regex.matches(w, "-[mp]|--(masked|protected|hidden|masked-and-hidden)(=.*)?"))
                || development.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(op(forge, inv, Verb.UPDATE, "variable", name).locator("environment", development.get())
                .note("sets the CI/CD variable " + name + " for the " + scope.get() + " environment only"));
    }

    /** {@code gh|glab api [-X METHOD] PATH [-f k=v]…}: the method decides, and access changes whatever their method. */
    private static Operation.Builder api(Forge forge, Invocation inv) {
        String method = "";
        String path = "";
        List<String> fields = new ArrayList<>();
        List<Arg> args = inv.args();
        for (int i = 1; i < args.size(); i++) {
            String w = args.get(i).value();
            if ((w.equals("-X") || w.equals("--method")) && i + 1 < args.size()) {
                method = args.get(++i).value().toUpperCase(Locale.ROOT);
            } else if (w.startsWith("--method=") || w.startsWith("-X") && w.length() > 2) {
                method = w.substring(w.startsWith("-X") ? 2 : 9).toUpperCase(Locale.ROOT);
            } else if (Regex.matches(w, "-[fF]|--field|--raw-field|--input|-H|--header|-q|--jq|-t|--template|--hostname|-p|--preview|--cache")
                    && i + 1 < args.size()) {
                String v = args.get(++i).value();
                if (Regex.matches(w, "-[fF]|--field|--raw-field|--input")) {
                    fields.add(v);
                }
            } else if (!w.startsWith("-") && path.isEmpty()) {
                path = w;
            }
        }
        if (method.isEmpty()) {
            method = fields.isEmpty() ? "GET" : "POST";
        }
        Optional<GraphqlDocument> document = path.equals("graphql") ? fields.stream().filter(f -> f.startsWith("query="))
                .findFirst().flatMap(f -> GraphqlDocument.parse(f.substring("query=".length()))) : Optional.empty();
        if (document.isPresent()) {
            return graphql(forge, inv, document.get());
        }
        String all = String.join(" ", fields).toLowerCase(Locale.ROOT);
        boolean writes = !method.equals("GET") && !method.equals("HEAD");
        if (Regex.find(path, forge.memberPaths()) && writes && !method.equals("DELETE")) {
            boolean admin = Regex.find(all, forge.adminFields());
            return op(forge, inv, admin ? Verb.ESCALATE : Verb.GRANT, "collaborator", path)
                    .note("gives " + path.substring(path.lastIndexOf('/') + 1) + (admin ? " admin rights on " : " access to ") + path);
        }
        if (writes && ForgeRoutes.madePublic(all)) {
            return op(forge, inv, Verb.TRANSFER, "repository", path).reversible(false).scope(Scope.MANY)
                    .note("makes the repository public: its contents and history become readable by anyone");
        }
        if (Regex.find(path, forge.secretPaths()) && (method.equals("PUT") || method.equals("POST"))) {
            return op(forge, inv, Verb.TRANSFER, "secret", path).reversible(false).note("stores a secret through the API");
        }
        if (Regex.find(path, forge.keyPaths()) && method.equals("POST")) {
            return op(forge, inv, Verb.GRANT, "key", path).note("adds a key that can act as the account or on the repository");
        }
        if (method.equals("DELETE") && Regex.find(path, forge.protectionPaths())
                || writes && Regex.find(path, "/repository/branches/[^/]+/unprotect$")) {
            // the review and push rules of a protected branch hold the agent's own pushes back; lifting them grants the
            // agent what review would, as gh pr merge --admin does
            return op(forge, inv, Verb.ESCALATE, "branch-protection", path)
                    .note("lifts branch protection (" + path + "): pushes and merges there no longer need review");
        }
        if (method.equals("DELETE") && (Regex.find(path, forge.repositoryPaths()) || Regex.find(path, forge.organizationPaths()))) {
            boolean organization = Regex.find(path, forge.organizationPaths());
            return op(forge, inv, Verb.DELETE, organization ? "organization" : "repository", path).scope(Scope.ALL)
                    .stateful(true).reversible(false)
                    .note("deletes the " + (organization ? "organization with every repository in it" : "repository with its history and issues"));
        }
        if (Regex.find(path, forge.tokenPaths()) && method.equals("POST")) {
            return op(forge, inv, Verb.CREDENTIAL, "token", path).reversible(false)
                    .note("creates an access token through the API: whoever reads the answer acts as its owner");
        }
        Optional<Operation.Builder> route = ForgeRoutes.of(forge.system(), method, path, String.join(" ", fields), inv.evidence());
        if (route.isPresent()) {
            return route.get();
        }
        Verb verb = switch (method) {
            case "GET", "HEAD" -> Verb.READ;
            case "DELETE" -> Verb.DELETE;
            case "POST" -> Verb.CREATE;
            default -> Verb.UPDATE;
        };
        Operation.Builder b = op(forge, inv, verb, "api", path).note(inv.program() + " api " + method + " " + path);
        return verb == Verb.DELETE ? b.stateful(true).reversible(false) : b;
    }

    /**
     * {@code gh api graphql -f query=…}: a query reads whatever the method; a mutation as its fields say, and one that
     * lifts branch protection escalates as the REST call does.
     */
    private static Operation.Builder graphql(Forge forge, Invocation inv, GraphqlDocument document) {
        Verb verb = document.verb();
        if (verb != Verb.READ && document.fields().stream().anyMatch(f -> Regex.find(f, "(?i)^(delete|update)BranchProtection|^(delete|update)Ruleset"))) {
            return op(forge, inv, Verb.ESCALATE, "branch-protection", document.name())
                    .note("changes branch protection through GraphQL: pushes and merges there may no longer need review");
        }
        Operation.Builder b = op(forge, inv, verb, document.mutation() ? "mutation" : "query", document.name()).scope(document.scope())
                .note(inv.program() + " api graphql " + (document.mutation() ? "mutation " + document.name() : "query"));
        return verb == Verb.DELETE ? b.stateful(true).reversible(false) : b;
    }

    private static Operation.Builder op(Forge forge, Invocation inv, Verb verb, String type, String name) {
        return Operation.builder(forge.system(), verb).resource(type, name).evidence(inv.evidence());
    }
}
