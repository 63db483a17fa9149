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
 * {@code pm2 deploy [FILE] ENV [COMMAND]} is not about this machine: it deploys to the hosts of the ecosystem file's
 * environment, which its name places ({@code production} is prod), like {@code cap production deploy}.
 */
final class ProcessManagers {

    static final Set<String> PROGRAMS = Set.of("pm2", "supervisorctl", "fuser");
    private static final Set<String> READS = Set.of("list", "ls", "l", "status", "logs", "show", "describe", "monit", "info",
            "prettylist", "jlist", "env", "avail", "pid", "tail", "version", "help", "maintail", "report");

    /** pm2 deploy's commands that only show the deployed revisions. */
    private static final Set<String> DEPLOY_READS = Set.of("list", "curr", "current", "prev", "previous", "ref");

    private ProcessManagers() {
    }

    /** {@code pm2 deploy ecosystem.config.js production [update|revert 1|setup|exec CMD|list]}. */
    private static Operation deploy(Invocation inv, List<String> words) {
        List<String> rest = words.subList(1, words.size());
        if (!rest.isEmpty() && rest.getFirst().matches(".*\\.(?:c?js|mjs|json|ya?ml)$")) {
            rest = rest.subList(1, rest.size());
        }
        String stage = rest.isEmpty() ? "" : rest.getFirst();
        String command = rest.size() > 1 ? rest.get(1) : "update";
        Verb verb = DEPLOY_READS.contains(command) ? Verb.READ : command.equals("setup") ? Verb.CREATE
                : command.equals("exec") ? Verb.EXECUTE : Verb.UPDATE;
        Operation.Builder b = op(inv, "pm2", verb, "deployment", stage).confidence(Confidence.INFERRED)
                .note("pm2 deploy " + command + " on the servers of the " + (stage.isEmpty() ? "ecosystem file's" : stage) + " environment");
        if (!stage.isEmpty()) {
            b.locator("environment", stage);
        }
        inv.locators().forEach(b::locator);
        return b.build();
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
        if (inv.program().equals("pm2") && sub.equals("deploy")) {
            return List.of(deploy(inv, words));
        }
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
