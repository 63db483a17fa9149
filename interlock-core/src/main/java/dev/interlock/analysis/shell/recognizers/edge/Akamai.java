package dev.interlock.analysis.shell.recognizers.edge;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Akamai's CLI, {@code akamai PACKAGE COMMAND}. Akamai has two networks: what is activated on (or purged from)
 * {@code PRODUCTION} is what every visitor gets, {@code STAGING} only the testers who point at it. Property Manager
 * ({@code property-manager}, {@code pm}) and EdgeWorkers activations are placed by the network they name (unnamed:
 * unknown); {@code purge} works on production unless {@code --staging}, and a CP code or cache tag purges everything
 * served under it. Lists and shows read; the CLI's own package management and a Property Manager project's local files
 * stay on this machine.
 */
public final class Akamai implements Recognizer {

    /** {@code purge}'s {@code --cpcode} and {@code --tag} take no value: they say what its operands are. */
    private static final Set<String> VALUED = Set.of("--edgerc", "--section", "--accountkey", "--account-key", "-p",
            "--property", "-n", "--network", "--version", "--propver", "--email", "--emails", "--notes", "--message", "-m",
            "--group", "--groupId", "--contract", "--contractId", "--product", "--productId", "--file", "--format",
            "--ruleformat", "--hostnames", "--edgehostname", "--bundle", "--ewid", "-g", "-c");

    /** Package aliases the CLI accepts, under the name the table uses. */
    private static final Map<String, String> PACKAGES = Map.of("pm", "property-manager", "ew", "edgeworkers",
            "snippets", "property-manager");

    private static final String LIVE = "switches what the network serves to every visitor";

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "install uninstall update upgrade list search config help", local("package"))
            .add("property-manager", "list-contracts lc list-products lp list-groups lg list-cpcodes lcp list-properties lpr "
                    + "show-ruletree sr show-defaults sd show-property show-status search list-edgehostnames leh "
                    + "list-property-hostnames lph list-property-variables lpv list-property-rule-format lprf "
                    + "list-rule-formats lrf show-edgehostnames seh show-version", read("property"))
            .add("property-manager", "activate activate-version atv deactivate deactivate-version datv",
                    update("property").note(LIVE))
            .add("property-manager", "new-property np new-version nv create-cpcode new-edgehostname", create("property"))
            .add("property-manager", "update-property property-update pu save sv hostname-update", update("property"))
            .add("property-manager", "delete", delete("property").note("deletes the property: its hostnames stop being served"))
            .add("property-manager", "import merge set-default set-prefixes set-ruleformat", local("project"))
            // the older akamai-property CLI: akamai property retrieve|search|activate|update|create|delete
            .add("property", "retrieve search groups products hostnames format list", read("property"))
            .add("property", "activate deactivate", update("property").note(LIVE))
            .add("property", "create", create("property"))
            .add("property", "update modify", update("property"))
            .add("property", "delete", delete("property").note("deletes the property: its hostnames stop being served"))
            .add("edgeworkers", "list-groups list-ids list-versions list-activations list-contracts status show validate "
                    + "list-limits list-properties download", read("edgeworker"))
            .add("edgeworkers", "activate deactivate", update("edgeworker").note(LIVE))
            .add("edgeworkers", "upload register create-id clone", create("edgeworker"))
            .add("edgeworkers", "delete-version delete-id", delete("edgeworker"))
            .add("purge", "list status", read("cache"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("akamai");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || inv.words().contains("--help") || inv.words().equals(List.of("--version"))) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = new java.util.ArrayList<>(p.words());
        if (!words.isEmpty()) {
            words.set(0, PACKAGES.getOrDefault(words.getFirst().toLowerCase(Locale.ROOT), words.getFirst()));
        }
        if (!words.isEmpty() && words.getFirst().equals("purge") && words.size() > 1
                && Set.of("invalidate", "delete").contains(words.get(1))) {
            return List.of(purge(inv, p, words));
        }
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, words.isEmpty() ? "property" : words.getFirst());
        List<String> operands = words.subList(found.words(), words.size());
        String name = p.value("-p", "--property", "--ewid").orElse(operands.isEmpty() ? "" : operands.getFirst());
        // an EdgeWorkers activation names its network as an operand: `edgeworkers activate 4242 PRODUCTION 1.3`
        String network = p.value("-n", "--network").orElse(operands.stream()
                .filter(w -> w.matches("(?i)prod(uction)?|stag(ing)?")).findFirst().orElse(""));
        return List.of(found.act().placed(inv, "akamai", name, Map.of("network", network), tier(network),
                "Akamai's " + network + " network"));
    }

    /** {@code purge invalidate|delete}: production unless {@code --staging}; a CP code or tag stands for everything under it. */
    private static Operation purge(Invocation inv, ParsedArgs p, List<String> words) {
        List<String> objects = words.subList(2, words.size());
        boolean everything = p.has("--cpcode") || p.has("--tag");
        boolean removes = words.get(1).equals("delete");
        CommandTable.Act act = update("cache").note(removes
                ? "deletes cached objects: until the origin answers again there is nothing, not even stale content, to serve"
                : "marks cached objects stale: the next requests go to the origin");
        if (everything) {
            act = act.all().note((removes ? "deletes" : "invalidates") + " everything cached under the "
                    + (p.has("--tag") ? "tags " : "CP codes ") + String.join(", ", objects) + ": every request goes to the origin at once");
        } else if (objects.size() > 1) {
            act = act.many();
        }
        String network = p.has("--staging") ? "staging" : p.value("-n", "--network").orElse("production");
        return act.placed(inv, "akamai", String.join(" ", objects), Map.of("network", network), tier(network),
                "Akamai's " + network + " network" + (p.has("--staging") || p.has("-n", "--network") ? "" : " (purge's default)"));
    }

    /** {@code PRODUCTION}, {@code prod}, {@code p}; {@code STAGING}, {@code stag}, {@code s}: the CLI takes any prefix. */
    static Tier tier(String network) {
        String n = network.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            return Tier.UNKNOWN;
        }
        return "production".startsWith(n) ? Tier.PROD : "staging".startsWith(n) ? Tier.STAGING : Tier.UNKNOWN;
    }
}
