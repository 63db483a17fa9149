package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.network.LocalMachines;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wrappers that run their command as another user on this machine: {@code sudo}, {@code doas}, {@code run0},
 * {@code pkexec}, {@code su}, {@code systemd-run}. The inner command is analyzed, plus an escalation when it changes
 * anything with those privileges.
 */
final class PrivilegeWrappers {

    private final SimpleCommands commands;
    private final ShellWalk walk;

    PrivilegeWrappers(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    boolean privileged(String program, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = Unwrapper.afterOptions(args, Wrappers.SUDO_VALUED, 0);
        ParsedArgs opts = ParsedArgs.parse(args.subList(0, args.size() - inner.size()), Wrappers.SUDO_VALUED);
        String user = opts.value("-u", "--user").orElse("root");
        if (opts.has("-l", "--list", "-v", "--validate", "-k", "-K", "--reset-timestamp", "--remove-timestamp", "-V", "--version", "-h", "--help")
                && inner.isEmpty()) {
            return true;
        }
        if (inner.isEmpty()) {
            walk.add(escalation(program + " opens a shell as " + user, user, run));
            return true;
        }
        return runAs(program, inner, user, run);
    }

    /**
     * sudo's own {@code VAR=value} words before the command ({@code sudo ETCDCTL_API=3 etcdctl …}) are the command's
     * environment, as {@code env}'s are: the program is the first word after them.
     */
    private SimpleCommands.Run withAssignments(String program, List<Arg> inner, SimpleCommands.Run run) {
        if (!program.equals("sudo") || inner.getFirst().value().indexOf('=') <= 0) {
            return run.inner(inner);
        }
        Map<String, String> assigned = new HashMap<>();
        int i = 0;
        for (; i < inner.size() - 1; i++) {
            String w = inner.get(i).value();
            int eq = w.indexOf('=');
            if (eq <= 0 || !inner.get(i).literal() || !Regex.matches(w.substring(0, eq), "[A-Za-z_][A-Za-z0-9_]*")) {
                break;
            }
            assigned.put(w.substring(0, eq), w.substring(eq + 1));
        }
        if (assigned.isEmpty()) {
            return run.inner(inner);
        }
        List<Arg> rest = inner.subList(i, inner.size());
        Map<String, Optional<String>> executed = new HashMap<>();
        assigned.forEach((k, v) -> executed.put(k, Optional.of(v)));
        // LD_PRELOAD=…, GIT_SSH_COMMAND=…: variables the program executes are judged as through env
        ExecutionRoutes.variables(executed, run.evidence(), run.locators(), walk,
                rest.getFirst().literal() ? Optional.of(rest.getFirst().value()) : Optional.empty());
        return run.inner(rest).withEnv(assigned);
    }

    /** The inner command, and an escalation when it changes anything as {@code user} on this machine. */
    private boolean runAs(String program, List<Arg> inner, String user, SimpleCommands.Run run) {
        int before = walk.operations.size();
        commands.dispatch(withAssignments(program, inner, run));
        boolean changes = walk.operations.subList(before, walk.operations.size()).stream()
                .anyMatch(op -> op.verb() != Verb.READ && !LocalMachines.restorePoint(op) && !onOtherHosts(op) && !shellState(op));
        if (changes && !run.locators().containsKey("host")) {
            walk.add(escalation("runs a change as " + user + " through " + program, user, run));
        }
        return true;
    }

    /**
     * A change a fleet tool makes on the hosts it targets ({@code sudo salt 'web*' state.apply}): root here only opens the
     * master's socket; what changes is judged on those hosts, not as this machine's privileges.
     */
    private static boolean onOtherHosts(Operation op) {
        String host = op.resource().locator("host");
        return FLEET_SYSTEMS.contains(op.system()) && !host.isEmpty() && !dev.interlock.environment.Hosts.loopback(host);
    }

    /**
     * {@code sudo -u oracle bash -c "export ORACLE_SID=X; …"}: setting the child shell's own variables or options changes
     * nothing on the machine, so it is no reason to call the run a change made as that user.
     */
    private static boolean shellState(Operation op) {
        return op.system().equals("process") && op.verb() == Verb.EXECUTE && SHELL_STATE.contains(op.resource().name());
    }

    private static final Set<String> SHELL_STATE = Set.of("export", "set", "unset", "declare", "typeset", "readonly", "local", "shopt");

    /** Tools that act through their own agents on other machines. */
    private static final Set<String> FLEET_SYSTEMS = Set.of("salt", "chef", "ansible", "pyinfra");

    /**
     * {@code systemd-run} starts its command as a transient unit: the user's own with {@code --user}; otherwise through
     * the system manager, as root unless {@code --uid} names another user. Without a command it is judged as a program.
     */
    boolean systemdRun(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = Unwrapper.afterOptions(args, Wrappers.SYSTEMD_RUN_VALUED, 0);
        if (inner.isEmpty()) {
            return false;
        }
        ParsedArgs opts = ParsedArgs.parse(args.subList(0, args.size() - inner.size()), Wrappers.SYSTEMD_RUN_VALUED);
        if (opts.has("--user")) {
            commands.dispatch(run.inner(inner));
            return true;
        }
        return runAs("systemd-run", inner, opts.value("--uid").orElse("root"), run);
    }

    boolean su(List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs opts = ParsedArgs.parse(args, Set.of("-c", "--command", "-s", "--shell", "-g", "--group"));
        String user = opts.positional(0).filter(u -> !u.equals("-")).orElse("root");
        Optional<String> command = opts.value("-c", "--command");
        if (command.isEmpty()) {
            walk.add(escalation("su switches to " + user, user, run));
            return true;
        }
        walk.nested(command.get(), run.evidence(), run.locators());
        walk.add(escalation("runs a command as " + user + " through su", user, run));
        return true;
    }

    private static Operation escalation(String note, String user, SimpleCommands.Run run) {
        Operation.Builder b = Operation.builder("process", Verb.ESCALATE).resource("user", user).note(note)
                .reversible(true).evidence(run.evidence());
        run.locators().forEach(b::locator);
        if (run.locators().isEmpty()) {
            b.environment(Tier.LOCAL, "privileges on this machine");
        }
        return b.build();
    }
}
