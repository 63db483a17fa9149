package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryTenants;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CLI for Microsoft 365 ({@code m365 spo site list}, {@code m365 entra group user add}): the command is its words
 * before the first option, and the last of them is the verb — {@code list}, {@code get} and the like read, {@code add}
 * and {@code set} change, {@code remove} deletes. What the verb does not say comes from the nouns before it: members,
 * owners, admins and role assignments are who may do what (grants), an anonymous sharing link opens a file to everyone,
 * an access token printed is a credential, and {@code spo file add --path} uploads a local file into the tenant. The
 * tenant is the host of the site or tenant URL the command names, placed by the inventory like any tenant.
 */
final class M365Cli {

    private M365Cli() {
    }

    private static final Set<String> READS = Set.of("list", "get", "search", "status", "version", "export", "report",
            "show", "check", "info", "doctor", "completion", "help");
    private static final Set<String> DELETES = Set.of("remove", "delete", "clear", "purge", "recycle", "reset");
    private static final Set<String> CREATES = Set.of("add", "new", "create", "copy", "ensure", "apply", "install", "deploy");
    /** Signing in, the CLI's own settings and its shell completion touch only this machine. */
    private static final Set<String> HERE = Set.of("login", "logout", "setup", "cli", "completion", "version", "status", "config");
    /** Nouns whose change gives or takes rights: group members and owners, site admins, role assignments, consent grants. */
    private static final Set<String> GRANT_NOUNS = Set.of("member", "members", "owner", "owners", "admin", "admins",
            "roleassignment", "approleassignment", "rights", "grant", "permissionrequest", "permission", "permissions",
            "roledefinition", "sitecollectionadmin");
    /** Groups whose {@code user} is a membership ({@code entra group user add}, {@code teams user add}). */
    private static final Set<String> MEMBERSHIPS = Set.of("group", "m365group", "o365group", "teams", "team");
    /** Whole commands the verb rule gets wrong. */
    private static final Map<String, Act> COMMANDS = Map.of(
            "util accesstoken get", credential("access-token").note("prints a bearer token for the tenant's APIs"),
            "entra app secret add", credential("app-secret").note("mints an application secret and prints it"),
            "aad app secret add", credential("app-secret").note("mints an application secret and prints it"));
    /** Options that name the site or tenant the command acts in. */
    private static final List<String> URLS = List.of("--webUrl", "--url", "-u", "--siteUrl", "--appCatalogUrl", "--tenantUrl",
            "--parentWebUrl");

    static Operation recognize(Invocation inv) {
        List<String> command = new ArrayList<>();
        for (Arg a : inv.args()) {
            if (a.value().startsWith("-")) {
                break;
            }
            command.add(a.value().toLowerCase(Locale.ROOT));
        }
        Act act = act(command, inv.words());
        List<String> values = new ArrayList<>();
        List<String> args = inv.args().stream().map(Arg::value).toList();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (URLS.stream().anyMatch(args.get(i)::equalsIgnoreCase)) {
                values.add(args.get(i + 1));
            }
        }
        String tenant = DirectoryTenants.ofUris(values).orElse("");
        return act.placed(inv, "microsoft-365", String.join(" ", command), Map.of("tenant", tenant), Tier.UNKNOWN, "");
    }

    private static Act act(List<String> command, List<String> words) {
        String joined = String.join(" ", command);
        if (joined.equals("request")) {
            // m365 request --url … [--method get|post|patch|put|delete]: a raw Graph/SharePoint call, judged by its method
            int at = words.indexOf("--method");
            String method = at >= 0 && at + 1 < words.size() ? words.get(at + 1).toLowerCase(Locale.ROOT) : "get";
            return switch (method) {
                case "get", "head" -> read("request");
                case "delete" -> delete("request");
                default -> update("request");
            };
        }
        if (COMMANDS.containsKey(joined)) {
            return COMMANDS.get(joined);
        }
        if (command.isEmpty() || HERE.contains(command.getFirst())) {
            return local("cli");
        }
        String verb = command.getLast();
        List<String> nouns = command.subList(0, command.size() - 1);
        String type = nouns.isEmpty() ? "tenant" : nouns.getLast();
        if (READS.contains(verb)) {
            return read(type);
        }
        boolean membership = nouns.contains("user") && nouns.stream().anyMatch(MEMBERSHIPS::contains);
        if (nouns.contains("sharinglink")) {
            boolean anyone = words.stream().anyMatch(w -> w.equalsIgnoreCase("anonymous"));
            return anyone ? new Act(Verb.GRANT, "sharing-link", false, false, Scope.ALL, "opens the file to anyone with the link")
                    : grant("sharing-link").note("shares the file with more people");
        }
        if (nouns.stream().anyMatch(GRANT_NOUNS::contains) || membership) {
            return grant(type).note("changes who holds rights in Microsoft 365");
        }
        if (verb.equals("add") && nouns.contains("file") && words.stream().anyMatch(w -> w.equalsIgnoreCase("--path"))) {
            return new Act(Verb.TRANSFER, "file", false, false, Scope.ONE, "uploads a local file into the tenant");
        }
        if (DELETES.contains(verb)) {
            return delete(type);
        }
        return CREATES.contains(verb) ? create(type) : update(type);
    }
}
