package dev.interlock.analysis.shell.recognizers.provisioning;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Cobbler ({@code cobbler system report --name web01}, {@code cobbler profile edit --name rhel9 --kernel-options …},
 * {@code cobbler sync}): reports, listings and checks read; adding and editing distros, profiles and systems changes
 * what machines install when they network-boot; {@code remove} deletes the record; {@code sync} rewrites the DHCP, DNS
 * and PXE files every machine boots from. The CLI talks to the cobblerd it runs beside, so the machine a record
 * describes ({@code --name}) is what places it.
 */
final class CobblerCli {

    private CobblerCli() {
    }

    private static final Set<String> OBJECTS = Set.of("distro", "profile", "system", "repo", "image", "mgmtclass", "package",
            "file", "menu", "setting");

    private static final CommandTable ACTIONS = CommandTable.builder()
            .add("", "list report find dumpvars get-autoinstall get-autoinstall-template", read("record"))
            .add("", "add copy", create("record"))
            .add("", "edit rename", update("record"))
            .add("", "remove", delete("record"))
            .build();

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "check version status list report signature validate-autoinstalls validateks", read("server"))
            .add("signature", "report", read("signature"))
            .add("signature", "update", update("signature"))
            .add("", "sync", update("boot-configuration").many()
                    .note("rewrites the DHCP, DNS and PXE configuration every managed machine boots from"))
            .add("", "import", create("distro"))
            .add("", "reposync hardlink mkloaders buildiso", update("server"))
            .add("", "replicate", update("server").many().note("copies another Cobbler server's objects over this one's"))
            .add("", "aclsetup", grant("server"))
            .build();

    private static final Set<String> SWITCHES = Set.of("--help", "--in-place", "--recursive", "--no-fail", "--purge",
            "--prune", "--omit-data", "--sync-all", "--only-dhcp", "--only-dns", "--dhcp", "--dns", "--verbose", "--tries",
            "--standalone");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(ProvisioningRecognizer.valued(inv, SWITCHES, Set.of()));
        List<String> words = p.words();
        String object = words.isEmpty() ? "" : words.getFirst();
        CommandTable.Act act;
        if (OBJECTS.contains(object) && words.size() > 1) {
            act = ACTIONS.find(List.of(words.get(1))).map(CommandTable.Found::act)
                    .orElseGet(() -> CommandTable.guess(words.get(1), "record")).on(object);
            boolean netboot = p.value("--netboot-enabled", "--netboot").map(v -> Regex.matches(v, "(?i)true|yes|1|y")).orElse(false);
            if (object.equals("system") && netboot && !act.verb().equals(dev.interlock.model.Verb.READ)) {
                act = replace("system").note("the machine reinstalls its operating system at its next network boot");
            }
        } else if (OBJECTS.contains(object)) {
            act = read(object).note("prints the object's usage");
        } else {
            act = COMMANDS.findOrGuess(words, 1, "server").act();
        }
        String name = p.value("--name", "--newname").orElse("");
        // a system is a machine, and a profile or distro is usually named for the machines that install it (rhel9-prod-web)
        String machines = p.value("--name", "--hostname", "--dns-name").orElse("");
        return ProvisioningRecognizer.operation(inv, "cobbler", act, name, "", machines);
    }
}
