package dev.interlock.analysis.shell.recognizers.process;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.macos.LaunchdJobs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Services, processes and the machine itself: systemctl, service, kill/killall/pkill, shutdown/reboot/halt/poweroff,
 * init, launchctl, crontab. They act on this machine (environment {@code local}) unless {@code systemctl -H host}
 * names another one; ssh wrappers are the analyzer's and add the host.
 *
 * <p>Scoring choices (docs/risk.md): an ordinary stop/restart/kill is an {@code update} of one thing and passes
 * locally. Taking down the machine or the services everyone needs to reach it (sshd, docker, kubelet, networking,
 * systemd itself) is an outage, not data loss: {@code update}, scope {@code all}, not reversible (nothing restarts
 * it by itself) — 1 + 2 + 1 = 4, high: ask locally, approval in production.
 */
public final class ServiceControlRecognizer implements Recognizer {

    private static final Set<String> SYSTEMCTL_VALUED = Set.of("-H", "--host", "-M", "--machine", "-t", "--type",
            "--state", "-p", "--property", "-n", "--lines", "-o", "--output", "-s", "--signal", "--kill-who",
            "--kill-whom", "--root", "--job-mode", "--when", "--what", "--message", "--timestamp", "-P");
    private static final Set<String> READS = Set.of("status", "show", "cat", "list-units", "list-unit-files", "list-timers",
            "list-sockets", "list-dependencies", "list-jobs", "list-machines", "list-paths", "list-automounts", "is-active",
            "is-enabled", "is-failed", "is-system-running", "get-default", "help", "show-environment", "whoami");
    /** Routine changes: the service comes back, or was meant to start. */
    private static final Set<String> ROUTINE = Set.of("start", "restart", "reload", "try-restart", "reload-or-restart",
            "try-reload-or-restart", "condrestart", "force-reload", "enable", "reenable", "daemon-reload", "reset-failed",
            "preset", "preset-all", "set-environment", "unset-environment", "import-environment", "set-property", "edit",
            "revert", "link", "thaw", "bind", "mount-image", "clean", "add-wants", "add-requires", "set-default");
    /** Changes that take a service away until someone brings it back. */
    private static final Set<String> STOPS = Set.of("stop", "disable", "mask", "kill", "freeze", "daemon-reexec");
    /** Whole-machine transitions. */
    private static final Set<String> MACHINE = Set.of("poweroff", "reboot", "halt", "kexec", "suspend", "hibernate",
            "hybrid-sleep", "suspend-then-hibernate", "rescue", "emergency", "default", "isolate", "soft-reboot", "exit",
            "switch-root");
    /** Services whose loss cuts off access to the machine or everything running on it. */
    private static final List<String> CRITICAL = List.of("sshd", "ssh", "openssh", "openssh-server", "docker", "dockerd",
            "containerd", "cri-o", "crio", "kubelet", "etcd", "network", "networking", "networkmanager", "network-manager",
            "wpa_supplicant", "dbus", "dbus-broker", "init", "systemd", "launchd", "kube-apiserver");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Set.of("systemctl", "service", "kill", "killall", "killall5", "pkill", "shutdown", "reboot",
                "halt", "poweroff", "init", "telinit", "launchctl", "crontab", "taskkill"));
        all.addAll(ProcessManagers.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().contains("--help") || inv.words().contains("--version")) {
            return List.of();
        }
        return switch (inv.program()) {
            case "systemctl" -> systemctl(inv);
            case "service" -> service(inv);
            case "kill" -> Processes.kill(inv);
            case "killall", "pkill" -> Processes.killByName(inv);
            case "killall5" -> Processes.killAll5(inv);
            case "taskkill" -> Processes.taskkill(inv);
            case "launchctl" -> launchctl(inv, nested);
            case "crontab" -> crontab(inv);
            case "pm2", "supervisorctl", "fuser" -> ProcessManagers.recognize(inv);
            default -> machine(inv);
        };
    }

    private static List<Operation> systemctl(Invocation inv) {
        ParsedArgs p = inv.parse(SYSTEMCTL_VALUED);
        String host = p.value("-H", "--host").or(() -> p.value("-M", "--machine")).orElse("");
        List<Arg> words = p.positionals();
        String verb = words.isEmpty() ? "list-units" : words.getFirst().value();
        List<Arg> units = words.size() > 1 ? words.subList(1, words.size()) : List.of();
        List<Operation> ops = new ArrayList<>();
        if (READS.contains(verb) || verb.startsWith("list-") || verb.startsWith("is-")) {
            ops.add(op(inv, "process", Verb.READ, "service", names(units)).build());
        } else if (MACHINE.contains(verb) && !(verb.equals("isolate") && isTarget(units, "graphical", "multi-user"))) {
            ops.add(machineDown(inv, "systemctl " + verb));
        } else if (ROUTINE.contains(verb) || STOPS.contains(verb)) {
            for (Arg unit : units.isEmpty() ? List.of(Arg.of("")) : units) {
                ops.add(service(inv, verb, unit, STOPS.contains(verb)));
            }
        } else {
            ops.add(op(inv, "process", Verb.UNKNOWN, "service", names(units)).confidence(Confidence.INFERRED)
                    .note("unrecognized systemctl command " + verb).build());
        }
        return ops.stream().map(o -> located(o, inv, host)).toList();
    }

    private static List<Operation> service(Invocation inv) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.getFirst().equals("--status-all")) {
            return List.of(located(op(inv, "process", Verb.READ, "service", "").build(), inv, ""));
        }
        String action = words.size() > 1 ? words.get(1) : "status";
        Arg unit = inv.args().getFirst();
        if (action.equals("status")) {
            return List.of(located(op(inv, "process", Verb.READ, "service", unit.value()).build(), inv, ""));
        }
        boolean stops = STOPS.contains(action);
        if (!stops && !ROUTINE.contains(action)) {
            return List.of(located(op(inv, "process", Verb.UPDATE, "service", unit.value()).confidence(Confidence.INFERRED)
                    .note("service " + unit.value() + " " + action).build(), inv, ""));
        }
        return List.of(located(service(inv, action, unit, stops), inv, ""));
    }

    /** One unit: routine changes are an update of one; stopping a critical service is an outage. */
    private static Operation service(Invocation inv, String action, Arg unit, boolean stops) {
        String name = unit.value();
        boolean critical = critical(name);
        Operation.Builder b = op(inv, "process", Verb.UPDATE, "service", name)
                .scope(unit.glob() ? Scope.MANY : Scope.ONE).confidence(unit.literal() ? Confidence.EXACT : Confidence.INFERRED);
        if (stops && (critical || !unit.literal())) {
            b.scope(Scope.ALL).reversible(false).note(action + " " + name + (critical
                    ? ": access to the machine or everything running on it depends on this service"
                    : ": the service name comes from an expansion"));
        } else if (critical && (action.equals("restart") || action.equals("daemon-reexec"))) {
            b.note(action + " " + name + " briefly interrupts a service the machine depends on");
        } else if (stops) {
            b.note(action + " " + name);
        }
        return b.build();
    }

    static boolean critical(String unit) {
        String u = Regex.replaceFirst(Regex.replaceFirst(unit.toLowerCase(Locale.ROOT), "\\.(service|socket|target)$", ""), "@.*", "");
        return CRITICAL.contains(u) || u.startsWith("systemd-") || u.startsWith("network") || u.equals("multi-user")
                || u.equals("basic") || u.equals("sysinit");
    }

    private static boolean isTarget(List<Arg> units, String... names) {
        return !units.isEmpty() && List.of(names).contains(units.getFirst().value().replace(".target", ""));
    }

    /** shutdown, reboot, halt, poweroff, init/telinit. */
    private static List<Operation> machine(Invocation inv) {
        List<String> words = inv.words();
        String program = inv.program();
        if (program.equals("shutdown") && (words.contains("-c") || words.contains("-k"))) {
            return List.of(located(op(inv, "process", Verb.UPDATE, "host", "").note(words.contains("-c")
                    ? "cancels a pending shutdown" : "only warns logged-in users").build(), inv, ""));
        }
        if (program.equals("reboot") || program.equals("halt") || program.equals("poweroff")) {
            if (words.contains("-w") || words.contains("--wtmp-only")) {
                return List.of(located(op(inv, "process", Verb.UPDATE, "host", "").note("only writes the wtmp record").build(), inv, ""));
            }
        }
        if (program.equals("init") || program.equals("telinit")) {
            String level = words.isEmpty() ? "" : words.getFirst();
            if (level.equalsIgnoreCase("q") || level.equalsIgnoreCase("u")) {
                return List.of(located(op(inv, "process", Verb.UPDATE, "host", "").note("reloads init's configuration").build(),
                        inv, ""));
            }
            if (level.isEmpty()) {
                return List.of(located(op(inv, "process", Verb.READ, "host", "").build(), inv, ""));
            }
        }
        return List.of(located(machineDown(inv, program + (words.isEmpty() ? "" : " " + String.join(" ", words))), inv, ""));
    }

    static Operation machineDown(Invocation inv, String what) {
        return op(inv, "process", Verb.UPDATE, "host", "").scope(Scope.ALL).reversible(false)
                .note(what + ": takes the whole machine down or out of service").build();
    }

    private static List<Operation> launchctl(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "help" : words.getFirst();
        String target = words.isEmpty() ? "" : words.getLast();
        Operation o = switch (sub) {
            case "list", "print", "print-cache", "print-disabled", "blame", "dumpstate", "version", "help", "getenv",
                 "managerpid", "manageruid", "managername", "error", "procinfo", "hostinfo" ->
                    op(inv, "process", Verb.READ, "service", words.size() > 1 ? target : "").build();
            case "reboot" -> machineDown(inv, "launchctl reboot");
            case "load", "bootstrap" -> jobs(words).isEmpty() ? op(inv, "process", Verb.UPDATE, "service", target).build()
                    : autostart(inv, jobs(words).getFirst(), "launchctl " + sub + " registers a launchd job");
            case "submit" -> autostart(inv, "", "launchctl submit registers a job launchd keeps running");
            case "enable", "kickstart", "start", "setenv", "unsetenv", "config" ->
                    op(inv, "process", Verb.UPDATE, "service", target).build();
            case "unload", "bootout", "disable", "stop", "remove", "kill" -> {
                Operation.Builder b = op(inv, "process", Verb.UPDATE, "service", target).note("launchctl " + sub + " " + target);
                if (critical(Regex.replaceFirst(target, ".*[./]", ""))) {
                    b.scope(Scope.ALL).reversible(false);
                } else if (!Set.of("stop", "kill").contains(sub) && LaunchdJobs.guardsMachine(target)) {
                    // a VPN, EDR or Apple service taken off this machine, not a dev tool's own agent
                    b.scope(Scope.MANY).stateful(true).reversible(false).note("launchctl " + sub + " " + target
                            + (sub.equals("disable") || words.contains("-w") ? " stays off across reboots" : " stops until it is loaded again")
                            + ": a service this machine relies on (security, VPN or the system's own) is taken away");
                }
                yield b.build();
            }
            default -> op(inv, "process", Verb.UNKNOWN, "service", target).confidence(Confidence.INFERRED)
                    .note("unrecognized launchctl command " + sub).build();
        };
        List<Operation> ops = new ArrayList<>(List.of(located(o, inv, "")));
        int dash = words.indexOf("--");
        if (sub.equals("submit") && dash >= 0 && dash + 1 < words.size()) {
            // what the job runs, judged as the command it is
            String line = String.join(" ", words.subList(dash + 1, words.size()).stream()
                    .map(w -> Regex.matches(w, "[\\w@%+=:,./~-]+") ? w : "'" + w.replace("'", "'\\''") + "'").toList());
            nested.shell(line, inv).forEach(op -> ops.add(op.withEvidence(inv.evidence())));
        }
        return ops;
    }

    /** The job files a {@code launchctl load|bootstrap} names: property lists, or the launchd directories holding them. */
    private static List<String> jobs(List<String> words) {
        return words.stream().skip(1).filter(w -> !w.startsWith("-"))
                .filter(w -> w.endsWith(".plist") || Regex.matches(w, ".*/Library/Launch(Agents|Daemons)/?")).toList();
    }

    /**
     * A launchd job runs by itself — at every login or boot (RunAtLoad, KeepAlive, StartInterval) — without being asked
     * again, like a line in {@code ~/.bashrc}: a {@code startup} change, whatever the job's name says it is.
     */
    private static Operation autostart(Invocation inv, String plist, String does) {
        String path = plist.isEmpty() ? "" : inv.workspace().resolve(plist);
        Operation.Builder b = Operation.builder("startup", Verb.UPDATE).resource("startup-file", path.isEmpty() ? "launchd job" : path)
                .evidence(inv.evidence()).note(does + ": it runs by itself at every login or boot, without being asked again");
        if (!path.isEmpty()) {
            b.locator("path", path).locator("area", inv.workspace().area(path).wire());
        }
        return b.build();
    }

    /**
     * crontab -r removes every job of the user at once and keeps no copy (stateful, irreversible); installing a file
     * replaces the whole table, so the jobs it lacks are gone.
     */
    private static List<Operation> crontab(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-u"));
        String user = p.value("-u").orElse("");
        Operation o;
        if (p.has("-r")) {
            o = op(inv, "process", Verb.DELETE, "crontab", user).stateful(true).reversible(false)
                    .note("removes every scheduled job" + (user.isEmpty() ? "" : " of " + user)).build();
        } else if (p.has("-l")) {
            o = op(inv, "process", Verb.READ, "crontab", user).build();
        } else if (p.has("-e")) {
            o = op(inv, "process", Verb.UPDATE, "crontab", user).confidence(Confidence.INFERRED).note("edits the crontab").build();
        } else {
            String file = p.positional(0).orElse("-");
            o = op(inv, "process", Verb.REPLACE, "crontab", user).stateful(true).reversible(false)
                    .note("replaces every scheduled job with the contents of " + (file.equals("-") ? "standard input" : file)).build();
        }
        return List.of(located(o, inv, ""));
    }

    static Operation.Builder op(Invocation inv, String system, Verb verb, String type, String name) {
        return Operation.builder(system, verb).resource(type, name).evidence(inv.evidence());
    }

    /** This machine, unless the command names another host or a wrapper moved it elsewhere. */
    static Operation located(Operation o, Invocation inv, String host) {
        if (!host.isEmpty()) {
            return o.toBuilder().locator("host", Regex.replaceFirst(host, "^[^@]*@", "")).build();
        }
        if (inv.remote()) {
            return o;
        }
        return o.withEnvironment(Tier.LOCAL, "runs on this machine");
    }

    private static String names(List<Arg> units) {
        return String.join(" ", units.stream().map(Arg::value).toList());
    }
}
