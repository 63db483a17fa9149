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

    private ShellSetup() {
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
