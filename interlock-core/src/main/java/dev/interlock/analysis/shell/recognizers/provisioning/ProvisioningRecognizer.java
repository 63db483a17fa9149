package dev.interlock.analysis.shell.recognizers.provisioning;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provisioning and systems-management servers, one table each: Foreman's {@code hammer}, {@code cobbler}, Uyuni's and
 * Spacewalk's {@code spacecmd}, Landscape's {@code landscape-api} and the Redfish client {@code redfishtool}. Their
 * changes land on the machines the server manages — a script run on every host a search matches, a machine rebooted,
 * reinstalled or removed — so a change is placed by the server the command names ({@code --server}, {@code -s},
 * {@code LANDSCAPE_API_URI}, a BMC's {@code -r}) as a {@code host}, and by the machines it names (a host name, a search
 * query, a tag) as an {@code environment}, the stricter winning. A server kept only in the tool's own configuration
 * file is not named: unknown, never this machine. Listings, reports and details only read.
 */
public final class ProvisioningRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("hammer", "cobbler", "spacecmd", "landscape-api", "redfishtool");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))
                || words.equals(List.of("-V"))) {
            return List.of();
        }
        return List.of(switch (inv.program()) {
            case "hammer" -> ForemanHammer.recognize(inv);
            case "cobbler" -> CobblerCli.recognize(inv);
            case "spacecmd" -> Spacecmd.recognize(inv);
            case "landscape-api" -> LandscapeApi.recognize(inv);
            default -> Redfishtool.recognize(inv);
        });
    }

    /**
     * {@code act} on {@code name}, placed by the server's address (a URL or host name) and by the managed machines the
     * command names (a host name, a search query); either may be empty.
     */
    static Operation operation(Invocation inv, String system, Act act, String name, String server, String machines) {
        Map<String, String> locators = new LinkedHashMap<>();
        locators.put("host", server.isEmpty() ? "" : Hosts.of(server));
        locators.put("environment", machines);
        return act.placed(inv, system, name, locators, Tier.UNKNOWN, "");
    }

    /**
     * The options of a CLI whose long options all take a value ({@code --name web01}, {@code --admin true}) except the
     * few switches it lists, plus its valued short options.
     */
    static Set<String> valued(Invocation inv, Set<String> switches, Set<String> shortValued) {
        Set<String> valued = new HashSet<>(shortValued);
        for (String w : inv.words()) {
            if (w.startsWith("--") && w.length() > 2 && w.indexOf('=') < 0 && !switches.contains(w)) {
                valued.add(w);
            }
        }
        return valued;
    }
}
