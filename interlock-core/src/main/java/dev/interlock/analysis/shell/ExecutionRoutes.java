package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs that run a command handed to them some other way than as their arguments: through an option
 * ({@code tar --checkpoint-action=exec=…}, {@code ssh -o ProxyCommand=…}, {@code rsync -e}), inside their own language
 * ({@code awk 'system(…)'}, {@code sed 'e …'}, {@code vim -c '!…'}, a makefile on stdin), later or elsewhere
 * ({@code at}, {@code crontab -}, {@code tmux new}, {@code screen -dm}, {@code script -c}), on many hosts
 * ({@code ansible -m shell}, {@code salt … cmd.run}, {@code pdsh}, {@code pssh}), or in an environment variable another
 * program executes ({@code GIT_SSH_COMMAND}, {@code PAGER}, {@code EDITOR}). The command is analyzed as shell where it
 * runs; one only known at run time is opaque.
 */
final class ExecutionRoutes {

    /** Variables whose value some program runs as a command. */
    static final Set<String> EXECUTED_VARIABLES = Set.of("GIT_SSH_COMMAND", "GIT_SSH", "GIT_EDITOR", "GIT_PAGER",
            "GIT_SEQUENCE_EDITOR", "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "SUDO_ASKPASS", "PAGER", "MANPAGER",
            "SYSTEMD_PAGER", "EDITOR", "VISUAL", "LESSOPEN", "LESSCLOSE", "BROWSER", "PROMPT_COMMAND", "BASH_ENV", "ENV",
            "RSYNC_RSH", "CVS_RSH", "TAR_OPTIONS", "FCEDIT");
    /** Variables that load code into the programs started after them, and the values that do (memory flags do not). */
    private static final Map<String, Pattern> LOADED_VARIABLES = Map.of(
            "LD_PRELOAD", Pattern.compile(".*\\S.*"), "LD_AUDIT", Pattern.compile(".*\\S.*"),
            "DYLD_INSERT_LIBRARIES", Pattern.compile(".*\\S.*"),
            "NODE_OPTIONS", Pattern.compile(".*(?:^|\\s)(?:--require|-r|--import|--loader|--experimental-loader)\\b.*"),
            "PERL5OPT", Pattern.compile(".*-[MmId].*"), "RUBYOPT", Pattern.compile(".*-r.*"));

    /** Option → how its value is written; the value is a command this program runs on this machine. */
    private static final Map<String, List<String>> COMMAND_OPTIONS = Map.of(
            "tar", List.of("--checkpoint-action=exec=", "--to-command", "--use-compress-program", "-I", "--info-script",
                    "--new-volume-script", "-F"),
            "rsync", List.of("-e", "--rsh"),
            "zip", List.of("-TT", "--unzip-command"),
            "flock", List.of("-c", "--command"),
            "script", List.of("-c", "--command"));
    private static final Set<String> SSH_LIKE = Set.of("ssh", "scp", "sftp", "autossh", "mosh");
    private static final Pattern SSH_COMMAND_OPTION = Pattern.compile("(?i)(ProxyCommand|LocalCommand|KnownHostsCommand)\\s*[= ]\\s*(.+)", Pattern.DOTALL);
    private static final Set<String> VIM = Set.of("vim", "vi", "nvim", "ex", "view", "gvim", "vimdiff", "evim");
    private static final Set<String> AWK = Set.of("awk", "gawk", "mawk", "nawk");
    private static final Pattern AWK_LITERAL_COMMAND = Pattern.compile(
            "\\bsystem\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)|\\|&?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\|&?\\s*getline");
    private static final Pattern AWK_COMPUTED_COMMAND = Pattern.compile("\\bsystem\\s*\\(|(?<!\\|)\\|(?!\\|)&?\\s*[^\"|\\s]|[^\"\\s|]\\s*\\|&?\\s*getline");
    /** An ex command that runs the shell: {@code !cmd}, {@code r !cmd}, {@code w !cmd}, {@code %!cmd}, {@code terminal cmd}. */
    private static final Pattern VIM_SHELL = Pattern.compile(
            "^\\s*:*\\s*(?:sil(?:ent)?!?\\s*)?(?:(?:[.$%]|\\d+)(?:,(?:[.$]|\\d+))?\\s*)?(?:r(?:ead)?\\s*!|w(?:rite)?\\s+!|!|ter(?:minal)?\\b|sh(?:ell)?\\b)(.*)$",
            Pattern.DOTALL);
    private static final Pattern VIM_SYSTEM = Pattern.compile("\\b(?:system|systemlist|jobstart|term_start)\\s*\\(\\s*(?:'([^']*)'|\"([^\"]*)\")?");
    private static final Set<String> TMUX_RUNS = Set.of("new", "new-session", "new-window", "neww", "split-window", "splitw",
            "respawn-pane", "respawnp", "respawn-window", "respawnw", "run-shell", "run", "display-popup", "popup");
    private static final Set<String> TMUX_VALUED = Set.of("-s", "-n", "-c", "-t", "-e", "-x", "-y", "-F", "-f", "-l",
            "-p", "-L", "-S", "-w", "-T");
    private static final Set<String> FAN_OUT_VALUED = Set.of("-w", "-x", "-g", "-X", "-l", "-R", "-f", "-t", "-u", "-h",
            "-H", "-p", "-o", "-e", "-O", "--hosts", "--host", "--user", "--par", "--timeout", "--outdir", "--errdir",
            "--option", "--extra-args", "-N", "-F", "--hostfile");
    /** Programs that only carry a connection (a remote shell, a proxy, a compressor): given as such, they run nothing else. */
    private static final Set<String> CARRIERS = Set.of("ssh", "autossh", "rsh", "plink", "tsh", "nc", "ncat", "netcat",
            "socat", "connect-proxy", "corkscrew", "cloudflared", "gzip", "gunzip", "bzip2", "xz", "zstd", "unzstd", "lz4",
            "lzip", "lzop", "pigz", "pbzip2", "pixz", "brotli", "lzma", "compress", "unxz", "bunzip2");
    private static final Set<String> ANSIBLE_SHELL_MODULES = Set.of("shell", "command", "raw", "ansible.builtin.shell",
            "ansible.builtin.command", "ansible.builtin.raw", "win_shell", "win_command");
    private static final Set<String> SALT_SHELL_FUNCTIONS = Set.of("cmd.run", "cmd.run_all", "cmd.run_stdout",
            "cmd.shell", "cmd.exec_code", "cmd.exec_code_all", "cmd.powershell");

    private final SimpleCommands commands;
    private final ShellWalk walk;

    ExecutionRoutes(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
    }

    /**
     * Analyzes the commands {@code program} runs by a route of its own. True when that is all the program does (it is
     * only a way to run them); false when its own recognizer should still say what else it does.
     */
    boolean route(String program, List<Arg> args, SimpleCommands.Run run) {
        switch (program) {
            case "tmux", "byobu" -> {
                return tmux(args, run);
            }
            case "screen" -> {
                return screen(args, run);
            }
            case "at", "batch" -> {
                return deferred(program, args, run);
            }
            case "crontab" -> {
                return crontab(args, run);
            }
            case "ansible" -> {
                return ansible(args, run);
            }
            case "salt", "salt-ssh", "salt-call" -> {
                return salt(program, args, run);
            }
            case "pdsh", "pssh", "parallel-ssh", "clush", "prsh" -> {
                return fanOut(program, args, run);
            }
            case "make", "gmake" -> {
                return make(args, run);
            }
            case "sed", "gsed" -> sed(args, run);
            default -> {
                if (VIM.contains(program)) {
                    vim(args, run);
                } else if (AWK.contains(program)) {
                    awk(args, run);
                } else if (SSH_LIKE.contains(program)) {
                    sshOptions(args, run);
                }
            }
        }
        List<String> options = COMMAND_OPTIONS.get(program);
        if (options != null) {
            boolean ran = commandOptions(program, options, args, run);
            return ran && program.equals("script");
        }
        return false;
    }

    /** {@code PAGER='sh -c …' man ls}, {@code export GIT_SSH_COMMAND=…}: a variable a program will run. */
    static void variables(Map<String, Optional<String>> assigned, Evidence evidence, Map<String, String> locators, ShellWalk walk) {
        assigned.forEach((name, value) -> {
            if (EXECUTED_VARIABLES.contains(name)) {
                if (value.isPresent() && carrier(value.get())) {
                    return;
                }
                if (value.isPresent()) {
                    walk.nested(value.get(), evidence, locators);
                } else {
                    walk.add(Opaque.operation(name + " is set to a command only known at run time", evidence, locators));
                }
            } else if (LOADED_VARIABLES.containsKey(name) && value.map(v -> LOADED_VARIABLES.get(name).matcher(v).matches()).orElse(true)) {
                walk.add(Opaque.operation(name + " loads code into the programs that follow", evidence, locators));
            }
        });
    }

    private void runs(Arg text, SimpleCommands.Run run, Map<String, String> where, String what) {
        runs(text.value(), text.literal(), run, where, what);
    }

    /**
     * {@code rsync -e 'ssh -p 2222'}, {@code GIT_SSH_COMMAND='ssh -i key'}, {@code tar -I zstd}: a plain transport or
     * compressor with options only, which the program feeds its own data through.
     */
    static boolean carrier(String command) {
        if (Regex.find(command, "[;&|`$<>()\\n]")) {
            return false;
        }
        String[] words = Regex.split(command.strip(), "\\s+");
        String program = words[0].substring(words[0].lastIndexOf('/') + 1);
        if (!CARRIERS.contains(program)) {
            return false;
        }
        if (command.contains("%h")) {
            return true;
        }
        for (int i = 1; i < words.length; i++) {
            if (!words[i].startsWith("-") && !words[i].contains("%") && !(i > 0 && Regex.matches(words[i - 1], "-[pilFoWJ]"))) {
                return false;
            }
        }
        return true;
    }

    private void runs(String text, boolean literal, SimpleCommands.Run run, Map<String, String> where, String what) {
        if (literal) {
            walk.nested(text, run.evidence(), where);
        } else {
            walk.add(Opaque.operation(what + " runs a command only known at run time (" + text + ")", run.evidence(),
                    merged(run.locators(), where)));
        }
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, String> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static String joined(List<Arg> args) {
        if (args.size() == 1) {
            return args.getFirst().value();
        }
        return String.join(" ", args.stream().map(Arg::shellText).toList());
    }

    private boolean commandOptions(String program, List<String> options, List<Arg> args, SimpleCommands.Run run) {
        boolean ran = false;
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            String w = a.value();
            if (w.equals("--")) {
                break;
            }
            for (String option : options) {
                String value = null;
                if (option.endsWith("=") && w.startsWith(option)) {
                    value = w.substring(option.length());
                } else if ((w.equals(option) || bundled(w, option)) && i + 1 < args.size()) {
                    value = args.get(++i).value();
                    a = args.get(i);
                } else if (w.startsWith(option + "=")) {
                    value = w.substring(option.length() + 1);
                } else if (option.length() == 2 && !option.startsWith("--") && w.startsWith(option) && w.length() > 2
                        && !w.startsWith("--")) {
                    value = w.substring(2);
                }
                if (value != null) {
                    String command = Regex.replaceFirst(value, "^exec=", "");
                    if (!carrier(command)) {
                        runs(command, a.literal(), run, Map.of(), program + " " + option);
                    }
                    ran = true;
                    break;
                }
            }
            if (program.equals("tar") && w.equals("--checkpoint-action") && i + 1 < args.size()
                    && args.get(i + 1).value().startsWith("exec=")) {
                Arg next = args.get(++i);
                runs(next.value().substring(5), next.literal(), run, Map.of(), "tar --checkpoint-action");
                ran = true;
            }
        }
        return ran;
    }

    /** {@code -qc} for {@code -c}: short flags bundled, the one that takes a value last. */
    private static boolean bundled(String word, String option) {
        return option.length() == 2 && !option.startsWith("--") && word.length() > 2 && Regex.matches(word, "-[a-zA-Z]+")
                && word.charAt(word.length() - 1) == option.charAt(1);
    }

    /** {@code ssh -o ProxyCommand=…}: run on this machine before the connection is made. */
    private void sshOptions(List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String option = null;
            Arg source = args.get(i);
            if (w.equals("-o") && i + 1 < args.size()) {
                source = args.get(++i);
                option = source.value();
            } else if (w.startsWith("-o") && w.length() > 2) {
                option = w.substring(2);
            } else if (!w.startsWith("-")) {
                break;
            }
            if (option != null) {
                Matcher m = SSH_COMMAND_OPTION.matcher(option.strip());
                if (m.matches() && !m.group(2).strip().equalsIgnoreCase("none") && !carrier(m.group(2))) {
                    runs(m.group(2), source.literal(), run, Map.of(), "ssh -o " + m.group(1));
                }
            }
        }
    }

    /** {@code vim -c '!rm -rf …'}, {@code vim +'!cmd'}, {@code vim -es} fed ex commands, {@code call system('…')}. */
    private void vim(List<Arg> args, SimpleCommands.Run run) {
        boolean script = false;
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            String w = a.value();
            if ((w.equals("-c") || w.equals("--cmd")) && i + 1 < args.size()) {
                exCommand(args.get(++i), run);
            } else if (w.startsWith("+") && w.length() > 1) {
                exCommand(new Arg(w.substring(1), a.literal(), false, a.evidence()), run);
            } else if (w.equals("-s") || w.equals("-es") || w.equals("-e") || w.equals("-Es") || w.equals("-E")) {
                script = true;
            }
        }
        if (script && run.stdin().text().isPresent()) {
            for (String line : run.stdin().text().get().split("\n")) {
                exCommand(new Arg(line, true, false, run.evidence()), run);
            }
        } else if (script && run.stdin().producer().isPresent()) {
            walk.add(Opaque.operation("vim runs editor commands produced by " + run.stdin().producer().get(), run.evidence(), run.locators()));
        }
    }

    private void exCommand(Arg command, SimpleCommands.Run run) {
        String ex = command.value();
        Matcher shell = VIM_SHELL.matcher(ex);
        if (shell.matches()) {
            String text = shell.group(1).strip();
            if (!text.isEmpty()) {
                runs(text, command.literal(), run, Map.of(), "vim");
            } else {
                walk.add(Opaque.operation("vim opens a shell", run.evidence(), run.locators()));
            }
            return;
        }
        Matcher system = VIM_SYSTEM.matcher(ex);
        while (system.find()) {
            String text = system.group(1) != null ? system.group(1) : system.group(2);
            runs(text == null ? ex : text, text != null && command.literal(), run, Map.of(), "vim");
        }
    }

    /** The commands an awk program runs: {@code system("…")}, {@code print | "…"}, {@code "…" | getline}. */
    private void awk(List<Arg> args, SimpleCommands.Run run) {
        Optional<Arg> program = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-f") || w.equals("--file")) {
                return;
            }
            if ((w.equals("-e") || w.equals("--source")) && i + 1 < args.size()) {
                program = Optional.of(args.get(++i));
                break;
            }
            if (Set.of("-F", "-v", "--assign", "--field-separator").contains(w)) {
                i++;
            } else if (!w.startsWith("-") || w.equals("-")) {
                program = Optional.of(args.get(i));
                break;
            } else if (w.equals("--")) {
                program = i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
                break;
            }
        }
        if (program.isEmpty()) {
            return;
        }
        String text = program.get().value();
        if (!program.get().literal()) {
            if (text.contains("system") || text.contains("|")) {
                walk.add(Opaque.operation("the awk program is only known at run time", run.evidence(), run.locators()));
            }
            return;
        }
        Matcher m = AWK_LITERAL_COMMAND.matcher(text);
        String rest = text;
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) == null) {
                    continue;
                }
                String command = m.group(g).replace("\\\"", "\"").replace("\\\\", "\\");
                String first = Regex.split(command.strip() + " ", "\\s+")[0];
                if (g == 2 && (Wrappers.SHELLS.contains(first) || Wrappers.isInterpreter(first))) {
                    walk.add(Opaque.operation("awk pipes the text it builds into " + first + " to run", run.evidence(), run.locators()));
                } else {
                    runs(command, true, run, Map.of(), "awk");
                }
            }
            rest = rest.replace(m.group(), "");
        }
        if (AWK_COMPUTED_COMMAND.matcher(Regex.replaceAll(rest, "\"(?:[^\"\\\\]|\\\\.)*\"|/(?:[^/\\\\\\n]|\\\\.)+/", "\"\"")).find()) {
            walk.add(Opaque.operation("awk runs a command it builds at run time", run.evidence(), run.locators()));
        }
    }

    /** GNU sed's {@code e COMMAND} runs a command; the {@code e} flag of {@code s///} runs the pattern space. */
    private void sed(List<Arg> args, SimpleCommands.Run run) {
        List<Arg> scripts = new ArrayList<>();
        boolean explicit = false;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if ((w.equals("-e") || w.equals("--expression")) && i + 1 < args.size()) {
                scripts.add(args.get(++i));
                explicit = true;
            } else if (w.startsWith("--expression=")) {
                scripts.add(new Arg(w.substring(13), args.get(i).literal(), false, args.get(i).evidence()));
                explicit = true;
            } else if (w.equals("-f") || w.equals("--file") || w.equals("-l") || w.equals("--line-length")) {
                i++;
            } else if (!w.startsWith("-") && !explicit && scripts.isEmpty()) {
                scripts.add(args.get(i));
            }
        }
        for (Arg script : scripts) {
            if (!script.literal()) {
                continue;
            }
            for (String command : SedScripts.commands(script.value())) {
                if (command.startsWith("e")) {
                    String text = command.substring(1).strip();
                    if (text.isEmpty()) {
                        walk.add(Opaque.operation("sed runs each input line as a command", run.evidence(), run.locators()));
                    } else {
                        runs(text, true, run, Map.of(), "sed e");
                    }
                } else if (command.startsWith("s") && SedScripts.substituteFlags(command).contains("e")) {
                    walk.add(Opaque.operation("sed's s///e runs the substituted text as a command", run.evidence(), run.locators()));
                }
            }
        }
    }

    /**
     * {@code make -f - <<< 'all: ; rm -rf …'}, {@code make deploy} with the Makefile in view: the recipes of the targets
     * asked for (and what they depend on) are shell. True when a makefile was read, so the target's name no longer
     * needs to speak for it.
     */
    private boolean make(List<Arg> args, SimpleCommands.Run run) {
        List<String> targets = new ArrayList<>();
        List<String> makefiles = new ArrayList<>();
        boolean read = false;
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String file = null;
            if ((w.equals("-f") || w.equals("--file") || w.equals("--makefile")) && i + 1 < args.size()) {
                file = args.get(++i).value();
            } else if (w.startsWith("--file=") || w.startsWith("--makefile=")) {
                file = w.substring(w.indexOf('=') + 1);
            } else if (w.startsWith("-f") && w.length() > 2 && !w.startsWith("--")) {
                file = w.substring(2);
            } else if (w.startsWith("--eval=") || w.equals("-E") || w.equals("--eval")) {
                Arg text = w.contains("=") ? new Arg(w.substring(7), args.get(i).literal(), false, args.get(i).evidence())
                        : i + 1 < args.size() ? args.get(++i) : Arg.of("");
                if (!text.literal()) {
                    walk.add(Opaque.operation("make evaluates text only known at run time", run.evidence(), run.locators()));
                } else {
                    MakeRules.Makefile eval = MakeRules.parse(text.value());
                    eval.always().forEach(c -> runs(c, true, run, Map.of(), "make $(shell)"));
                    eval.recipes(List.of()).forEach(c -> runs(c, true, run, Map.of(), "make"));
                }
            } else if (Set.of("-C", "--directory", "-j", "--jobs", "-l", "-o", "-W", "-I").contains(w)) {
                i++;
            } else if (!w.startsWith("-") && !w.contains("=")) {
                targets.add(w);
            }
            if (file != null) {
                makefiles.add(file);
            }
        }
        for (String file : makefiles) {
            if (file.equals("-") || file.equals("/dev/stdin") || file.startsWith("/dev/fd/") || file.startsWith("/proc/self/fd/")) {
                if (run.stdin().text().isPresent()) {
                    recipes(run.stdin().text().get(), targets, run);
                } else {
                    walk.add(Opaque.operation("make reads its recipes from " + run.stdin().producer().orElse("standard input"),
                            run.evidence(), run.locators()));
                }
                read = true;
            } else {
                Optional<String> text = walk.text(file);
                text.ifPresent(t -> recipes(t, targets, run));
                read |= text.isPresent();
            }
        }
        if (makefiles.isEmpty()) {
            for (String name : List.of("GNUmakefile", "makefile", "Makefile")) {
                Optional<String> text = walk.text(name);
                if (text.isPresent()) {
                    recipes(text.get(), targets, run);
                    return true;
                }
            }
        }
        return read;
    }

    private void recipes(String makefile, List<String> targets, SimpleCommands.Run run) {
        MakeRules.Makefile rules = MakeRules.parse(makefile);
        rules.always().forEach(c -> runs(c, true, run, Map.of(), "make $(shell)"));
        for (String recipe : rules.recipes(targets)) {
            runs(recipe, true, run, Map.of(), "make");
        }
    }

    /** {@code tmux new -d 'cmd'}, {@code tmux send-keys 'cmd' Enter}: the command runs in a new terminal. */
    private boolean tmux(List<Arg> args, SimpleCommands.Run run) {
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
            for (int k = 0; k < rest.size(); k++) {
                String w = rest.get(k).value();
                if (w.equals("-t") || w.equals("-N")) {
                    k++;
                } else if (!w.startsWith("-") && !Set.of("Enter", "C-m", "KPEnter", "C-j").contains(w)) {
                    keys.add(rest.get(k));
                }
            }
            if (!keys.isEmpty()) {
                runs(joined(keys), keys.stream().allMatch(Arg::literal), run, Map.of(), "tmux send-keys");
            }
            return true;
        }
        if (!TMUX_RUNS.contains(verb)) {
            return false;
        }
        List<Arg> command = Unwrapper.afterOptions(rest, TMUX_VALUED, 0);
        if (!command.isEmpty()) {
            runs(joined(command), command.stream().allMatch(Arg::literal), run, Map.of(), "tmux " + verb);
        }
        return !command.isEmpty();
    }

    /** {@code screen -dmS name cmd args}: runs the command detached; {@code screen -X stuff 'cmd\n'} types it. */
    private boolean screen(List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-X") && i + 2 < args.size() && args.get(i + 1).value().equals("stuff")) {
                Arg keys = args.get(i + 2);
                runs(Regex.replaceAll(keys.value(), "\\^M|\\\\n|\\r", "\n"), keys.literal(), run, Map.of(), "screen stuff");
                return true;
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

    /** {@code echo 'cmd' | at now + 1 minute}: the job's text is shell, run later by the same user. */
    private boolean deferred(String program, List<Arg> args, SimpleCommands.Run run) {
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
    private boolean crontab(List<Arg> args, SimpleCommands.Run run) {
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
    private boolean ansible(List<Arg> args, SimpleCommands.Run run) {
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
        runs(command, literal, run, local ? Map.of() : Map.of("host", hosts), "ansible -m " + module);
        return true;
    }

    /** {@code salt '*' cmd.run 'cmd'}: the command runs on every matching minion ({@code salt-call}: on this one). */
    private boolean salt(String program, List<Arg> args, SimpleCommands.Run run) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-t", "--timeout", "--out", "-b", "--batch-size", "-c", "--config-dir",
                "--log-level", "-l", "--roster-file", "-i", "--user", "--priv", "--return"));
        List<Arg> positionals = p.positionals();
        int function = program.equals("salt-call") ? 0 : 1;
        if (positionals.size() <= function + 1 || !SALT_SHELL_FUNCTIONS.contains(positionals.get(function).value())) {
            return false;
        }
        Arg command = positionals.get(function + 1);
        Map<String, String> where = program.equals("salt-call") ? Map.of() : Map.of("host", positionals.getFirst().value());
        runs(command, run, where, program + " " + positionals.get(function).value());
        return true;
    }

    /** {@code pdsh -w web[1-5] 'cmd'}, {@code pssh -h hosts 'cmd'}, {@code clush -g all 'cmd'}: one command, many hosts. */
    private boolean fanOut(String program, List<Arg> args, SimpleCommands.Run run) {
        List<Arg> command = Unwrapper.afterOptions(args, FAN_OUT_VALUED, 0);
        if (command.isEmpty()) {
            return false;
        }
        ParsedArgs p = ParsedArgs.parse(args.subList(0, args.size() - command.size()), FAN_OUT_VALUED);
        String hosts = p.value("-w", "-H", "--host", "-g").orElse(p.value("-h", "--hosts", "--hostfile").map(f -> "hosts in " + f)
                .orElse("many hosts"));
        runs(joined(command), command.stream().allMatch(Arg::literal), run, Map.of("host", hosts), program);
        return true;
    }
}
