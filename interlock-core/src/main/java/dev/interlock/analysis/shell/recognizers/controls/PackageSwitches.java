package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.AUDIT_TRAIL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.FIREWALL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.MAC;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A security agent uninstalled through a package manager ({@code apt purge falcon-sensor}, {@code rpm -e wazuh-agent},
 * {@code winget uninstall --id CrowdStrike.WindowsSensor}, {@code choco uninstall sentinelagent}, {@code brew uninstall
 * --cask osquery}): the control is gone as surely as when its service is stopped, and no restart brings it back.
 * Installing or upgrading one, and removing any other package, is not marked.
 */
final class PackageSwitches {

    private PackageSwitches() {
    }

    static final Set<String> PROGRAMS = Set.of("apt", "apt-get", "aptitude", "dnf", "yum", "microdnf", "tdnf", "zypper",
            "apk", "pacman", "dpkg", "rpm", "choco", "winget", "scoop", "brew", "snap");

    /** Package names and ids of EDR, antivirus, host intrusion detection and audit agents (a vendor's word in the id). */
    private static final Pattern DETECTION = Pattern.compile("(?i)(.*[./-])?(crowdstrike|falcon-sensor|falcon-agent|sentinel-?one|"
            + "sentinel-?agent|mdatp|microsoft-defender|windowsdefender|defender|carbon-?black|cb-?psc-sensor|cb-?defense|"
            + "cbagentd|osquery|osqueryd|wazuh-agent|wazuh|ossec-hids(-agent)?|elastic-agent|elastic-endpoint|tanium(client)?|"
            + "qualys-cloud-agent|cylance(protect)?|sophos(-av|-endpoint)?|tetragon|falco|clamav(-daemon)?|"
            + "insight-agent|rapid7|ds-agent|trendmicro|xagt|cortex-xdr|kolide-launcher|launcher-kolide|"
            + "nessus-?agent|amazon-guardduty-agent|aide|rkhunter|chkrootkit)([./-].*)?");
    private static final Pattern AUDIT = Pattern.compile("(?i)(auditd|audit|auditbeat|sysmon|go-audit|splunkforwarder|"
            + "winlogbeat)([./-].*)?");
    private static final Pattern FIREWALLS = Pattern.compile("(?i)(ufw|firewalld|fail2ban|nftables|iptables-persistent|"
            + "netfilter-persistent|csf)");
    private static final Pattern MACS = Pattern.compile("(?i)(apparmor|selinux-policy(-targeted)?|policycoreutils)");

    /** The control a package removal takes away, if one of the packages named is a security agent. */
    static Optional<String> control(Command c, Operation op) {
        if (op.verb() != Verb.DELETE) {
            return Optional.empty();
        }
        return named(c.inv());
    }

    private static Optional<String> named(Invocation inv) {
        List<String> words = inv.words();
        for (String w : words) {
            String name = w.toLowerCase(Locale.ROOT).replaceAll("^['\"]|['\"]$", "");
            if (name.startsWith("-") || name.startsWith("/")) {
                continue;
            }
            if (DETECTION.matcher(name).matches()) {
                return Optional.of(THREAT_DETECTION);
            }
            if (AUDIT.matcher(name).matches()) {
                return Optional.of(AUDIT_TRAIL);
            }
            if (FIREWALLS.matcher(name).matches()) {
                return Optional.of(FIREWALL);
            }
            if (MACS.matcher(name).matches()) {
                return Optional.of(MAC);
            }
        }
        return Optional.empty();
    }
}
