package dev.interlock.analysis.shell.recognizers.research;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a data grid's command acts: the server its flags or the agent's environment name ({@code host}), and a tier
 * word in the zone or namespace it works in ({@code prodZone}, {@code /devZone/home/…}) as the {@code environment}
 * locator. A grid's server is never this machine by default: with neither named the inventory has nothing to place and
 * the operation stays {@code unknown}.
 */
final class GridPlacement {

    private GridPlacement() {
    }

    static Operation place(Invocation inv, ParsedArgs p, CommandTable.Act act, String system, String name,
                           Placement server, String zone) {
        if (act.here()) {
            return act.operation(inv, system, name).build();
        }
        Map<String, String> locators = new HashMap<>(server.locators(inv, p));
        String word = tierWord(zone);
        if (!word.isEmpty()) {
            locators.put("environment", word);
        }
        return act.placed(inv, system, name, locators, Tier.UNKNOWN, "");
    }

    /** The tier word of a zone's name, its camel-case humps and separators apart ({@code prodZone} → prod). */
    static String tierWord(String zone) {
        if (zone.isEmpty()) {
            return "";
        }
        return DeploymentWords.tierOfName(zone.replaceAll("([a-z0-9])([A-Z])", "$1-$2"));
    }
}
