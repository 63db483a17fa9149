package dev.interlock.analysis.shell.recognizers.bi;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tableau's {@code tabcmd}: it acts on the Tableau Server or Cloud site its {@code -s}/{@code --server} URL names
 * (the host places it: {@code tableau-dev} is dev). Deleting projects, workbooks, users or sites loses what people
 * report from; refreshing extracts reloads data from the source; publishing overwrites; user and group commands change
 * who may see what. Getting, exporting and listing read.
 */
public final class Tabcmd implements Recognizer {

    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("delete", Action.delete("workbook", "deletes a Tableau workbook or data source")),
            Map.entry("deleteproject", Action.delete("project", "deletes a Tableau project with everything in it")),
            Map.entry("deletesite", Action.delete("site", "deletes a Tableau site with everything in it").scope(Scope.ALL)),
            Map.entry("deleteusers", Action.delete("user", "removes Tableau users listed in a file").scope(Scope.MANY)),
            Map.entry("deletegroup", Action.delete("group", "deletes a Tableau group")),
            Map.entry("deleteextracts", Action.delete("extract", "deletes extracts of a workbook or data source")),
            Map.entry("refreshextracts", Action.update("extract", "reloads an extract from its data source")),
            Map.entry("publish", Action.update("workbook", "publishes (or overwrites) a workbook or data source")),
            Map.entry("createproject", Action.create("project", "")),
            Map.entry("createsite", Action.create("site", "")),
            Map.entry("creategroup", Action.create("group", "")),
            Map.entry("editsite", Action.update("site", "changes a Tableau site's settings")),
            Map.entry("runschedule", Action.update("schedule", "runs a schedule's extract refreshes and subscriptions now")),
            Map.entry("encryptextracts", Action.update("extract", "")),
            Map.entry("decryptextracts", Action.update("extract", "")),
            Map.entry("reencryptextracts", Action.update("extract", "")),
            Map.entry("createsiteusers", Action.grant("user", "adds users to a Tableau site with a role").scope(Scope.MANY)),
            Map.entry("createusers", Action.grant("user", "adds users to a Tableau server").scope(Scope.MANY)),
            Map.entry("addusers", Action.grant("group", "adds users to a Tableau group").scope(Scope.MANY)),
            Map.entry("removeusers", Action.grant("group", "removes users from a Tableau group").scope(Scope.MANY)),
            Map.entry("syncgroup", Action.grant("group", "syncs a Tableau group with Active Directory").scope(Scope.MANY)),
            Map.entry("initialuser", Action.grant("user", "creates the Tableau server's first administrator")));
    /** {@code -o} is {@code --overwrite}, a switch: taking it for a valued flag would swallow the {@code -s} after it. */
    private static final Set<String> VALUED = Set.of("-s", "--server", "-u", "--username", "-p", "--password", "--password-file",
            "-t", "--site", "-x", "--proxy", "--token-name", "--token-value", "--token-file", "-r", "--parent-project-path",
            "--project", "--parent-path", "-n", "--name", "-d", "--description", "--users", "--role", "--site-role",
            "--datasource", "--workbook", "--url", "-f", "--filename", "--timeout", "--auth-type", "--country",
            "--language", "--locale", "--db-username", "--db-password", "--oauth-username", "--tabbed", "--thumbnail-username");

    @Override
    public Set<String> programs() {
        return Set.of("tabcmd");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        Action row = COMMANDS.getOrDefault(command, Action.read(command.isEmpty() ? "tableau" : command));
        String name = words.size() > 1 ? words.get(1)
                : p.value("-n", "--name", "--workbook", "--datasource", "--project", "--users").orElse("");
        Operation.Builder b = row.on("tableau", name, inv);
        p.value("-s", "--server").map(Hosts::of).filter(h -> !h.isEmpty()).ifPresent(host -> b.locator("host", host));
        p.value("-t", "--site").ifPresent(site -> b.locator("site", site));
        return List.of(b.build());
    }
}
