package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * One git run after its global options: the subcommand's arguments and the repository it acts on
 * ({@code -C dir}, {@code --git-dir}, {@code --work-tree}), able to build operations on it.
 */
record GitContext(Invocation inv, Nested nested, List<Arg> args, String directory) {

    /** An operation on the local repository (or on the remote host a wrapper moved it to). */
    Operation.Builder op(Verb verb, String type, String name) {
        Operation.Builder b = Operation.builder("git", verb).resource(type, name).locator("directory", directory)
                .evidence(inv.evidence());
        if (!directory.isEmpty()) {
            b.locator("path", inv.workspace().resolve(directory));
        }
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, "the local git repository");
        }
        return b;
    }

    /**
     * The operation marked as rewriting this checkout's files (the {@code checkout} locator: the working tree's path).
     * On a developer's machine that is local work; on a machine the request declares prod the checkout is the code
     * running there, and environment resolution gives the operation that environment.
     */
    Operation rewritingCheckout(Operation op) {
        return op.toBuilder().locator("checkout", inv.workspace().resolve(directory.isEmpty() ? "." : directory)).build();
    }

    Operation read(String type, String name) {
        return op(Verb.READ, type, name).build();
    }

    Operation update(String type, String name) {
        return op(Verb.UPDATE, type, name).build();
    }

    /** Work that exists only in this checkout is thrown away: nothing can bring it back. */
    Operation discard(String type, String name, Scope scope, String note) {
        return op(Verb.DELETE, type, name).scope(scope).stateful(true).reversible(false).note(note).build();
    }

    ParsedArgs parse(Set<String> valued) {
        return ParsedArgs.parse(args, valued);
    }

    /** The n-th positional, or empty. */
    static String positional(ParsedArgs p, int n) {
        return p.positional(n).orElse("");
    }

    /** Marks operations guessed from a non-literal argument. */
    static Operation inferred(Operation op) {
        return op.toBuilder().confidence(Confidence.INFERRED).build();
    }
}
