package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Erasing or switching off the shell's own record of what was run ({@code history -c}, {@code unset HISTFILE},
 * {@code set +o history}, {@code HISTSIZE=0}): the same meaning as deleting {@code ~/.bash_history}, which an incident
 * review reads. Everything else these builtins do is judged as before.
 */
public final class ShellHistory implements Recognizer {

    private static final Recognizer OTHER = new UnrecognizedProgram();
    private static final Set<String> VARIABLES = Set.of("HISTFILE", "HISTSIZE", "HISTFILESIZE", "SAVEHIST");

    @Override
    public Set<String> programs() {
        // `set` belongs to CredentialRecognizer (a bare `set` prints the environment); it calls erases() for +o history
        return Set.of("history", "unset");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return erases(inv) ? List.of(operation(inv)) : OTHER.recognize(inv, nested);
    }

    /** Whether this {@code history}, {@code unset} or {@code set} erases the history or stops it being kept. */
    public static boolean erases(Invocation inv) {
        List<String> words = inv.words();
        return switch (inv.program()) {
            // -c clears the list, -d deletes entries; both are then written over the file when the shell exits
            case "history" -> words.stream().anyMatch(w -> Regex.matches(w, "-[a-zA-Z]*[cd][a-zA-Z]*"));
            case "unset" -> words.stream().anyMatch(VARIABLES::contains);
            case "set" -> words.stream().anyMatch(w -> w.equals("+o")) && words.contains("history");
            default -> false;
        };
    }

    public static Operation operation(Invocation inv) {
        return LocalFiles.local(inv, builder(inv.evidence(), inv.program() + " " + String.join(" ", inv.words())),
                "this machine's shell history").build();
    }

    /** {@code HISTFILE=/dev/null}, {@code HISTSIZE=0}, exported or for one command. */
    public static boolean disables(String name, Optional<String> value) {
        if (!VARIABLES.contains(name)) {
            return false;
        }
        String v = value.orElse("").trim();
        return name.equals("HISTFILE") ? v.isEmpty() || v.equals("/dev/null") : v.isEmpty() || v.equals("0");
    }

    /** The operation for a variable that switches the history off; local unless the locators say where it runs. */
    public static Operation variable(String name, Optional<String> value, Evidence evidence, Map<String, String> locators) {
        Operation.Builder b = builder(evidence, name + "=" + value.orElse(""));
        locators.forEach(b::locator);
        if (locators.isEmpty()) {
            b.environment(Tier.LOCAL, "this machine's shell history");
        }
        return b.build();
    }

    private static Operation.Builder builder(Evidence evidence, String what) {
        return Operation.builder("os", Verb.DELETE).resource("history", "shell history").evidence(evidence)
                .stateful(true).reversible(false)
                .note(what + " erases or stops the shell's record of the commands run, which an incident review reads");
    }
}
