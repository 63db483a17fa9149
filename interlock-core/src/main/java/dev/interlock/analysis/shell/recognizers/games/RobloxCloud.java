package dev.interlock.analysis.shell.recognizers.games;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Roblox Open Cloud's {@code rbxcloud}: {@code experience publish --version-type published} releases a place to its
 * players ({@code saved} keeps a version without releasing it); {@code messaging publish} broadcasts to every live
 * server of the universe; data stores' {@code list}/{@code get} read and {@code set}/{@code increment}/{@code delete}
 * change players' saved data. Universe and place ids name no environment: the inventory alone can place them.
 */
final class RobloxCloud {

    private RobloxCloud() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("experience", "publish", update("game-release").note("publishes the place live to its players"))
            .add("messaging", "publish", update("live-servers").note("broadcasts a message to every live server of the universe"))
            .add("datastore", "list-stores list get list-versions get-version list-keys get-entry", read("datastore"))
            .add("datastore", "set increment set-entry increment-entry update", update("datastore"))
            .add("datastore", "delete delete-entry", delete("datastore"))
            .add("ordered-datastore", "list get", read("datastore"))
            .add("ordered-datastore", "create update increment", update("datastore"))
            .add("ordered-datastore", "delete", delete("datastore"))
            .add("assets", "get get-operation archive-get", read("asset"))
            .add("assets", "create update", create("asset"))
            .add("universe", "get", read("universe"))
            .add("universe", "update restart", update("universe"))
            .add("place", "get", read("place"))
            .add("place", "update", update("place"))
            .add("group", "get roles memberships shout", read("group"))
            .add("user", "info thumbnail", read("user"))
            .build();

    private static final Set<String> VALUED = Set.of("--filename", "-f", "--place-id", "-p", "--universe-id", "-u",
            "--version-type", "-t", "--api-key", "-a", "--topic", "--message", "-m", "--datastore-name", "--key", "--scope",
            "--data", "-d", "--group-id", "-g", "--limit", "--cursor");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "game-service");
        CommandTable.Act act = found.act();
        if (found.command().equals("experience publish")
                && p.value("--version-type", "-t").orElse("").equalsIgnoreCase("saved")) {
            act = create("place-version").note("saves a place version without releasing it to players");
        }
        String name = p.value("--place-id", "-p", "--universe-id", "-u").orElse("");
        return act.placed(inv, "roblox", name, Map.of("project", p.value("--universe-id", "-u").orElse("")), Tier.UNKNOWN, "");
    }
}
