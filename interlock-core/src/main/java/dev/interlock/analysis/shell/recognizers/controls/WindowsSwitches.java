package dev.interlock.analysis.shell.recognizers.controls;

import static dev.interlock.analysis.shell.recognizers.controls.Controls.FIREWALL;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.THREAT_DETECTION;
import static dev.interlock.analysis.shell.recognizers.controls.Controls.TRANSPORT_SECURITY;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Windows' own security controls switched off, by cmdlet or by {@code winrm}: the firewall's profiles disabled,
 * Defender's protections disabled, and WinRM told to accept unencrypted traffic or Basic (clear-text) logins. One row
 * per cmdlet: the words after it that make it an off switch. Turning them on, or reading them, matches nothing.
 */
final class WindowsSwitches {

    private WindowsSwitches() {
    }

    private record Row(String cmdlet, Pattern off, String control) {
        Row(String cmdlet, String off, String control) {
            this(cmdlet, Pattern.compile("(?is)" + off), control);
        }
    }

    /** PowerShell's false and true, as a parameter's value ({@code False}, {@code $false}, {@code 0}, {@code :$true}). */
    private static final String FALSE = "[\\s:]+['\"]?(\\$?false|0)\\b";
    private static final String TRUE = "[\\s:]+['\"]?(\\$?true|1)\\b";
    /** WinRM's settings that let traffic go unencrypted or passwords go in clear text. */
    private static final String WINRM_WEAK = "(allowunencrypted|basic)";

    private static final String TRUST_ANCHOR_STORE = ".*-CertStoreLocation\\s+['\"]?Cert:[\\\\/]+(LocalMachine|CurrentUser)[\\\\/]+"
            + "(Root|CA|AuthRoot|TrustedPublisher|TrustedPeople)\\b.*";
    private static final List<Row> CMDLETS = List.of(
            new Row("set-netfirewallprofile", ".*-Enabled" + FALSE + ".*", FIREWALL),
            new Row("set-mppreference", ".*-Disable\\w+" + TRUE + ".*", THREAT_DETECTION),
            // BitLocker decrypted, or its protectors suspended (the volume key lies in clear until resumed)
            new Row("disable-bitlocker", ".*", Controls.DISK_ENCRYPTION),
            new Row("suspend-bitlocker", ".*", Controls.DISK_ENCRYPTION),
            // Set-Item WSMan:\localhost\Service\AllowUnencrypted $true, …\Service\Auth\Basic -Value true
            new Row("set-item", ".*WSMan:[\\\\/]+[^\\s\\\\/]+[\\\\/]+(Service|Client)[\\\\/]+(Auth[\\\\/]+)?" + WINRM_WEAK
                    + "['\"]?\\s+(-Value\\s+)?['\"]?\\$?true\\b.*", TRANSPORT_SECURITY),
            // a certificate imported into a store of trust anchors, as certutil -addstore Root is (TrustStores)
            new Row("import-certificate", TRUST_ANCHOR_STORE, Controls.TRUST_STORE),
            new Row("import-pfxcertificate", TRUST_ANCHOR_STORE, Controls.TRUST_STORE));

    /** Set-Service that stops the service now or at every boot. */
    private static final Pattern SERVICE_OFF = Pattern.compile("(?i).*-(StartupType\\s+['\"]?Disabled|Status\\s+['\"]?(Stopped|Paused))\\b.*");

    /** The control a cmdlet ({@code Verb-Noun}, any case) with the words after it switches off, if it does. */
    static Optional<String> cmdlet(String cmdlet, String rest) {
        String name = cmdlet.toLowerCase(Locale.ROOT);
        switch (name) {
            case "stop-process", "stop-service", "suspend-service" -> {
                return named(rest);
            }
            case "set-service" -> {
                return SERVICE_OFF.matcher(rest).matches() ? named(rest) : Optional.empty();
            }
            // Disable-ScheduledTask -TaskPath '\Microsoft\Windows\Windows Defender\' -TaskName '…'
            case "disable-scheduledtask", "unregister-scheduledtask" -> {
                return HostSwitches.scheduledTask(rest);
            }
            case "set-itemproperty", "new-itemproperty" -> {
                return RegistrySwitches.cmdlet(rest);
            }
            default -> {
            }
        }
        for (Row row : CMDLETS) {
            if (row.cmdlet().equals(name) && row.off().matcher(rest).matches()) {
                return Optional.of(row.control());
            }
        }
        return Optional.empty();
    }

    /**
     * The first process or service named that is a security control ({@code -Name MsMpEng}, {@code WinDefend,Sense}):
     * other parameters' values ({@code -Id 4242}, {@code -Force}) name none of them.
     */
    private static Optional<String> named(String rest) {
        for (String w : rest.split("[\\s,]+")) {
            Optional<String> control = w.startsWith("-") ? Optional.empty() : HostSwitches.service(w);
            if (control.isPresent()) {
                return control;
            }
        }
        return Optional.empty();
    }

    private static final Pattern WINRM_SET = Pattern.compile("(?is)(set|put)\\s+winrm/config/(service|client)(/auth)?\\s+.*\\b"
            + WINRM_WEAK + "\\s*=\\s*['\"]?true\\b.*");

    /** {@code winrm set winrm/config/service @{AllowUnencrypted="true"}} (or {@code Basic="true"}, on the client too). */
    static boolean winrmOff(List<String> words) {
        return !words.isEmpty() && WINRM_SET.matcher(String.join(" ", words)).matches();
    }
}
