package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VMware's {@code govc}: one dotted word names the command ({@code vm.info}, {@code vm.destroy},
 * {@code permissions.set}, {@code host.esxcli}). It acts on the vCenter or ESXi host of {@code -u} or
 * {@code GOVC_URL}; a host's own commands ({@code host.esxcli -host esx-prod-07 …}) on the host they name. Listing and
 * {@code *.info} commands read; {@code permissions.set} and roles change who may do what, and granting a role to the
 * account govc logs in as is that account escalating itself; {@code host.esxcli} is judged by the esxcli command it
 * runs.
 */
final class GovcCommands {

    private GovcCommands() {
    }

    /** Commands by their full dotted name, where the last word alone would mislead. */
    private static final CommandTable GOVC = CommandTable.builder()
            .add("", "about about.cert ls find tree events tasks logs logs.ls session.ls version env object.collect"
                    + " vm.ip vm.vnc datastore.disk.info metric.ls metric.sample metric.info option.ls role.ls permissions.ls"
                    + " sso.user.ls sso.group.ls license.ls host.date.info host.service.ls volume.ls", read("inventory"))
            .add("", "vm.destroy vm.unregister datastore.rm disk.rm volume.rm pod.destroy cluster.rm", delete("vm"))
            .add("", "snapshot.remove", delete("snapshot").note("removes a VM's snapshots: the states they held are gone"))
            .add("", "snapshot.revert", replace("vm").note("returns the VM to a snapshot: everything written since is lost"))
            .add("", "snapshot.create vm.create vm.clone vm.register vm.instantclone import.ova import.ovf import.vmdk"
                    + " library.deploy", create("vm"))
            .add("", "guest.run guest.start vm.guest.run", execute("vm").note("runs a program inside the VM's guest"))
            .add("", "guest.download datastore.download", read("file"))
            .add("", "host.maintenance.enter host.maintenance.exit host.shutdown host.disconnect host.remove",
                    update("host").note("takes the host (and what runs on it) out of service"))
            .add("", "permissions.set permissions.remove role.create role.update role.remove sso.group.update"
                    + " global.permissions.set", grant("permission"))
            .build();

    /** Last words of a command that only look. */
    private static final Set<String> LOOKS = Set.of("info", "ls", "tree", "find", "cat", "collect", "sample", "usage", "status",
            "get", "query", "print", "show", "list");

    /** Options that take the next word as their value (Go's flag package also accepts {@code -name=value}). */
    private static final Set<String> VALUED = Set.of("-u", "-dc", "-host", "-vm", "-ds", "-pool", "-folder", "-net", "-cluster",
            "-principal", "-role", "-m", "-c", "-name", "-host.ipath", "-host.dns", "-vm.ipath", "-vm.dns", "-vm.ip", "-l", "-s",
            "-tls-ca-certs", "-tls-known-hosts", "-vim-namespace", "-vim-version", "-i", "-n", "-d");

    static Run govc(Invocation inv) {
        List<String> all = inv.words();
        String command = all.isEmpty() ? "help" : all.getFirst().toLowerCase(Locale.ROOT);
        Map<String, String> options = new HashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            String w = all.get(i);
            if (w.startsWith("-") && w.length() > 1 && operands.isEmpty()) {
                String flag = w.replaceFirst("^--?", "-");
                int eq = flag.indexOf('=');
                if (eq > 0) {
                    options.put(flag.substring(0, eq), flag.substring(eq + 1));
                } else if (VALUED.contains(flag) && i + 1 < all.size()) {
                    options.put(flag, all.get(++i));
                } else {
                    options.put(flag, "true");
                }
            } else {
                operands.add(w);
            }
        }
        String last = command.substring(command.lastIndexOf('.') + 1);
        String type = command.contains(".") ? command.substring(0, command.indexOf('.')) : "inventory";
        CommandTable.Act act;
        if (command.equals("host.esxcli")) {
            // the esxcli command it runs on the host decides: network firewall get reads, system shutdown poweroff does not
            act = EsxiCommands.esxcliAct(operands);
        } else if (command.equals("vm.power")) {
            act = update("vm").note(options.containsKey("-off") || options.containsKey("-reset")
                    ? "powers the VM off at once, like pulling its plug" : "changes the VM's power state");
        } else {
            act = GOVC.find(List.of(command)).map(CommandTable.Found::act)
                    .orElseGet(() -> LOOKS.contains(last) ? read(type) : CommandTable.guess(last, type));
        }
        Optional<String> url = Optional.ofNullable(options.get("-u")).or(() -> Optional.ofNullable(inv.env().get("GOVC_URL")));
        String principal = options.getOrDefault("-principal", "");
        if (act.verb() == Verb.GRANT && !principal.isEmpty() && principal.equalsIgnoreCase(user(inv, url))) {
            act = new CommandTable.Act(Verb.ESCALATE, "permission", false, false, Scope.ONE,
                    command + " gives " + principal + ", the account govc logs in as, a role");
        }
        if (act.verb() == Verb.GRANT && "/".equals(operands.isEmpty() ? "" : operands.getLast())
                && options.getOrDefault("-propagate", "true").equals("true")) {
            act = act.all(); // at the inventory's root, propagated: every object below it
        }
        // a host's own command acts on the host it names; the rest on the vCenter or host govc connects to
        String host = command.startsWith("host.") && options.containsKey("-host") ? options.get("-host")
                : url.map(Hosts::of).orElse("");
        String name = command.equals("permissions.set") || command.equals("permissions.remove") ? principal
                : command.equals("host.esxcli") ? options.getOrDefault("-host", "") : operands.isEmpty() ? options.getOrDefault("-vm", "") : operands.getLast();
        return new Run(act, command, name, host.isEmpty() ? Map.of() : Map.of("host", host), false);
    }

    /** The account govc logs in as: {@code GOVC_USERNAME}, or the user of the URL ({@code user:pass@host}). */
    private static String user(Invocation inv, Optional<String> url) {
        String named = inv.env().getOrDefault("GOVC_USERNAME", "");
        if (!named.isEmpty()) {
            return named;
        }
        String u = url.orElse("").replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int at = u.lastIndexOf('@');
        if (at <= 0) {
            return "";
        }
        String credentials = u.substring(0, at);
        int colon = credentials.indexOf(':');
        return colon < 0 ? credentials : credentials.substring(0, colon);
    }
}
