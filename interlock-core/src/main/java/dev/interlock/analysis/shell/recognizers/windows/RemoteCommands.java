package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Windows' remote-execution wrappers: {@code winrs -r:HOST [-u:USER] COMMAND} (WinRM) and Sysinternals'
 * {@code psexec \\HOST[,HOST2] [-u USER] [-s] COMMAND} (also {@code paexec}). The command runs on HOST as cmd runs it,
 * so it is analyzed there as {@code ssh HOST 'cmd /c COMMAND'} would be — HOST's name places it through the inventory,
 * as {@code Invoke-Command -ComputerName} places its block. Without a host the command runs on this machine.
 * {@code psexec -s} runs it as SYSTEM: an escalation on that machine.
 */
public final class RemoteCommands implements Recognizer {

    /** psexec's options that take a value (the others are single switches; {@code -i} takes an optional session). */
    private static final Set<String> PSEXEC_VALUED = Set.of("-u", "-p", "-n", "-r", "-w", "-a", "-cs");

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>();
        for (String p : List.of("winrs", "psexec", "psexec64", "paexec")) {
            all.add(p);
            all.add(p + ".exe");
            all.add(p.toUpperCase(Locale.ROOT));
        }
        all.add("PsExec");
        all.add("PsExec64");
        all.add("PsExec.exe");
        all.add("PsExec64.exe");
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = Regex.replaceFirst(inv.program().toLowerCase(Locale.ROOT), "\\.exe$", "");
        List<String> w = inv.args().stream().map(a -> a.value()).toList();
        List<String> hosts = new ArrayList<>();
        int at = 0;
        boolean system = false;
        if (program.equals("winrs")) {
            // winrs's switches are one word each: -r:HOST, -remote:HOST, -u:USER, -noprofile …
            for (; at < w.size() && Regex.find(w.get(at), "^[-/]"); at++) {
                String lower = w.get(at).toLowerCase(Locale.ROOT);
                if (Regex.find(lower, "^[-/](r|remote):")) {
                    hosts.add(dev.interlock.environment.Hosts.of(w.get(at).substring(w.get(at).indexOf(':') + 1)));
                }
            }
        } else {
            for (; at < w.size(); at++) {
                String word = w.get(at);
                String lower = word.toLowerCase(Locale.ROOT);
                if (word.startsWith("\\")) {
                    // \\HOST as typed; a POSIX shell leaves one backslash of an unquoted \\HOST
                    for (String h : Regex.replaceAll(word, "^\\\\+", "").split(",")) {
                        hosts.add(h);
                    }
                } else if (PSEXEC_VALUED.contains(lower)) {
                    at++;
                } else if (lower.equals("-i")) {
                    at += at + 1 < w.size() && Regex.matches(w.get(at + 1), "\\d+") ? 1 : 0;
                } else if (lower.equals("-s")) {
                    system = true;
                } else if (!lower.startsWith("-") && !lower.startsWith("@")) {
                    break;
                }
            }
        }
        String command = String.join(" ", w.subList(Math.min(at, w.size()), w.size())).strip();
        List<Operation> ops = new ArrayList<>();
        if (system) {
            ops.add(SystemAccounts.escalation(inv, "account", "SYSTEM", program + " -s runs the command as SYSTEM"));
        }
        // cmd's line, quoted so that no POSIX shell between here and cmd reads its backslashes or %VARIABLES%
        String line = command.isEmpty() ? "cmd" : "cmd /c '" + command.replace("'", "'\\''") + "'";
        if (hosts.isEmpty()) {
            ops.addAll(nested.shell(line, inv));
            return ops;
        }
        for (String host : hosts) {
            for (Operation op : nested.shell("ssh " + quote(host) + " " + quote(line), inv)) {
                ops.add(op.withEvidence(inv.evidence()));
            }
        }
        return ops;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
