package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.network.SecretEndpoints;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code auth0} CLI ({@code auth0 RESOURCE [SUB] ACTION}) and its raw {@code auth0 api METHOD PATH}. Listings and
 * shows read, unless {@code --reveal-secrets} prints the applications' client secrets; role and permission assignments
 * are grants; {@code test token} mints an access token. The tenant ({@code --tenant}) says where.
 */
final class Auth0 {

    private Auth0() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("users roles", "assign add remove rm", grant("user").note("changes a user's roles"))
            .add("roles permissions", "add remove rm", grant("role").note("changes what a role may do"))
            .add("orgs members", "add remove rm", grant("organization"))
            .add("orgs roles members", "add remove rm", grant("organization"))
            .add("test", "token", credential("access-token").note("mints and prints an access token"))
            .build();
    private static final Set<String> LOCAL = Set.of("login", "logout", "tenants", "completion", "quickstarts", "universal-login");

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(Set.of("--tenant", "-t", "--data", "-d", "--query", "-q", "--number", "-n", "--name", "--roles",
                "--permissions", "--filter", "--connection-name", "--email", "--password", "--format", "--method", "-m",
                "--api", "--id", "--type", "--description", "--callbacks", "--logout-urls", "--origins", "--web-origins", "--scopes"));
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return List.of(); // flags only, or words after "--" (which auth0 takes as no command): it prints its usage
        }
        String tenant = p.value("--tenant", "-t").orElse("");
        List<String> queries = p.flags().getOrDefault("--query", p.flags().getOrDefault("-q", List.of()));
        Act act = words.getFirst().equals("api") ? api(words, p.has("--data", "-d"), queries) : TABLE.find(words).map(CommandTable.Found::act)
                .orElseGet(() -> guess(words.subList(0, Math.min(3, words.size()))));
        if (p.has("--reveal-secrets") || p.has("-r") && words.getFirst().equals("apps")) {
            act = credential("application").note("--reveal-secrets prints the applications' client secrets");
        }
        String name = p.words().size() > 2 ? p.words().get(2) : "";
        Operation op = DirectoryAdmin.operation(inv, "auth0", act, name, tenant);
        if (LOCAL.contains(words.getFirst()) && act.verb() != Verb.DELETE) {
            op = LocalFiles.local(inv, op.toBuilder(), "the CLI's own sign-in on this machine").build();
        }
        return List.of(op);
    }

    /**
     * {@code auth0 api [METHOD] PATH}: GET unless a method or data says otherwise; a path whose answer holds secrets
     * ({@code clients/ID}) is a credential read ({@link SecretEndpoints}), its {@code --query} filters included.
     */
    private static Act api(List<String> words, boolean data, List<String> queries) {
        String method = words.size() > 2 ? words.get(1) : data ? "post" : "get";
        String path = words.size() > 2 ? words.get(2) : words.size() > 1 ? words.get(1) : "";
        List<String> query = new java.util.ArrayList<>(queries);
        if (path.contains("?")) {
            query.add(path.substring(path.indexOf('?') + 1));
            path = path.substring(0, path.indexOf('?'));
        }
        java.util.Optional<String> secret = SecretEndpoints.reveals("", "/" + path.replaceFirst("^/", ""), String.join("&", query), method);
        if (secret.isPresent()) {
            return credential("api").note(secret.get());
        }
        return switch (method) {
            case "get", "head" -> read("api");
            case "delete" -> delete("api");
            default -> update("api");
        };
    }

    /** A command not in the table, judged by its words: reading words read, destructive words delete. */
    private static Act guess(List<String> command) {
        Act found = update("resource");
        for (String word : command) {
            // "auth0 apps open" only opens the dashboard page in a browser
            Act act = word.equals("open") ? read(word) : CommandTable.guess(word, word);
            if (act.verb() == Verb.DELETE) {
                return act;
            }
            if (act.verb() == Verb.READ) {
                found = act;
            }
        }
        return found;
    }
}
