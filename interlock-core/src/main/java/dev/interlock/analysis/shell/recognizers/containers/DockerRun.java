package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace.Area;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code docker run}/{@code create}/{@code exec} up to the image (or container), and what in them lets
 * the container out: {@code --privileged}, the host's namespaces, dangerous capabilities and devices, or a bind mount
 * of the host's root, home, system directories or the docker socket.
 *
 * @param flags   option → values, as written ({@code -v}, {@code --volume})
 * @param target  the image ({@code run}, {@code create}) or container ({@code exec}); empty when missing
 * @param command what runs inside, after the target
 */
record DockerRun(Map<String, List<String>> flags, Arg target, List<Arg> command) {

    private static final Set<String> VALUED = Set.of("-a", "--attach", "--add-host", "--annotation", "--blkio-weight",
            "--blkio-weight-device", "--cap-add", "--cap-drop", "--cgroup-parent", "--cgroupns", "--cidfile",
            "--cpu-period", "--cpu-quota", "--cpu-rt-period", "--cpu-rt-runtime", "-c", "--cpu-shares", "--cpus",
            "--cpuset-cpus", "--cpuset-mems", "--device", "--device-cgroup-rule", "--device-read-bps",
            "--device-read-iops", "--device-write-bps", "--device-write-iops", "--dns", "--dns-option", "--dns-search",
            "--domainname", "--entrypoint", "-e", "--env", "--env-file", "--expose", "--gpus", "--group-add",
            "--health-cmd", "--health-interval", "--health-retries", "--health-start-period", "--health-timeout", "-h",
            "--hostname", "--ip", "--ip6", "--ipc", "--isolation", "--kernel-memory", "-l", "--label", "--label-file",
            "--link", "--link-local-ip", "--log-driver", "--log-opt", "--mac-address", "-m", "--memory",
            "--memory-reservation", "--memory-swap", "--memory-swappiness", "--mount", "--name", "--network", "--net",
            "--network-alias", "--oom-score-adj", "--pid", "--pids-limit", "--platform", "-p", "--publish", "--pull",
            "--restart", "--runtime", "--security-opt", "--shm-size", "--stop-signal", "--stop-timeout",
            "--storage-opt", "--sysctl", "--tmpfs", "--ulimit", "-u", "--user", "--userns", "--uts", "-v", "--volume",
            "--volume-driver", "--volumes-from", "-w", "--workdir", "--detach-keys", "--pod", "--secret", "--arch",
            "--os", "--variant", "--env-from-file", "--uidmap", "--gidmap", "--subuidname", "--subgidname", "--userns-uid-map");
    /**
     * Host namespaces that let the container see or act on the host's processes, network or identity. {@code --ipc=host}
     * is not one: it shares only System V and POSIX shared memory, which Chromium needs for Playwright and Puppeteer
     * (their documented flag), and gives no process, file or network of the host.
     */
    private static final List<String> HOST_NAMESPACES = List.of("--pid", "--network", "--net", "--uts",
            "--userns", "--cgroupns");
    private static final Set<String> ESCAPE_CAPS = Set.of("ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO",
            "DAC_READ_SEARCH", "DAC_OVERRIDE", "BPF", "NET_ADMIN", "SYS_BOOT");
    /** Host directories whose mount hands the container the host. */
    private static final Set<String> HOST_DIRS = Set.of("/etc", "/root", "/var", "/var/run", "/run", "/var/lib/docker",
            "/proc", "/sys", "/dev", "/boot", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/home", "/Users");

    static DockerRun parse(List<Arg> args) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                continue;
            }
            if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    put(flags, w.substring(0, eq), w.substring(eq + 1));
                } else {
                    put(flags, w, VALUED.contains(w) && i + 1 < args.size() ? args.get(++i).value() : "");
                }
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int c = 1; c < w.length(); c++) {
                    String f = "-" + w.charAt(c);
                    if (VALUED.contains(f)) {
                        put(flags, f, c + 1 < w.length() ? Regex.replaceFirst(w.substring(c + 1), "^=", "")
                                : i + 1 < args.size() ? args.get(++i).value() : "");
                        break;
                    }
                    put(flags, f, "");
                }
            } else {
                return new DockerRun(flags, args.get(i), List.copyOf(args.subList(i + 1, args.size())));
            }
        }
        return new DockerRun(flags, Arg.of(""), List.of());
    }

    private static void put(Map<String, List<String>> flags, String name, String value) {
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    List<String> values(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(flags.getOrDefault(n, List.of()));
        }
        return out;
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    /** Why the container can reach the host, or empty when it cannot. */
    List<String> escapes(Invocation inv) {
        List<String> why = new ArrayList<>();
        if (has("--privileged")) {
            why.add("--privileged");
        }
        // the host's network for a client CLI image (flyway/flyway against localhost) is how it reaches this machine's
        // servers; its command is judged as that CLI's, and a server or arbitrary program there still escalates
        boolean client = ContainerCommands.client(target.value(), this);
        for (String ns : HOST_NAMESPACES) {
            if (client && (ns.equals("--network") || ns.equals("--net"))) {
                continue;
            }
            for (String v : values(ns)) {
                if (v.equals("host")) {
                    why.add(ns + "=host");
                }
            }
        }
        for (String cap : values("--cap-add")) {
            if (ESCAPE_CAPS.contains(Regex.replaceFirst(cap.toUpperCase(java.util.Locale.ROOT), "^CAP_", ""))) {
                why.add("--cap-add " + cap);
            }
        }
        for (String device : values("--device")) {
            // a serial or USB port hands the container one development board, not the host
            if (!dev.interlock.analysis.shell.recognizers.embedded.BoardPorts.serial(device)) {
                why.add("--device " + device);
            }
        }
        for (String opt : values("--security-opt")) {
            if (Regex.matches(opt, "(apparmor|seccomp)[=:]unconfined|label[=:]disable|systempaths[=:]unconfined")) {
                why.add("--security-opt " + opt);
            }
        }
        for (String v : values("-v", "--volume")) {
            hostMount(inv, v.contains(":") ? v.substring(0, v.indexOf(':')) : "").ifPresent(why::add);
        }
        for (String m : values("--mount")) {
            for (String part : m.split(",")) {
                if (Regex.matches(part, "(source|src)=.*")) {
                    hostMount(inv, part.substring(part.indexOf('=') + 1)).ifPresent(why::add);
                }
            }
        }
        return why;
    }

    private static java.util.Optional<String> hostMount(Invocation inv, String source) {
        String s = source.replace("\"", "").replace("'", "");
        if (!(s.startsWith("/") || s.startsWith("~") || s.startsWith("$HOME") || s.startsWith("${HOME}"))) {
            return java.util.Optional.empty();
        }
        String path = inv.workspace().resolve(s);
        Area area = inv.workspace().area(s);
        boolean socket = path.endsWith(".sock");
        boolean home = area == Area.HOME_ROOT && !path.equals(inv.workspace().cwd());
        if (area == Area.ROOT || home || socket || HOST_DIRS.contains(path)) {
            return java.util.Optional.of("mounts the host's " + path);
        }
        return java.util.Optional.empty();
    }
}
