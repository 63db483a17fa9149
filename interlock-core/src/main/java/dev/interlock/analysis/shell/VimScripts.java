package dev.interlock.analysis.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands vim and Neovim run from their own languages: ex commands ({@code -c '!…'}, {@code +'silent !…'},
 * {@code execute '!…'}, {@code call system('…')}), Lua ({@code lua os.execute("…")}, {@code io.popen},
 * {@code vim.fn.system}, {@code vim.system({…})}, {@code vim.cmd('!…')}, {@code luado}) and scripts ({@code -S FILE},
 * {@code nvim -l FILE.lua}, {@code luafile}, {@code source}, {@code -es} on stdin). A literal command is analyzed as the
 * shell command it is; one computed at run time, or a script whose text is not in view, is opaque. Found for
 * {@link ExecutionRoutes}.
 */
final class VimScripts {

    /** An ex command that runs the shell: {@code !cmd}, {@code r !cmd}, {@code w !cmd}, {@code %!cmd}, {@code terminal cmd}. */
    private static final Pattern VIM_SHELL = Pattern.compile(
            "^\\s*:*\\s*(?:sil(?:ent)?!?\\s*)?(?:(?:[.$%]|\\d+)(?:,(?:[.$]|\\d+))?\\s*)?(?:r(?:ead)?\\s*!|w(?:rite)?\\s+!|!|ter(?:minal)?\\b|sh(?:ell)?\\b)(.*)$",
            Pattern.DOTALL);
    private static final Pattern VIM_SYSTEM = Pattern.compile("\\b(?:system|systemlist|jobstart|term_start)\\s*\\(\\s*(?:'([^']*)'|\"([^\"]*)\")?");
    /** An ex command whose argument is code or a file of code: Lua, a script to source, an expression to execute. */
    private static final Pattern VIM_CODE = Pattern.compile(
            "^\\s*:*\\s*(?:sil(?:ent)?!?\\s*)?(lua(?:do|file)?|so(?:urce)?|exe(?:cute)?)\\b\\s*(.*)$", Pattern.DOTALL);
    /** A string literal of Lua or Vimscript: {@code "…"}, {@code '…'}, {@code [[…]]}. */
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|\\[\\[(.*?)\\]\\]";
    /** Lua calls that run a shell command line (or, for the vim.cmd family, an ex command), with a literal argument when there is one. */
    private static final Pattern LUA_RUNS = Pattern.compile(
            "\\b(os\\.execute|io\\.popen|vim\\.fn\\.system(?:list)?|vim\\.fn\\.jobstart|vim\\.fn\\.termopen|vim\\.system"
            + "|vim\\.cmd|vim\\.api\\.nvim_command|vim\\.api\\.nvim_exec2?|vim\\.fn\\.execute|vim\\.uv\\.spawn|vim\\.loop\\.spawn)"
            + "\\s*\\(?\\s*(?:(?:" + STRING + ")(?!\\s*\\.\\.)|\\{([^{}]*)\\}\\s*[,)]|(\\S))", Pattern.DOTALL);
    private static final Pattern ONE_STRING = Pattern.compile("^(?:" + STRING + ")$", Pattern.DOTALL);
    private static final Pattern LUA_ITEM = Pattern.compile("\\s*(?:" + STRING + ")\\s*(?:,|$)", Pattern.DOTALL);

    private final ExecutionRoutes routes;
    private final ShellWalk walk;

    VimScripts(ExecutionRoutes routes) {
        this.routes = routes;
        this.walk = routes.walk;
    }

    void vim(List<Arg> args, SimpleCommands.Run run) {
        boolean script = false;
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            String w = a.value();
            if ((w.equals("-c") || w.equals("--cmd")) && i + 1 < args.size()) {
                exCommand(args.get(++i), run);
            } else if (w.startsWith("+") && w.length() > 1) {
                exCommand(new Arg(w.substring(1), a.literal(), false, a.evidence()), run);
            } else if (w.equals("-S")) {
                // -S without a file sources Session.vim
                Arg file = i + 1 < args.size() && !args.get(i + 1).value().startsWith("-") ? args.get(++i) : Arg.of("Session.vim");
                sourced(file, false, run);
            } else if (w.equals("-l") && i + 1 < args.size()) {
                sourced(args.get(i + 1), true, run);
                return; // nvim -l: the rest are the script's own arguments
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

    /** A Vimscript or Lua file vim runs: its lines when this line wrote them, else opaque. */
    private void sourced(Arg file, boolean lua, SimpleCommands.Run run) {
        String path = file.value();
        boolean isLua = lua || path.endsWith(".lua");
        Optional<String> text = file.literal() ? walk.text(path) : Optional.empty();
        if (text.isEmpty()) {
            String why = walk.hiddenSource(path).map(by -> ", which this command line " + by).orElse(", whose text is not in view");
            walk.add(Opaque.operation("vim runs the script " + path + why, run.evidence(), run.locators()));
        } else if (isLua) {
            lua(text.get(), true, run);
        } else {
            for (String line : text.get().split("\n")) {
                exCommand(new Arg(line, true, false, run.evidence()), run);
            }
        }
    }

    private void exCommand(Arg command, SimpleCommands.Run run) {
        String ex = command.value();
        Matcher code = VIM_CODE.matcher(ex);
        if (code.matches()) {
            String kind = code.group(1);
            String rest = code.group(2).strip();
            if (kind.startsWith("lua") && !kind.equals("luafile")) {
                lua(rest, command.literal(), run);
            } else if (kind.equals("luafile") || kind.startsWith("so")) {
                sourced(new Arg(rest, command.literal(), false, command.evidence()), kind.equals("luafile"), run);
            } else {
                executed(rest, command, run);
            }
            return;
        }
        Matcher shell = VIM_SHELL.matcher(ex);
        if (shell.matches()) {
            String text = shell.group(1).strip();
            if (!text.isEmpty()) {
                routes.runs(text, command.literal(), run, Map.of(), "vim");
            } else {
                walk.add(Opaque.operation("vim opens a shell", run.evidence(), run.locators()));
            }
            return;
        }
        Matcher system = VIM_SYSTEM.matcher(ex);
        while (system.find()) {
            String text = system.group(1) != null ? system.group(1) : system.group(2);
            routes.runs(text == null ? ex : text, text != null && command.literal(), run, Map.of(), "vim");
        }
    }

    /** {@code execute '!rm -rf x'}: one string literal is the ex command; anything built at run time is opaque. */
    private void executed(String expression, Arg command, SimpleCommands.Run run) {
        Matcher m = ONE_STRING.matcher(expression);
        if (m.matches() && command.literal()) {
            exCommand(new Arg(literal(m, 1), true, false, command.evidence()), run);
        } else if (!expression.isEmpty()) {
            walk.add(Opaque.operation("vim executes an ex command built at run time (" + expression + ")", run.evidence(), run.locators()));
        }
    }

    /** Lua code: each call that runs a command, with its literal argument analyzed and a computed one opaque. */
    private void lua(String code, boolean literal, SimpleCommands.Run run) {
        // the cheap test first: code that names none of the calls runs nothing
        if (!code.contains("os.") && !code.contains("io.") && !code.contains("vim.")) {
            return;
        }
        Matcher m = LUA_RUNS.matcher(code);
        while (m.find()) {
            String call = m.group(1);
            boolean exCommand = call.equals("vim.cmd") || call.startsWith("vim.api") || call.equals("vim.fn.execute");
            Optional<String> text = Optional.empty();
            if (m.group(2) != null || m.group(3) != null || m.group(4) != null) {
                text = Optional.of(literal(m, 2));
            } else if (m.group(5) != null) {
                text = table(m.group(5));
            }
            if (text.isEmpty() || !literal) {
                walk.add(Opaque.operation("vim's Lua " + call + " runs a command only known at run time", run.evidence(), run.locators()));
            } else if (exCommand) {
                exCommand(new Arg(text.get(), true, false, run.evidence()), run);
            } else {
                routes.runs(text.get(), true, run, Map.of(), "vim's Lua " + call);
            }
        }
    }

    /** {@code {'rm', '-rf', path}}: the words of a command given as a list, when every one is a literal. */
    private static Optional<String> table(String items) {
        List<String> words = new ArrayList<>();
        Matcher m = LUA_ITEM.matcher(items);
        int end = 0;
        while (m.lookingAt()) {
            words.add(EmbeddedScripts.shellWord(literal(m, 1)));
            end = m.end();
            m.region(end, items.length());
        }
        return words.isEmpty() || !items.substring(end).isBlank() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    /** The string literal whose three alternatives start at group {@code first}, with its quote escapes undone. */
    private static String literal(Matcher m, int first) {
        for (int g = first; g < first + 3; g++) {
            if (m.group(g) != null) {
                return m.group(g).replace("\\\"", "\"").replace("\\'", "'").replace("\\n", "\n").replace("\\\\", "\\");
            }
        }
        return "";
    }
}
