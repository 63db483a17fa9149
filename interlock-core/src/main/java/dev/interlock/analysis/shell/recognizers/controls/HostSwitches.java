package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.APP_ALLOWLISTING;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUDIT_TRAIL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUTHENTICATION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.DISK_ENCRYPTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.FIREWALL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.MAC;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.SECURE_BOOT;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.TRANSPORT_SECURITY;

import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A machine's own security controls, on this machine or over ssh: SELinux and AppArmor, the kernel audit, the
 * firewall, and the services that detect intrusions (auditd, falco, EDR sensors, osquery, wazuh) stopped, disabled or
 * masked. Starting, restarting and showing them is not switching them off. A Jupyter server opened to the network with
 * an empty token and no password switches off the authentication in front of code execution on this machine.
 */
final class HostSwitches {

    private HostSwitches() {
    }

    /** Services that are a security control, by unit name (without {@code .service}). */
    private static final Map<String, String> SERVICES = Map.ofEntries(
            Map.entry("auditd", AUDIT_TRAIL), Map.entry("auditbeat", AUDIT_TRAIL), Map.entry("go-audit", AUDIT_TRAIL),
            Map.entry("falco", THREAT_DETECTION), Map.entry("falco-modern-bpf", THREAT_DETECTION), Map.entry("falco-bpf", THREAT_DETECTION),
            Map.entry("falco-kmod", THREAT_DETECTION), Map.entry("falcon-sensor", THREAT_DETECTION), Map.entry("osqueryd", THREAT_DETECTION),
            Map.entry("wazuh-agent", THREAT_DETECTION), Map.entry("wazuh-manager", THREAT_DETECTION), Map.entry("ossec", THREAT_DETECTION),
            Map.entry("ossec-hids", THREAT_DETECTION), Map.entry("sentinelone", THREAT_DETECTION), Map.entry("sentinelagent", THREAT_DETECTION),
            Map.entry("cbagentd", THREAT_DETECTION), Map.entry("cbdaemon", THREAT_DETECTION), Map.entry("mdatp", THREAT_DETECTION),
            Map.entry("tetragon", THREAT_DETECTION), Map.entry("dragent", THREAT_DETECTION), Map.entry("qualys-cloud-agent", THREAT_DETECTION),
            Map.entry("nessusagent", THREAT_DETECTION), Map.entry("amazon-guardduty-agent", THREAT_DETECTION),
            Map.entry("elastic-endpoint", THREAT_DETECTION), Map.entry("taniumclient", THREAT_DETECTION), Map.entry("ds_agent", THREAT_DETECTION),
            Map.entry("suricata", THREAT_DETECTION), Map.entry("snort", THREAT_DETECTION), Map.entry("clamav-daemon", THREAT_DETECTION),
            Map.entry("clamd", THREAT_DETECTION), Map.entry("clamav-clamonacc", THREAT_DETECTION), Map.entry("zeek", THREAT_DETECTION),
            Map.entry("crowdsec", THREAT_DETECTION), Map.entry("crowdsec-firewall-bouncer", FIREWALL),
            // log shippers and collectors: stopped, the host's logs (auth, audit, sudo) no longer leave it
            Map.entry("filebeat", AUDIT_TRAIL), Map.entry("fluent-bit", AUDIT_TRAIL), Map.entry("td-agent-bit", AUDIT_TRAIL),
            Map.entry("fluentd", AUDIT_TRAIL), Map.entry("td-agent", AUDIT_TRAIL), Map.entry("promtail", AUDIT_TRAIL),
            Map.entry("vector", AUDIT_TRAIL), Map.entry("otelcol", AUDIT_TRAIL), Map.entry("otelcol-contrib", AUDIT_TRAIL),
            Map.entry("datadog-agent", AUDIT_TRAIL), Map.entry("splunk-otel-collector", AUDIT_TRAIL),
            Map.entry("newrelic-infra", AUDIT_TRAIL), Map.entry("splunkforwarder", AUDIT_TRAIL), Map.entry("grafana-agent", AUDIT_TRAIL),
            Map.entry("apparmor", MAC),
            Map.entry("firewalld", FIREWALL), Map.entry("ufw", FIREWALL), Map.entry("nftables", FIREWALL), Map.entry("iptables", FIREWALL),
            Map.entry("ip6tables", FIREWALL), Map.entry("netfilter-persistent", FIREWALL), Map.entry("fail2ban", FIREWALL),
            Map.entry("csf", FIREWALL), Map.entry("lfd", FIREWALL),
            // Windows: services and the processes behind them (taskkill /IM MsMpEng.exe, Stop-Process -Name MsMpEng, sc stop WinDefend)
            Map.entry("windefend", THREAT_DETECTION), Map.entry("msmpeng", THREAT_DETECTION), Map.entry("mpdefendercoreservice", THREAT_DETECTION),
            Map.entry("wdnissvc", THREAT_DETECTION), Map.entry("nissrv", THREAT_DETECTION), Map.entry("sense", THREAT_DETECTION),
            Map.entry("mssense", THREAT_DETECTION), Map.entry("securityhealthservice", THREAT_DETECTION),
            Map.entry("csfalconservice", THREAT_DETECTION), Map.entry("csfalconcontainer", THREAT_DETECTION), Map.entry("csagent", THREAT_DETECTION),
            Map.entry("sentinelservicehost", THREAT_DETECTION), Map.entry("sentinelstaticengine", THREAT_DETECTION),
            Map.entry("elastic-agent", THREAT_DETECTION), Map.entry("elastic-endpoint-service", THREAT_DETECTION), Map.entry("winlogbeat", AUDIT_TRAIL),
            Map.entry("sysmon", AUDIT_TRAIL), Map.entry("sysmon64", AUDIT_TRAIL), Map.entry("eventlog", AUDIT_TRAIL),
            Map.entry("cb", THREAT_DETECTION), Map.entry("repmgr", THREAT_DETECTION), Map.entry("cylancesvc", THREAT_DETECTION),
            Map.entry("xagt", THREAT_DETECTION), Map.entry("wazuhsvc", THREAT_DETECTION), Map.entry("ossec-agent", THREAT_DETECTION),
            Map.entry("mpssvc", FIREWALL), Map.entry("bfe", FIREWALL));

    private static final Set<String> SYSTEMCTL_OFF = Set.of("stop", "disable", "mask", "kill");
    private static final Set<String> SYSTEMCTL_VALUED = Set.of("H", "host", "M", "machine", "s", "signal", "kill-whom",
            "kill-value", "t", "type", "p", "property", "state", "root", "o", "output", "n", "lines");

    /** One row per program: the condition on its words, and the control. */
    private record HostSwitch(String control, java.util.function.Predicate<List<String>> when) {
    }

    /** fail2ban-client's options that take a value. */
    private static final Set<String> FAIL2BAN_VALUED = Set.of("-c", "-s", "-p", "--pname", "--loglevel", "--logtarget",
            "--syslogsocket", "--timeout");

    private static final Map<String, HostSwitch> TOOLS = Map.ofEntries(
            Map.entry("setenforce", new HostSwitch(MAC, w -> !w.isEmpty() && Set.of("0", "permissive").contains(w.getFirst().toLowerCase(Locale.ROOT)))),
            Map.entry("aa-teardown", new HostSwitch(MAC, w -> true)),
            Map.entry("aa-disable", new HostSwitch(MAC, w -> true)),
            Map.entry("aa-complain", new HostSwitch(MAC, w -> true)),
            // a domain made permissive: SELinux logs what it would deny and denies nothing, for that domain
            Map.entry("semanage", new HostSwitch(MAC, w -> w.contains("permissive") && (w.contains("-a") || w.contains("--add")))),
            // the host's sensors stopped from their own consoles, or every ban they hold dropped
            Map.entry("zeekctl", new HostSwitch(THREAT_DETECTION, w -> firstWord(w).equals("stop"))),
            Map.entry("broctl", new HostSwitch(THREAT_DETECTION, w -> firstWord(w).equals("stop"))),
            Map.entry("wazuh-control", new HostSwitch(THREAT_DETECTION, w -> firstWord(w).equals("stop"))),
            Map.entry("ossec-control", new HostSwitch(THREAT_DETECTION, w -> firstWord(w).equals("stop"))),
            Map.entry("osqueryctl", new HostSwitch(THREAT_DETECTION, w -> firstWord(w).equals("stop"))),
            Map.entry("suricatasc", new HostSwitch(THREAT_DETECTION, w -> String.join(" ", w).matches("(?s)(.*\\s)?-c\\s+shutdown\\b.*"))),
            Map.entry("fail2ban-client", new HostSwitch(FIREWALL, w -> firstWord(w, FAIL2BAN_VALUED).equals("stop")
                    || firstWord(w, FAIL2BAN_VALUED).equals("unban") && w.contains("--all"))),
            Map.entry("cscli", new HostSwitch(FIREWALL, w -> String.join(" ", w).matches("(?s).*\\bdecisions\\s+delete\\b.*")
                    && (w.contains("--all") || w.contains("-a")) || String.join(" ", w).matches("(?s).*\\bsimulation\\s+enable\\b.*"))),
            // -e 0 turns the kernel audit off; -D deletes every rule
            Map.entry("auditctl", new HostSwitch(AUDIT_TRAIL, w -> w.contains("-D") || w.contains("-e0") || w.indexOf("-e") >= 0
                    && w.indexOf("-e") + 1 < w.size() && w.get(w.indexOf("-e") + 1).equals("0"))),
            Map.entry("ufw", new HostSwitch(FIREWALL, HostSwitches::ufwOff)),
            Map.entry("iptables", new HostSwitch(FIREWALL, HostSwitches::iptablesOpen)),
            Map.entry("ip6tables", new HostSwitch(FIREWALL, HostSwitches::iptablesOpen)),
            Map.entry("nft", new HostSwitch(FIREWALL, w -> String.join(" ", w).matches("(?s)(.*\\s)?flush ruleset(\\s.*)?"))),
            // pf switched off, or its rules flushed: every packet passes
            Map.entry("pfctl", new HostSwitch(FIREWALL, w -> dev.interlock.analysis.shell.recognizers.process.SystemSettings.pfctlOptions(w).stream()
                    .anyMatch(o -> o[0].equals("d") || o[0].equals("F") && o[1].matches("a(ll)?|r(ules)?")))),
            Map.entry("firewall-cmd", new HostSwitch(FIREWALL, w -> w.stream().anyMatch(a -> a.equals("--set-default-zone=trusted")))),
            Map.entry("netsh", new HostSwitch(FIREWALL, w -> String.join(" ", w).toLowerCase(Locale.ROOT)
                    .matches("(?s).*advfirewall set \\S+ state off.*"))),
            Map.entry("spctl", new HostSwitch(APP_ALLOWLISTING, w -> w.contains("--master-disable") || w.contains("--global-disable"))),
            Map.entry("winrm", new HostSwitch(TRANSPORT_SECURITY, WindowsSwitches::winrmOff)),
            // shim stops checking signatures; sbctl reset puts the firmware back in setup mode (no platform key)
            Map.entry("mokutil", new HostSwitch(SECURE_BOOT, w -> w.contains("--disable-validation"))),
            Map.entry("sbctl", new HostSwitch(SECURE_BOOT, w -> !w.isEmpty() && w.getFirst().equals("reset"))),
            // BitLocker decrypted (-off) or its protectors suspended (-protectors -disable: the key lies in clear on the disk)
            Map.entry("manage-bde", new HostSwitch(DISK_ENCRYPTION, HostSwitches::bitlockerOff)),
            Map.entry("manage-bde.exe", new HostSwitch(DISK_ENCRYPTION, HostSwitches::bitlockerOff)),
            Map.entry("socketfilterfw", new HostSwitch(FIREWALL, w -> String.join(" ", w).matches("(?s).*--setglobalstate off.*"))),
            Map.entry("jupyter", new HostSwitch(AUTHENTICATION, HostSwitches::openNotebookServer)),
            Map.entry("jupyter-lab", new HostSwitch(AUTHENTICATION, HostSwitches::openNotebookServer)),
            Map.entry("jupyter-notebook", new HostSwitch(AUTHENTICATION, HostSwitches::openNotebookServer)),
            Map.entry("jupyter-server", new HostSwitch(AUTHENTICATION, HostSwitches::openNotebookServer)));

    static Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(TOOLS.keySet());
        all.add("systemctl");
        all.add("service");
        all.addAll(WINDOWS_TOOLS);
        return Set.copyOf(all);
    }

    static Optional<String> control(Invocation inv) {
        List<String> words = inv.words();
        return switch (inv.program()) {
            case "systemctl" -> systemctl(Command.parse(inv, SYSTEMCTL_VALUED, Set.of(), false));
            // service NAME stop
            case "service" -> words.size() >= 2 && words.get(1).equals("stop") ? service(words.getFirst()) : Optional.empty();
            // taskkill /F /IM MsMpEng.exe; sc stop|config WinDefend [start= disabled]; net stop WinDefend
            case "taskkill" -> taskkill(words);
            case "sc", "sc.exe" -> words.size() >= 2 && Set.of("stop", "config", "delete", "pause").contains(words.getFirst().toLowerCase(Locale.ROOT))
                    && (!words.getFirst().equalsIgnoreCase("config") || String.join(" ", words).toLowerCase(Locale.ROOT).matches("(?s).*start=\\s*disabled.*"))
                    ? service(words.get(1)) : Optional.empty();
            case "reg", "reg.exe" -> RegistrySwitches.reg(words);
            case "net", "net1" -> words.size() >= 2 && words.getFirst().equalsIgnoreCase("stop") ? service(words.get(1)) : Optional.empty();
            // schtasks /change /tn "\Microsoft\Windows\Windows Defender\…" /disable; /delete of such a task too
            case "schtasks", "schtasks.exe" -> words.stream().anyMatch(w -> w.equalsIgnoreCase("/disable") || w.equalsIgnoreCase("/delete"))
                    ? taskNamed(words) : Optional.empty();
            default -> Optional.ofNullable(TOOLS.get(inv.program())).filter(t -> t.when().test(words)).map(HostSwitch::control);
        };
    }

    private static Optional<String> systemctl(Command c) {
        if (!SYSTEMCTL_OFF.contains(c.word(0))) {
            return Optional.empty();
        }
        return c.path().subList(1, c.path().size()).stream().map(HostSwitches::service).flatMap(Optional::stream).findFirst();
    }

    private static final Set<String> WINDOWS_TOOLS = Set.of("taskkill", "sc", "sc.exe", "net", "net1", "reg", "reg.exe",
            "schtasks", "schtasks.exe");

    /** Scheduled tasks that are a control's own work: Defender's scans and updates, Windows Update's scans and installs. */
    private static final Pattern DEFENDER_TASK = Pattern.compile("(?i).*(windows defender|exploitguard|\\\\mrt|malicious software).*");
    private static final Pattern UPDATE_TASK = Pattern.compile("(?i).*(windowsupdate|windows update|updateorchestrator|waasmedic).*");

    /** {@code schtasks … /tn NAME}: the control the named task is part of. */
    private static Optional<String> taskNamed(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("/tn")) {
                return scheduledTask(words.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The control a Windows scheduled task's path or name belongs to, if it is one. */
    static Optional<String> scheduledTask(String task) {
        return DEFENDER_TASK.matcher(task).matches() ? Optional.of(Controls.THREAT_DETECTION)
                : UPDATE_TASK.matcher(task).matches() ? Optional.of(Controls.SECURITY_UPDATES) : Optional.empty();
    }

    /** {@code taskkill /IM NAME.exe} (any number of them, {@code /F} or not); {@code /PID} names no program. */
    private static Optional<String> taskkill(List<String> words) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("/IM") || words.get(i).equalsIgnoreCase("-IM")) {
                Optional<String> control = service(words.get(i + 1));
                if (control.isPresent()) {
                    return control;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The control a service or process is, by its name: a systemd unit ({@code auditd.service}, {@code falco@x}), a
     * Windows service ({@code WinDefend}) or image ({@code MsMpEng.exe}), any case.
     */
    static Optional<String> service(String unit) {
        String name = unit.toLowerCase(Locale.ROOT).replaceAll("^['\"]|['\"]$", "");
        name = name.endsWith(".service") ? name.substring(0, name.length() - ".service".length())
                : name.endsWith(".exe") ? name.substring(0, name.length() - ".exe".length()) : name;
        int at = name.indexOf('@');
        return Optional.ofNullable(SERVICES.get(at > 0 ? name.substring(0, at) : name));
    }

    /** {@code manage-bde -off C:}, {@code manage-bde -protectors -disable C:}, {@code /off} too, any case. */
    private static boolean bitlockerOff(List<String> w) {
        List<String> words = w.stream().map(a -> a.toLowerCase(Locale.ROOT).replaceFirst("^/", "-")).toList();
        return words.contains("-off") || words.contains("-protectors") && words.contains("-disable");
    }

    /** The first word that is not an option ({@code ""} when there is none): a console's command. */
    private static String firstWord(List<String> w) {
        return firstWord(w, Set.of());
    }

    /** The same, skipping the value of each option in {@code valued} ({@code fail2ban-client -c DIR stop}). */
    private static String firstWord(List<String> w, Set<String> valued) {
        for (int i = 0; i < w.size(); i++) {
            String a = w.get(i);
            if (valued.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** {@code ufw disable}, {@code ufw reset}, {@code ufw default allow [incoming]}. */
    private static boolean ufwOff(List<String> w) {
        List<String> words = w.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.isEmpty()) {
            return false;
        }
        return words.getFirst().equals("disable") || words.getFirst().equals("reset")
                || words.getFirst().equals("default") && words.size() > 1 && words.get(1).equals("allow")
                && (words.size() == 2 || words.get(2).equals("incoming"));
    }

    /** Addresses a server bound to answers only on this machine (0.0.0.0 is every interface). */
    private static final Pattern LOOPBACK_BIND = Pattern.compile("(?i)localhost|127\\.[\\d.]+|\\[?::1\\]?");
    private static final Pattern NOTEBOOK_OPTION = Pattern.compile("--(?:(?:ServerApp|NotebookApp|IdentityProvider|PasswordIdentityProvider)\\.)?(ip|token|password|hashed_password)(?:=(.*))?");

    /**
     * A Jupyter server on an address beyond this machine ({@code --ip 0.0.0.0}) with its token set empty and no password:
     * Jupyter then asks no one for anything, and whoever reaches the port runs code here.
     */
    private static boolean openNotebookServer(List<String> w) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            java.util.regex.Matcher m = NOTEBOOK_OPTION.matcher(w.get(i));
            if (m.matches()) {
                String value = m.group(2) != null ? m.group(2) : i + 1 < w.size() && !w.get(i + 1).startsWith("-") ? w.get(++i) : "";
                options.put(m.group(1).equals("hashed_password") ? "password" : m.group(1), value.replaceAll("^['\"]|['\"]$", ""));
            }
        }
        String ip = options.getOrDefault("ip", "localhost");
        return "".equals(options.get("token")) && options.getOrDefault("password", "").isEmpty()
                && !ip.isEmpty() && !LOOPBACK_BIND.matcher(ip).matches();
    }

    private static final Pattern OPEN_POLICY = Pattern.compile("(^|\\s)(-P|--policy) (INPUT|FORWARD) ACCEPT(\\s|$)");
    private static final Pattern FLUSH = Pattern.compile("(^|\\s)(-F|--flush)(\\s+INPUT)?(\\s+-\\S.*)?$");

    /** The INPUT or FORWARD chain set to accept everything, or the filter rules flushed (all chains or INPUT). */
    private static boolean iptablesOpen(List<String> w) {
        String line = String.join(" ", w);
        boolean filterTable = !line.matches(".*(-t|--table)[ =](nat|mangle|raw|security).*");
        return filterTable && (OPEN_POLICY.matcher(line).find() || FLUSH.matcher(line).find());
    }
}
