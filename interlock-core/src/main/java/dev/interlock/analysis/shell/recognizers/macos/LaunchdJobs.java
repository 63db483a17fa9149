package dev.interlock.analysis.shell.recognizers.macos;

import dev.interlock.analysis.Regex;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which launchd jobs belong to the machine rather than to the user's own tools. Jobs in {@code /Library/Launch*},
 * {@code /System/Library/Launch*} or the {@code system/} domain run for everyone; Apple's own services and the agents of
 * security and corporate software (VPN, EDR, device management) are there to guard the machine wherever their plist
 * lies. Unloading or disabling one of them changes this machine's protection — often for good, when {@code -w} or
 * {@code disable} writes the override. A developer's own agent in {@code ~/Library/LaunchAgents} (homebrew.mxcl.redis,
 * com.acme.helper) is theirs to stop.
 */
public final class LaunchdJobs {

    /** Machine-wide job directories and the system domain. */
    private static final Pattern MACHINE = Pattern.compile("(/System)?/Library/Launch(Agents|Daemons)(/.*)?|system(/.*)?");
    /** Labels of Apple's services and of security, VPN and device-management vendors' agents. */
    private static final Pattern GUARDS = Pattern.compile("(com\\.apple|com\\.paloaltonetworks|com\\.crowdstrike|com\\.sentinelone"
            + "|com\\.jamf(software)?|com\\.zscaler|com\\.cisco|com\\.tanium|com\\.carbonblack|com\\.vmware\\.carbonblack"
            + "|com\\.microsoft\\.(wdav|dlp|intune|defender)|io\\.kandji|com\\.mosyle|com\\.netskope|com\\.forcepoint"
            + "|com\\.sophos|com\\.malwarebytes|com\\.cylance|co\\.elastic\\.(endpoint|agent)|com\\.rapid7|com\\.qualys"
            + "|com\\.tenablesecurity|com\\.fortinet|net\\.pulsesecure|com\\.ivanti|com\\.f5|com\\.okta|at\\.obdev\\.littlesnitch"
            + "|com\\.objective-see|com\\.google\\.santa|com\\.northpolesec\\.santa|com\\.facebook\\.osquery|io\\.osquery"
            + "|com\\.wazuh|com\\.trendmicro|com\\.eset|com\\.bitdefender|com\\.symantec|com\\.mcafee|com\\.trellix"
            + "|com\\.absolute|com\\.addigy|com\\.airwatch|com\\.kolide|com\\.fleetdm|com\\.cloudflare|com\\.globalprotect"
            + "|com\\.cyberark|com\\.beyondtrust|com\\.digitalguardian|com\\.code42)(\\..*)?");

    private LaunchdJobs() {
    }

    /** Whether a launchctl target (a plist path, a job directory, or a domain/label service target) guards the machine. */
    public static boolean guardsMachine(String target) {
        String label = Regex.replaceFirst(Regex.replaceFirst(target, ".*/", ""), "\\.plist$", "").toLowerCase(Locale.ROOT);
        return MACHINE.matcher(target).matches() || GUARDS.matcher(label).matches();
    }
}
