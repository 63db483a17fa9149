package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code openstack} client: {@code OBJECT… ACTION NAME} ({@code server delete app-web-03}, {@code floating ip list},
 * {@code volume snapshot create}). The action decides; the words before it name the object. The cloud
 * ({@code --os-cloud}, {@code OS_CLOUD}) is placed like a profile and the project like a project, so a {@code dev-lab}
 * cloud is dev and a {@code prod} one production.
 */
final class OpenStackCommands {

    private OpenStackCommands() {
    }

    private static final Map<String, Act> ACTIONS = Map.ofEntries(
            Map.entry("list", read("")), Map.entry("show", read("")), Map.entry("save", read("")), Map.entry("validate", read("")),
            Map.entry("create", create("")), Map.entry("add", update("")), Map.entry("set", update("")), Map.entry("unset", update("")),
            Map.entry("remove", update("")), Map.entry("start", update("")), Map.entry("stop", update("")), Map.entry("reboot", update("")),
            Map.entry("pause", update("")), Map.entry("unpause", update("")), Map.entry("suspend", update("")), Map.entry("resume", update("")),
            Map.entry("lock", update("")), Map.entry("unlock", update("")), Map.entry("resize", update("")), Map.entry("migrate", update("")),
            Map.entry("evacuate", update("")), Map.entry("shelve", update("")), Map.entry("unshelve", update("")),
            Map.entry("rescue", update("")), Map.entry("unrescue", update("")), Map.entry("attach", update("")), Map.entry("detach", update("")),
            Map.entry("extend", update("")), Map.entry("import", update("")),
            Map.entry("rebuild", replace("").note("reinstalls the server from an image: what its disk held is lost")),
            Map.entry("revert", replace("").note("returns the volume to a snapshot: everything written since is lost")),
            Map.entry("restore", replace("")),
            Map.entry("delete", delete("")), Map.entry("purge", delete("").all()), Map.entry("abandon", delete("")),
            Map.entry("issue", credential("token").note("mints an API token")),
            Map.entry("ssh", execute("server")));

    /** Whole commands whose action word means something else for their object. */
    private static final CommandTable SPECIAL = CommandTable.builder()
            .add("role", "add remove", grant("role"))
            .add("role assignment", "list", read("role"))
            .add("ec2 credentials", "create show list", credential("ec2-credentials"))
            .add("application credential", "create show", credential("application-credential"))
            .add("token", "issue", credential("token"))
            .add("console url", "show", credential("console-url").note("prints a URL that opens the server's console"))
            .add("", "help versions", read("cloud"))
            .add("module", "list", read("cloud"))
            .build();

    private static final Set<String> VALUED = Set.of("--os-cloud", "--os-region-name", "--os-project-name", "--os-project-id",
            "--os-auth-url", "--os-username", "--os-password", "--os-user-domain-name", "--os-project-domain-name",
            "--os-domain-name", "--os-interface", "--os-identity-api-version", "--os-compute-api-version", "--os-token",
            "--os-auth-type", "--os-cacert", "--os-cert", "--os-key", "-f", "--format", "-c", "--column", "--project",
            "--image", "--flavor", "--network", "--key-name", "--user", "--group", "--domain", "--size", "--type",
            "--disk-format", "--container-format", "--file", "--availability-zone", "--security-group", "--nic",
            "--volume", "--snapshot", "--description", "--host", "--sort-column", "--limit", "--marker", "--status", "--name",
            "--property", "--user-data", "--server", "--port", "--subnet", "--max-width", "--fit-width", "--prefix");

    /**
     * Where an OpenStack client acts: the cloud ({@code --os-cloud}, {@code OS_CLOUD}) as a profile, the project as a
     * project, and the Keystone endpoint's host ({@code --os-auth-url}, {@code OS_AUTH_URL}; Swift's {@code -A}).
     */
    static Map<String, String> locators(Invocation inv, ParsedArgs parsed) {
        Map<String, String> locators = new HashMap<>();
        parsed.value("--os-cloud").or(() -> Optional.ofNullable(inv.env().get("OS_CLOUD"))).ifPresent(c -> locators.put("profile", c));
        parsed.value("--os-project-name").or(() -> Optional.ofNullable(inv.env().get("OS_PROJECT_NAME")))
                .ifPresent(p -> locators.put("project", p));
        parsed.value("--os-auth-url", "-A", "--auth").or(() -> Optional.ofNullable(inv.env().get("OS_AUTH_URL")))
                .or(() -> Optional.ofNullable(inv.env().get("ST_AUTH"))).map(Hosts::of).filter(h -> !h.isEmpty())
                .ifPresent(h -> locators.put("host", h));
        return locators;
    }

    static Run openstack(Invocation inv) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.positionals().stream().map(Arg::value).toList();
        Map<String, String> locators = locators(inv, parsed);
        Optional<CommandTable.Found> special = SPECIAL.find(words);
        if (special.isPresent()) {
            CommandTable.Found f = special.get();
            return new Run(f.act(), f.command(), VirtualizationRecognizer.operand(words, f.words()), locators, false);
        }
        for (int i = 1; i < words.size(); i++) {
            Act act = ACTIONS.get(words.get(i));
            if (act != null && parsed.has("--dry-run") && (act.verb() == Verb.CREATE || act.verb() == Verb.UPDATE)) {
                act = read(""); // stack create|update --dry-run: Heat shows what it would do and does nothing
            }
            if (act != null) {
                String object = String.join("-", words.subList(0, i));
                return new Run(act.on(object), String.join(" ", words.subList(0, i + 1)), VirtualizationRecognizer.operand(words, i + 1),
                        locators, false);
            }
        }
        String command = String.join(" ", words);
        return new Run(CommandTable.guess(words.isEmpty() ? "" : words.getLast(), "cloud"), command, "", locators, false);
    }
}
