package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Map;

/** {@code :(){ :|:& };:}: a function that starts itself in the background until the machine runs out of processes. */
final class ForkBombs {

    private ForkBombs() {
    }

    static boolean recursesInBackground(Command.Function f) {
        return calls(f.body(), f.name(), false);
    }

    /** Whether {@code c} runs {@code name} from a command put in the background (or piped into itself, {@code :|:&}). */
    private static boolean calls(Command c, String name, boolean background) {
        return switch (c) {
            case Command.Simple s -> background && !s.words().isEmpty() && s.words().getFirst().literal().map(name::equals).orElse(false);
            case Command.Background b -> calls(b.command(), name, true);
            case Command.Pipeline p -> p.stages().stream().anyMatch(st -> calls(st, name, background));
            case Command.AndOr a -> a.items().stream().anyMatch(i -> calls(i, name, background));
            case Command.Subshell s -> s.body().commands().stream().anyMatch(i -> calls(i, name, background));
            case Command.Group g -> g.body().commands().stream().anyMatch(i -> calls(i, name, background));
            case Command.Loop l -> l.body().commands().stream().anyMatch(i -> calls(i, name, background));
            default -> false;
        };
    }

    static Operation operation(Command.Function f, Evidence evidence, Map<String, String> locators) {
        Operation.Builder b = Operation.builder("os", Verb.DELETE).resource("machine", "").scope(Scope.ALL).stateful(true)
                .reversible(false).evidence(evidence)
                .note("the function " + f.name() + " starts itself in the background: a fork bomb that takes the machine down");
        locators.forEach(b::locator);
        if (locators.isEmpty()) {
            b.environment(Tier.LOCAL, "this machine");
        }
        return b.build();
    }
}
