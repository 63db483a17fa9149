package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Invoke-Command -ComputerName HOST -ScriptBlock { … }} (or the block as its first positional,
 * {@code Invoke-Command -ComputerName HOST { … }}): the block runs on that computer, so it is judged
 * there — as {@code ssh HOST pwsh -Command '…'} would be, which names the host's environment — and not here.
 */
final class PowerShellRemoting {

    private PowerShellRemoting() {
    }

    private static final Pattern REMOTE = Pattern.compile(
            "(?i)\\bInvoke-Command\\b([^|;\\n{]*?)(?:-(?:ScriptBlock|Command)\\s*)?(?<!@)\\{");
    private static final Pattern INTERACTIVE = Pattern.compile(
            "(?i)\\bEnter-PSSession\\b(?:[^|;\\n]*?-(?:ComputerName|Cn|HostName)\\s+|\\s+)['\"]?([A-Za-z0-9][^'\"\\s,;]*)");
    /** A computer named, or a list computed where it is given ({@code (Get-Content servers.txt)}, {@code @(…)}). */
    private static final Pattern COMPUTER = Pattern.compile("(?i)-(?:ComputerName|Cn|HostName)\\s+(@?\\((?:[^()]|\\([^()]*\\))*\\)|['\"]?[^'\"\\s,;]+)");

    /**
     * Adds the operations of every remote block to {@code ops}; the code without those blocks, for the rest of the
     * analysis on this machine.
     */
    static String elsewhere(String code, Invocation inv, Nested nested, List<Operation> ops) {
        Matcher session = INTERACTIVE.matcher(code);
        while (session.find()) {
            // an interactive session on that computer: what is typed there is not checked, as with ssh HOST alone
            for (Operation op : nested.shell("ssh " + session.group(1), inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
        }
        Matcher m = REMOTE.matcher(code);
        StringBuilder local = null;
        int copied = 0;
        while (m.find()) {
            int open = m.end() - 1;
            int close = PowerShellStatements.closing(code, open);
            if (close < 0) {
                return code;
            }
            Matcher host = COMPUTER.matcher(code.substring(m.start(), close));
            if (!host.find()) {
                continue; // without a computer the block runs here, and is analyzed with the rest
            }
            String block = code.substring(open + 1, close);
            String computer = dev.interlock.analysis.Regex.replaceFirst(host.group(1), "^['\"]", "");
            if (computer.startsWith("(") || computer.startsWith("@(")) {
                // computers listed at run time: the expression stands as the host's name (prod-servers.txt still says prod)
                computer = "'" + computer.replace("'", "") + "'";
            }
            for (Operation op : nested.shell("ssh " + computer + " '" + PowerShellStatements.asCommandLine(block.strip())
                    .replace("'", "'\\''") + "'", inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
            if (local == null) {
                local = new StringBuilder(code.length());
            }
            local.append(code, copied, open + 1).append(' ');
            copied = close;
        }
        return local == null ? code : local.append(code, copied, code.length()).toString();
    }
}
