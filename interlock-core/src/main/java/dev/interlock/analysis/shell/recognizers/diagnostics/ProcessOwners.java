package dev.interlock.analysis.shell.recognizers.diagnostics;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Whose process a tracer attaches to, from how the command line names its PID. A developer's own process
 * ({@code $!}, {@code $(pgrep -f my-server)}, a plain PID) is debugging; another user's ({@code $(pgrep -u postgres …)}),
 * a root daemon's ({@code $(pidof sshd)}, {@code $(cat /run/sshd.pid)}) or PID 1 (init on a host, the service itself
 * in a pod) is reading someone else's memory and traffic, which ptrace only allows with root's privileges.
 */
final class ProcessOwners {

    /** Daemons that run as root or a service account on any host; a developer's own copy would not be found by these names. */
    private static final String ROOT_DAEMONS = "sshd|systemd|init|dockerd|containerd|kubelet|cron|crond|rsyslogd"
            + "|systemd-journald|auditd|polkitd|dbus-daemon|sssd|snapd|NetworkManager|wpa_supplicant|gdm|Xorg|login";
    /** How a lookup names the user whose processes it picks: pgrep/pkill {@code -u}/{@code -U}, ps {@code -u}. */
    private static final String USER_FLAG = "(?:^|\\s)(?:-u|-U|--euid|--uid|--user)(?:\\s+|=)['\"]?([^\\s'\")|;]+)";
    /** Ways of naming the caller itself. */
    private static final Set<String> SELF = Set.of("$USER", "${USER}", "$LOGNAME", "${LOGNAME}", "$UID", "${UID}",
            "$(whoami)", "$(id", "`whoami`");

    private ProcessOwners() {
    }

    /** The PID argument of {@code flags} ({@code -p 42}, {@code -p42}, {@code --pid=42}), as given. */
    static Optional<Arg> pid(Invocation inv, Set<String> flags) {
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (flags.contains(v) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            int eq = v.indexOf('=');
            if (eq > 0 && flags.contains(v.substring(0, eq))) {
                return Optional.of(Arg.of(v.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    /** Why the process named by {@code pid} is not the caller's own, or empty when it may be. */
    static Optional<String> foreign(Optional<Arg> pid, Invocation inv) {
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Arg arg = pid.get();
        if (arg.literal()) {
            if (!arg.value().equals("1")) {
                return Optional.empty();
            }
            return Optional.of(inv.locators().containsKey("pod") || inv.locators().containsKey("container")
                    ? "PID 1, the service's own main process in the container" : "PID 1, init, which runs as root");
        }
        String text = arg.evidence().text();
        // cheap tests first: a lookup by user or name, or a pid file
        if (!text.contains("pgrep") && !text.contains("pidof") && !text.contains(".pid") && !text.contains("ps ")) {
            return Optional.empty();
        }
        Matcher user = Regex.pattern(USER_FLAG).matcher(text);
        if (user.find() && !self(user.group(1), inv)) {
            return Optional.of("a process of user " + user.group(1));
        }
        if (Regex.find(text, "\\b(?:pidof|pgrep)\\b[^|;)]*?(?:\\s|^|/)(?:" + ROOT_DAEMONS + ")(?=[\\s'\")|;]|$)")) {
            return Optional.of("a system daemon's process (" + text + ")");
        }
        if (Regex.find(text, "(?:^|[\\s<(])/(?:var/)?run/[^\\s)]*\\.pid\\b")) {
            return Optional.of("a system daemon's process, from its pid file under /run");
        }
        return Optional.empty();
    }

    private static boolean self(String user, Invocation inv) {
        if (SELF.stream().anyMatch(user::startsWith)) {
            return true;
        }
        String own = inv.env().getOrDefault("USER", inv.env().getOrDefault("LOGNAME", ""));
        String home = inv.workspace().home();
        String homeName = home == null ? "" : home.substring(home.lastIndexOf('/') + 1);
        return user.equals(own) || user.equals(homeName);
    }
}
