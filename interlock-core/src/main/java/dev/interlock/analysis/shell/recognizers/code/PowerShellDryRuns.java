package dev.interlock.analysis.shell.recognizers.code;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cmdlets asked only to say what they would do: {@code -WhatIf} (PowerShell's dry run, on every cmdlet that changes
 * something) and the few switches of that kind a module has of its own ({@code Backup-SPFarm -ShowTree} lists what a
 * backup would hold). Such a command is rewritten as {@code Write-Output} before the cmdlet tables run, so that
 * {@code Remove-DnsServerResourceRecord … -WhatIf} is judged as the report it prints; {@code -WhatIf:$false} is no dry run.
 */
final class PowerShellDryRuns {

    private PowerShellDryRuns() {
    }

    private static final Pattern WHAT_IF = Pattern.compile("(?i)\\s-WhatIf(?::\\s*\\$true)?(?=\\s|$)");
    /** Cmdlets whose own switch only lists. */
    private static final Map<String, Pattern> LISTING_SWITCHES = Map.of(
            "backup-spfarm", Pattern.compile("(?i)\\s-ShowTree(?=\\s|$)"));

    /** The code with each dry-run command's cmdlet replaced by {@code Write-Output}; the code itself when there is none. */
    static String judged(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (!lower.contains("-whatif") && !lower.contains("-showtree")) {
            return code;
        }
        StringBuilder out = new StringBuilder(code);
        int shift = 0;
        for (PowerShellStatements.Command command : PowerShellStatements.commands(code)) {
            String head = command.head();
            if (command.text().startsWith("&") || !PowerShellStatements.isCmdlet(head)) {
                continue;
            }
            Pattern own = LISTING_SWITCHES.get(head.toLowerCase(Locale.ROOT));
            if (WHAT_IF.matcher(command.text()).find() || own != null && own.matcher(command.text()).find()) {
                int at = command.start() + shift;
                out.replace(at, at + head.length(), "Write-Output");
                shift += "Write-Output".length() - head.length();
            }
        }
        return out.toString();
    }
}
