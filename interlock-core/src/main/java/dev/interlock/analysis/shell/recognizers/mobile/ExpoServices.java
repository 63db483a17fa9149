package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Expo Application Services ({@code eas}). Its environment-variable commands print values, and with
 * {@code --include-sensitive} the sensitive ones in clear: a credential read in the environment it names. Builds,
 * submissions, updates and channels are judged like any unfamiliar CLI (their words and {@code --environment}).
 */
public final class ExpoServices implements Recognizer {

    /** Commands that print variables' values. */
    private static final Set<String> PRINTS = Set.of("env:list", "env:get", "env:exec");

    @Override
    public Set<String> programs() {
        return Set.of("eas");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        String command = words.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        if (!PRINTS.contains(command) || !words.contains("--include-sensitive")) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Operation.Builder b = Operation.builder("eas", Verb.CREDENTIAL).resource("secrets", "eas").confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note("eas " + command + " --include-sensitive prints sensitive variables' values in clear");
        inv.parse(Set.of("--environment", "-e")).value("--environment", "-e").ifPresent(e -> b.locator("environment", e));
        return List.of(b.build());
    }
}
