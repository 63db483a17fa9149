package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.ShellHistory;
import dev.interlock.model.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs that run a command handed to them some other way than as their arguments (the commands themselves are
 * found by {@link EmbeddedScripts} and {@link ElsewhereRuns} for the families with a language or a schedule of their
 * own): through an option
 * ({@code tar --checkpoint-action=exec=…}, {@code ssh -o ProxyCommand=…}, {@code rsync -e}), inside their own language
 * ({@code awk 'system(…)'}, {@code sed 'e …'}, {@code vim -c '!…'}, a makefile on stdin), later or elsewhere
 * ({@code at}, {@code crontab -}, {@code tmux new}, {@code screen -dm}, {@code script -c}), a notebook's cells
 * ({@code jupyter nbconvert --execute}, {@code papermill}; {@link Notebooks}), on many hosts
 * ({@code ansible -m shell}, {@code salt … cmd.run}, {@code knife ssh}, {@code pyinfra exec}, {@code pdsh}, {@code pssh}), or in an environment variable another
 * program executes ({@code GIT_SSH_COMMAND}, {@code PAGER}, {@code EDITOR}). The command is analyzed as shell where it
 * runs; one only known at run time is opaque.
 */
final class ExecutionRoutes {

    /** Variables whose value some program runs as a command. */
    static final Set<String> EXECUTED_VARIABLES = Set.of("GIT_SSH_COMMAND", "GIT_SSH", "GIT_EDITOR", "GIT_PAGER",
            "GIT_SEQUENCE_EDITOR", "GIT_EXTERNAL_DIFF", "GIT_ASKPASS", "SSH_ASKPASS", "SUDO_ASKPASS", "PAGER", "MANPAGER",
            "SYSTEMD_PAGER", "EDITOR", "VISUAL", "LESSOPEN", "LESSCLOSE", "BROWSER", "PROMPT_COMMAND", "BASH_ENV", "ENV",
            "RSYNC_RSH", "CVS_RSH", "TAR_OPTIONS", "FCEDIT");
    /** less's own syntax in front of its preprocessor: {@code |} pipes its output, {@code ||} also when empty, {@code -} on stdin too. */
    private static final Pattern LESS_PIPE = Pattern.compile("^\\s*\\|\\|?-?");
    /** Variables that load code into the programs started after them, and the values that do (memory flags do not). */
    private static final Map<String, Pattern> LOADED_VARIABLES = Map.of(
            "LD_PRELOAD", Pattern.compile(".*\\S.*"), "LD_AUDIT", Pattern.compile(".*\\S.*"),
            "DYLD_INSERT_LIBRARIES", Pattern.compile(".*\\S.*"),
            "NODE_OPTIONS", Pattern.compile(".*(?:^|\\s)(?:--require|-r|--import|--loader|--experimental-loader)\\b.*"),
            "PERL5OPT", Pattern.compile(".*-[MmId].*"), "RUBYOPT", Pattern.compile(".*-r.*"));

    private static final Set<String> PRELOADS = Set.of("LD_PRELOAD", "DYLD_INSERT_LIBRARIES");

    /** Option → how its value is written; the value is a command this program runs on this machine. */
    private static final Map<String, List<String>> COMMAND_OPTIONS = Map.of(
            "tar", List.of("--checkpoint-action=exec=", "--to-command", "--use-compress-program", "-I", "--info-script",
                    "--new-volume-script", "-F"),
            "rsync", List.of("-e", "--rsh"),
            "zip", List.of("-TT", "--unzip-command"),
            "flock", List.of("-c", "--command"),
            "script", List.of("-c", "--command"),
            "man", List.of("-P", "--pager"));
    private static final Set<String> SSH_LIKE = Set.of("ssh", "scp", "sftp", "autossh", "mosh");
    private static final Pattern SSH_COMMAND_OPTION = Pattern.compile("(?i)(ProxyCommand|LocalCommand|KnownHostsCommand)\\s*[= ]\\s*(.+)", Pattern.DOTALL);
    private static final Set<String> VIM = Set.of("vim", "vi", "nvim", "ex", "view", "gvim", "vimdiff", "evim");
    private static final Set<String> AWK = Set.of("awk", "gawk", "mawk", "nawk");
    /** Programs that only carry a connection (a remote shell, a proxy, a compressor): given as such, they run nothing else. */
    private static final Set<String> CARRIERS = Set.of("ssh", "autossh", "rsh", "plink", "tsh", "nc", "ncat", "netcat",
            "socat", "connect-proxy", "corkscrew", "cloudflared", "gzip", "gunzip", "bzip2", "xz", "zstd", "unzstd", "lz4",
            "lzip", "lzop", "pigz", "pbzip2", "pixz", "brotli", "lzma", "compress", "unxz", "bunzip2");

    final SimpleCommands commands;
    final ShellWalk walk;
    private final EmbeddedScripts embedded;
    private final VimScripts vim;
    private final ElsewhereRuns elsewhere;

    ExecutionRoutes(SimpleCommands commands) {
        this.commands = commands;
        this.walk = commands.walk;
        this.embedded = new EmbeddedScripts(this);
        this.vim = new VimScripts(this);
        this.elsewhere = new ElsewhereRuns(this);
    }

    /**
     * Analyzes the commands {@code program} runs by a route of its own. True when that is all the program does (it is
     * only a way to run them); false when its own recognizer should still say what else it does.
     */
    boolean route(String program, List<Arg> args, SimpleCommands.Run run) {
        switch (program) {
            case "tmux", "byobu" -> {
                return elsewhere.tmux(args, run);
            }
            case "screen" -> {
                return elsewhere.screen(args, run);
            }
            case "xdotool", "ydotool", "wtype" -> {
                return elsewhere.typed(program, args, run);
            }
            case "at", "batch" -> {
                return elsewhere.deferred(program, args, run);
            }
            case "crontab" -> {
                return elsewhere.crontab(args, run);
            }
            case "ansible" -> {
                return elsewhere.ansible(args, run);
            }
            case "salt", "salt-ssh", "salt-call" -> {
                return elsewhere.salt(program, args, run);
            }
            case "knife" -> {
                return elsewhere.knifeSsh(args, run);
            }
            case "pyinfra" -> {
                return elsewhere.pyinfraExec(args, run);
            }
            case "fab" -> {
                return elsewhere.fabric(args, run);
            }
            case "pdsh", "pssh", "parallel-ssh", "clush", "prsh" -> {
                return elsewhere.fanOut(program, args, run);
            }
            case "parallel" -> {
                return elsewhere.parallel(args, run);
            }
            case "make", "gmake" -> {
                return embedded.make(args, run);
            }
            case "just", "task" -> {
                return embedded.recipeFile(program, args, run);
            }
            case "sed", "gsed" -> embedded.sed(args, run);
            case "less", "more" -> embedded.pager(args, run);
            case "gdb", "lldb", "gdb-multiarch", "cgdb" -> embedded.debugger(args, run);
            case "emacs", "emacsclient" -> embedded.emacs(args, run);
            case "git" -> {
                // git difftool -x|--extcmd CMD runs CMD on each changed file
                int tool = args.stream().map(Arg::value).toList().indexOf("difftool");
                if (tool >= 0) {
                    commandOptions("git difftool", List.of("-x", "--extcmd"), args.subList(tool + 1, args.size()), run);
                }
            }
            case "jupyter", "jupyter-nbconvert", "jupyter-execute", "papermill" -> Notebooks.run(program, args, run, walk);
            case "expect" -> {
                embedded.expect(args, run);
                return true;
            }
            default -> {
                if (VIM.contains(program)) {
                    vim.vim(args, run);
                } else if (AWK.contains(program)) {
                    embedded.awk(args, run);
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
        variables(assigned, evidence, locators, walk, Optional.empty());
    }

    /** {@link #variables} for assignments before {@code program}, the command they are given to. */
    static void variables(Map<String, Optional<String>> assigned, Evidence evidence, Map<String, String> locators, ShellWalk walk,
                          Optional<String> program) {
        assigned.forEach((name, value) -> {
            value.flatMap(v -> ShellHooks.variable(name, v, evidence, locators)).ifPresent(walk::add);
            if (EXECUTED_VARIABLES.contains(name)) {
                if (value.isPresent() && carrier(value.get())) {
                    return;
                }
                if (value.isPresent()) {
                    walk.nested(name.startsWith("LESS") ? lessCommand(value.get()) : value.get(), evidence, locators);
                } else {
                    walk.add(Opaque.operation(name + " is set to a command only known at run time", evidence, locators));
                }
            } else if (ShellHistory.disables(name, value)) {
                walk.add(ShellHistory.variable(name, value, evidence, locators));
            } else if (LOADED_VARIABLES.containsKey(name) && value.map(v -> LOADED_VARIABLES.get(name).matcher(v).matches()).orElse(true)
                    && !(PRELOADS.contains(name) && value.filter(v -> ShellHooks.projectPreload(v, program)).isPresent())) {
                walk.add(Opaque.operation(name + " loads code into the programs that follow", evidence, locators));
            }
        });
    }

    /**
     * {@code LESSOPEN='|highlight %s'}: less's pipe syntax dropped, and {@code %s} is the file less is asked to show,
     * known only when it runs ({@code | sh %s} runs whatever file is viewed).
     */
    private static String lessCommand(String value) {
        return LESS_PIPE.matcher(value).replaceFirst("").replace("%s", "\"$LESS_VIEWED_FILE\"");
    }

    void runs(Arg text, SimpleCommands.Run run, Map<String, String> where, String what) {
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

    void runs(String text, boolean literal, SimpleCommands.Run run, Map<String, String> where, String what) {
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

    static String joined(List<Arg> args) {
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

}
