package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Scope;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The computer a cmdlet acts on when it is not this machine: its own {@code -ComputerName} ({@code -Cn},
 * {@code -CimSession}), or the one named by the stage before it in its pipeline — {@code Get-VM -ComputerName hv-02 |
 * Stop-VM} stops the VMs of hv-02, every one the listing returns unless it names one. The computer's name places the
 * operation through the inventory, as {@code ssh HOST} does.
 */
final class PowerShellComputers {

    private PowerShellComputers() {
    }

    /** A computer named by a literal (a {@code $session} or a computed list places nothing). */
    private static final Pattern COMPUTER = Pattern.compile("(?i)-(?:ComputerName|Cn|CimSession)\\s+['\"]?(?![$(@])([^'\"\\s,;|)]+)");
    /** What the upstream listing names: one object, or a pattern. */
    private static final Pattern NAMED = Pattern.compile("(?i)^\\s*Get-\\w+(?:\\s+['\"]?(?![-$])([^'\"\\s|;)]+))?(?:[^|]*?-(?:Name|VMName|Id)\\s+['\"]?([^'\"\\s|;)]+))?");

    /** Where a cmdlet acts and on how much of what the stage before it listed. */
    record Computer(String host, Optional<Scope> scope) {
    }

    /** The cmdlet's own computer, from its parameters. */
    static Optional<String> own(String rest) {
        Matcher m = COMPUTER.matcher(rest);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The computer of the cmdlet at {@code at} in {@code code}: its own, else the stage's upstream in the same
     * statement. A piped cmdlet acts on all the listing returns, many when the listing or a {@code Where-Object}
     * narrows it by a pattern, one when it names one object.
     */
    static Optional<Computer> of(String code, int at, String rest) {
        Optional<String> own = own(rest);
        if (own.isPresent()) {
            return own.map(h -> new Computer(h, Optional.empty()));
        }
        int start = Math.max(code.lastIndexOf(';', at - 1), code.lastIndexOf('\n', at - 1)) + 1;
        String upstream = code.substring(start, Math.max(start, at));
        Matcher host = COMPUTER.matcher(upstream);
        if (!upstream.contains("|") || !host.find()) {
            return Optional.empty();
        }
        Matcher named = NAMED.matcher(upstream);
        String name = !named.find() ? "" : named.group(2) != null ? named.group(2) : named.group(1) != null ? named.group(1) : "";
        Scope scope = name.isEmpty() && !Regex.find(upstream, "(?i)\\bWhere(-Object)?\\b|\\?\\s*\\{|-Filter\\b|-First\\b") ? Scope.ALL
                : name.isEmpty() || name.contains("*") || name.contains("?") ? Scope.MANY : Scope.ONE;
        return Optional.of(new Computer(host.group(1), Optional.of(scope)));
    }
}
