package dev.interlock.analysis.shell.recognizers.process;

import static dev.interlock.analysis.shell.recognizers.process.ServiceControlRecognizer.located;
import static dev.interlock.analysis.shell.recognizers.process.ServiceControlRecognizer.op;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * User-space process managers (pm2, supervisorctl) and {@code fuser -k}. Like systemctl: reads pass, starting and
 * restarting one program is routine, and acting on {@code all} of them or on the manager itself is scope all.
 */
final class ProcessManagers {

    static final Set<String> PROGRAMS = Set.of("pm2", "supervisorctl", "fuser");
    private static final Set<String> READS = Set.of("list", "ls", "l", "status", "logs", "show", "describe", "monit", "info",
            "prettylist", "jlist", "env", "avail", "pid", "tail", "version", "help", "maintail", "report");

    private ProcessManagers() {
    }

    static List<Operation> recognize(Invocation inv) {
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        if (inv.program().equals("fuser")) {
            boolean kills = inv.words().stream().anyMatch(w -> w.startsWith("-") && !w.startsWith("--") && w.contains("k"));
            Operation o = kills
                    ? op(inv, "process", Verb.UPDATE, "process", String.join(" ", words)).scope(Scope.MANY)
                            .note("kills every process using " + String.join(" ", words)).build()
                    : op(inv, "process", Verb.READ, "process", String.join(" ", words)).build();
            return List.of(located(o, inv, ""));
        }
        String sub = words.isEmpty() ? "status" : words.getFirst();
        String target = words.size() > 1 ? words.get(1) : "";
        boolean all = target.equals("all") || inv.program().equals("supervisorctl") && words.size() > 1 && target.endsWith(":*");
        Operation o;
        if (READS.contains(sub)) {
            o = op(inv, "process", Verb.READ, "process", target).build();
        } else if (sub.equals("kill") || sub.equals("shutdown")) {
            o = op(inv, "process", Verb.UPDATE, "process", "*").scope(Scope.ALL).reversible(false)
                    .note(inv.program() + " " + sub + " stops the manager and every program it runs").build();
        } else if (inv.program().equals("pm2") && (sub.equals("delete") || sub.equals("del"))) {
            // pm2 forgets the process with its arguments and environment; only a saved ecosystem file brings it back
            o = op(inv, "process", Verb.DELETE, "process", target).scope(all ? Scope.ALL : Scope.ONE).stateful(true)
                    .reversible(false).note("pm2 delete removes " + (all ? "every process" : target) + " and its configuration").build();
        } else if (sub.equals("delete") || sub.equals("del") || sub.equals("stop") || sub.equals("remove")) {
            o = op(inv, "process", Verb.UPDATE, "process", target).scope(all ? Scope.ALL : Scope.ONE)
                    .reversible(!(all && !sub.equals("stop"))).note(inv.program() + " " + sub + " " + target).build();
        } else if (Set.of("start", "restart", "reload", "save", "resurrect", "reread", "update", "add", "flush", "scale",
                "gracefulReload", "startOrRestart", "startOrReload", "reset", "signal").contains(sub)) {
            o = op(inv, "process", Verb.UPDATE, "process", target).scope(all ? Scope.MANY : Scope.ONE).build();
        } else {
            o = op(inv, "process", Verb.UPDATE, "process", target).confidence(Confidence.INFERRED)
                    .note(inv.program() + " " + sub).build();
        }
        return List.of(located(o, inv, ""));
    }
}
