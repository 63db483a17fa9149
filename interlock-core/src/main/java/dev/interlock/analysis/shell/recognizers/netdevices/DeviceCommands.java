package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command language of routers and switches (Cisco IOS/NX-OS, Juniper Junos, Arista EOS, Huawei VRP, FRR's vtysh,
 * MikroTik RouterOS), however it reaches the device: over ssh, through vtysh {@code -c}, in an eAPI body, an Ansible
 * {@code *_command} module or a Python driver's {@code send_command}. {@code show}, {@code display}, {@code ping} and
 * {@code traceroute} only look; {@code configure}, {@code commit}, {@code clear}, {@code reload}, {@code request system
 * reboot} and everything typed in configuration mode change the device. A line the table does not know is held.
 */
public final class DeviceCommands {

    /** First word of a line outside configuration mode → what it does. */
    private static final Map<String, Verb> FIRST = Map.ofEntries(
            Map.entry("show", Verb.READ), Map.entry("sh", Verb.READ), Map.entry("display", Verb.READ), Map.entry("dis", Verb.READ),
            Map.entry("ping", Verb.READ), Map.entry("ping6", Verb.READ), Map.entry("traceroute", Verb.READ),
            Map.entry("traceroute6", Verb.READ), Map.entry("trace", Verb.READ), Map.entry("tracert", Verb.READ),
            Map.entry("monitor", Verb.READ), Map.entry("more", Verb.READ), Map.entry("dir", Verb.READ),
            Map.entry("terminal", Verb.READ), Map.entry("enable", Verb.READ), Map.entry("exit", Verb.READ),
            Map.entry("end", Verb.READ), Map.entry("quit", Verb.READ), Map.entry("return", Verb.READ),
            Map.entry("who", Verb.READ), Map.entry("help", Verb.READ), Map.entry("screen-length", Verb.READ),
            Map.entry("configure", Verb.UPDATE), Map.entry("conf", Verb.UPDATE), Map.entry("config", Verb.UPDATE),
            Map.entry("system-view", Verb.UPDATE), Map.entry("commit", Verb.UPDATE), Map.entry("set", Verb.UPDATE),
            Map.entry("clear", Verb.UPDATE), Map.entry("reset", Verb.UPDATE), Map.entry("copy", Verb.UPDATE),
            Map.entry("install", Verb.UPDATE), Map.entry("rollback", Verb.UPDATE), Map.entry("load", Verb.UPDATE),
            Map.entry("save", Verb.UPDATE), Map.entry("undo", Verb.UPDATE), Map.entry("no", Verb.UPDATE),
            Map.entry("debug", Verb.UPDATE), Map.entry("undebug", Verb.UPDATE), Map.entry("restart", Verb.UPDATE),
            Map.entry("activate", Verb.UPDATE), Map.entry("deactivate", Verb.UPDATE), Map.entry("rename", Verb.UPDATE),
            Map.entry("delete", Verb.DELETE), Map.entry("reload", Verb.DELETE), Map.entry("reboot", Verb.DELETE),
            Map.entry("shutdown", Verb.DELETE), Map.entry("erase", Verb.DELETE), Map.entry("format", Verb.DELETE));
    /** Lines that wipe what the device holds: its configuration or its disks. */
    private static final String WIPES = "(?:request system zeroize|write erase|erase .*|format .*|request system storage cleanup.*"
            + "|/system reset-configuration.*)";
    /**
     * Lines that tear a routing process or a whole routing table out of the running device ({@code no router bgp 65001},
     * {@code no ip routing}, {@code no vrf definition X}, Huawei's {@code undo bgp}): every route it carried is gone, not
     * one setting changed.
     */
    private static final String TEARDOWNS = "(?:no (?:router \\S+|(?:ip|ipv6) routing|vrf\\b|feature (?:bgp|ospf|ospfv3|isis|eigrp|rip)\\b)"
            + "|undo (?:bgp|ospf|ospfv3|isis|rip|ripng|ip vpn-instance)\\b).*";
    /** Junos {@code request …} that only looks. */
    private static final String REQUEST_READS = "request support information.*|request system (?:software validate|configuration rescue save).*";
    /** Words by which a line leaves configuration mode or only looks while in it. */
    private static final Set<String> CONFIG_READS = Set.of("show", "sh", "do", "run", "end", "exit", "quit", "top", "up",
            "return", "display");
    /** Output filters after {@code |}: only {@code save}, {@code redirect}, {@code tee} and {@code append} write a file on the device. */
    private static final String PIPE_WRITES = "(?:save|redirect|tee|append)\\b.*";

    /** RouterOS menus: {@code /ip route print}, {@code /system reboot}. */
    private static final Set<String> ROUTEROS_MENUS = Set.of("ip", "ipv6", "interface", "system", "routing", "tool", "user",
            "file", "export", "import", "log", "queue", "ppp", "certificate", "snmp", "radius", "caps-man", "bridge",
            "container", "disk", "mpls", "port", "ping", "partitions", "console", "lcd", "iot", "zerotier");
    /** RouterOS commands that only look; {@code export show-sensitive} prints secrets. */
    private static final Set<String> ROUTEROS_READS = Set.of("print", "export", "monitor", "monitor-traffic", "ping",
            "traceroute", "torch", "get", "find", "profile", "resource", "health", "check-for-updates");
    private static final Set<String> ROUTEROS_CHANGES = Set.of("add", "set", "unset", "enable", "disable", "comment",
            "move", "edit", "import", "upgrade", "install", "uninstall", "run", "reset-counters", "reset-counters-all",
            "fetch", "download", "apply-changes", "downgrade", "cancel");
    private static final Set<String> ROUTEROS_REMOVES = Set.of("remove", "reset-configuration", "reboot", "shutdown", "format-drive");

    private DeviceCommands() {
    }

    /**
     * Whether a command sent to a machine is a network device's CLI rather than a POSIX shell line: its first word is
     * one only a device understands ({@code show}, {@code display}, {@code configure}, {@code reload}, {@code request
     * system reboot}, {@code clear bgp …}, {@code write memory}, a RouterOS menu path).
     */
    public static boolean spoken(String command) {
        String line = lines(command).stream().findFirst().orElse("");
        String[] w = words(line);
        if (w.length == 0) {
            return false;
        }
        String second = w.length > 1 ? w[1] : "";
        boolean operand = !second.isEmpty() && !second.startsWith("-");
        return switch (w[0]) {
            case "show", "display", "configure", "commit", "request", "reload", "system-view", "rollback", "monitor", "undo",
                 "undebug", "screen-length" -> true;
            case "sh" -> operand && !second.contains("/") && !second.contains(".");
            case "clear", "reset", "save", "debug", "delete", "conf" -> operand;
            case "write", "wr" -> Regex.matches(second, "mem(ory)?|erase|terminal|term|file|network|startup-config|");
            case "copy" -> Regex.find(second, "running-config|startup-config|^\\w+:");
            case "install" -> operand && Regex.matches(second, "all|add|activate|commit|remove|deactivate|rollback|abort|source|file");
            case "terminal" -> Regex.matches(second, "length|width|monitor|no");
            default -> routerOs(w);
        };
    }

    /** The lines of a command text: newlines and {@code ;} separate them. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : Regex.split(text, "[\\r\\n;]+")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")) {
                out.add(l);
            }
        }
        return out;
    }

    /** What each line does, in order; lines typed in configuration mode change the device. */
    public static List<Verb> verbs(List<String> lines) {
        List<Verb> out = new ArrayList<>();
        boolean configuring = false;
        for (String line : lines) {
            String[] w = words(line);
            if (w.length == 0) {
                continue;
            }
            Verb verb = verb(line);
            if (configuring && verb != Verb.DELETE && !(CONFIG_READS.contains(w[0]) && verb == Verb.READ)) {
                verb = verb == Verb.UNKNOWN || verb == Verb.READ ? Verb.UPDATE : verb;
            }
            if (Regex.matches(w[0], "configure|conf|config|system-view|edit") && !(w.length > 1 && w[1].equals("check"))) {
                configuring = true;
            } else if (Regex.matches(w[0], "end|return") || w[0].equals("commit") && line.contains("and-quit")) {
                configuring = false;
            }
            out.add(verb);
        }
        return out;
    }

    /** What one line does on its own. */
    public static Verb verb(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        int pipe = l.indexOf('|');
        if (pipe > 0 && !l.startsWith("/")) {
            String filter = l.substring(pipe + 1).strip();
            if (Regex.matches(filter, PIPE_WRITES)) {
                return Verb.UPDATE;
            }
            l = l.substring(0, pipe).strip();
        }
        String[] w = words(l);
        if (w.length == 0) {
            return Verb.READ;
        }
        if (routerOs(w)) {
            return routerOsVerb(w);
        }
        if ((w[0].equals("do") || w[0].equals("run")) && w.length > 1) {
            return verb(l.substring(w[0].length()));
        }
        if (Regex.matches(l, WIPES) || (w[0].equals("no") || w[0].equals("undo")) && Regex.matches(l, TEARDOWNS)) {
            return Verb.DELETE;
        }
        return switch (w[0]) {
            case "request" -> Regex.matches(l, REQUEST_READS) ? Verb.READ
                    : Regex.matches(l, "request system (?:reboot|halt|power-off|power-cycle|zeroize).*") ? Verb.DELETE : Verb.UPDATE;
            case "write", "wr" -> w.length > 1 && Regex.matches(w[1], "terminal|term") ? Verb.READ : Verb.UPDATE;
            default -> FIRST.getOrDefault(w[0], Verb.UNKNOWN);
        };
    }

    /** Whether the lines wipe the device's configuration or storage (data that is gone afterwards). */
    static boolean wipes(String line) {
        return Regex.matches(line.strip().toLowerCase(Locale.ROOT), WIPES);
    }

    /**
     * One operation per line sent to the device {@code device} ({@code via} says how: {@code ssh}, {@code vtysh},
     * {@code eAPI}); {@code locators} say where it is. Reads are reads; a line the table does not know is opaque.
     */
    public static List<Operation> operations(List<String> lines, String device, Map<String, String> locators,
                                             Evidence evidence, String via) {
        List<Verb> verbs = verbs(lines);
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Verb verb = verbs.get(i);
            String line = lines.get(i);
            boolean configuration = verb == Verb.READ && showsConfiguration(line);
            int read = readAt(ops);
            if (read >= 0 && verb == Verb.READ) {
                if (configuration && !ops.get(read).resource().type().equals("configuration")) {
                    ops.remove(read); // one read stands for all the reads of the session: the one that shows the configuration
                } else {
                    continue;
                }
            }
            boolean wipes = wipes(line) || routerOs(words(line)) && line.contains("reset-configuration");
            // the configuration shown holds the device's secrets and the network's layout, as a configuration file does
            Operation.Builder b = Operation.builder("network", verb).resource(configuration ? "configuration" : "device", device)
                    .evidence(evidence)
                    .confidence(verb == Verb.UNKNOWN ? Confidence.OPAQUE : Confidence.INFERRED)
                    .stateful(wipes).reversible(verb == Verb.READ || verb == Verb.UPDATE && !wipes)
                    .scope(wipes ? Scope.ALL : Scope.ONE)
                    .note(switch (verb) {
                        case READ -> via + ": only looks (" + line + ")";
                        case UNKNOWN -> via + ": '" + line + "' is not a device command Interlock knows";
                        default -> via + ": changes the device (" + line + ")";
                    });
            locators.forEach(b::locator);
            ops.add(b.build());
        }
        return ops;
    }

    /** Lines that print the device's configuration: IOS/EOS/NX-OS, Junos, VRP, RouterOS. */
    private static final String SHOWS_CONFIGURATION =
            "(?i).*((running|startup)-config|show conf|show configuration|current-configuration|saved-configuration|^/?export\\b|show run\\b).*";

    private static boolean showsConfiguration(String line) {
        return Regex.matches(line.strip(), SHOWS_CONFIGURATION);
    }

    private static int readAt(List<Operation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).verb() == Verb.READ) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether every command quoted in a text only looks: {@code commands='show version'}, {@code commands=['show
     * version', 'show ip route']}, an eAPI {@code "cmds": ["show version"]}; false when none is quoted.
     */
    public static boolean quotedRead(String text) {
        List<String> commands = new ArrayList<>();
        java.util.regex.Matcher m = Regex.pattern("'([^']*)'|\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            commands.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return !commands.isEmpty() && verbs(commands).stream().allMatch(v -> v == Verb.READ);
    }

    private static String[] words(String line) {
        String l = line.strip().toLowerCase(Locale.ROOT);
        return l.isEmpty() ? new String[0] : Regex.split(l, "\\s+");
    }

    /** {@code /ip route print}, {@code /system/reboot}: a RouterOS menu path first. */
    private static boolean routerOs(String[] w) {
        if (w.length == 0 || !w[0].startsWith("/") || w[0].length() < 2) {
            return false;
        }
        return ROUTEROS_MENUS.contains(Regex.split(w[0].substring(1), "/")[0]);
    }

    private static Verb routerOsVerb(String[] w) {
        List<String> tokens = new ArrayList<>();
        for (String word : w) {
            for (String t : Regex.split(word, "/")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
            if (word.contains("=") || word.startsWith("[")) {
                break; // arguments and [find …] follow the command
            }
        }
        for (String t : tokens) {
            if (t.equals("export") && String.join(" ", w).contains("show-sensitive")) {
                return Verb.CREDENTIAL;
            }
            if (ROUTEROS_READS.contains(t)) {
                return Verb.READ;
            }
            if (ROUTEROS_REMOVES.contains(t)) {
                return Verb.DELETE;
            }
            if (ROUTEROS_CHANGES.contains(t)) {
                return Verb.UPDATE;
            }
        }
        return Verb.UNKNOWN;
    }
}
