package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.netdevices.DeviceCommands;
import dev.interlock.analysis.shell.recognizers.storage.OntapCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wrappers that run their command somewhere else: {@code ssh host CMD}, {@code kubectl exec POD -- CMD},
 * {@code docker exec CONTAINER CMD}. The inner command carries where it runs (host, pod, container) as locators.
 */
final class RemoteWrappers {

    private final SimpleCommands commands;
    private final ShellWalk walk;

    RemoteWrappers(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    boolean ssh(List<Arg> args, SimpleCommands.Run run) {
        int i = sshOptions(args, 0);
        boolean terminated = i < args.size() && args.get(i).value().equals("--");
        if (terminated) {
            i++;
        }
        if (i + 1 >= args.size()) {
            return false;
        }
        String host = args.get(i).value();
        host = host.substring(host.indexOf('@') + 1);
        // OpenSSH reads options after the host too (ssh bastion -N -L …) unless -- ended them; the remote command is
        // the first word that is not one, and everything after it belongs to that command, flags included.
        int start = terminated ? i + 1 : sshOptions(args, i + 1);
        if (!terminated && start < args.size() && args.get(start).value().equals("--")) {
            start++;
        }
        if (start >= args.size()) {
            return false; // no remote command: a session or a tunnel
        }
        List<Arg> command = args.subList(start, args.size());
        SimpleCommands.Run remote = run.withLocators(Map.of("host", host));
        String text = String.join(" ", command.stream().map(Arg::value).toList());
        if (command.stream().allMatch(Arg::literal) && OntapCommands.spoken(text)) {
            // a NetApp array's cluster shell (volume show, security login create): not a POSIX shell line
            OntapCommands.operations(text, host, remote.locators(), run.evidence()).forEach(walk::add);
        } else if (command.stream().allMatch(Arg::literal) && DeviceCommands.spoken(text)) {
            // a router's or switch's own CLI (show …, configure; commit, /system reboot): not a POSIX shell line
            DeviceCommands.operations(DeviceCommands.lines(text), host, remote.locators(), run.evidence(), "device CLI over ssh")
                    .forEach(walk::add);
        } else if (command.stream().allMatch(Arg::literal)) {
            // ssh hands its standard input to the remote command: echo 'df -h' | ssh host bash runs df there (-n, -f: none)
            Stdin in = args.subList(0, start).stream().anyMatch(a -> Regex.matches(a.value(), "-[a-zA-Z]*[nf][a-zA-Z]*"))
                    ? Stdin.NONE : run.stdin();
            walk.nested(windowsHost(text) ? ShellAnalyzer.backslashesKept(text) : text, run.evidence(), remote.locators(), in);
        } else {
            walk.add(Opaque.operation("runs a command on " + host + " built at run time", run.evidence(), remote.locators()));
        }
        return true;
    }

    /** {@code tsh}'s own options that take a value, before or after its subcommand. */
    private static final Set<String> TSH_VALUED = Set.of("--proxy", "--user", "--cluster", "--login", "-l", "--port", "-p",
            "--auth", "-i", "--identity", "--ttl", "--request-id", "--request-ids", "-o", "--option", "-L", "-R", "-D");

    /**
     * Teleport: {@code tsh ssh [user@]HOST CMD} runs CMD on HOST as ssh does, and a label selector
     * ({@code tsh ssh root@env=prod CMD}) on every node it matches; {@code tsh scp} copies as scp does. Anything else
     * is tsh's own recognizer's.
     */
    boolean tsh(List<Arg> args, SimpleCommands.Run run) {
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            i += TSH_VALUED.contains(args.get(i).value()) ? 2 : 1; // global options (--proxy x) say nothing about what runs
        }
        if (i >= args.size() || !(args.get(i).value().equals("ssh") || args.get(i).value().equals("scp"))) {
            return false;
        }
        boolean scp = args.get(i).value().equals("scp");
        // tsh's long options (--cluster leaf, --proxy=x) are dropped up to the host; ssh's own short ones stay
        List<Arg> rest = new java.util.ArrayList<>();
        boolean atHost = false;
        for (int j = i + 1; j < args.size(); j++) {
            String w = args.get(j).value();
            if (!atHost && w.startsWith("--") && w.length() > 2) {
                if (!w.contains("=") && TSH_VALUED.contains(w)) {
                    j++;
                }
                continue;
            }
            atHost |= !scp && !w.startsWith("-") && !(j > i + 1 && Wrappers.SSH_VALUED.contains(args.get(j - 1).value()));
            rest.add(args.get(j));
        }
        if (scp) {
            List<Arg> copy = new java.util.ArrayList<>(List.of(Arg.of("scp")));
            copy.addAll(rest);
            commands.dispatch(run.inner(copy));
            return true;
        }
        int host = sshOptions(rest, 0);
        boolean selector = host < rest.size() && rest.get(host).value().contains("=");
        int entry = walk.operations.size();
        boolean ran = ssh(rest, run);
        if (!ran) {
            // no remote command: a session on the node, judged as ssh's own session is
            List<Arg> session = new java.util.ArrayList<>(List.of(Arg.of("ssh")));
            session.addAll(rest);
            commands.dispatch(run.inner(session));
            return true;
        }
        if (selector) {
            // a label selector (env=prod) names every node it matches: what runs there, runs on all of them
            for (int k = entry; k < walk.operations.size(); k++) {
                dev.interlock.model.Operation op = walk.operations.get(k);
                if (op.scope() == dev.interlock.model.Scope.ONE) {
                    walk.operations.set(k, op.toBuilder().scope(dev.interlock.model.Scope.MANY).build());
                }
            }
        }
        return ran;
    }

    /** Boundary's connect helpers and the client each runs with the arguments after {@code --}. */
    private static final Map<String, String> BOUNDARY_CLIENTS = Map.of("postgres", "psql", "mysql", "mysql",
            "cassandra", "cqlsh", "redis", "redis-cli", "kube", "kubectl");

    /**
     * {@code boundary connect postgres -target-name orders-db-prod -- -c "SELECT …"}: Boundary opens the session and
     * runs the client with the arguments after {@code --}, so what runs is that client's command, on the target the
     * session reaches (its name, or its scope's).
     */
    boolean boundaryConnect(List<Arg> args, SimpleCommands.Run run) {
        int dash = Unwrapper.indexOf(args, "--");
        if (dash < 2 || !args.getFirst().value().equals("connect") || !BOUNDARY_CLIENTS.containsKey(args.get(1).value())
                || dash + 1 >= args.size()) {
            return false;
        }
        String target = "";
        String scope = "";
        for (int i = 2; i < dash; i++) {
            String w = args.get(i).value().replaceFirst("^--?", "");
            String key = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < dash ? args.get(i + 1).value() : "";
            switch (key) {
                case "target-name", "target-id" -> target = value;
                case "target-scope-name" -> scope = value;
                default -> { }
            }
        }
        String where = dev.interlock.analysis.shell.recognizers.DeploymentWords.tierOfName(target).isEmpty() && !scope.isEmpty()
                ? scope : target;
        List<Arg> client = new java.util.ArrayList<>(List.of(Arg.of(BOUNDARY_CLIENTS.get(args.get(1).value()))));
        client.addAll(args.subList(dash + 1, args.size()));
        commands.dispatch(run.inner(client).withLocators(Map.of("host", where)));
        return true;
    }

    /**
     * A command for a Windows host's shell ({@code ssh admin@web-01 "%windir%\\system32\\inetsrv\\appcmd.exe list …"},
     * {@code "C:\\tools\\x.exe"}): its backslashes separate path parts there, they escape nothing.
     */
    private static boolean windowsHost(String text) {
        return text.indexOf('\\') >= 0 && Regex.find(text, "(^|[\\s\"'])([A-Za-z]:|%[A-Za-z_]+%)\\\\");
    }

    /** The index of the first word at or after {@code i} that is not one of ssh's options or their values. */
    private static int sshOptions(List<Arg> args, int i) {
        while (i < args.size() && args.get(i).value().startsWith("-") && !args.get(i).value().equals("--")) {
            String w = args.get(i).value();
            // -fNL 8080:host:80: bundled flags whose last letter takes the next word as its value
            boolean valued = Wrappers.SSH_VALUED.contains(w)
                    || w.length() > 2 && !w.startsWith("--") && Wrappers.SSH_VALUED.contains("-" + w.charAt(w.length() - 1));
            i += valued ? 2 : 1;
        }
        return i;
    }

    boolean podExec(String program, List<Arg> args, SimpleCommands.Run run) {
        int dash = Unwrapper.indexOf(args, "--");
        if (dash < 0 || !args.subList(0, dash).stream().map(Arg::value).toList().contains("exec")) {
            return false;
        }
        List<Arg> before = args.subList(0, dash);
        ParsedArgs opts = ParsedArgs.parse(before, Wrappers.KUBECTL_VALUED);
        Map<String, String> where = new HashMap<>();
        List<String> words = opts.words();
        int exec = words.indexOf("exec");
        if (exec >= 0 && exec + 1 < words.size()) {
            where.put("pod", words.get(exec + 1));
        }
        opts.value("--context").ifPresent(c -> where.put("context", c));
        opts.value("-n", "--namespace").ifPresent(n -> where.put("namespace", n));
        opts.value("--kubeconfig").ifPresent(k -> where.put("kubeconfig", k));
        where.putIfAbsent("pod", "unknown");
        int entry = walk.operations.size();
        commands.recognize(program, before, run);
        int inner = walk.operations.size();
        // -i/--stdin hands this command's standard input to the command in the pod (kubectl exec -i db -- psql <<< 'SELECT 1')
        boolean stdin = before.stream().map(Arg::value).anyMatch(w -> w.equals("--stdin") || w.equals("--stdin=true")
                || Regex.matches(w, "-[a-zA-Z]*i[a-zA-Z]*") && !w.startsWith("--"));
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())).withLocators(where).withStdin(stdin ? run.stdin() : Stdin.NONE));
        onlyItsCommandWhenItReads(entry, inner);
        return true;
    }

    /** Compose's global options that take a value ({@code docker compose -f docker-compose.prod.yml exec …}). */
    private static final Set<String> COMPOSE_VALUED = Set.of("-f", "--file", "-p", "--project-name", "--project-directory",
            "--profile", "--env-file", "--ansi", "--parallel", "--progress");

    /**
     * {@code docker exec CONTAINER CMD}, and {@code docker compose exec SERVICE CMD} ({@code docker-compose exec}), which
     * runs CMD in the service's running container just the same.
     */
    boolean containerExec(String program, List<Arg> args, SimpleCommands.Run run) {
        boolean compose = program.endsWith("-compose");
        int exec = -1;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("exec")) {
                exec = i;
                break;
            }
            if (w.equals("compose") && !compose) {
                compose = true;
                continue;
            }
            if (compose && COMPOSE_VALUED.contains(w)) {
                i++;
                continue;
            }
            if (!w.startsWith("-") && !(i > 0 && Set.of("-H", "--host", "--context", "-c", "--config").contains(args.get(i - 1).value()))) {
                return false;
            }
        }
        if (exec < 0) {
            return false;
        }
        List<Arg> rest = args.subList(exec + 1, args.size());
        List<Arg> inner = Unwrapper.afterOptions(rest, Wrappers.DOCKER_EXEC_VALUED, 1);
        if (inner.isEmpty()) {
            return false;
        }
        String container = rest.get(rest.size() - inner.size() - 1).value();
        int entry = walk.operations.size();
        commands.recognize(program, args.subList(0, args.size() - inner.size()), run);
        int ran = walk.operations.size();
        Map<String, String> where = new HashMap<>(Map.of("container", container));
        ParsedArgs global = ParsedArgs.parse(args.subList(0, exec), Set.of("-H", "--host", "--context", "-c"));
        // A container of the local daemon is on this machine; -H/--context/DOCKER_HOST name another one.
        where.put("host", global.value("-H", "--host").or(() -> global.value("--context", "-c"))
                .or(() -> java.util.Optional.ofNullable(run.env().get("DOCKER_HOST"))).orElse("localhost"));
        commands.dispatch(run.inner(inner).withEnv(execEnv(rest.subList(0, rest.size() - inner.size()))).withLocators(where)
                .withStdin(Stdin.NONE));
        onlyItsCommandWhenItReads(entry, ran);
        return true;
    }

    /** The variables {@code -e K=V}/{@code --env K=V} give the command run in the container. */
    private static Map<String, String> execEnv(List<Arg> options) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String w = options.get(i).value();
            String pair = w.equals("-e") || w.equals("--env") ? (i + 1 < options.size() ? options.get(++i).value() : "")
                    : w.startsWith("--env=") ? w.substring(6) : w.startsWith("-e") && w.length() > 2 && w.indexOf('=') > 2 ? w.substring(2) : "";
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }

    /**
     * {@code kubectl exec POD -- cat /etc/resolv.conf}: when all the command does in there is read, getting in is no
     * change of its own — judged as {@code ssh HOST cat …} is, by what runs. Any other command keeps the exec too.
     */
    private void onlyItsCommandWhenItReads(int entry, int inner) {
        List<dev.interlock.model.Operation> ran = walk.operations.subList(inner, walk.operations.size());
        if (!ran.isEmpty() && ran.stream().allMatch(op -> op.verb() == dev.interlock.model.Verb.READ)) {
            walk.operations.subList(entry, inner).removeIf(op -> op.verb() == dev.interlock.model.Verb.EXECUTE);
        }
    }
}
