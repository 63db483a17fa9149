package dev.interlock.analysis.shell.recognizers.process;

import dev.interlock.analysis.Regex;
import static dev.interlock.analysis.shell.recognizers.process.ServiceControlRecognizer.located;
import static dev.interlock.analysis.shell.recognizers.process.ServiceControlRecognizer.op;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signalling processes: {@code kill PID} is an update of one process (it can be started again); {@code kill -1},
 * {@code kill 1} (init) and killing critical daemons by name take the machine down (scope all, not reversible);
 * {@code killall}/{@code pkill} act on every process matching a name (many). Signal 0 only checks existence.
 */
final class Processes {

    private static final Set<String> SIGNALS = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
            "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
            "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS", "IOT", "EMT", "INFO", "LOST");
    private static final Set<String> KILLALL_VALUED = Set.of("-s", "--signal", "-u", "--user", "-o", "--older-than", "-y",
            "--younger-than", "-Z", "--context", "-n", "--ns");
    private static final Set<String> PKILL_VALUED = Set.of("--signal", "-u", "--euid", "-U", "--uid", "-g", "--pgroup",
            "-G", "--group", "-P", "--parent", "-s", "--session", "-t", "--terminal", "-F", "--pidfile", "--ns", "--nslist");

    private Processes() {
    }

    static List<Operation> kill(Invocation inv) {
        List<Arg> args = inv.args();
        if (args.stream().anyMatch(a -> a.value().equals("-l") || a.value().equals("-L") || a.value().equals("--list"))) {
            return List.of(located(op(inv, "process", Verb.READ, "signal", "").build(), inv, ""));
        }
        String signal = "TERM";
        List<Arg> pids = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            boolean onlyArg = args.size() == 1;
            if ((v.equals("-s") || v.equals("-n") || v.equals("--signal")) && i + 1 < args.size()) {
                signal = args.get(++i).value();
            } else if (v.equals("--")) {
                pids.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (pids.isEmpty() && v.startsWith("-") && !onlyArg && signal.equals("TERM") && isSignal(v.substring(1))) {
                signal = v.substring(1);
            } else {
                pids.add(args.get(i));
            }
        }
        String sig = normalize(signal);
        if (sig.equals("0")) {
            return List.of(located(op(inv, "process", Verb.READ, "process", names(pids)).note("checks that the process exists").build(),
                    inv, ""));
        }
        if (threadDump(sig) && !pids.isEmpty() && pids.stream().allMatch(pid -> aJvm(pid, inv))) {
            return List.of(located(op(inv, "process", Verb.READ, "process", names(pids)).note(THREAD_DUMP).build(), inv, ""));
        }
        String how = sig.equals("KILL") || sig.equals("9") ? " with SIGKILL (no clean shutdown)" : "";
        List<Operation> ops = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        boolean expanded = false;
        for (Arg pid : pids) {
            String v = pid.value();
            if (!pid.literal()) {
                expanded = true;
                plain.add(v);
            } else if (v.equals("-1")) {
                ops.add(everything(inv, "kill -1 signals every process the user may signal" + how));
            } else if (v.equals("1")) {
                ops.add(everything(inv, "PID 1 is init: signalling it takes the whole system down" + how));
            } else if (v.equals("0") || Regex.matches(v, "-\\d+")) {
                ops.add(op(inv, "process", Verb.UPDATE, "process-group", v).scope(Scope.MANY)
                        .note("signals a whole process group" + how).build());
            } else {
                plain.add(v);
            }
        }
        if (!plain.isEmpty()) {
            ops.add(op(inv, "process", Verb.UPDATE, "process", String.join(" ", plain))
                    .scope(plain.size() == 1 && !expanded ? Scope.ONE : Scope.MANY)
                    .confidence(expanded ? Confidence.INFERRED : Confidence.EXACT)
                    .note((expanded ? "process ids come from an expansion" : "stops the process") + how).build());
        }
        if (ops.isEmpty()) {
            ops.add(op(inv, "process", Verb.UPDATE, "process", "").confidence(Confidence.INFERRED)
                    .note("kill without a process id").build());
        }
        return ops.stream().map(o -> located(o, inv, "")).toList();
    }

    /** SysV {@code killall5}: every process outside its own session (what shutdown scripts run); {@code -0} only checks. */
    static List<Operation> killAll5(Invocation inv) {
        if (inv.words().contains("-0")) {
            return List.of(located(op(inv, "process", Verb.READ, "process", "*").note("checks that processes exist").build(), inv, ""));
        }
        return List.of(located(everything(inv, "killall5 signals every process but its own session: the machine stops"), inv, ""));
    }

    /** killall NAME… and pkill PATTERN: every matching process. */
    static List<Operation> killByName(Invocation inv) {
        boolean pkill = inv.program().equals("pkill");
        List<Arg> args = new ArrayList<>();
        String signal = "TERM";
        for (Arg a : inv.args()) {
            String v = a.value();
            if (v.startsWith("-") && v.length() > 1 && isSignal(v.substring(1))) {
                signal = v.substring(1);
            } else {
                args.add(a);
            }
        }
        if (args.stream().anyMatch(a -> a.value().equals("-l") && !pkill || a.value().equals("--list"))) {
            return List.of(located(op(inv, "process", Verb.READ, "signal", "").build(), inv, ""));
        }
        ParsedArgs p = inv.withArgs(args).parse(pkill ? PKILL_VALUED : KILLALL_VALUED);
        signal = p.value("-s", "--signal").filter(s -> !pkill).or(() -> p.value("--signal")).orElse(signal);
        if (normalize(signal).equals("0")) {
            return List.of(located(op(inv, "process", Verb.READ, "process", "").note("checks that processes exist").build(), inv, ""));
        }
        List<Arg> patterns = pkill ? p.positionals().stream().limit(1).toList() : p.positionals();
        if (threadDump(normalize(signal)) && !patterns.isEmpty() && patterns.stream().allMatch(a -> Regex.find(a.value(), JVM_WORDS))) {
            return List.of(located(op(inv, "process", Verb.READ, "process", names(patterns)).note(THREAD_DUMP).build(), inv, ""));
        }
        String how = normalize(signal).equals("KILL") || signal.equals("9") ? " with SIGKILL" : "";
        String user = p.value("-u", "--user", "--euid", "-U", "--uid").orElse("");
        List<Operation> ops = new ArrayList<>();
        for (Arg name : patterns) {
            String n = name.value();
            if (!name.literal()) {
                ops.add(op(inv, "process", Verb.UPDATE, "process", n).scope(Scope.MANY).confidence(Confidence.INFERRED)
                        .note("the process name comes from an expansion").build());
            } else if (n.isEmpty() || n.equals(".") || n.equals(".*") || n.equals("^") || p.has("-r", "--regexp") && n.equals(".*")) {
                ops.add(everything(inv, "the pattern '" + n + "' matches every process" + how));
            } else if (ServiceControlRecognizer.critical(Regex.replaceFirst(Regex.replaceFirst(n, "^\\^", ""), "\\$$", ""))) {
                ops.add(op(inv, "process", Verb.UPDATE, "process", n).scope(Scope.ALL).reversible(false)
                        .note("killing " + n + " cuts off access to the machine or everything running on it" + how).build());
            } else {
                ops.add(op(inv, "process", Verb.UPDATE, "process", n).scope(Scope.MANY)
                        .note("stops every process matching " + n + how).build());
            }
        }
        if (patterns.isEmpty()) {
            ops.add(user.isEmpty()
                    ? op(inv, "process", Verb.UPDATE, "process", "").confidence(Confidence.INFERRED)
                            .note(inv.program() + " without a process name").build()
                    : op(inv, "process", Verb.UPDATE, "process", "").scope(Scope.ALL).reversible(false)
                            .note("stops every process of " + user + how).locator("user", user).build());
        }
        return ops.stream().map(o -> located(o, inv, "")).toList();
    }

    private static final String THREAD_DUMP = "SIGQUIT makes a JVM print a thread dump; it keeps running";
    /** How a command line names a JVM ({@code pgrep -f orders.jar}, {@code jps -q}, {@code java -jar}). */
    private static final String JVM_WORDS = "(?i)\\bjava\\b|\\.jar\\b|\\bjps\\b|\\bjvm\\b";

    private static boolean threadDump(String signal) {
        return signal.equals("QUIT") || signal.equals("3");
    }

    /**
     * A process {@code kill -3} is the JVM thread-dump idiom for: a plain PID (PID 1 only inside a pod or container,
     * where it is the application; on a host it is init), or one looked up by a JVM's name. A PID read from a pid file
     * ({@code $(cat /run/nginx.pid)}) is some other daemon, for which SIGQUIT means quit.
     */
    private static boolean aJvm(Arg pid, Invocation inv) {
        String v = pid.value();
        if (!pid.literal()) {
            return Regex.find(pid.evidence().text(), JVM_WORDS); // the substitution as written: $(pgrep -f orders.jar)
        }
        return Regex.matches(v, "[1-9]\\d*") && (!v.equals("1") || inv.locators().containsKey("pod") || inv.locators().containsKey("container"));
    }

    /**
     * Windows' {@code taskkill}: {@code /IM NAME} (wildcards: every match) and {@code /PID N} stop those processes,
     * {@code /T} their children too; {@code /S HOST} on that host. Filters ({@code /FI}) alone name no process.
     */
    static List<Operation> taskkill(Invocation inv) {
        List<String> w = inv.words();
        List<Operation> ops = new ArrayList<>();
        String host = "";
        String how = w.stream().anyMatch(a -> a.equalsIgnoreCase("/F")) ? " by force" : "";
        for (int i = 0; i + 1 < w.size(); i++) {
            String flag = w.get(i).toUpperCase(Locale.ROOT);
            String value = w.get(i + 1);
            switch (flag) {
                case "/S" -> host = value;
                case "/IM" -> ops.add(op(inv, "process", Verb.UPDATE, "process", value).scope(value.contains("*") ? Scope.MANY : Scope.ONE)
                        .note("stops " + value + how).build());
                case "/PID" -> ops.add(op(inv, "process", Verb.UPDATE, "process", value).note("stops process " + value + how).build());
                default -> {
                    continue;
                }
            }
            i++;
        }
        if (ops.isEmpty()) {
            ops.add(op(inv, "process", Verb.UPDATE, "process", "").scope(Scope.MANY).confidence(Confidence.INFERRED)
                    .note("taskkill without a process name or id").build());
        }
        String where = host;
        return ops.stream().map(o -> located(o, inv, where)).toList();
    }

    private static Operation everything(Invocation inv, String note) {
        return op(inv, "process", Verb.UPDATE, "process", "*").scope(Scope.ALL).reversible(false).note(note).build();
    }

    private static boolean isSignal(String s) {
        String n = Regex.replaceFirst(s.toUpperCase(Locale.ROOT), "^SIG", "");
        return Regex.matches(s, "\\d+") || SIGNALS.contains(n) && (s.equals(n) || s.equals("SIG" + n) || s.toUpperCase(Locale.ROOT).equals(s))
                || n.startsWith("RTMIN") || n.startsWith("RTMAX");
    }

    private static String normalize(String signal) {
        return Regex.replaceFirst(signal.toUpperCase(Locale.ROOT), "^SIG", "");
    }

    private static String names(List<Arg> args) {
        return String.join(" ", args.stream().map(Arg::value).toList());
    }
}
