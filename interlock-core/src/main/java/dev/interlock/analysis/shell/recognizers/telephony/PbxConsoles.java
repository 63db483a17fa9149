package dev.interlock.analysis.shell.recognizers.telephony;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The consoles of the PBX and SIP servers: Asterisk's {@code asterisk -rx 'core show channels'}, FreeSWITCH's
 * {@code fs_cli [-H host] -x 'show calls count'} and Kamailio's {@code kamcmd ul.dump} / {@code kamctl ul show}. A
 * command that only reports (its words {@code show}, {@code list}, {@code status}, {@code dump}, … and no word of
 * change) reads, in production too; hanging calls up, stopping or restarting the server, reloading its dialplan or
 * modules and deleting its database keys change the live call service. The console acts on the server of the machine
 * it runs on — the ssh host — or the one {@code -H}/{@code -s} names.
 */
final class PbxConsoles {

    private PbxConsoles() {
    }

    /** A live call ended: not data, but nothing brings it back. */
    private static final CommandTable.Act HANGUP = new CommandTable.Act(Verb.DELETE, "call", false, false, Scope.ONE,
            "hangs up live calls");
    private static final CommandTable.Act SHUTDOWN = update("pbx").all()
            .note("stops or restarts the PBX: every live call on it drops");

    /** Commands whose words alone would not say enough (a hangup is not called a deletion). */
    private static final CommandTable SPECIAL = CommandTable.builder()
            // Asterisk
            .add("core", "restart stop abort", SHUTDOWN)
            .add("", "restart stop", SHUTDOWN)
            .add("channel request", "hangup", HANGUP)
            .add("soft", "hangup", HANGUP)
            .add("hangup", "request", HANGUP)
            .add("channel", "originate", create("call").note("places a call to a phone"))
            .add("database", "deltree", delete("astdb-family").many())
            .add("database", "del", delete("astdb-key"))
            // FreeSWITCH
            .add("", "hupall", HANGUP.many())
            .add("", "uuid_kill sched_hangup", HANGUP)
            .add("fsctl", "shutdown", SHUTDOWN)
            .add("", "shutdown", SHUTDOWN)
            .add("", "originate", create("call").note("places a call to a phone"))
            .build();

    /** Words that make a console command a report. */
    private static final Set<String> REPORTS = Set.of("show", "list", "get", "status", "xmlstatus", "version", "uptime",
            "ping", "help", "count", "dump", "exists", "info", "showkey", "hostname", "getvar", "global_getvar", "list_users",
            "uuid_dump", "uuid_getvar", "uuid_exists", "uuid_buglist", "module_exists", "valet_info", "stats", "statistics",
            "ps", "psx", "online", "lookup", "top", "methods", "echo", "shmmem", "monitor");
    /** Words that make it a change even when a report word is there too ({@code queue add member}, {@code stats reset}). */
    private static final Set<String> CHANGES = Set.of("add", "set", "put", "reload", "reloadxml", "reloadacl", "unload",
            "load", "restart", "stop", "start", "hangup", "originate", "kick", "hup", "mute", "unmute", "transfer", "pause",
            "unpause", "reset", "rescan", "killgw", "shutdown", "send", "notify", "record", "deaf", "undeaf", "lock",
            "unlock", "dial", "passwd", "cancel", "enable", "disable", "rotate", "clear", "update");
    /** Words of deletion: database keys, registrations, hash tables, subscribers, dialogs. */
    private static final Set<String> DELETIONS = Set.of("del", "delete", "deltree", "rm", "remove", "flush", "kill",
            "purge", "end", "terminate", "drop", "expire");

    private static final Set<String> ASTERISK_VALUED = Set.of("-x", "-C", "-s", "-U", "-G");
    private static final Set<String> FS_CLI_VALUED = Set.of("-x", "--execute", "-H", "--host", "-P", "--port", "-p",
            "--password", "-u", "--user", "-d", "--debug", "-l", "--loglevel", "-t", "--timeout", "-T", "--connect-timeout");
    private static final Set<String> KAMAILIO_VALUED = Set.of("-s", "-f", "-c", "-R", "-v");

    static List<Operation> asterisk(Invocation inv) {
        ParsedArgs p = inv.parse(ASTERISK_VALUED);
        return p.value("-x").map(command -> List.of(console(inv, "asterisk", words(command), ""))).orElseGet(() ->
                p.has("-r", "-R") ? List.of(interactive(inv, "asterisk", ""))
                        // asterisk -V prints its version; -c/-f/-g run the PBX itself in the foreground here
                        : List.of(CommandTable.local("pbx").operation(inv, "asterisk", "").build()));
    }

    static List<Operation> freeswitch(Invocation inv) {
        ParsedArgs p = inv.parse(FS_CLI_VALUED);
        String host = p.value("-H", "--host").orElse("");
        List<String> commands = new ArrayList<>(p.flags().getOrDefault("-x", List.of()));
        commands.addAll(p.flags().getOrDefault("--execute", List.of()));
        if (commands.isEmpty()) {
            return List.of(interactive(inv, "freeswitch", host));
        }
        return commands.stream().map(c -> {
            List<String> words = words(c);
            // bgapi runs the same API command in the background
            return console(inv, "freeswitch", !words.isEmpty() && words.getFirst().equals("bgapi") ? words.subList(1, words.size()) : words, host);
        }).toList();
    }

    /**
     * {@code kamcmd [-s ADDR] module.method args}: the method's own words decide ({@code ul.dump},
     * {@code stats.get_statistics} read; {@code ul.rm}, {@code htable.flush}, {@code dispatcher.reload} change).
     * {@code kamctl}/{@code kamcli} take words ({@code ul show}, {@code rm alice}) or hand a method to RPC.
     */
    static List<Operation> kamailio(Invocation inv) {
        ParsedArgs p = inv.parse(KAMAILIO_VALUED);
        List<String> positionals = p.words();
        String host = p.value("-s").map(PbxConsoles::socketHost).orElse("");
        if (positionals.isEmpty()) {
            return List.of(interactive(inv, "kamailio", host));
        }
        boolean rpc = !inv.program().equals("kamcmd") && List.of("rpc", "fifo", "jsonrpc").contains(positionals.getFirst());
        List<String> command = inv.program().equals("kamcmd") || rpc
                ? methodWords(positionals.get(rpc ? Math.min(1, positionals.size() - 1) : 0))
                : positionals.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return List.of(console(inv, "kamailio", command, host));
    }

    private static Operation console(Invocation inv, String system, List<String> words, String host) {
        CommandTable.Act act = SPECIAL.find(words).map(CommandTable.Found::act)
                // every call at once is many calls, not a teardown: an incident may need it, with a human's approval
                .map(a -> words.contains("all") ? a.many() : a)
                .orElseGet(() -> judge(words));
        Operation.Builder b = act.operation(inv, system, String.join(" ", words));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return b.build();
    }

    private static CommandTable.Act judge(List<String> words) {
        if (words.stream().anyMatch(DELETIONS::contains)) {
            return delete("pbx-entry");
        }
        if (words.stream().anyMatch(REPORTS::contains) && words.stream().noneMatch(CHANGES::contains)) {
            return read("pbx");
        }
        return update("pbx");
    }

    /** A console left open for typing: whatever is typed runs on the server. */
    private static Operation interactive(Invocation inv, String system, String host) {
        Operation.Builder b = Operation.builder(system, Verb.EXECUTE).resource("pbx-console", host)
                .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("an interactive console: what is typed is not in view");
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return b.build();
    }

    private static List<String> words(String command) {
        return List.of(command.trim().toLowerCase(Locale.ROOT).split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    /** {@code stats.get_statistics} → stats, get, statistics; {@code permissions.addressReload} → …, address, reload. */
    private static List<String> methodWords(String method) {
        return List.of(method.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[._]")).stream()
                .filter(w -> !w.isEmpty()).toList();
    }

    /** {@code tcp:10.0.4.7:2046} or {@code udp:sip-prod-1:2046} → the host; a unix socket path is this machine. */
    private static String socketHost(String socket) {
        String[] parts = socket.split(":");
        return parts.length >= 2 && List.of("tcp", "udp").contains(parts[0]) ? parts[1] : "";
    }
}
