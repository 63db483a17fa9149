package dev.interlock.analysis.shell.recognizers.provisioning;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Foreman's (and Satellite's) {@code hammer RESOURCE [SUBRESOURCE] ACTION --option value}: {@code list}, {@code info}
 * and the other look-ups read; {@code create}, {@code update} and their kin change the server's records; {@code delete}
 * deletes; making a user an administrator, giving a role or a role's filters is a grant; {@code job-invocation create}
 * runs a command on every host its {@code --search-query} matches. The server is {@code --server}/{@code -s}, else the
 * one in {@code ~/.hammer}'s configuration, which nothing here names.
 */
final class ForemanHammer {

    private ForemanHammer() {
    }

    /** Whole commands whose action word alone would mislead. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("job-invocation", "create rerun", execute("host").many()
                    .note("runs a command or script on every host the search query matches"))
            .add("job-invocation", "cancel", update("job"))
            .add("job-invocation", "output", read("job"))
            .add("host ansible-roles", "play", execute("host").note("runs the host's Ansible roles on it"))
            .add("hostgroup ansible-roles", "play", execute("host").many().note("runs the Ansible roles on every host of the group"))
            .add("ansible roles", "play", execute("host").many())
            .add("host", "reboot stop start reset boot", update("host").note("powers the machine through its BMC or compute resource"))
            .add("host", "delete", delete("host").note("deletes the host, and its VM where a compute resource provisioned it"))
            .add("user", "add-role remove-role", grant("user"))
            .add("user-group", "add-role remove-role add-user remove-user add-user-group remove-user-group", grant("user-group"))
            .add("usergroup", "add-role remove-role add-user remove-user add-user-group remove-user-group", grant("user-group"))
            .add("filter", "create update delete", grant("role").note("changes what the role's users may do"))
            .add("role", "clone", create("role"))
            .add("user access-token", "create", credential("access-token").note("mints a personal access token and prints it"))
            .add("user access-token", "list info", read("access-token"))
            .add("user access-token", "revoke", update("access-token"))
            .add("", "auth defaults shell completion", local("cli"))
            .add("", "ping status version", read("server"))
            .build();

    /** The action word that ends a command, whatever resource it acts on. */
    private static final CommandTable ACTIONS = CommandTable.builder()
            .add("", "list info show status facts reports puppet-classes puppetclasses sc-params smart-class-parameters "
                    + "interfaces dump output report report-data config-reports errata packages applicable-errata enc-dump "
                    + "available-incremental-updates", read("record"))
            .add("", "create add import clone upload", create("record"))
            .add("", "update set set-parameter set-default rebuild-config enable disable synchronize sync publish promote "
                    + "associate add-host remove-host add-subnet remove-subnet", update("record"))
            .add("", "delete delete-parameter remove destroy purge", delete("record"))
            .build();

    private static final Set<String> SWITCHES = Set.of("--async", "--help", "--version", "--debug", "--verbose", "--quiet",
            "--show-ids", "--interactive", "--no-headers", "--reload-cache", "--force", "--dynamic", "--csv", "--json",
            "--yaml", "--show-hidden-parameters", "--include-parameters");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(ProvisioningRecognizer.valued(inv, SWITCHES, Set.of("-s", "-u", "-p", "-c")));
        List<String> words = p.words();
        String action = words.isEmpty() ? "" : words.getLast();
        CommandTable.Act act = COMMANDS.find(words).map(CommandTable.Found::act)
                .or(() -> ACTIONS.find(List.of(action)).map(CommandTable.Found::act))
                .orElseGet(() -> CommandTable.guess(action, "record"));
        String resource = words.isEmpty() ? "" : words.getFirst();
        if (act.type().equals("record") && !resource.isEmpty()) {
            act = act.on(resource);
        }
        boolean admin = p.value("--admin").map(v -> Regex.matches(v, "(?i)true|yes|1")).orElse(false);
        if (resource.equals("user") && admin && (action.equals("create") || action.equals("update"))) {
            act = grant("user").note("makes the user a Foreman administrator: every permission on every host");
        }
        if (resource.equals("host") && action.equals("update")
                && p.value("--build").map(v -> Regex.matches(v, "(?i)true|yes|1")).orElse(false)) {
            act = replace("host").note("the host is reinstalled from scratch at its next network boot");
        }
        if (p.has("--show-hidden-parameters") && act.verb() == dev.interlock.model.Verb.READ) {
            act = credential(act.type()).note("prints the hidden parameters' values, which are kept hidden because they are secrets");
        }
        String query = p.value("--search-query").orElse("");
        if (act.verb() == dev.interlock.model.Verb.EXECUTE && !query.isEmpty() && oneHost(query)) {
            act = act.note("runs a command or script on the host the search query names");
            act = new CommandTable.Act(act.verb(), act.type(), act.here(), act.stateful(), dev.interlock.model.Scope.ONE, act.note());
        }
        String machines = p.value("--search-query", "--search", "--host", "--hosts", "--hostname")
                .orElse(resource.equals("host") ? p.value("--name").orElse("") : "");
        String name = p.value("--name", "--login", "--title", "--id").orElse(query);
        return ProvisioningRecognizer.operation(inv, "foreman", act, name, p.value("--server", "-s").orElse(""), machines);
    }

    /** {@code name = web01.example.com}: a search that matches one host by its exact name. */
    private static boolean oneHost(String query) {
        return Regex.matches(query.trim(), "(?i)name\\s*=\\s*\"?[\\w.-]+\"?");
    }
}
