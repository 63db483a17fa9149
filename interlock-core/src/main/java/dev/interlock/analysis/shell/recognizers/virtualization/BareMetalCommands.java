package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bare-metal controllers. Dell's {@code racadm} (on the iDRAC over ssh, or {@code -r HOST}): the {@code get…}
 * commands and views read; {@code serveraction}, {@code set} and firmware updates change the machine; erasing virtual
 * disks, the system or the iDRAC's configuration destroys data. Canonical MAAS ({@code maas PROFILE OBJECT OP}):
 * {@code read} and the other look-ups read, power parameters are the BMCs' passwords, {@code release} and
 * {@code delete} take a machine away from what runs on it.
 */
final class BareMetalCommands {

    private BareMetalCommands() {
    }

    private static final CommandTable RACADM = CommandTable.builder()
            .add("", "getsysinfo getconfig get getsensorinfo getsel getraclog getlclog getversion getniccfg getsvctag"
                    + " gettracelog getssninfo getled getractime getuscversion getremoteservicesstatus hwinventory"
                    + " swinventory help getsmclpprofile gethostnetworkinterfaces coredump"
                    + " inlettemphistory getactiveerrors ping ping6 ifconfig netstat arp traceroute", read("bmc"))
            .add("storage", "get", read("bmc"))
            .add("serveraction", "powerstatus", read("bmc"))
            .add("lclog", "view export", read("bmc"))
            .add("jobqueue", "view", read("bmc"))
            .add("license", "view", read("bmc"))
            .add("systemperfstatistics", "view", read("bmc"))
            .add("", "serveraction", update("machine").note("powers the machine on, off or restarts it through its BMC"))
            .add("", "set config setniccfg setled setractime sslcertupload sslcsrgen update fwupdate racreset rollback"
                    + " jobqueue bootcertificate vflashpartition remoteimage", update("bmc"))
            .add("", "sshpkauth usercfg", grant("bmc"))
            .add("storage", "createvd", create("virtual-disk"))
            .add("storage", "deletevd resetconfig init clearconfig secureerase cryptographicerase", delete("virtual-disk")
                    .note("erases a virtual disk or the controller's configuration: the data on it is lost"))
            .add("", "racresetcfg systemerase clrsel clrraclog", delete("bmc"))
            .add("jobqueue", "delete", delete("job"))
            .build();

    static Run racadm(Invocation inv) {
        ParsedArgs parsed = inv.parse(Set.of("-r", "-u", "-p", "-i", "-g", "-o", "-f", "-t", "-l"));
        List<String> words = new ArrayList<>();
        for (Arg a : parsed.positionals()) {
            // racadm storage deletevd:Disk.Virtual.0:RAID.Integrated.1-1: the command before its first colon
            String w = a.value();
            words.add(words.size() < 2 && w.indexOf(':') > 0 ? w.substring(0, w.indexOf(':')).toLowerCase(java.util.Locale.ROOT) : w);
        }
        CommandTable.Found found = RACADM.findOrGuess(words, 1, "bmc");
        List<String> raw = parsed.positionals().stream().map(Arg::value).toList();
        String last = raw.isEmpty() ? "" : raw.get(Math.max(0, found.words() - 1));
        String name = last.indexOf(':') > 0 ? last : VirtualizationRecognizer.operand(raw, found.words());
        Map<String, String> locators = parsed.value("-r").map(h -> Map.of("host", h)).orElse(Map.of());
        return new Run(found.act(), found.command(), name, locators, false);
    }

    /** Commands of the maas client itself, before any profile. */
    private static final CommandTable MAAS_CLIENT = CommandTable.builder()
            .add("", "list help refresh login logout", read("maas-profile"))
            .add("", "apikey", credential("api-key"))
            .add("", "init config configauth createadmin migrate", update("maas"))
            .add("", "changepassword", grant("account"))
            .build();

    /** An operation on a MAAS object: {@code machines read}, {@code machine deploy ID}. */
    private static final CommandTable MAAS = CommandTable.builder()
            .add("", "read details get-curtin-config query-power-state query-power-states is-registered whoami get-config"
                    + " list-allocated list-boot-images read-all query describe power-parameters", read("machine"))
            .add("machine", "power-parameters", credential("bmc-credentials").note("prints the machine's BMC password"))
            .add("machines", "power-parameters", credential("bmc-credentials").note("prints every machine's BMC password"))
            .add("account", "list-authorisation-tokens create-authorisation-token", credential("api-key"))
            .add("", "create allocate add-chassis", create("machine"))
            .add("", "deploy", replace("machine").note("installs an operating system over the machine: what its disks held is lost"))
            .add("", "release", delete("machine").note("takes the machine from its workload (erase=true wipes its disks)"))
            .add("", "delete", delete("machine"))
            .build();

    static Run maas(Invocation inv) {
        List<String> words = inv.parse(Set.of()).positionals().stream().map(Arg::value).toList();
        if (words.isEmpty() || MAAS_CLIENT.find(words).isPresent()) {
            CommandTable.Found found = MAAS_CLIENT.findOrGuess(words, 1, "maas");
            return new Run(found.act(), found.command(), VirtualizationRecognizer.operand(words, found.words()), Map.of(), false);
        }
        String profile = words.getFirst();
        List<String> command = words.subList(1, Math.min(3, words.size()));
        String object = VirtualizationRecognizer.operand(words, 1);
        String op = VirtualizationRecognizer.operand(words, 2);
        CommandTable.Act act = MAAS.find(command).or(() -> MAAS.find(List.of(op))).map(CommandTable.Found::act)
                .orElseGet(() -> op.startsWith("get-") || op.startsWith("list-") || op.startsWith("query-") ? read(object)
                        : CommandTable.guess(op, object));
        String type = act.type().equals("machine") ? singular(object) : act.type();
        return new Run(act.on(type), String.join(" ", command), VirtualizationRecognizer.operand(words, 3),
                Map.of("profile", profile), false);
    }

    private static String singular(String object) {
        return object.endsWith("s") && object.length() > 3 ? object.substring(0, object.length() - 1) : object;
    }
}
