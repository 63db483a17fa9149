package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wrappers that run another command: {@code sudo}, {@code env}, {@code timeout}, {@code xargs}, {@code sh -c},
 * {@code eval}, {@code ssh host CMD}, {@code kubectl exec -- CMD}, {@code docker exec}, {@code npx}, … Each unwraps to
 * the inner run, carrying environment assignments and remote locators along; what cannot be unwrapped statically is
 * opaque.
 */
final class Unwrapper {

    private final SimpleCommands commands;
    private final ShellWalk walk;

    Unwrapper(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    /** True when {@code program} was a wrapper and its inner command has been analyzed. */
    boolean unwrap(String program, List<Arg> args, SimpleCommands.Run run) {
        if (program.equals("command") && !args.isEmpty() && (args.getFirst().value().equals("-v") || args.getFirst().value().equals("-V"))) {
            return true;
        }
        Wrappers.Shape shape = Wrappers.SIMPLE.get(program);
        if (shape != null) {
            commands.dispatch(run.inner(afterOptions(args, shape.valued(), shape.leadingOperands())));
            return true;
        }
        Set<String> runnerVerbs = Wrappers.RUNNERS.get(program);
        if (runnerVerbs != null && !args.isEmpty() && runnerVerbs.contains(args.getFirst().value())) {
            commands.dispatch(run.inner(afterOptions(args.subList(1, args.size()), Set.of("-p", "--package", "-c", "--call", "--from", "--with"), 0)));
            return true;
        }
        return switch (program) {
            case "sudo", "doas", "run0", "pkexec" -> privileged(program, args, run);
            case "su" -> su(args, run);
            case "systemd-run" -> systemdRun(args, run);
            case "env" -> env(args, run);
            case "xargs" -> xargs(args, run);
            case "find" -> FindCommands.find(args, run, commands);
            case "eval" -> eval(args, run);
            case "trap" -> trap(args, run);
            case "watch" -> watch(args, run);
            case "ssh" -> ssh(args, run);
            case "kubectl", "oc" -> podExec(program, args, run);
            case "docker", "podman", "nerdctl" -> containerExec(program, args, run);
            case "aws-vault" -> awsVault(args, run);
            case "with-contenv", "direnv", "parallel" -> afterDoubleDash(program, args, run);
            case "source", "." -> source(program, args, run);
            case "rimraf", "del-cli", "trash", "trash-put" -> alias("rm", List.of("-rf"), args, run);
            default -> SecretInjectors.TABLE.containsKey(program) ? injected(SecretInjectors.TABLE.get(program), args, run)
                    : Wrappers.SHELLS.contains(program) ? shell(program, args, run) : interpreterModule(program, args, run);
        };
    }

    /**
     * {@code doppler run --config prd -- CMD}: the command runs with that environment's secrets, so what it reaches
     * (databases, clouds, scripts whose effect is unknown) is that environment's; the files it touches stay on this
     * machine. Without a run word or a command the program is judged by its recognizer.
     */
    private boolean injected(SecretInjectors injector, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> rest = args;
        if (!injector.subcommand().isEmpty()) {
            if (args.isEmpty() || !args.getFirst().value().equals(injector.subcommand())) {
                return false;
            }
            rest = args.subList(1, args.size());
        }
        int dash = indexOf(rest, "--");
        if (dash < 0 && injector.operandsFirst()) {
            return false;
        }
        List<Arg> inner = dash >= 0 ? rest.subList(dash + 1, rest.size()) : afterOptions(rest, injector.valued(), 0);
        ParsedArgs options = ParsedArgs.parse(rest.subList(0, dash >= 0 ? dash : rest.size() - inner.size()), injector.valued());
        Optional<String> line = injector.command().isEmpty() ? Optional.empty() : options.value(injector.command());
        if (inner.isEmpty() && line.isEmpty()) {
            return false;
        }
        Optional<String> environment = injector.environmentOf(options, run.env());
        // what the recognizers read as a named environment (DEPLOY_ENV=prod psql …), for the tools that honour it
        SimpleCommands.Run within = environment.map(e -> run.withEnv(Map.of("DEPLOY_ENV", e))).orElse(run);
        int before = walk.operations.size();
        if (line.isPresent()) {
            walk.nested(line.get(), run.evidence(), run.locators());
        } else {
            commands.dispatch(within.inner(inner));
        }
        environment.ifPresent(name -> walk.operations.subList(Math.min(before, walk.operations.size()), walk.operations.size())
                .replaceAll(op -> withSecretsOf(op, name)));
        return true;
    }

    /**
     * Code run with an environment's secrets acts there: a script or program whose effect is unknown, and anything
     * that names no environment itself. Files stay on this machine.
     */
    private static Operation withSecretsOf(Operation op, String environment) {
        boolean local = op.environment() == Tier.LOCAL;
        if (op.system().equals("filesystem") || local && !op.system().equals("process")) {
            return op;
        }
        Operation.Builder b = op.toBuilder();
        if (op.resource().locator("environment").isEmpty()) {
            b.locator("environment", environment);
        }
        return b
                .environment(local ? Tier.UNKNOWN : op.environment(), local ? "" : op.environmentSource()).build();
    }

    /**
     * {@code trap 'rm -rf ~' EXIT}: the action runs later in this shell, on the signal, so it is analyzed like the
     * line itself; {@code trap -l}, {@code trap -p} and a reset ({@code trap - INT}) run nothing.
     */
    private boolean trap(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> rest = !args.isEmpty() && args.getFirst().value().equals("--") ? args.subList(1, args.size()) : args;
        if (rest.size() < 2 || rest.getFirst().value().startsWith("-")) {
            return true; // listing, printing or resetting traps runs nothing
        }
        Arg action = rest.getFirst();
        if (action.value().isEmpty()) {
            return true;
        }
        if (action.literal()) {
            walk.nested(action.value(), run.evidence(), run.locators());
        } else {
            walk.add(Opaque.operation("trap runs text only known at run time (" + action.value() + ")", run.evidence(), run.locators()));
        }
        return true;
    }

    /** The words after leading options (and {@code skip} operands such as timeout's duration). */
    static List<Arg> afterOptions(List<Arg> args, Set<String> valued, int skip) {
        int i = 0;
        while (i < args.size()) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                i++;
                break;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                break;
            }
            i += valued.contains(w) ? 2 : 1;
        }
        i += skip;
        return i >= args.size() ? List.of() : args.subList(i, args.size());
    }

    private boolean privileged(String program, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = afterOptions(args, Wrappers.SUDO_VALUED, 0);
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

    /** The inner command, and an escalation when it changes anything as {@code user} on this machine. */
    private boolean runAs(String program, List<Arg> inner, String user, SimpleCommands.Run run) {
        int before = walk.operations.size();
        commands.dispatch(run.inner(inner));
        boolean changes = walk.operations.subList(before, walk.operations.size()).stream().anyMatch(op -> op.verb() != Verb.READ);
        if (changes && !run.locators().containsKey("host")) {
            walk.add(escalation("runs a change as " + user + " through " + program, user, run));
        }
        return true;
    }

    /**
     * {@code systemd-run} starts its command as a transient unit: the user's own with {@code --user}; otherwise through
     * the system manager, as root unless {@code --uid} names another user. Without a command it is judged as a program.
     */
    private boolean systemdRun(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = afterOptions(args, Wrappers.SYSTEMD_RUN_VALUED, 0);
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

    private boolean su(List<Arg> args, SimpleCommands.Run run) {
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

    private boolean env(List<Arg> args, SimpleCommands.Run run) {
        Map<String, String> assigned = new HashMap<>();
        List<Arg> rest = new ArrayList<>();
        int i = 0;
        for (; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                i++;
                break;
            }
            if (w.equals("-u") || w.equals("-C") || w.equals("--unset") || w.equals("--chdir")) {
                i++;
            } else if (w.equals("-S") || w.equals("--split-string") || w.startsWith("--split-string=") || (w.startsWith("-S") && w.length() > 2)) {
                String text = w.startsWith("--split-string=") ? w.substring(15) : w.length() > 2 && w.startsWith("-S") ? w.substring(2)
                        : i + 1 < args.size() ? args.get(++i).value() : "";
                for (String part : Regex.split(text.trim(), "\\s+")) {
                    if (!part.isEmpty()) {
                        rest.add(new Arg(part, args.get(i).literal(), false, args.get(i).evidence()));
                    }
                }
            } else if (!w.startsWith("-")) {
                break;
            }
        }
        for (; i < args.size(); i++) {
            Arg a = args.get(i);
            int eq = a.value().indexOf('=');
            if (rest.isEmpty() && eq > 0 && Regex.matches(a.value().substring(0, eq), "[A-Za-z_][A-Za-z0-9_]*")) {
                assigned.put(a.value().substring(0, eq), a.value().substring(eq + 1));
            } else {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
        }
        Map<String, Optional<String>> executed = new HashMap<>();
        assigned.forEach((k, v) -> executed.put(k, Optional.of(v)));
        ExecutionRoutes.variables(executed, run.evidence(), run.locators(), walk);
        if (rest.isEmpty()) {
            commands.recognize("env", List.of(), run);
            return true;
        }
        commands.dispatch(run.inner(rest).withEnv(assigned));
        return true;
    }

    private boolean xargs(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = new ArrayList<>(afterOptions(args, Wrappers.XARGS_VALUED, 0));
        ParsedArgs opts = ParsedArgs.parse(args.subList(0, args.size() - inner.size()), Wrappers.XARGS_VALUED);
        if (inner.isEmpty()) {
            inner.add(Arg.of("echo"));
        }
        Optional<String> replace = opts.value("-I", "--replace", "-i");
        List<Arg> items = new ArrayList<>();
        if (run.stdin().text().isPresent()) {
            for (String item : Regex.split(run.stdin().text().get().trim(), "\\s+")) {
                if (!item.isEmpty()) {
                    items.add(new Arg(item, true, false, run.evidence()));
                }
            }
        } else {
            items.add(new Arg("<items read from stdin>", false, true, run.evidence()));
        }
        List<Arg> full = new ArrayList<>();
        if (replace.isPresent()) {
            String placeholder = items.size() == 1 ? items.getFirst().value() : "<items read from stdin>";
            boolean literal = items.size() == 1 && items.getFirst().literal();
            for (Arg a : inner) {
                full.add(a.value().contains(replace.get())
                        ? new Arg(a.value().replace(replace.get(), placeholder), literal && a.literal(), a.glob() || !literal, a.evidence()) : a);
            }
        } else {
            full.addAll(inner);
            full.addAll(items);
        }
        commands.dispatch(run.inner(full).withStdin(Stdin.NONE));
        return true;
    }

    private boolean eval(List<Arg> args, SimpleCommands.Run run) {
        if (args.stream().allMatch(Arg::literal)) {
            walk.nested(String.join(" ", args.stream().map(Arg::value).toList()), run.evidence(), run.locators());
        } else {
            walk.add(Opaque.operation("eval of text only known at run time", run.evidence(), run.locators()));
        }
        return true;
    }

    private boolean watch(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> inner = afterOptions(args, Set.of("-n", "--interval", "-q", "--equexit"), 0);
        return eval(inner, run);
    }

    private boolean ssh(List<Arg> args, SimpleCommands.Run run) {
        // ssh's own options end at the host; everything after it is the remote command, flags included.
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-") && !args.get(i).value().equals("--")) {
            String w = args.get(i).value();
            i += Wrappers.SSH_VALUED.contains(w) ? 2 : 1;
        }
        if (i < args.size() && args.get(i).value().equals("--")) {
            i++;
        }
        if (i + 1 >= args.size()) {
            return false;
        }
        String host = args.get(i).value();
        host = host.substring(host.indexOf('@') + 1);
        List<Arg> command = args.subList(i + 1, args.size());
        SimpleCommands.Run remote = run.withLocators(Map.of("host", host));
        if (command.stream().allMatch(Arg::literal)) {
            walk.nested(String.join(" ", command.stream().map(Arg::value).toList()), run.evidence(), remote.locators());
        } else {
            walk.add(Opaque.operation("runs a command on " + host + " built at run time", run.evidence(), remote.locators()));
        }
        return true;
    }

    private boolean podExec(String program, List<Arg> args, SimpleCommands.Run run) {
        int dash = indexOf(args, "--");
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
        commands.recognize(program, before, run);
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())).withLocators(where).withStdin(Stdin.NONE));
        return true;
    }

    private boolean containerExec(String program, List<Arg> args, SimpleCommands.Run run) {
        int exec = -1;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("exec")) {
                exec = i;
                break;
            }
            if (!w.startsWith("-") && !(i > 0 && Set.of("-H", "--host", "--context", "-c", "--config").contains(args.get(i - 1).value()))) {
                return false;
            }
        }
        if (exec < 0) {
            return false;
        }
        List<Arg> rest = args.subList(exec + 1, args.size());
        List<Arg> inner = afterOptions(rest, Wrappers.DOCKER_EXEC_VALUED, 1);
        if (inner.isEmpty()) {
            return false;
        }
        String container = rest.get(rest.size() - inner.size() - 1).value();
        commands.recognize(program, args.subList(0, args.size() - inner.size()), run);
        Map<String, String> where = new HashMap<>(Map.of("container", container));
        ParsedArgs global = ParsedArgs.parse(args.subList(0, exec), Set.of("-H", "--host", "--context", "-c"));
        // A container of the local daemon is on this machine; -H/--context/DOCKER_HOST name another one.
        where.put("host", global.value("-H", "--host").or(() -> global.value("--context", "-c"))
                .or(() -> java.util.Optional.ofNullable(run.env().get("DOCKER_HOST"))).orElse("localhost"));
        commands.dispatch(run.inner(inner).withLocators(where).withStdin(Stdin.NONE));
        return true;
    }

    private boolean awsVault(List<Arg> args, SimpleCommands.Run run) {
        int dash = indexOf(args, "--");
        if (args.size() < 2 || !args.getFirst().value().equals("exec") || dash < 0) {
            return false;
        }
        ParsedArgs opts = ParsedArgs.parse(args.subList(1, dash), Set.of("-d", "--duration", "-t", "--mfa-token", "--region"));
        Map<String, String> env = new HashMap<>();
        opts.positional(0).ifPresent(p -> env.put("AWS_PROFILE", p));
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())).withEnv(env));
        return true;
    }

    private boolean afterDoubleDash(String program, List<Arg> args, SimpleCommands.Run run) {
        if (program.equals("parallel")) {
            int sep = indexOf(args, ":::");
            List<Arg> inner = new ArrayList<>(afterOptions(sep < 0 ? args : args.subList(0, sep), Set.of("-j", "--jobs", "-S"), 0));
            if (inner.isEmpty()) {
                return false;
            }
            if (sep >= 0) {
                inner.addAll(args.subList(sep + 1, args.size()));
            } else {
                inner.add(new Arg("<items read from stdin>", false, true, run.evidence()));
            }
            commands.dispatch(run.inner(inner));
            return true;
        }
        int dash = indexOf(args, "--");
        if (program.equals("direnv") && args.size() > 2 && args.getFirst().value().equals("exec")) {
            commands.dispatch(run.inner(args.subList(2, args.size())));
            return true;
        }
        if (dash < 0 || !(program.equals("with-contenv") || (!args.isEmpty() && args.getFirst().value().equals("run")))) {
            return false;
        }
        commands.dispatch(run.inner(args.subList(dash + 1, args.size())));
        return true;
    }

    private boolean source(String program, List<Arg> args, SimpleCommands.Run run) {
        if (args.isEmpty()) {
            return true;
        }
        if (!args.getFirst().literal()) {
            walk.add(Opaque.operation(program + " loads a script only known at run time (" + args.getFirst().value() + ")",
                    run.evidence(), run.locators()));
            return true;
        }
        String script = walk.text(args.getFirst().value()).orElse(null);
        if (script != null) {
            walk.nested(script, run.evidence(), run.locators());
            return true;
        }
        if (walk.analyzer.hasRecognizer("source")) {
            return false;
        }
        walk.add(scriptRun(args.getFirst(), args.subList(1, args.size()), run));
        return true;
    }

    private boolean shell(String program, List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (Wrappers.isCommandFlag(w) || w.equals("--command")) {
                Arg text = i + 1 < args.size() ? args.get(i + 1) : Arg.of("");
                if (text.literal()) {
                    walk.nested(text.value(), run.evidence(), run.locators());
                } else {
                    walk.add(Opaque.operation(program + " -c runs text only known at run time (" + text.value() + ")", run.evidence(), run.locators()));
                }
                return true;
            }
            if (w.equals("-o") || w.equals("+o") || w.equals("--rcfile") || w.equals("--init-file")) {
                i++;
                continue;
            }
            if (!w.startsWith("-") && !w.startsWith("+")) {
                if (!args.get(i).literal()) {
                    walk.add(Opaque.operation(program + " runs a script only known at run time (" + w + ")", run.evidence(), run.locators()));
                    return true;
                }
                String script = walk.text(w).orElse(null);
                if (script != null) {
                    walk.nested(script, run.evidence(), run.locators());
                } else {
                    walk.add(scriptRun(args.get(i), args.subList(i + 1, args.size()), run));
                }
                return true;
            }
            if (w.equals("-s") || w.equals("-")) {
                break;
            }
        }
        Stdin in = run.stdin();
        if (in.text().isPresent()) {
            walk.nested(in.text().get(), run.evidence(), run.locators());
        } else if (in.producer().isPresent()) {
            walk.add(Opaque.operation(program + " runs a script produced by " + in.producer().get() + " (decoded, downloaded or generated)",
                    run.evidence(), run.locators()));
        } else {
            Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("shell", program)
                    .confidence(Confidence.INFERRED).note("opens an interactive shell").evidence(run.evidence());
            run.locators().forEach(b::locator);
            if (run.locators().isEmpty()) {
                b.environment(Tier.LOCAL, "a shell on this machine");
            }
            walk.add(b.build());
        }
        return true;
    }

    /** Running a script file that this command line did not write: its contents are not visible here. */
    private Operation scriptRun(Arg script, List<Arg> operands, SimpleCommands.Run run) {
        Workspace.Area area = walk.workspace.area(script.value());
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("script", script.value())
                .confidence(Confidence.INFERRED).scope(Scope.ONE).note("runs the script " + script.value() + " (its contents are not analyzed)")
                .evidence(run.evidence());
        run.locators().forEach(b::locator);
        Optional<String> named = dev.interlock.analysis.shell.recognizers.LocalFiles.namedEnvironment(run.env(), operands);
        named.ifPresent(e -> b.locator("environment", e));
        if (run.locators().isEmpty() && named.isEmpty()
                && (area == Workspace.Area.WORKSPACE || area == Workspace.Area.TEMP || area == Workspace.Area.HOME)) {
            b.environment(Tier.LOCAL, "a script on this machine");
        }
        return b.build();
    }

    /** {@code python -m twine upload} → twine; {@code python manage.py flush} → manage.py; {@code php artisan} → artisan. */
    private boolean interpreterModule(String program, List<Arg> args, SimpleCommands.Run run) {
        if (readsCodeFromPipe(program, args, run)) {
            walk.add(Opaque.operation(program + " runs code produced by " + run.stdin().producer().get() + " (downloaded, decoded or generated)",
                    run.evidence(), run.locators()));
            return true;
        }
        if (program.startsWith("php") && !args.isEmpty() && args.getFirst().value().endsWith("artisan")) {
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg("artisan", true, false, args.getFirst().evidence()));
            inner.addAll(args.subList(1, args.size()));
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (program.equals("java") && args.stream().anyMatch(a -> a.value().equals("-jar"))) {
            // java -jar jenkins-cli.jar -s URL delete-job x: the jar is the program, judged like any CLI by its words.
            int jar = args.stream().map(Arg::value).toList().indexOf("-jar");
            if (jar + 1 < args.size() && args.get(jar + 1).literal()) {
                String name = args.get(jar + 1).value();
                name = Regex.replaceFirst(name.substring(name.lastIndexOf('/') + 1), "(?:-\\d[\\w.-]*)?\\.jar$", "");
                List<Arg> inner = new ArrayList<>();
                inner.add(new Arg(name, true, false, args.get(jar + 1).evidence()));
                inner.addAll(args.subList(jar + 2, args.size()));
                commands.dispatch(run.inner(inner));
                return true;
            }
        }
        if (!program.startsWith("python") || args.isEmpty()) {
            return false;
        }
        String first = args.getFirst().value();
        if (first.equals("-m") && args.size() > 1) {
            List<Arg> inner = new ArrayList<>(args.subList(1, args.size()));
            String module = inner.getFirst().value();
            String cli = MODULE_CLIS.get(module);
            if (cli != null) {
                inner.set(0, new Arg(cli, true, false, inner.getFirst().evidence()));
            }
            commands.dispatch(run.inner(inner));
            return true;
        }
        if (first.endsWith("manage.py")) {
            List<Arg> inner = new ArrayList<>();
            inner.add(new Arg("manage.py", true, false, args.getFirst().evidence()));
            inner.addAll(args.subList(1, args.size()));
            commands.dispatch(run.inner(inner));
            return true;
        }
        return false;
    }

    /** Python modules that are a CLI under another name ({@code python -m awscli s3 rb …} is {@code aws s3 rb …}). */
    private static final Map<String, String> MODULE_CLIS = Map.of("awscli", "aws", "azure.cli", "az", "pip", "pip",
            "ansible", "ansible", "sqlfluff", "sqlfluff");

    /** {@code curl … | python3 -}: an interpreter whose program arrives on a pipe that is not literal text. */
    private static boolean readsCodeFromPipe(String program, List<Arg> args, SimpleCommands.Run run) {
        if (run.stdin().text().isPresent() || run.stdin().producer().isEmpty() || !Wrappers.isInterpreter(program)) {
            return false;
        }
        for (Arg a : args) {
            String w = a.value();
            if (w.equals("-")) {
                return true;
            }
            if (!w.startsWith("-")) {
                return false;
            }
            if (Set.of("-c", "-e", "-m", "-r", "--eval", "-p", "--print").contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** npm's {@code rimraf} and friends are {@code rm -rf} under another name; their own flags are dropped. */
    private boolean alias(String program, List<String> flags, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> words = new ArrayList<>();
        words.add(Arg.of(program));
        flags.forEach(f -> words.add(Arg.of(f)));
        args.stream().filter(a -> !a.value().startsWith("-")).forEach(words::add);
        commands.dispatch(run.inner(words));
        return true;
    }

    private static int indexOf(List<Arg> args, String word) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).value().equals(word)) {
                return i;
            }
        }
        return -1;
    }
}
