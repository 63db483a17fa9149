package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operating system's package managers (apt, dnf/yum, zypper, apk, pacman, dpkg, rpm). Querying what is installed or
 * available, refreshing the package index and simulating a transaction ({@code apt-get -s upgrade}, {@code dnf
 * --assumeno}) are reads; installing, upgrading, removing and replaying or undoing a past transaction ({@code dnf
 * history undo 42}) change what the machine runs. A subcommand the table does not know is taken as a change.
 */
public final class SystemPackages implements Recognizer {

    private static final Verb R = Verb.READ;
    private static final Verb U = Verb.UPDATE;
    private static final Verb D = Verb.DELETE;

    /** Words that empty the package manager's download cache: fetched again when needed. */
    private static final Set<String> CACHE = Set.of("clean", "autoclean", "cc");

    /**
     * @param verbs    subcommand (one or two words) → verb; {@code ""} is the verb with no subcommand
     * @param simulate flags that make any subcommand a dry run
     * @param valued   options that take a value (so that the value is not read as the subcommand)
     */
    private record Manager(Map<String, Verb> verbs, Set<String> simulate, Set<String> valued) {
    }

    private static final Map<String, Verb> APT = Map.ofEntries(
            Map.entry("", R), Map.entry("list", R), Map.entry("search", R), Map.entry("show", R), Map.entry("showsrc", R),
            Map.entry("policy", R), Map.entry("depends", R), Map.entry("rdepends", R), Map.entry("changelog", R),
            Map.entry("madison", R), Map.entry("check", R), Map.entry("download", R), Map.entry("help", R),
            // the index of what could be installed, fetched again; nothing installed changes
            Map.entry("update", R),
            Map.entry("install", U), Map.entry("reinstall", U), Map.entry("upgrade", U), Map.entry("full-upgrade", U),
            Map.entry("dist-upgrade", U), Map.entry("safe-upgrade", U), Map.entry("satisfy", U), Map.entry("build-dep", U),
            Map.entry("edit-sources", U), Map.entry("markauto", U), Map.entry("unmarkauto", U), Map.entry("hold", U),
            Map.entry("unhold", U), Map.entry("forbid-version", U),
            Map.entry("remove", D), Map.entry("purge", D), Map.entry("autoremove", D), Map.entry("autopurge", D),
            Map.entry("clean", D), Map.entry("autoclean", D),
            // aptitude's own reads
            Map.entry("versions", R), Map.entry("why", R), Map.entry("why-not", R));

    private static final Map<String, Verb> APT_MARK = Map.of("", R, "showhold", R, "showauto", R, "showmanual", R,
            "showinstall", R, "showremove", R, "showpurge", R);

    private static final Map<String, Verb> DNF = Map.ofEntries(
            Map.entry("", R), Map.entry("list", R), Map.entry("info", R), Map.entry("search", R), Map.entry("provides", R),
            Map.entry("whatprovides", R), Map.entry("repolist", R), Map.entry("repoinfo", R), Map.entry("repoquery", R),
            Map.entry("check-update", R), Map.entry("check-upgrade", R), Map.entry("check", R), Map.entry("deplist", R),
            Map.entry("updateinfo", R), Map.entry("changelog", R), Map.entry("makecache", R), Map.entry("help", R),
            Map.entry("version", R), Map.entry("needs-restarting", R), Map.entry("grouplist", R), Map.entry("groupinfo", R),
            Map.entry("history", R), Map.entry("history list", R), Map.entry("history info", R),
            Map.entry("history summary", R), Map.entry("history userinstalled", R),
            // a past transaction undone or replayed installs and removes what it did
            Map.entry("history undo", U), Map.entry("history rollback", U), Map.entry("history redo", U),
            Map.entry("history replay", U),
            Map.entry("group list", R), Map.entry("group info", R), Map.entry("group summary", R),
            Map.entry("module list", R), Map.entry("module info", R), Map.entry("module provides", R),
            Map.entry("versionlock", R), Map.entry("versionlock list", R), Map.entry("alias", R), Map.entry("alias list", R),
            Map.entry("install", U), Map.entry("reinstall", U), Map.entry("localinstall", U), Map.entry("update", U),
            Map.entry("upgrade", U), Map.entry("update-minimal", U), Map.entry("upgrade-minimal", U), Map.entry("downgrade", U),
            Map.entry("distro-sync", U), Map.entry("distrosync", U), Map.entry("swap", U), Map.entry("builddep", U),
            Map.entry("groupinstall", U), Map.entry("groupupdate", U), Map.entry("mark", U),
            Map.entry("remove", D), Map.entry("erase", D), Map.entry("autoremove", D), Map.entry("groupremove", D),
            Map.entry("group remove", D), Map.entry("module remove", D), Map.entry("clean", D));

    private static final Map<String, Verb> ZYPPER = Map.ofEntries(
            Map.entry("", R), Map.entry("search", R), Map.entry("se", R), Map.entry("info", R), Map.entry("if", R),
            Map.entry("repos", R), Map.entry("lr", R), Map.entry("services", R), Map.entry("ls", R), Map.entry("packages", R),
            Map.entry("pa", R), Map.entry("patterns", R), Map.entry("pt", R), Map.entry("products", R), Map.entry("pd", R),
            Map.entry("patches", R), Map.entry("list-patches", R), Map.entry("lp", R), Map.entry("list-updates", R),
            Map.entry("lu", R), Map.entry("patch-check", R), Map.entry("pchk", R), Map.entry("what-provides", R),
            Map.entry("wp", R), Map.entry("locks", R), Map.entry("ll", R), Map.entry("ps", R), Map.entry("needs-rebooting", R),
            Map.entry("licenses", R), Map.entry("refresh", R), Map.entry("ref", R), Map.entry("refresh-services", R),
            Map.entry("refs", R), Map.entry("help", R),
            Map.entry("remove", D), Map.entry("rm", D), Map.entry("clean", D), Map.entry("cc", D),
            Map.entry("removerepo", D), Map.entry("rr", D));

    private static final Map<String, Verb> APK = Map.ofEntries(Map.entry("", R), Map.entry("info", R), Map.entry("search", R),
            Map.entry("list", R), Map.entry("policy", R), Map.entry("stats", R), Map.entry("dot", R), Map.entry("version", R),
            Map.entry("audit", R), Map.entry("verify", R), Map.entry("update", R), Map.entry("del", D));

    /** dnf's and yum's options that take their value as the next word. */
    private static final Set<String> DNF_VALUED = Set.of("--enablerepo", "--disablerepo", "--repo", "--repoid", "--releasever",
            "--installroot", "-c", "--config", "-x", "--exclude", "-d", "--debuglevel", "-e", "--errorlevel", "--setopt",
            "--forcearch", "--rpmverbosity", "--color", "--comment");
    /** dnf's dry runs: answer no to the transaction, or only download it. */
    private static final Set<String> DNF_SIMULATE = Set.of("--assumeno", "--downloadonly");
    /** apt's dry runs, and downloading without installing. */
    private static final Set<String> APT_SIMULATE = Set.of("-s", "--simulate", "--dry-run", "--just-print", "--recon",
            "--no-act", "--print-uris", "-d", "--download-only");
    private static final Set<String> APT_VALUED = Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release");

    private static final Map<String, Manager> MANAGERS = Map.of(
            "apt", new Manager(APT, APT_SIMULATE, APT_VALUED),
            "apt-get", new Manager(APT, APT_SIMULATE, APT_VALUED),
            "aptitude", new Manager(APT, Set.of("-s", "--simulate"), Set.of("-o", "-t", "--target-release", "-F",
                    "--display-format", "-w", "--width")),
            "apt-mark", new Manager(APT_MARK, Set.of(), Set.of("-o", "--option", "-c", "--config-file", "-f", "--file")),
            "dnf", new Manager(DNF, DNF_SIMULATE, DNF_VALUED),
            "yum", new Manager(DNF, DNF_SIMULATE, DNF_VALUED),
            "microdnf", new Manager(DNF, DNF_SIMULATE, DNF_VALUED),
            "tdnf", new Manager(DNF, DNF_SIMULATE, DNF_VALUED),
            "zypper", new Manager(ZYPPER, Set.of("--dry-run"), Set.of("-R", "--root", "-r", "--repo", "-c", "--config",
                    "--from", "-t", "--type")),
            "apk", new Manager(APK, Set.of("-s", "--simulate"), Set.of("-X", "--repository", "-p", "--root", "--arch",
                    "--cache-dir", "--keys-dir")));

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(MANAGERS.keySet());
        all.addAll(Set.of("apt-cache", "dpkg-query", "dpkg", "rpm", "pacman"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(switch (inv.program()) {
            case "apt-cache", "dpkg-query" -> operation(inv, R, "", List.of());
            case "dpkg" -> dpkg(inv);
            case "rpm" -> rpm(inv);
            case "pacman" -> pacman(inv);
            default -> byWord(inv, MANAGERS.get(inv.program()));
        });
    }

    private static Operation byWord(Invocation inv, Manager m) {
        ParsedArgs p = inv.parse(m.valued());
        List<String> words = p.words();
        int used = words.size() > 1 && m.verbs().containsKey(words.get(0) + " " + words.get(1)) ? 2 : words.isEmpty() ? 0 : 1;
        String sub = String.join(" ", words.subList(0, used));
        Verb verb = m.verbs().getOrDefault(sub, U);
        if (verb != R && (m.simulate().stream().anyMatch(p::has)
                || p.value("--setopt").filter(v -> v.equals("tsflags=test")).isPresent())) {
            return operation(inv, R, sub, words.subList(used, words.size())).toBuilder()
                    .note(inv.program() + " " + sub + " only simulates: nothing is installed or removed").build();
        }
        return operation(inv, verb, sub, words.subList(used, words.size()));
    }

    /** dpkg's action is a flag: {@code -l}, {@code -L}, {@code -s}, {@code -S} query; {@code -i}, {@code -r}, {@code -P} change. */
    private static Operation dpkg(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--admindir", "--root", "--instdir", "--force", "--log"));
        Verb verb = p.has("--dry-run", "--simulate", "--no-act") ? R
                : p.has("-r", "--remove", "-P", "--purge") ? D
                : p.has("-i", "--install", "--unpack", "--configure", "--triggers-only", "--set-selections",
                        "--clear-selections", "--add-architecture", "--remove-architecture", "-A", "--record-avail",
                        "--update-avail", "--merge-avail", "--clear-avail", "--forget-old-unavail") ? U
                : p.has("-l", "--list", "-L", "--listfiles", "-s", "--status", "-S", "--search", "-p", "--print-avail",
                        "-c", "--contents", "-I", "--info", "-f", "--field", "-W", "--show", "--get-selections", "-C",
                        "--audit", "-V", "--verify", "--compare-versions", "--print-architecture",
                        "--print-foreign-architectures", "--version", "--help", "-?") ? R : U;
        return operation(inv, verb, "", p.words());
    }

    /** rpm's mode is its first flag: query ({@code -qa}), verify, check signatures read; install, upgrade, erase change. */
    private static Operation rpm(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--root", "--dbpath", "--define", "-D", "--eval", "-E", "--queryformat", "--qf",
                "--rcfile", "--macros"));
        Verb verb = p.has("--test") ? R
                : p.has("-q", "--query", "-V", "--verify", "-K", "--checksig", "--eval", "-E", "--showrc", "--querytags",
                        "--version", "--help") ? R
                : p.has("-e", "--erase") ? D : U;
        return operation(inv, verb, "", p.words());
    }

    /**
     * pacman's operation is the capital letter ({@code -Q}, {@code -S}, {@code -R}): queries, file and dependency
     * lookups read; {@code -S} searches, shows and refreshes with {@code -s -i -l -g -p} or {@code -y} alone, and
     * installs or upgrades otherwise.
     */
    private static Operation pacman(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-r", "--root", "-b", "--dbpath", "--cachedir", "--config", "--arch",
                "--ignore", "--ignoregroup", "--overwrite", "--assume-installed"));
        List<String> words = p.words();
        Verb verb;
        boolean cache = false;
        if (p.has("-R", "--remove")) {
            verb = D;
        } else if (p.has("-S", "--sync")) {
            boolean looks = p.has("-s", "--search", "-i", "--info", "-l", "--list", "-g", "--groups", "-p", "--print");
            boolean refreshOnly = p.has("-y", "--refresh") && words.isEmpty() && !p.has("-u", "--sysupgrade");
            cache = !looks && p.has("-c", "--clean");
            verb = looks || refreshOnly ? R : cache ? D : U;
        } else if (p.has("-U", "--upgrade")) {
            verb = p.has("-p", "--print") ? R : U;
        } else if (p.has("-D", "--database")) {
            verb = p.has("-k", "--check") ? R : U;
        } else {
            verb = R; // -Q, -F, -T, -V and help
        }
        return operation(inv, verb, "", words, cache);
    }

    private static Operation operation(Invocation inv, Verb verb, String sub, List<String> packages) {
        return operation(inv, verb, sub, packages, verb == D && CACHE.contains(sub));
    }

    private static Operation operation(Invocation inv, Verb verb, String sub, List<String> packages, boolean cache) {
        String what = sub.isEmpty() ? inv.program() : inv.program() + " " + sub;
        Operation.Builder b = Operation.builder("packages", verb).resource(cache ? "package-cache" : "package",
                        String.join(" ", packages)).confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (cache) {
            b.scope(Scope.MANY).reversible(true).note(what + " empties the download cache: packages are fetched again when needed");
        } else if (verb == D) {
            b.scope(Scope.MANY).stateful(sub.contains("purge") || inv.words().contains("--purge") || inv.words().contains("-P"))
                    .note(what + " removes installed software from the machine");
        } else if (verb == U) {
            b.scope(packages.isEmpty() ? Scope.MANY : Scope.ONE).note(what + " changes the software the machine runs");
        }
        return LocalFiles.local(inv, b, "packages on this machine").build();
    }
}
