package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Commands run later, in another terminal or on other hosts: {@code tmux}, {@code screen}, {@code at}/{@code batch},
 * {@code crontab}, {@code ansible}, {@code salt}, {@code knife ssh}, {@code pyinfra exec}, {@code pdsh}/{@code pssh}/{@code clush}. Found for
 * {@link ExecutionRoutes}.
 */
final class ElsewhereRuns {

    private static final Set<String> TMUX_RUNS = Set.of("new", "new-session", "new-window", "neww", "split-window", "splitw",
            "respawn-pane", "respawnp", "respawn-window", "respawnw", "run-shell", "run", "display-popup", "popup");
    private static final Set<String> TMUX_VALUED = Set.of("-s", "-n", "-c", "-t", "-e", "-x", "-y", "-F", "-f", "-l",
            "-p", "-L", "-S", "-w", "-T");
    private static final Set<String> FAN_OUT_VALUED = Set.of("-w", "-x", "-g", "-X", "-l", "-R", "-f", "-t", "-u", "-h",
            "-H", "-p", "-o", "-e", "-O", "--hosts", "--host", "--user", "--par", "--timeout", "--outdir", "--errdir",
            "--option", "--extra-args", "-N", "-F", "--hostfile");
    /** GNU parallel's options that take a value; {@code -S}/{@code --slf} name the hosts the jobs run on. */
    private static final Set<String> PARALLEL_VALUED = Set.of("-S", "--sshlogin", "--slf", "--sshloginfile", "-j", "--jobs",
            "-P", "--max-procs", "--joblog", "--results", "--res", "--tmpdir", "--workdir", "--wd", "--transferfile", "--tf",
            "--return", "--basefile", "--bf", "-a", "--arg-file", "--colsep", "-C", "-I", "--replace", "--delay",
            "--timeout", "--retries", "-n", "--max-args", "-L", "--max-lines", "--env", "--tagstring", "--sshdelay",
            "--ssh", "--memfree", "--load", "--halt", "--termseq", "-d", "--delimiter", "-E", "--eof", "--shebang-wrap");
    private static final Set<String> ANSIBLE_SHELL_MODULES = Set.of("shell", "command", "raw", "ansible.builtin.shell",
            "ansible.builtin.command", "ansible.builtin.raw", "win_shell", "win_command");
    private static final Set<String> SALT_SHELL_FUNCTIONS = Set.of("cmd.run", "cmd.run_all", "cmd.run_stdout",
            "cmd.shell", "cmd.exec_code", "cmd.exec_code_all", "cmd.powershell");

    private static final Set<String> KNIFE_SSH_VALUED = Set.of("-x", "--ssh-user", "-i", "--ssh-identity-file", "-P",
            "--ssh-password", "-p", "--ssh-port", "-C", "--concurrency", "-a", "--attribute", "-G", "--ssh-gateway",
            "--prefix-attribute", "-c", "--config", "-u", "--user", "-k", "--key", "-s", "--server-url", "-E",
            "--environment", "-F", "--format", "--ssh-gateway-identity");

    private final ExecutionRoutes routes;
    private final SimpleCommands commands;
    private final ShellWalk walk;

    ElsewhereRuns(ExecutionRoutes routes) {
        this.routes = routes;
        this.commands = routes.commands;
        this.walk = routes.walk;
    }

    /** {@code tmux new -d 'cmd'}, {@code tmux send-keys 'cmd' Enter}: the command runs in a new terminal. */
    boolean tmux(List<Arg> args, SimpleCommands.Run run) {
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            i += Set.of("-L", "-S", "-f", "-c", "-T").contains(args.get(i).value()) ? 2 : 1;
        }
        if (i >= args.size()) {
            return false;
        }
        String verb = args.get(i).value();
        List<Arg> rest = args.subList(i + 1, args.size());
        if (verb.equals("send-keys") || verb.equals("send")) {
            List<Arg> keys = new ArrayList<>();
            String target = "";
            for (int k = 0; k < rest.size(); k++) {
                String w = rest.get(k).value();
                if (w.equals("-t") || w.equals("-N")) {
                    k++;
                    if (w.equals("-t") && k < rest.size()) {
                        target = rest.get(k).value();
                    }
                } else if (!w.startsWith("-") && !Set.of("Enter", "C-m", "KPEnter", "C-j", "\\n", "\n").contains(w)) {
                    keys.add(rest.get(k));
                }
            }
            if (!keys.isEmpty()) {
                routes.runs(Regex.replaceAll(ExecutionRoutes.joined(keys), "(\\\\n)+$", ""), keys.stream().allMatch(Arg::literal), run,
                        typedInto(Regex.replaceFirst(target, "^=", "").split("[:.]")[0]), "tmux send-keys");
            }
            return true;
        }
        if (!TMUX_RUNS.contains(verb)) {
            return false;
        }
        List<Arg> command = Unwrapper.afterOptions(rest, TMUX_VALUED, 0);
        if (!command.isEmpty()) {
            routes.runs(ExecutionRoutes.joined(command), command.stream().allMatch(Arg::literal), run, Map.of(), "tmux " + verb);
        }
        return !command.isEmpty();
    }

    /** {@code screen -dmS name cmd args}: runs the command detached; {@code screen -X stuff 'cmd\n'} types it. */
    boolean screen(List<Arg> args, SimpleCommands.Run run) {
        String session = "";
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-X") && i + 2 < args.size() && args.get(i + 1).value().equals("stuff")) {
                Arg keys = args.get(i + 2);
                routes.runs(Regex.replaceAll(keys.value(), "\\^M|\\\\n|\\r", "\n"), keys.literal(), run,
                        typedInto(Regex.replaceFirst(session, "^\\d+\\.", "")), "screen stuff");
                return true;
            }
            if ((w.equals("-S") || w.equals("-r") || w.equals("-x")) && i + 1 < args.size()) {
                session = args.get(i + 1).value();
            }
            if (w.startsWith("-") && !w.startsWith("--") && w.length() >= 2 && "SceHhpTt".indexOf(w.charAt(w.length() - 1)) >= 0
                    || w.equals("-Logfile")) {
                i++;
            } else if (!w.startsWith("-")) {
                commands.dispatch(run.inner(args.subList(i, args.size())));
                return true;
            }
        }
        return false;
    }

    /** xdotool's commands, which one invocation may chain ({@code xdotool type 'cmd' key Return}). */
    private static final Set<String> XDOTOOL_COMMANDS = Set.of("type", "key", "keydown", "keyup", "mousemove", "click",
            "mousedown", "mouseup", "sleep", "search", "windowactivate", "windowfocus", "windowraise", "getactivewindow",
            "set_desktop", "exec", "behave");
    private static final Set<String> TYPE_VALUED = Set.of("--window", "--delay", "--terminator", "--args", "--file",
            "--repeat", "--repeat-delay", "-d", "-w", "-k", "-M", "-m", "-P", "-p", "-s");
    /** A key that enters what was typed: {@code xdotool key Return}, {@code wtype -k Return}, {@code ydotool key 28:1}. */
    private static final java.util.regex.Pattern ENTER_KEY = java.util.regex.Pattern.compile(
            "(?i)(?:\\bkey|-k)\\s+(?:--?\\S+\\s+(?:\\d+\\s+)?)*['\"]?(?:Return|KP_Enter|Enter|ctrl\\+m|28:1)\\b");

    /**
     * {@code xdotool type 'cmd'} (also {@code ydotool type}, {@code wtype}): the text goes to the focused window, a
     * terminal's prompt, and runs there once entered — a newline at its end or an Enter key pressed in the same line.
     * Text never entered is only typed; the program is then judged as itself.
     */
    boolean typed(String program, List<Arg> args, SimpleCommands.Run run) {
        int start = program.equals("wtype") ? 0 : args.stream().map(Arg::value).toList().indexOf("type") + 1;
        if (start == 0 && !program.equals("wtype")) {
            return false;
        }
        List<Arg> text = new ArrayList<>();
        for (int i = start; i < args.size(); i++) {
            String w = args.get(i).value();
            if (TYPE_VALUED.contains(w)) {
                i++;
            } else if (!program.equals("wtype") && XDOTOOL_COMMANDS.contains(w)) {
                break;
            } else if (!w.startsWith("-")) {
                text.add(args.get(i));
            }
        }
        if (text.isEmpty()) {
            return false;
        }
        String typed = text.stream().map(Arg::value).collect(java.util.stream.Collectors.joining(" "));
        if (!typed.endsWith("\n") && !typed.endsWith("\r") && !ENTER_KEY.matcher(walk.source()).find()) {
            return false;
        }
        routes.runs(typed.strip(), text.stream().allMatch(Arg::literal), run, Map.of(), program + " type");
        return true;
    }

    /**
     * Where text typed into a terminal runs: a session named for an environment ({@code prod-db}, {@code stg-web}) is
     * taken to be logged in there, so its default host is that machine; any other session is this one's.
     */
    static Map<String, String> typedInto(String session) {
        return !session.isEmpty() && DeploymentWords.named(session) ? Map.of("host", session) : Map.of();
    }

    /** {@code echo 'cmd' | at now + 1 minute}: the job's text is shell, run later by the same user. */
    boolean deferred(String program, List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-f", "-q", "-t", "-M"));
        if (p.has("-l", "-r", "-d", "-c")) {
            return false;
        }
        Optional<String> file = p.value("-f");
        if (file.isPresent()) {
            String written = walk.text(file.get()).orElse(null);
            if (written != null) {
                walk.nested(written, run.evidence(), run.locators());
            } else {
                walk.add(Opaque.operation(program + " schedules the script " + file.get() + " (its contents are not analyzed)",
                        run.evidence(), run.locators()));
            }
            return true;
        }
        if (run.stdin().text().isPresent()) {
            walk.nested(run.stdin().text().get(), run.evidence(), run.locators());
        } else {
            walk.add(Opaque.operation(program + " schedules commands read from " + run.stdin().producer().orElse("the terminal"),
                    run.evidence(), run.locators()));
        }
        return true;
    }

    /** {@code (crontab -l; echo '* * * * * cmd') | crontab -}: each entry's command is shell run on a schedule. */
    boolean crontab(List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-u"));
        if (p.has("-l", "-r", "-e", "-i") || p.positionals().isEmpty() && run.stdin().text().isEmpty() && run.stdin().producer().isEmpty()) {
            return false;
        }
        String source = p.positional(0).orElse("-");
        Optional<String> text = source.equals("-") ? run.stdin().text()
                : walk.text(source);
        if (text.isEmpty()) {
            walk.add(Opaque.operation("crontab installs entries read from " + (source.equals("-")
                    ? run.stdin().producer().orElse("standard input") : source), run.evidence(), run.locators()));
            return true;
        }
        for (String line : text.get().split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#") || Regex.matches(entry, "[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) {
                continue;
            }
            Matcher m = Regex.pattern("^(?:@\\w+|(?:\\S+\\s+){4}\\S+)\\s+(.+)$").matcher(entry);
            if (m.matches()) {
                walk.nested(m.group(1), run.evidence(), run.locators());
            }
        }
        return true;
    }

    /** {@code ansible web -m shell -a 'cmd'}: the command runs on every host of the pattern. */
    boolean ansible(List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-m", "--module-name", "-a", "--args", "-i", "--inventory", "-u",
                "--user", "-f", "--forks", "-e", "--extra-vars", "-l", "--limit", "-B", "-P", "-T", "-c", "--connection",
                "--become-user", "--private-key", "-t", "--tree", "-M", "--module-path", "--vault-id", "--vault-password-file"));
        String module = p.value("-m", "--module-name").orElse("command");
        Optional<String> moduleArgs = p.value("-a", "--args");
        if (!ANSIBLE_SHELL_MODULES.contains(module) || moduleArgs.isEmpty()) {
            return false;
        }
        String hosts = p.positional(0).orElse("all");
        String command = Regex.replaceAll(moduleArgs.get(), "(?:^|\\s)(?:chdir|creates|removes|executable|stdin|warn)=\\S+", " ").strip();
        boolean literal = args.stream().filter(a -> a.value().equals(moduleArgs.get())).allMatch(Arg::literal);
        boolean local = Regex.matches(hosts, "localhost|127\\.0\\.0\\.1") || p.value("-c", "--connection").orElse("").equals("local");
        Map<String, String> where = new java.util.HashMap<>();
        if (!local) {
            where.put("host", hosts);
            // the inventory's path names the environment (inventories/prod)
            p.value("-i", "--inventory").ifPresent(i -> where.put("directory", i));
        }
        routes.runs(command, literal, run, where, "ansible -m " + module);
        return true;
    }

    /** {@code salt '*' cmd.run 'cmd'}: the command runs on every matching minion ({@code salt-call}: on this one). */
    boolean salt(String program, List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-t", "--timeout", "--out", "-b", "--batch-size", "-c", "--config-dir",
                "--log-level", "-l", "--roster-file", "-i", "--user", "--priv", "--return"));
        List<Arg> positionals = p.positionals();
        int function = program.equals("salt-call") ? 0 : 1;
        if (positionals.size() <= function + 1 || !SALT_SHELL_FUNCTIONS.contains(positionals.get(function).value())) {
            return false;
        }
        Arg command = positionals.get(function + 1);
        Map<String, String> where = program.equals("salt-call") ? Map.of() : Map.of("host", positionals.getFirst().value());
        routes.runs(command, run, where, program + " " + positionals.get(function).value());
        return true;
    }

    /**
     * {@code knife ssh 'chef_environment:production AND role:web' 'sudo chef-client'}: the command runs on every node the
     * search finds ({@code -m}: on the hosts listed); a {@code chef_environment:} term names their environment.
     */
    boolean knifeSsh(List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, KNIFE_SSH_VALUED);
        List<Arg> positionals = p.positionals();
        if (positionals.size() < 3 || !positionals.getFirst().value().equals("ssh")) {
            return false;
        }
        String query = positionals.get(1).value();
        Map<String, String> where = new java.util.HashMap<>(Map.of("host", query));
        Matcher environment = Regex.pattern("chef_environment:\\s*\"?([\\w.-]+)").matcher(query);
        if (environment.find()) {
            where.put("environment", environment.group(1));
        }
        List<Arg> command = positionals.subList(2, positionals.size());
        routes.runs(ExecutionRoutes.joined(command), command.stream().allMatch(Arg::literal), run, where, "knife ssh");
        return true;
    }

    /** {@code pyinfra INVENTORY exec -- CMD}: the command runs on every host of the inventory (unless {@code --dry}). */
    boolean pyinfraExec(List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, dev.interlock.analysis.shell.recognizers.iac.Pyinfra.VALUED);
        List<String> words = p.words();
        int exec = words.indexOf("exec");
        if (exec != 1 || p.has("--dry")) {
            return false;
        }
        List<Arg> command = new ArrayList<>(p.positionals().subList(exec + 1, p.positionals().size()));
        command.addAll(p.afterDoubleDash());
        if (command.isEmpty()) {
            return false;
        }
        Map<String, String> where = dev.interlock.analysis.shell.recognizers.iac.Pyinfra.where(words.getFirst(),
                p.value("--limit"));
        routes.runs(ExecutionRoutes.joined(command), command.stream().allMatch(Arg::literal), run, where, "pyinfra exec");
        return true;
    }

    /**
     * {@code parallel --nonall --slf prod-hosts 'cmd'}, {@code parallel -S web1,web2 'cmd {}' ::: a b}: with ssh logins
     * the jobs run on those hosts, placed by the host list (or the file that holds it); {@code -S :} is this machine,
     * and without logins parallel is a local wrapper ({@link Unwrapper}).
     */
    boolean parallel(List<Arg> args, SimpleCommands.Run run) {
        int items = Unwrapper.indexOf(args, ":::");
        List<Arg> own = items < 0 ? args : args.subList(0, items);
        List<Arg> command = Unwrapper.afterOptions(own, PARALLEL_VALUED, 0);
        Map<String, List<String>> flags = ParsedArgs.parse(own.subList(0, own.size() - command.size()), PARALLEL_VALUED).flags();
        String hosts = String.join(",", java.util.stream.Stream.of("-S", "--sshlogin")
                .flatMap(f -> flags.getOrDefault(f, List.of()).stream()).filter(h -> !h.equals(":")).toList());
        String file = String.join(",", java.util.stream.Stream.of("--slf", "--sshloginfile")
                .flatMap(f -> flags.getOrDefault(f, List.of()).stream()).toList());
        if (hosts.isEmpty() && file.isEmpty() || command.isEmpty()) {
            return false;
        }
        String text = ExecutionRoutes.joined(command);
        if (items >= 0 && !text.contains("{")) {
            text += " " + ExecutionRoutes.joined(args.subList(items + 1, args.size()));
        }
        String where = hosts.isEmpty() ? "hosts in " + file : hosts;
        routes.runs(text, command.stream().allMatch(Arg::literal), run, Map.of("host", where), "parallel");
        return true;
    }

    /**
     * {@code fab -H web-prod-01,web-prod-02 -- sudo systemctl restart app}: Fabric runs the command after {@code --} on
     * each host; with tasks before it, the tasks run too ({@code RemoteTasks} judges them).
     */
    boolean fabric(List<Arg> args, SimpleCommands.Run run) {
        int dashes = Unwrapper.indexOf(args, "--");
        if (dashes < 0 || dashes == args.size() - 1) {
            return false;
        }
        ParsedArgs p = ParsedArgs.parse(args.subList(0, dashes),
                dev.interlock.analysis.shell.recognizers.iac.RemoteTasks.FAB_VALUED);
        List<String> hosts = new ArrayList<>(p.flags().getOrDefault("-H", List.of()));
        hosts.addAll(p.flags().getOrDefault("--hosts", List.of()));
        if (hosts.isEmpty()) {
            return false;
        }
        List<Arg> command = args.subList(dashes + 1, args.size());
        for (String host : String.join(",", hosts).split(",")) {
            if (!host.isBlank()) {
                routes.runs(ExecutionRoutes.joined(command), command.stream().allMatch(Arg::literal), run,
                        Map.of("host", dev.interlock.environment.Hosts.of(host.strip())), "fab");
            }
        }
        return p.positionals().isEmpty();
    }

    /** {@code pdsh -w web[1-5] 'cmd'}, {@code pssh -h hosts 'cmd'}, {@code clush -g all 'cmd'}: one command, many hosts. */
    boolean fanOut(String program, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> command = Unwrapper.afterOptions(args, FAN_OUT_VALUED, 0);
        if (command.isEmpty()) {
            return false;
        }
        ParsedArgs p = ParsedArgs.parse(args.subList(0, args.size() - command.size()), FAN_OUT_VALUED);
        String hosts = p.value("-w", "-H", "--host", "-g").orElse(p.value("-h", "--hosts", "--hostfile").map(f -> "hosts in " + f)
                .orElse("many hosts"));
        routes.runs(ExecutionRoutes.joined(command), command.stream().allMatch(Arg::literal), run, Map.of("host", hosts), program);
        return true;
    }
}
