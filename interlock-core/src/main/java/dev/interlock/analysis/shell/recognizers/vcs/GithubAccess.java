package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The GitHub CLI's routes to secrets and access: printing the session's token ({@code gh auth token}), storing secrets
 * in a repository ({@code gh secret set}), adding keys to the account, and the REST API ({@code gh api}) — granting a
 * collaborator admin, making a repository public, or any other call by its method.
 */
public final class GithubAccess {

    private GithubAccess() {
    }

    public static Optional<Operation> of(Invocation inv, ParsedArgs p, List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String group = words.getFirst();
        String sub = words.size() > 1 ? words.get(1) : "";
        String repo = p.value("-R", "--repo").orElse("");
        Operation.Builder b = switch (group + " " + sub) {
            case "auth token" -> op(inv, Verb.CREDENTIAL, "token", "github").note("prints the GitHub session token");
            case "auth status" -> p.has("-t", "--show-token") ? op(inv, Verb.CREDENTIAL, "token", "github")
                    .note("prints the GitHub session token") : null;
            case "secret set" -> op(inv, Verb.TRANSFER, "secret", words.size() > 2 ? words.get(2) : "")
                    .reversible(false).note("stores a secret in " + (repo.isEmpty() ? "the repository" : repo)
                            + ": every workflow there can read it");
            case "secret delete", "secret remove" -> op(inv, Verb.DELETE, "secret", words.size() > 2 ? words.get(2) : "")
                    .stateful(true).reversible(false);
            case "ssh-key add", "gpg-key add" -> op(inv, Verb.GRANT, "key", words.size() > 2 ? words.get(2) : "")
                    .note("adds a key that can act as the account");
            // an approval with the user's token counts as a human review for branch protection
            case "pr review" -> p.has("--approve", "-a") ? op(inv, Verb.ESCALATE, "pull-request", words.size() > 2 ? words.get(2) : "")
                    .note("approves the pull request as the token's owner: it counts as a human review for branch protection") : null;
            case "repo deploy-key" -> words.size() > 2 && words.get(2).equals("add")
                    ? op(inv, Verb.GRANT, "deploy-key", repo).note("adds a key with access to the repository") : null;
            default -> group.equals("api") ? api(inv) : null;
        };
        if (b == null) {
            return Optional.empty();
        }
        if (!repo.isEmpty()) {
            b.locator("repository", repo);
        }
        return Optional.of(b.build());
    }

    /** {@code gh api [-X METHOD] PATH [-f k=v]…}: the method decides, and two calls are access changes whatever their method. */
    private static Operation.Builder api(Invocation inv) {
        String method = "";
        String path = "";
        List<String> fields = new ArrayList<>();
        List<Arg> args = inv.args();
        for (int i = 1; i < args.size(); i++) {
            String w = args.get(i).value();
            if ((w.equals("-X") || w.equals("--method")) && i + 1 < args.size()) {
                method = args.get(++i).value().toUpperCase(Locale.ROOT);
            } else if (w.startsWith("--method=")) {
                method = w.substring(9).toUpperCase(Locale.ROOT);
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
        String all = String.join(" ", fields).toLowerCase(Locale.ROOT);
        if (Regex.find(path, "/collaborators/[^/]+$|/teams/[^/]+/repos/|/memberships/|/outside_collaborators/")
                && !method.equals("GET") && !method.equals("DELETE")) {
            boolean admin = Regex.find(all, "permission=(admin|maintain)|role=(admin|maintainer)");
            return op(inv, admin ? Verb.ESCALATE : Verb.GRANT, "collaborator", path)
                    .note("gives " + path.substring(path.lastIndexOf('/') + 1) + (admin ? " admin rights on " : " access to ") + path);
        }
        if (Regex.find(all, "private=false|visibility=public")) {
            return op(inv, Verb.TRANSFER, "repository", path).reversible(false).scope(Scope.MANY)
                    .note("makes the repository public: its contents and history become readable by anyone");
        }
        if (Regex.find(path, "/actions/secrets/|/environments/[^/]+/secrets/|/dependabot/secrets/") && method.equals("PUT")) {
            return op(inv, Verb.TRANSFER, "secret", path).reversible(false).note("stores a secret through the API");
        }
        if (Regex.find(path, "/keys$|/user/keys|/gpg_keys") && method.equals("POST")) {
            return op(inv, Verb.GRANT, "key", path).note("adds a key that can act as the account or on the repository");
        }
        Verb verb = switch (method) {
            case "GET", "HEAD" -> Verb.READ;
            case "DELETE" -> Verb.DELETE;
            case "POST" -> Verb.CREATE;
            default -> Verb.UPDATE;
        };
        Operation.Builder b = op(inv, verb, "api", path).note("gh api " + method + " " + path);
        return verb == Verb.DELETE ? b.stateful(true).reversible(false) : b;
    }

    private static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder("github", verb).resource(type, name).evidence(inv.evidence());
    }
}
