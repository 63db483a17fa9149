package dev.interlock.analysis.shell.recognizers.provisioning;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Uyuni's and Spacewalk's (and SUSE Manager's) {@code spacecmd -s SERVER -- GROUP_ACTION ARGS}: the {@code list…},
 * {@code show…} and {@code details} actions read; {@code system_runscript} runs a script on the systems named;
 * installing, upgrading and removing packages, applying errata and rebooting change them; {@code system_delete}
 * unregisters them; adding roles is a grant. Systems are named one by one or by {@code group:}, {@code channel:} and
 * {@code search:} selectors, which reach many. The server is {@code -s}, else {@code ~/.spacecmd/config}'s.
 */
final class Spacecmd {

    private Spacecmd() {
    }

    /** Actions (the part after the first underscore) whose verb their prefix does not tell. */
    private static final CommandTable ACTIONS = CommandTable.builder()
            .add("", "runscript", execute("system").note("runs a script as root on the systems named"))
            .add("", "reboot", update("system").note("reboots the systems named"))
            .add("", "addrole removerole", grant("user"))
            .add("", "delete", delete("record"))
            .build();

    /** Commands of the shell itself. */
    private static final CommandTable SHELL = CommandTable.builder()
            .add("", "help history login logout whoami whoamitalkingto clear_caches clear get_apiversion get_serverversion"
                    + " get_certificateexpiration get_session toggle_confirmations", local("cli"))
            .build();

    private static final Set<String> VALUED = Set.of("-s", "--server", "-u", "--username", "-p", "--password", "-c",
            "--config");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> command = new ArrayList<>(p.words());
        p.afterDoubleDash().stream().map(Arg::value).forEach(command::add);
        String server = p.value("-s", "--server").orElse("");
        if (command.isEmpty()) {
            return ProvisioningRecognizer.operation(inv, "uyuni", local("cli").note("opens spacecmd's interactive shell"),
                    "spacecmd", server, "");
        }
        String word = command.getFirst().toLowerCase(java.util.Locale.ROOT);
        int underscore = word.indexOf('_');
        String group = underscore > 0 ? word.substring(0, underscore) : word;
        String action = underscore > 0 ? word.substring(underscore + 1) : "";
        List<String> args = command.subList(1, command.size()).stream().filter(a -> !a.startsWith("-")).toList();
        CommandTable.Act act = SHELL.find(List.of(word)).map(CommandTable.Found::act).orElseGet(() -> act(group, action));
        boolean systems = group.equals("system") || group.equals("errata") && action.startsWith("apply");
        if (systems && act.verb() != dev.interlock.model.Verb.READ && args.stream().anyMatch(Spacecmd::selectsMany)) {
            act = act.many();
        }
        String name = args.isEmpty() ? "" : args.getFirst();
        String machines = systems ? String.join(" ", args) : "";
        return ProvisioningRecognizer.operation(inv, "uyuni", act, name, server, machines);
    }

    private static CommandTable.Act act(String group, String action) {
        if (Regex.matches(action, "(list|show|details|search|get|diff|compare|check|file.*details|.*details).*")
                || group.equals("report")) {
            return read(group);
        }
        return ACTIONS.find(List.of(action)).map(CommandTable.Found::act).map(a -> a.type().equals("record") ? a.on(group) : a)
                .orElseGet(() -> action.startsWith("delete") ? delete(group)
                        : action.startsWith("create") || action.startsWith("add") || action.startsWith("import")
                        || action.startsWith("clone") ? create(group) : update(group));
    }

    /** {@code group:web}, {@code channel:…}, {@code search:…}, {@code ssm}, a wildcard: a selector, not one system. */
    private static boolean selectsMany(String arg) {
        return Regex.matches(arg, "(?i)(group|channel|search|ssm)(:.*)?|.*[*?].*");
    }
}
