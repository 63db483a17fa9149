package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs whose own language runs commands: {@code awk} ({@code system()}, pipes, {@code getline}), GNU {@code sed}
 * ({@code e}, {@code s///e}), and makefiles (the recipes of the targets asked for).
 * Found for {@link ExecutionRoutes}.
 */
final class EmbeddedScripts {

    private static final Pattern AWK_LITERAL_COMMAND = Pattern.compile(
            "\\bsystem\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)|\\|&?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\|&?\\s*getline");
    private static final Pattern AWK_COMPUTED_COMMAND = Pattern.compile("\\bsystem\\s*\\(|(?<!\\|)\\|(?!\\|)&?\\s*[^\"|\\s]|[^\"\\s|]\\s*\\|&?\\s*getline");
    private final ExecutionRoutes routes;
    private final SimpleCommands commands;
    private final ShellWalk walk;

    EmbeddedScripts(ExecutionRoutes routes) {
        this.routes = routes;
        this.commands = routes.commands;
        this.walk = routes.walk;
    }

    /** A debugger command that runs a shell: gdb's {@code !cmd} and {@code shell cmd}, lldb's {@code platform shell cmd}. */
    private static final Pattern DEBUGGER_SHELL = Pattern.compile("^\\s*(?:!|shell\\s+|platform\\s+shell\\s+)(.*)$", Pattern.DOTALL);
    /**
     * {@code call (int)system("…")}, {@code print system("…")}, lldb's {@code expr (int)system("…")}: the debugged
     * process runs the string as a shell command, with that process's identity.
     */
    private static final Pattern DEBUGGER_SYSTEM = Pattern.compile(
            "^\\s*(?:call|print|p|expr|expression|e)\\s+(?:--\\s+)?(?:\\(\\s*(?:int|void|long)\\s*\\)\\s*)?system\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)\\s*;?\\s*$",
            Pattern.DOTALL);
    /** gdb's and lldb's options whose value is one of their own commands. */
    private static final Set<String> DEBUGGER_COMMANDS = Set.of("-ex", "--ex", "-eval-command", "--eval-command", "-iex",
            "--iex", "-init-eval-command", "--init-eval-command", "-o", "--one-line", "-O", "--one-line-before-file",
            "-k", "--one-line-on-crash");
    /** An expect (Tcl) command that starts a program: {@code spawn}, {@code exec}, {@code system}. */
    private static final Pattern EXPECT_RUNS = Pattern.compile("(?:^|[;\\n\\[{])\\s*(?:spawn(?:\\s+-\\w+)*|exec|system)\\s+([^;\\n\\]}]+)");

    /** {@code gdb -batch -ex '!rm -rf …'}, {@code lldb -o 'platform shell …'}: the debugger's shell escape. */
    void debugger(List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            String w = a.value();
            int eq = w.indexOf('=');
            Arg command = null;
            if (DEBUGGER_COMMANDS.contains(w) && i + 1 < args.size()) {
                command = args.get(++i);
            } else if (eq > 0 && w.startsWith("--") && DEBUGGER_COMMANDS.contains(w.substring(0, eq))) {
                command = new Arg(w.substring(eq + 1), a.literal(), false, a.evidence());
            }
            Matcher m = command == null ? null : DEBUGGER_SHELL.matcher(command.value());
            if (m != null && m.matches()) {
                routes.runs(m.group(1), command.literal(), run, Map.of(), "the debugger");
                continue;
            }
            Matcher sys = command == null || !command.value().contains("system") ? null : DEBUGGER_SYSTEM.matcher(command.value());
            if (sys != null && sys.matches()) {
                routes.runs(sys.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), command.literal(), run, Map.of(),
                        "system() called inside the debugged process");
            }
        }
    }

    /**
     * {@code expect -c 'spawn terraform destroy; expect …; send "yes\r"'}: the programs an expect script starts — and
     * answers for, which is the point of it. A script from a file or stdin is not read: opaque.
     */
    void expect(List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            if (a.value().equals("-c") && i + 1 < args.size()) {
                Arg script = args.get(++i);
                if (!script.literal()) {
                    routes.runs(script.value(), false, run, Map.of(), "expect");
                    continue;
                }
                Matcher m = EXPECT_RUNS.matcher(script.value());
                while (m.find()) {
                    routes.runs(m.group(1).strip(), true, run, Map.of(), "expect");
                }
            } else if (a.value().equals("-f") || !a.value().startsWith("-")) {
                walk.add(Opaque.operation("expect runs the script " + (a.value().equals("-f") && i + 1 < args.size()
                        ? args.get(i + 1).value() : a.value()) + ", which Interlock does not read", run.evidence(), run.locators()));
                return;
            }
        }
    }

    /** Emacs Lisp calls that run or delete: each read as the shell command that does the same. */
    private static final Pattern ELISP_CALL = Pattern.compile(
            "\\((shell-command|shell-command-to-string|async-shell-command|call-process|call-process-shell-command"
            + "|start-process-shell-command|delete-directory|delete-file|make-directory)((?:\\s+(?:\"(?:[^\"\\\\]|\\\\.)*\"|nil|t|'[\\w-]+|[\\w-]+))*)\\s*\\)");
    private static final Pattern ELISP_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code emacs --batch --eval '(delete-directory "~" t)'}, {@code emacsclient -e '(shell-command "…")'}. */
    void emacs(List<Arg> args, SimpleCommands.Run run) {
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            Arg code = null;
            if ((w.equals("--eval") || w.equals("-eval") || w.equals("--execute") || w.equals("-e")) && i + 1 < args.size()) {
                code = args.get(++i);
            } else if (w.startsWith("--eval=") || w.startsWith("--execute=")) {
                code = new Arg(w.substring(w.indexOf('=') + 1), args.get(i).literal(), false, args.get(i).evidence());
            }
            if (code == null) {
                continue;
            }
            Matcher m = ELISP_CALL.matcher(code.value());
            boolean any = false;
            while (m.find()) {
                any = true;
                List<String> strings = new ArrayList<>();
                Matcher str = ELISP_STRING.matcher(m.group(2));
                while (str.find()) {
                    strings.add(str.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                boolean recursive = m.group(2).strip().endsWith(" t") || m.group(2).strip().equals("t");
                String command = switch (m.group(1)) {
                    case "delete-directory" -> strings.isEmpty() ? null : (recursive ? "rm -rf " : "rmdir ") + shellWord(strings.getFirst());
                    case "delete-file" -> strings.isEmpty() ? null : "rm -f " + shellWord(strings.getFirst());
                    case "make-directory" -> null;
                    case "call-process" -> strings.isEmpty() ? null
                            : String.join(" ", strings.stream().map(EmbeddedScripts::shellWord).toList());
                    case "start-process-shell-command" -> strings.isEmpty() ? null : strings.getLast();
                    default -> strings.isEmpty() ? null : strings.getFirst();
                };
                if (command != null) {
                    routes.runs(command, code.literal(), run, Map.of(), "emacs");
                } else if (!m.group(1).equals("make-directory")) {
                    walk.add(Opaque.operation("emacs runs " + m.group(1) + " on a value only known at run time", run.evidence(), run.locators()));
                }
            }
            if (!any && Regex.find(code.value(), "\\((?:delete-directory|delete-file|shell-command|async-shell-command|call-process|start-process|process-lines)\\b")) {
                // (delete-directory (expand-file-name "x") t): the argument is computed
                walk.add(Opaque.operation("emacs code runs or deletes something computed at run time", run.evidence(), run.locators()));
            }
        }
    }

    /** A path as one shell word: left bare when safe (so that {@code ~} still means home), else single-quoted. */
    static String shellWord(String s) {
        return Regex.matches(s, "[A-Za-z0-9_./~@%+=:,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * {@code less +'!rm -rf …' file}: a pager's start-up commands ({@code +cmd}, {@code ++cmd}) are its own key
     * commands, and {@code !} runs the rest in a shell ({@code |m cmd} pipes to one).
     */
    void pager(List<Arg> args, SimpleCommands.Run run) {
        for (Arg a : args) {
            String w = a.value();
            if (w.equals("--")) {
                return;
            }
            if (!w.startsWith("+") || w.length() < 2) {
                continue;
            }
            String keys = w.substring(w.startsWith("++") ? 2 : 1);
            int bang = keys.indexOf('!');
            int pipe = keys.indexOf('|');
            if (bang >= 0 && (pipe < 0 || bang < pipe)) {
                runKeys(keys.substring(bang + 1), a, run);
            } else if (pipe >= 0 && pipe + 2 <= keys.length()) {
                runKeys(keys.substring(pipe + 2), a, run); // |m cmd: the mark, then the command
            }
        }
    }

    private void runKeys(String command, Arg from, SimpleCommands.Run run) {
        String text = command.strip();
        if (text.isEmpty()) {
            walk.add(Opaque.operation("the pager opens a shell", run.evidence(), run.locators()));
        } else {
            routes.runs(text, from.literal(), run, Map.of(), "the pager");
        }
    }

    /** The commands an awk program runs: {@code system("…")}, {@code print | "…"}, {@code "…" | getline}. */
    void awk(List<Arg> args, SimpleCommands.Run run) {
        Optional<Arg> program = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("-f") || w.equals("--file")) {
                if (i + 1 < args.size()) {
                    walk.runsHidden("awk", args.get(i + 1).value(), run.evidence(), run.locators());
                }
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
                    routes.runs(command, true, run, Map.of(), "awk");
                }
            }
            rest = rest.replace(m.group(), "");
        }
        if (AWK_COMPUTED_COMMAND.matcher(Regex.replaceAll(rest, "\"(?:[^\"\\\\]|\\\\.)*\"|/(?:[^/\\\\\\n]|\\\\.)+/", "\"\"")).find()) {
            walk.add(Opaque.operation("awk runs a command it builds at run time", run.evidence(), run.locators()));
        }
    }

    /** GNU sed's {@code e COMMAND} runs a command; the {@code e} flag of {@code s///} runs the pattern space. */
    void sed(List<Arg> args, SimpleCommands.Run run) {
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
                        routes.runs(text, true, run, Map.of(), "sed e");
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
    boolean make(List<Arg> args, SimpleCommands.Run run) {
        if (MakeRules.dryRun(args.stream().map(Arg::value).toList())) {
            return false; // make -n prints the recipes and runs none of them
        }
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
                    eval.always().forEach(c -> routes.runs(c, true, run, Map.of(), "make $(shell)"));
                    eval.recipes(List.of()).forEach(c -> routes.runs(c, true, run, Map.of(), "make"));
                }
            } else if (MakeRules.VALUED.contains(w)) {
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
                read |= text.isPresent() || walk.runsHidden("make", file, run.evidence(), run.locators());
            }
        }
        if (makefiles.isEmpty()) {
            for (String name : List.of("GNUmakefile", "makefile", "Makefile")) {
                Optional<String> text = walk.text(name);
                if (text.isPresent()) {
                    recipes(text.get(), targets, run);
                    return true;
                }
                if (walk.runsHidden("make", name, run.evidence(), run.locators())) {
                    return true;
                }
            }
        }
        return read;
    }

    /** The options naming the recipe file of task runners other than make. */
    private static final Map<String, Set<String>> RECIPE_FILE = Map.of("just", Set.of("-f", "--justfile"), "task", Set.of("-t", "--taskfile"));

    /**
     * {@code curl -o j URL && just -f j deploy}: recipes downloaded or decoded in this line are code no one has read
     * (opaque). True when that is so; otherwise the runner's recognizer judges the target.
     */
    boolean recipeFile(String program, List<Arg> args, SimpleCommands.Run run) {
        Set<String> options = RECIPE_FILE.get(program);
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            int eq = w.indexOf('=');
            String file = options.contains(w) && i + 1 < args.size() ? args.get(i + 1).value()
                    : eq > 0 && options.contains(w.substring(0, eq)) ? w.substring(eq + 1) : null;
            if (file != null) {
                return walk.runsHidden(program, file, run.evidence(), run.locators());
            }
        }
        return false;
    }

    private void recipes(String makefile, List<String> targets, SimpleCommands.Run run) {
        MakeRules.Makefile rules = MakeRules.parse(makefile);
        rules.always().forEach(c -> routes.runs(c, true, run, Map.of(), "make $(shell)"));
        for (String recipe : rules.recipes(targets)) {
            routes.runs(recipe, true, run, Map.of(), "make");
        }
    }
}
