package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools that show and change a machine's interfaces, addresses, routes and neighbour tables: iproute2's {@code ip}
 * and {@code bridge}, net-tools' {@code ifconfig}, {@code route} and {@code arp}, BSD's {@code ndp}, and {@code brctl}.
 * Listing is a read wherever it runs ({@code ip -br addr} on a production host only looks); adding, deleting, flushing or
 * setting changes the machine's network for everything on it, as an {@code nmcli} or {@code iptables} change does.
 * {@code ip netns exec NS CMD} runs CMD, which is judged as itself.
 */
public final class InterfaceTools implements Recognizer {

    /**
     * ip's and bridge's objects, in the order they resolve an abbreviation: {@code ip a} is address, {@code ip n}
     * neighbor, {@code ip l} link, {@code ip ro} route.
     */
    private static final Map<String, List<String>> OBJECTS = Map.of(
            "ip", List.of("address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl",
                    "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tuntap", "tap", "token", "tcpmetrics", "tcp_metrics",
                    "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "help",
                    "stats"),
            "bridge", List.of("link", "fdb", "mdb", "vlan", "vni", "monitor", "help"));
    /** Objects whose commands follow a kind: {@code ip xfrm state flush}, {@code ip mptcp endpoint show}. */
    private static final Map<String, List<String>> KINDS = Map.of("xfrm", List.of("state", "policy"),
            "mptcp", List.of("endpoint", "limits"), "ioam", List.of("namespace", "schema"), "sr", List.of("tunsrc"),
            "vlan", List.of("global"));
    /** Commands in the order ip resolves an abbreviation ({@code ip r s} shows, {@code ip n f} flushes). */
    private static final List<String> COMMANDS = List.of("add", "change", "chg", "replace", "prepend", "append", "test",
            "delete", "deleteall", "del", "list", "show", "lst", "get", "flush", "restore", "save", "showdump", "set", "exec",
            "attach", "detach", "update", "allocspi", "count", "monitor", "help", "pids", "identify", "list-id", "tunnelshow");
    /** A link's: {@code ip l s eth0 up} sets, it does not show. */
    private static final List<String> LINK_COMMANDS = List.of("add", "set", "change", "replace", "delete", "show", "lst",
            "list", "xstats", "afstats", "property", "help");
    private static final Set<String> READS = Set.of("list", "show", "lst", "get", "save", "showdump", "count", "monitor",
            "help", "pids", "identify", "list-id", "tunnelshow", "xstats", "afstats");
    /** ip's and bridge's options that take a value, by the shortest prefix ip accepts ({@code -n ns1}, {@code -rc 4096}). */
    private static final Map<String, Integer> VALUED = Map.of("netns", 1, "family", 1, "loops", 1, "batch", 1, "rcvbuf", 2);

    private static final Set<String> ROUTE_READS = Set.of("get", "show", "monitor", "print", "list");
    private static final Set<String> BRCTL_READS = Set.of("show", "showmacs", "showstp", "help");
    /** Address families BSD's ifconfig takes after the interface to show only those addresses. */
    private static final Set<String> FAMILIES = Set.of("inet", "inet6", "link", "ether", "lladdr");

    @Override
    public Set<String> programs() {
        return Set.of("ip", "bridge", "arp", "ndp", "ifconfig", "route", "brctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "ip", "bridge" -> ipRoute2(inv, nested);
            case "arp" -> List.of(letters(inv, "dsSf", "iHN", "--delete", "--set", "--file") ? change(inv, "arp", "arp changes this machine's neighbour (ARP) table")
                    : read(inv, "arp"));
            case "ndp" -> List.of(ndpChanges(inv) ? change(inv, "ndp", "ndp changes this machine's IPv6 neighbour table")
                    : read(inv, "ndp"));
            case "ifconfig" -> List.of(ifconfigChanges(inv) ? change(inv, "ifconfig", "ifconfig changes an interface of this machine")
                    : read(inv, "ifconfig"));
            case "route" -> List.of(routeChanges(inv) ? change(inv, "route", "route changes this machine's routing table")
                    : read(inv, "route"));
            default -> {
                String command = positionals(inv).stream().findFirst().orElse("");
                yield List.of(command.isEmpty() || BRCTL_READS.contains(command) ? read(inv, "brctl")
                        : change(inv, "brctl", "brctl " + command + " changes this machine's bridges"));
            }
        };
    }

    /** {@code ip [OPTIONS] OBJECT [KIND] [COMMAND …]}: the options are display switches, the command decides. */
    private static List<Operation> ipRoute2(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        int i = 0;
        boolean batch = false;
        boolean allNamespaces = false;
        for (; i < args.size() && args.get(i).value().startsWith("-") && args.get(i).value().length() > 1; i++) {
            String option = args.get(i).value();
            String name = option.substring(option.startsWith("--") ? 2 : 1);
            if (name.contains("=")) {
                continue; // -color=always
            }
            boolean valued = VALUED.entrySet().stream().anyMatch(e -> name.length() >= e.getValue() && e.getKey().startsWith(name));
            batch |= valued && "batch".startsWith(name);
            allNamespaces |= name.equals("a") || name.equals("all");
            i += valued ? 1 : 0;
        }
        String program = inv.program();
        if (batch) {
            return List.of(change(inv, program, program + " -batch runs the commands of a file not in view"));
        }
        List<String> words = args.subList(Math.min(i, args.size()), args.size()).stream().map(Arg::value).toList();
        if (words.isEmpty()) {
            return List.of(read(inv, program));
        }
        if (!args.get(i).literal() || i + 1 < args.size() && !args.get(i + 1).literal()) {
            // ip $OBJ …, ip route $CMD: the words that decide are only known at run time
            return List.of(change(inv, program, program + " runs a command only known at run time"));
        }
        String object = expand(words.getFirst(), OBJECTS.get(program)).orElse(words.getFirst());
        String what = program + " " + object;
        int at = 1;
        if (at < words.size() && expand(words.get(at), KINDS.getOrDefault(object, List.of())).isPresent()) {
            at++;
        }
        if (at >= words.size() || object.equals("monitor") || object.equals("help")) {
            return List.of(read(inv, what)); // a bare object lists it
        }
        String command = expand(words.get(at), object.equals("link") ? LINK_COMMANDS : COMMANDS).orElse(words.get(at));
        if (command.equals("exec") && (object.equals("netns") || object.equals("vrf"))) {
            // ip netns exec NS CMD, ip -all netns exec CMD: CMD runs in the namespace, as itself
            int start = at + (allNamespaces && object.equals("netns") ? 1 : 2);
            List<Arg> inner = args.subList(Math.min(i + start, args.size()), args.size());
            List<Operation> ops = inner.isEmpty() ? List.of() : nested.shell(joined(inner), inv);
            return ops.isEmpty() ? List.of(LocalFiles.execute(inv, program, "runs a command in a network namespace")) : ops;
        }
        if (READS.contains(command)) {
            return List.of(read(inv, what));
        }
        return List.of(change(inv, what, what + " " + command + " changes this machine's network (links, addresses, routes or neighbours)"));
    }

    /** The first of {@code names} that {@code word} abbreviates, as ip matches its words. */
    private static Optional<String> expand(String word, List<String> names) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.isEmpty() ? Optional.empty() : names.stream().filter(n -> n.startsWith(w)).findFirst();
    }

    private static String joined(List<Arg> args) {
        return String.join(" ", args.stream().map(Arg::shellText).toList());
    }

    /**
     * True when a short option bundles one of {@code changing} before a letter that takes a value ({@code arp -an}
     * looks, {@code arp -d host} deletes, {@code arp -i eth0} names an interface), or a long option is one of {@code longs}.
     */
    private static boolean letters(Invocation inv, String changing, String valued, String... longs) {
        for (String w : inv.words()) {
            if (w.startsWith("--")) {
                if (List.of(longs).contains(w.contains("=") ? w.substring(0, w.indexOf('=')) : w)) {
                    return true;
                }
            } else if (w.startsWith("-")) {
                for (int c = 1; c < w.length() && valued.indexOf(w.charAt(c)) < 0; c++) {
                    if (changing.indexOf(w.charAt(c)) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** ndp's flushes and sets ({@code -c}, {@code -d}, {@code -s}, {@code -P}, {@code -R}); {@code -I IF} and {@code -i IF FLAGS} set too. */
    private static boolean ndpChanges(Invocation inv) {
        List<String> w = inv.words();
        int flags = w.indexOf("-i");
        int defaultInterface = w.indexOf("-I");
        return letters(inv, "cdsfHPR", "A") || defaultInterface >= 0 && defaultInterface + 1 < w.size()
                || flags >= 0 && flags + 2 < w.size();
    }

    /** ifconfig with at most an interface (and BSD's address family) shows it; any word after the interface sets it. */
    private static boolean ifconfigChanges(Invocation inv) {
        List<String> words = inv.words();
        int first = -1;
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).startsWith("-")) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return false; // ifconfig -a, -s, -l: listings
        }
        List<String> after = words.subList(first + 1, words.size());
        return !(after.isEmpty() || after.size() == 1 && FAMILIES.contains(after.getFirst().toLowerCase(Locale.ROOT)));
    }

    /**
     * net-tools' and BSD's {@code route add|del|change|flush}, Windows' {@code route -f}: any command but a listing or
     * {@code get} changes the table.
     */
    private static boolean routeChanges(Invocation inv) {
        if (inv.words().contains("-f")) {
            return true; // Windows: clears the routing table (Linux spells its FIB listing -F)
        }
        String command = positionals(inv).stream().findFirst().orElse("").toLowerCase(Locale.ROOT);
        return !command.isEmpty() && !ROUTE_READS.contains(command);
    }

    /** The operands, skipping the values of {@code -A family}, {@code -T fib}, {@code -i IF} and {@code -I IF}. */
    private static List<String> positionals(Invocation inv) {
        List<String> out = new ArrayList<>();
        List<String> words = inv.words();
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            if (Set.of("-A", "-T", "-i", "-I").contains(w)) {
                k++;
            } else if (!w.startsWith("-")) {
                out.add(w);
            }
        }
        return out;
    }

    private static Operation read(Invocation inv, String what) {
        return LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource("settings", what).evidence(inv.evidence()),
                "this machine's network settings").build();
    }

    private static Operation change(Invocation inv, String what, String note) {
        return LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("settings", what).scope(Scope.MANY)
                .stateful(true).reversible(false).evidence(inv.evidence()).note(note), "this machine's network settings").build();
    }
}
