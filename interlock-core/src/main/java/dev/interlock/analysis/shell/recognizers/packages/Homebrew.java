package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Homebrew's housekeeping: {@code brew cleanup [--prune=DAYS|all] [-s]} deletes its own download cache and the outdated
 * versions of what it installed — Homebrew fetches them again when asked, like {@code rm -rf ~/.cache/pip}. Its
 * {@code --prune} is an age, not a verb. Every other brew command is judged as before, by its words
 * ({@link UnrecognizedProgram}: {@code brew uninstall --zap}, third-party taps).
 */
public final class Homebrew implements Recognizer {

    /** Subcommands that only clear what Homebrew downloads or builds again. */
    private static final Set<String> HOUSEKEEPING = Set.of("cleanup");
    private static final Set<String> DRY_RUN = Set.of("-n", "--dry-run");
    private static final Set<String> UNINSTALL = Set.of("uninstall", "remove", "rm");

    @Override
    public Set<String> programs() {
        return Set.of("brew");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (!words.isEmpty() && UNINSTALL.contains(words.getFirst()) && !words.contains("--zap")) {
            // one formula or cask goes; what it made (data, settings) stays, and brew install brings it back
            List<String> names = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("-")).toList();
            Operation.Builder b = Operation.builder("package", Verb.DELETE).resource("package", String.join(" ", names))
                    .scope(names.size() > 1 ? Scope.MANY : Scope.ONE).reversible(true).evidence(inv.evidence());
            return List.of(LocalFiles.local(inv, b, "packages on this machine").build());
        }
        if (words.isEmpty() || !HOUSEKEEPING.contains(words.getFirst())) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Operation.Builder b = words.stream().anyMatch(DRY_RUN::contains)
                ? Operation.builder("brew", Verb.READ).resource("cache", "Homebrew")
                : Operation.builder("filesystem", Verb.DELETE).resource("cache", "Homebrew").scope(Scope.MANY).reversible(true)
                        .confidence(Confidence.INFERRED)
                        .note("brew " + words.getFirst() + " deletes Homebrew's download cache and outdated versions: fetched again when needed");
        return List.of(LocalFiles.local(inv, b.evidence(inv.evidence()), "Homebrew's cache on this machine").build());
    }
}
