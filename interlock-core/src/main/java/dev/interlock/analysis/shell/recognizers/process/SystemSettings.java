package dev.interlock.analysis.shell.recognizers.process;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The machine's own settings: firewall rules ({@code iptables -F}, {@code ufw disable}, {@code nft flush}), kernel
 * parameters ({@code sysctl -w}), SELinux, swap and network links, macOS's Gatekeeper ({@code spctl}) and application
 * firewall ({@code socketfilterfw}). Changing them changes this machine for everyone on it — not disposable dev data;
 * listing them is a read.
 */
public final class SystemSettings implements Recognizer {

    /** Per program, the words that only look. Anything else changes the setting. */
    private static final Map<String, Predicate<List<String>>> READS = Map.ofEntries(
            Map.entry("iptables", SystemSettings::iptablesRead), Map.entry("ip6tables", SystemSettings::iptablesRead),
            Map.entry("iptables-save", w -> true), Map.entry("ip6tables-save", w -> true),
            // restore replaces every rule, unless --test only parses them; tc changes queues and shaping, netplan the links
            Map.entry("iptables-restore", SystemSettings::restoreTest), Map.entry("ip6tables-restore", SystemSettings::restoreTest),
            Map.entry("tc", w -> w.stream().noneMatch(a -> Regex.matches(a, "add|del|delete|change|replace|link|flush|exec|-b|-batch|-force"))),
            Map.entry("netplan", w -> w.isEmpty() || Regex.matches(w.getFirst(), "get|info|status|--help|-h|help|--debug") && !w.contains("apply")),
            // nft -j list tables: output options come before the command
            Map.entry("nft", w -> w.isEmpty() || w.stream().filter(x -> !x.startsWith("-")).findFirst().orElse("list").equals("list")
                    || w.contains("-c") || w.contains("--check")),
            Map.entry("ufw", w -> w.isEmpty() || Set.of("status", "show", "app", "version", "--dry-run").contains(w.getFirst())),
            Map.entry("firewall-cmd", w -> w.stream().allMatch(a -> Regex.matches(a, "--(list|get|query|state|info).*|--zone(=.*)?|--permanent"))),
            Map.entry("sysctl", w -> w.stream().noneMatch(a -> a.equals("-w") || a.equals("--write") || a.equals("-p")
                    || a.equals("--load") || a.equals("--system") || a.contains("="))),
            Map.entry("setenforce", w -> false), Map.entry("swapoff", w -> false), Map.entry("modprobe", w -> w.contains("-n")
                    || w.contains("--dry-run") || w.contains("-c") || w.contains("--showconfig")),
            Map.entry("rmmod", w -> false), Map.entry("insmod", w -> false),
            // a NIC's settings: shown by default and by -S/-i/-k/-g…; changed by -s/-K/-G/-A/-C/-L/-E/-f/--set-*
            Map.entry("ethtool", w -> w.stream().noneMatch(a -> Regex.matches(a, "-[sKGACLEfNUWXP]|--(change|features|offload|set-.*"
                    + "|coalesce|pause|ring|channels|flash|config-.*|reset|change-eeprom)"))),
            // connection tracking: listed and counted by -L/-S/-G/-C; -F/-D/-U/-I change it for every connection
            Map.entry("conntrack", w -> w.stream().noneMatch(a -> Regex.matches(a, "-[FDUIR]|--(flush|delete|update|create|load-file)"))),
            // macOS: Gatekeeper's assessments and the application firewall
            Map.entry("spctl", w -> w.stream().anyMatch(a -> Regex.matches(a, "--status|--assess|-a|--list|--test-devid-status|status"))
                    && w.stream().noneMatch(a -> Regex.matches(a, "--(master|global)-(en|dis)able|--add|--remove|--enable|--disable"
                    + "|--reset-default|enable.*|disable.*|add|remove"))),
            // BSD's and pfSense's packet filter: -s shows, -n only parses; -F, -f, -e, -d, -k, -z and table edits change it
            Map.entry("pfctl", SystemSettings::pfctlRead),
            Map.entry("socketfilterfw", w -> w.stream().allMatch(a -> Regex.matches(a, "--get.*|--list.*|-h|--help"))));

    @Override
    public Set<String> programs() {
        return READS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        boolean reads = READS.get(inv.program()).test(words);
        Operation.Builder b = Operation.builder("os", reads ? Verb.READ : Verb.UPDATE).resource("settings", inv.program())
                .evidence(inv.evidence());
        if (!reads) {
            b.scope(Scope.MANY).stateful(true).reversible(false)
                    .note(inv.program() + " changes this machine's " + (inv.program().contains("tables") || inv.program().equals("nft") || inv.program().equals("pfctl") || inv.program().equals("tc")
                            || inv.program().equals("ufw") || inv.program().startsWith("firewall") || inv.program().equals("socketfilterfw")
                            ? "firewall" : inv.program().equals("spctl") ? "Gatekeeper (which apps may run)" : "kernel or system settings"));
        }
        return List.of(LocalFiles.local(inv, b, "this machine's settings").build());
    }

    private static boolean restoreTest(List<String> w) {
        return w.stream().anyMatch(a -> a.equals("--test") || Regex.matches(a, "-[a-zA-Z]*t[a-zA-Z]*") && !a.startsWith("--"));
    }

    /** pfctl's options as (letter, value) pairs: bundled letters ({@code -vsr}) and a valued letter's value in the rest of the word or the next one. */
    public static List<String[]> pfctlOptions(List<String> w) {
        List<String[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            String a = w.get(i);
            if (!a.startsWith("-") || a.startsWith("--") || a.length() < 2) {
                continue;
            }
            for (int c = 1; c < a.length(); c++) {
                String letter = a.substring(c, c + 1);
                if (PFCTL_VALUED.indexOf(letter.charAt(0)) >= 0) {
                    String value = c + 1 < a.length() ? a.substring(c + 1) : i + 1 < w.size() ? w.get(++i) : "";
                    out.add(new String[] {letter, value});
                    break;
                }
                out.add(new String[] {letter, ""});
            }
        }
        return out;
    }

    /** pfctl's letters that take a value: anchor, define, flush, file, interface, kill, state files, option, device, show, table, its command, debug. */
    private static final String PFCTL_VALUED = "aDFfiKkLopstTx";

    private static boolean pfctlRead(List<String> w) {
        List<String[]> opts = pfctlOptions(w);
        boolean parseOnly = opts.stream().anyMatch(o -> o[0].equals("n"));
        return opts.stream().noneMatch(o -> switch (o[0]) {
            case "F", "e", "d", "k", "K", "z", "x", "L" -> true;
            case "f" -> !parseOnly;
            case "T" -> !Regex.matches(o[1], "show|test");
            default -> false;
        });
    }

    private static boolean iptablesRead(List<String> w) {
        return w.stream().anyMatch(a -> Regex.matches(a, "-[a-zA-Z]*[LS][a-zA-Z]*|--list(-rules)?|-C|--check"))
                && w.stream().noneMatch(a -> Regex.matches(a, "-[AIDRFXPNZE]|--(append|insert|delete|replace|flush|delete-chain|policy|new-chain|zero|rename-chain)"));
    }
}
