package dev.interlock.analysis.shell.recognizers.activedirectory;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Windows administration tools share: single-dash long options ({@code -hashes}, {@code -dc-ip}) that the
 * usual parser would split into letters, and targets written as {@code //host/share}, {@code \\host\share} or
 * {@code [domain/]user[:password]@host}. The operation acts on the target host, so the inventory places it (a name such
 * as {@code dc01.prod.corp.local} is prod, a bare address unknown) — also when a wrapper ran the tool on a jump host.
 */
final class Targets {

    private Targets() {
    }

    /** Positionals and flags of a command line whose valued options are named in full. */
    record Words(List<String> positionals, java.util.Map<String, List<String>> flags) {

        boolean has(String... names) {
            for (String n : names) {
                if (flags.containsKey(n)) {
                    return true;
                }
            }
            return false;
        }

        /** The last value of any of the names, or "". */
        String value(String... names) {
            String found = "";
            for (String n : names) {
                List<String> v = flags.get(n);
                if (v != null && !v.isEmpty() && !v.getLast().isEmpty()) {
                    found = v.getLast();
                }
            }
            return found;
        }

        List<String> values(String name) {
            return flags.getOrDefault(name, List.of());
        }
    }

    /** {@code valued} options take the next word ({@code --opt=value} too); {@code pairs} take the next two. */
    static Words split(List<String> words, Set<String> valued, Set<String> pairs) {
        List<String> positionals = new ArrayList<>();
        java.util.Map<String, List<String>> flags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                positionals.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (!w.startsWith("-") || w.length() == 1) {
                positionals.add(w);
                continue;
            }
            int eq = w.indexOf('=');
            if (eq > 0 && w.startsWith("--")) {
                flags.computeIfAbsent(w.substring(0, eq), k -> new ArrayList<>()).add(w.substring(eq + 1));
            } else if (pairs.contains(w)) {
                String first = i + 1 < words.size() ? words.get(++i) : "";
                String second = i + 1 < words.size() ? words.get(++i) : "";
                flags.computeIfAbsent(w, k -> new ArrayList<>()).add(first + " " + second);
            } else if (valued.contains(w)) {
                flags.computeIfAbsent(w, k -> new ArrayList<>()).add(i + 1 < words.size() ? words.get(++i) : "");
            } else {
                flags.computeIfAbsent(w, k -> new ArrayList<>()).add("");
            }
        }
        return new Words(List.copyOf(positionals), flags);
    }

    /** The host of {@code //host/share}, {@code \\host\share}, {@code user@host} or a URL; "" for none. */
    static String host(String target) {
        String t = target.replace('\\', '/');
        if (t.startsWith("//")) {
            t = t.substring(2);
            int slash = t.indexOf('/');
            return Hosts.of(slash < 0 ? t : t.substring(0, slash));
        }
        return Hosts.of(t);
    }

    /** Impacket's {@code [[domain/]user[:password]@]target}: the target after the last {@code @}, or "" when it names only an account. */
    static String impacketHost(String target) {
        int at = target.lastIndexOf('@');
        if (at >= 0) {
            return Hosts.of(target.substring(at + 1));
        }
        return target.contains("/") ? "" : Hosts.of(target);
    }

    /**
     * The operation with the target host as its {@code host} locator; the locators of a wrapper (ssh jump host,
     * container) stay, but the host the tool reaches over the network is the one that decides.
     */
    static Operation on(Invocation inv, Operation.Builder b, String host) {
        inv.locators().forEach(b::locator);
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        return b.evidence(inv.evidence()).build();
    }

    /** Hosts of several targets, in order, without repeats. */
    static List<String> hosts(List<String> targets) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : targets) {
            String h = host(t);
            if (!h.isEmpty()) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }
}
