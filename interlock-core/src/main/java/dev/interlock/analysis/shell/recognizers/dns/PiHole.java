package dev.interlock.analysis.shell.recognizers.dns;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pi-hole's {@code pihole} command, on the resolver it runs on (run over ssh, the host places it). Querying the lists,
 * status, statistics and the log only read; list entries, gravity, blocking, the DNS service, logs and the admin
 * password change the resolver every client of the network depends on. Long and short spellings of v5 and v6 alike.
 */
public final class PiHole implements Recognizer {

    private static final Action LIST_ENTRY = Action.update("domain-list", "changes Pi-hole's allow or deny lists");
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("-q", Action.read("domain-list")), Map.entry("query", Action.read("domain-list")),
            Map.entry("status", Action.read("resolver")), Map.entry("-c", Action.read("resolver")),
            Map.entry("chronometer", Action.read("resolver")), Map.entry("-t", Action.read("log")), Map.entry("tail", Action.read("log")),
            Map.entry("-v", Action.read("resolver")), Map.entry("version", Action.read("resolver")), Map.entry("api", Action.read("resolver")),
            Map.entry("-h", Action.read("resolver")), Map.entry("help", Action.read("resolver")), Map.entry("", Action.read("resolver")),
            Map.entry("-d", Action.read("resolver")), Map.entry("debug", Action.read("resolver")),
            Map.entry("-w", LIST_ENTRY), Map.entry("allow", LIST_ENTRY), Map.entry("whitelist", LIST_ENTRY),
            Map.entry("-b", LIST_ENTRY), Map.entry("deny", LIST_ENTRY), Map.entry("blacklist", LIST_ENTRY),
            Map.entry("--regex", LIST_ENTRY), Map.entry("regex", LIST_ENTRY), Map.entry("--wild", LIST_ENTRY),
            Map.entry("wildcard", LIST_ENTRY), Map.entry("--white-regex", LIST_ENTRY), Map.entry("--white-wild", LIST_ENTRY),
            Map.entry("allow-regex", LIST_ENTRY), Map.entry("allow-wild", LIST_ENTRY),
            Map.entry("-g", Action.update("gravity", "rebuilds Pi-hole's blocklist database")),
            Map.entry("updategravity", Action.update("gravity", "rebuilds Pi-hole's blocklist database")),
            Map.entry("enable", Action.update("resolver", "turns Pi-hole's blocking on")),
            Map.entry("disable", Action.update("resolver", "turns Pi-hole's blocking off for every client")),
            Map.entry("restartdns", Action.update("resolver", "restarts the DNS service every client uses")),
            Map.entry("reloaddns", Action.update("resolver", "reloads the DNS service's lists")),
            Map.entry("-r", Action.update("resolver", "reconfigures Pi-hole")), Map.entry("reconfigure", Action.update("resolver", "reconfigures Pi-hole")),
            Map.entry("-up", Action.update("resolver", "upgrades Pi-hole")), Map.entry("updatepihole", Action.update("resolver", "upgrades Pi-hole")),
            Map.entry("logging", Action.update("log", "turns query logging on or off")),
            Map.entry("-f", Action.delete("log", "flushes Pi-hole's query log").scope(Scope.ALL)),
            Map.entry("flush", Action.delete("log", "flushes Pi-hole's query log").scope(Scope.ALL)),
            Map.entry("arpflush", Action.delete("network-table", "empties Pi-hole's network table").scope(Scope.ALL)),
            Map.entry("networkflush", Action.delete("network-table", "empties Pi-hole's network table").scope(Scope.ALL)),
            Map.entry("uninstall", Action.delete("resolver", "uninstalls Pi-hole").scope(Scope.ALL)),
            Map.entry("setpassword", new Action(Verb.CREDENTIAL, "password", Scope.ONE, false, true, "sets the web admin password")));

    @Override
    public Set<String> programs() {
        return Set.of("pihole");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> args = inv.words();
        String command = args.isEmpty() ? "" : args.getFirst().toLowerCase(java.util.Locale.ROOT);
        // v5's admin word: "pihole -a -p" sets the web password; its other "-a" settings change the resolver
        Action row = command.equals("-a")
                ? args.contains("-p") || args.contains("password") ? COMMANDS.get("setpassword") : Action.update("resolver", "changes Pi-hole's settings")
                : COMMANDS.getOrDefault(command, Action.update("resolver", "a pihole command Interlock does not list"));
        String name = args.size() > 1 && row.type().equals("domain-list") ? args.get(1) : "pihole";
        return List.of(row.on("dns", name, inv).build());
    }
}
