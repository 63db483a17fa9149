package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Script;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.analysis.shell.syntax.WordPart;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Programs that print setup for the user's own shell — completions, prompt and version-manager hooks, agent
 * variables — so that {@code eval "$(pyenv init -)"} and {@code source <(kubectl completion bash)} run what that
 * program prints, not text no one can know. The program itself is analyzed where it runs (in the substitution).
 * Printers that point later commands somewhere else ({@code docker-machine env prod}, {@code direnv export}) are not
 * here: what they print is a target, and stays opaque.
 */
final class ShellSetup {

    /** Any program's own completion script: {@code kubectl completion bash}, {@code gh completion -s zsh}. */
    private static final Pattern COMPLETION = Pattern.compile("(completions?|generate-shell-completion)( .*)?");
    private static final Pattern INIT = Pattern.compile("init( .*)?");

    /** Program (its file name) → the words after it that make it print shell setup. */
    private static final Map<String, Pattern> PRINTERS = Map.ofEntries(
            Map.entry("pyenv", Pattern.compile("(init|virtualenv-init)( .*)?")),
            Map.entry("rbenv", INIT), Map.entry("nodenv", INIT), Map.entry("goenv", INIT), Map.entry("jenv", INIT),
            Map.entry("plenv", INIT), Map.entry("phpenv", INIT), Map.entry("starship", INIT), Map.entry("zoxide", INIT),
            Map.entry("atuin", INIT), Map.entry("mcfly", INIT), Map.entry("oh-my-posh", INIT),
            Map.entry("direnv", Pattern.compile("hook \\S+")),
            Map.entry("mise", Pattern.compile("activate( .*)?")), Map.entry("rtx", Pattern.compile("activate( .*)?")),
            Map.entry("fnm", Pattern.compile("env( .*)?")),
            Map.entry("brew", Pattern.compile("shellenv( .*)?")),
            Map.entry("ssh-agent", Pattern.compile("(-s|-c)?")),
            Map.entry("conda", Pattern.compile("shell\\.\\w+ hook")),
            Map.entry("poetry", Pattern.compile("env activate")),
            Map.entry("minikube", Pattern.compile("docker-env( .*)?")),
            Map.entry("thefuck", Pattern.compile("--alias( \\S+)?")),
            Map.entry("dircolors", Pattern.compile("(-b|-c|--sh|--bourne-shell|--csh)?( \\S+)?")),
            Map.entry("opam", Pattern.compile("env( .*)?")),
            Map.entry("luarocks", Pattern.compile("path( .*)?")),
            Map.entry("register-python-argcomplete", Pattern.compile("\\S+")));

    /**
     * Toolchains' own init scripts, as {@code source} names them once variables are resolved: they define the tool's
     * shell function and {@code PATH}, nothing else. A path in a temporary directory is no such install.
     */
    private static final Pattern INIT_SCRIPTS = Pattern.compile("(~|/(home|Users)/[^/]+|/opt|/usr(/local)?|/opt/homebrew)(/[\\w.-]+)*?"
            + "/(\\.?nvm/nvm\\.sh|\\.?sdkman/bin/sdkman-init\\.sh|\\.cargo/env|\\.asdf/asdf\\.sh|\\.ghcup/env|\\.rye/env"
            + "|\\.local/bin/env|(mini|ana)?(conda|forge|mamba)\\d*/etc/profile\\.d/(conda|mamba)\\.sh)");
    /** Variables such scripts are named by → where the tool installs itself when the variable is unset. */
    private static final Map<String, String> INIT_DIRS = Map.of("NVM_DIR", "~/.nvm", "SDKMAN_DIR", "~/.sdkman",
            "CARGO_HOME", "~/.cargo", "ASDF_DIR", "~/.asdf", "GHCUP_INSTALL_BASE_PREFIX", "~", "HOME", "~");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)\\}?");

    private ShellSetup() {
    }

    /**
     * The toolchain init script {@code path} names ({@code "$NVM_DIR/nvm.sh"}, {@code ~/.sdkman/bin/sdkman-init.sh}),
     * its variables taken from {@code env} or the tool's default; empty for any other script.
     */
    static Optional<String> initScript(String path, Map<String, String> env) {
        if (!path.contains("env") && !path.contains(".sh")) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.getOrDefault(m.group(1), INIT_DIRS.get(m.group(1)));
            if (value == null || value.contains("$")) {
                return Optional.empty();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String resolved = out.toString();
        return INIT_SCRIPTS.matcher(resolved).matches() && !resolved.contains("/..") ? Optional.of(resolved) : Optional.empty();
    }

    /** Sourcing a toolchain's own init script: it sets up this shell for the tool. */
    static Operation loadScript(String script, SimpleCommands.Run run) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("shell-setup", script)
                .confidence(Confidence.INFERRED).note("loads the toolchain's init script " + script + " into this shell").evidence(run.evidence());
        run.locators().forEach(b::locator);
        if (run.locators().isEmpty()) {
            b.environment(Tier.LOCAL, "shell setup for this shell");
        }
        return b.build();
    }

    /** Loading that setup into this shell: it changes the shell, not anything the shell reaches. */
    static Operation load(String printer, SimpleCommands.Run run) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("shell-setup", printer)
                .confidence(Confidence.INFERRED).note("loads the shell setup that '" + printer + "' prints").evidence(run.evidence());
        run.locators().forEach(b::locator);
        if (run.locators().isEmpty()) {
            b.environment(Tier.LOCAL, "shell setup for this shell");
        }
        return b.build();
    }

    /**
     * The printing command ({@code pyenv init -}) when {@code word} is nothing but the output of one such command,
     * its words literal, without pipes or redirections.
     */
    static Optional<String> printer(Word word, ShellWalk walk) {
        if (word.parts().size() != 1) {
            return Optional.empty();
        }
        Script script = switch (word.parts().getFirst()) {
            case WordPart.CommandSubstitution cs -> cs.script();
            case WordPart.ProcessSubstitution ps when !ps.output() -> ps.script();
            default -> null;
        };
        if (script == null || !script.complete() || script.commands().size() != 1
                || !(script.commands().getFirst() instanceof Command.Simple simple)
                || !simple.assignments().isEmpty() || !simple.redirects().isEmpty() || simple.words().isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (Word w : simple.words()) {
            Optional<String> v = w.literal();
            if (v.isEmpty()) {
                return Optional.empty();
            }
            words.add(v.get());
        }
        String program = words.getFirst().substring(words.getFirst().lastIndexOf('/') + 1);
        String rest = String.join(" ", words.subList(1, words.size()));
        Pattern prints = PRINTERS.get(program);
        // a completion script by any program found on PATH; a path (./tool.sh) is no such program
        boolean setup = prints != null && prints.matcher(rest).matches()
                || !words.getFirst().contains("/") && COMPLETION.matcher(rest).matches();
        return setup ? Optional.of(String.join(" ", words)) : Optional.empty();
    }
}
