package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pywinrm: {@code winrm.Session(HOST, …).run_ps('…')} runs PowerShell on HOST and {@code run_cmd('…')} a command there.
 * Each is written back as the same text run on HOST ({@code Invoke-Command -ComputerName HOST -ScriptBlock { … }},
 * {@code ssh HOST '…'}), so the code is judged as that PowerShell or command, placed by the session's host.
 */
final class WinRmCalls {

    private WinRmCalls() {
    }

    /** The session's endpoint: a host name or a URL ({@code https://h:5986/wsman}) whose host is kept. */
    private static final Pattern SESSION = Pattern.compile("\\bSession\\s*\\(\\s*(?:target\\s*=\\s*)?" + LIT);
    private static final Pattern ARGS = Pattern.compile("\\s*,\\s*(?:args\\s*=\\s*)?\\[([^\\]]*)\\]");
    private static final Pattern RUN = Pattern.compile("\\.\\s*(run_ps|run_cmd)\\s*\\(\\s*" + LIT);

    static void find(String code, List<String> lines, Set<String> accounted) {
        Matcher session = SESSION.matcher(code);
        String host = session.find() ? lit(session, 1).replaceFirst("^\\w+://", "").replaceFirst("[:/].*$", "") : "";
        String target = host.isEmpty() ? "unnamed-windows-host" : host;
        Matcher run = RUN.matcher(code);
        while (run.find()) {
            String text = lit(run, 2);
            if (run.group(1).equals("run_ps")) {
                lines.add("pwsh -NoProfile -Command " + quote("Invoke-Command -ComputerName " + target + " -ScriptBlock { " + text + " }"));
            } else {
                // run_cmd('del', ['/s', '/q', 'C:\\x']): the list is the command's arguments
                Matcher list = ARGS.matcher(code).region(run.end(), code.length());
                if (list.lookingAt()) {
                    Matcher each = Regex.pattern(LIT).matcher(list.group(1));
                    while (each.find()) {
                        text += " " + lit(each, 1);
                    }
                }
                lines.add("ssh " + quote(target) + " " + quote(text));
            }
            accounted.add(run.group(1));
        }
        if (!lines.isEmpty() || Regex.find(code, "\\bSession\\s*\\(")) {
            accounted.addAll(Set.of("Session", "Protocol"));
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
