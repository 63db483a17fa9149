package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Braces;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.analysis.shell.syntax.WordPart;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code for} loop's variable can be: its literal words ({@code for ns in payments orders}), a glob it walks
 * ({@code for f in migrations/*.sql}: each value one of the files, together many), or the names a listing command
 * prints ({@code for s in $(kubectl get secrets -o name)}: each value a {@code secret/…}). The body is then analysed once
 * per value, so {@code kubectl get "$s" -o yaml} is a secret read and {@code mv "$f.tmp" "$f"} writes the file named.
 * Bounded: past {@link #MAX_VALUES} values, or for any item only known at run time, the body is also walked with the
 * variable unknown — never as if the loop did nothing.
 */
final class LoopVariables {

    /** Values walked per loop; more are rare in a command line and add nothing the first ones do not show. */
    static final int MAX_VALUES = 8;
    /** Body walks per command line across all loops, so nested loops cannot multiply without end. */
    static final int MAX_PASSES = 64;
    /** The name part of a listed object whose name is only known when the listing runs. */
    static final String LISTED = "<listed>";

    /** One value: its text, and whether it is a pattern (or a listing) standing for many. */
    record Value(String text, boolean many) {
    }

    /** The values known statically, and whether some item could be anything else. */
    record Values(List<Value> known, boolean unknown) {
        Values {
            known = List.copyOf(known);
        }
    }

    private LoopVariables() {
    }

    /** {@code listed}: the operations the items' command substitutions produced, which say what a listing lists. */
    static Values of(Command.Loop loop, List<Operation> listed, ShellWalk walk) {
        if (loop.items().isEmpty()) {
            return new Values(List.of(), true); // for x; do …: the positional parameters
        }
        Set<Value> known = new LinkedHashSet<>();
        boolean unknown = false;
        for (Word item : loop.items()) {
            Optional<List<Value>> values = values(item, listed, walk);
            if (values.isEmpty()) {
                unknown = true;
            } else {
                known.addAll(values.get());
            }
        }
        List<Value> kept = new ArrayList<>(known);
        if (kept.size() > MAX_VALUES) {
            return new Values(kept.subList(0, MAX_VALUES), true);
        }
        return new Values(kept, unknown);
    }

    private static Optional<List<Value>> values(Word item, List<Operation> listed, ShellWalk walk) {
        if (item.parts().size() == 1 && item.parts().getFirst() instanceof WordPart.CommandSubstitution cs) {
            Optional<String> echoed = Stdin.echoed(cs.script(), walk);
            if (echoed.isPresent()) {
                return Optional.of(fields(echoed.get(), false));
            }
            Optional<List<Value>> found = foundFiles(cs.script(), walk);
            return found.isPresent() ? found : kubernetesNames(cs.script(), listed, walk);
        }
        Optional<List<String>> elements = walk.arrays.words(item);
        if (elements.isPresent()) {
            return Optional.of(elements.get().stream().map(e -> new Value(e, false)).toList()); // for h in "${hosts[@]}"
        }
        Optional<List<String>> braces = Braces.expand(item);
        if (braces.isPresent() && !braces.get().contains(null)) {
            return Optional.of(braces.get().stream().map(v -> new Value(v, item.glob())).toList());
        }
        Optional<String> value = walk.value(item);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // an unquoted variable holding several words ($HOSTS) gives one value per word, as the shell splits it
        boolean split = item.parts().stream().anyMatch(p -> p instanceof WordPart.Parameter param && !param.quoted());
        return Optional.of(split ? fields(value.get(), item.glob()) : List.of(new Value(value.get(), item.glob())));
    }

    private static List<Value> fields(String text, boolean glob) {
        List<Value> out = new ArrayList<>();
        for (String f : text.strip().split("\\s+")) {
            if (!f.isEmpty()) {
                out.add(new Value(f, glob));
            }
        }
        return out;
    }

    /** {@code $(find . -name '*.tmp')}: the files a find names ({@link Stdin#found}), each a pattern for many. */
    private static Optional<List<Value>> foundFiles(dev.interlock.analysis.shell.syntax.Script script, ShellWalk walk) {
        if (!script.complete() || script.commands().size() != 1 || !(script.commands().getFirst() instanceof Command.Simple s)) {
            return Optional.empty();
        }
        // grep -rl's DIR/{} names no file a loop body could be judged by
        List<String> found = Stdin.from(s, walk, Stdin.NONE).found().stream().filter(f -> !f.endsWith("/{}")).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.stream().map(f -> new Value(f, true)).toList());
    }

    /** Programs whose {@code get … -o name} prints one {@code type/name} per object. */
    private static final Set<String> KUBERNETES_CLIENTS = Set.of("kubectl", "oc", "kubecolor");
    /** Stages after a listing that only drop or reorder its lines: what is left is still of the listed kinds. */
    static final Set<String> NARROWING = Set.of("grep", "egrep", "fgrep", "head", "tail", "sort", "uniq", "shuf");

    /**
     * {@code $(kubectl get secrets -o name)}, also narrowed ({@code | grep -v default}): each line is {@code type/name},
     * the type read by the kubectl recognizer ({@code listed}), the name only known when it runs.
     */
    private static Optional<List<Value>> kubernetesNames(dev.interlock.analysis.shell.syntax.Script script, List<Operation> listed,
                                                         ShellWalk walk) {
        if (!script.complete() || script.commands().size() != 1) {
            return Optional.empty();
        }
        List<Command> stages = script.commands().getFirst() instanceof Command.Pipeline p ? p.stages() : List.of(script.commands().getFirst());
        for (int i = 1; i < stages.size(); i++) {
            if (!program(stages.get(i), walk).map(NARROWING::contains).orElse(false)) {
                return Optional.empty();
            }
        }
        if (!(stages.getFirst() instanceof Command.Simple s) || !program(s, walk).map(KUBERNETES_CLIENTS::contains).orElse(false)
                || !namesOnly(s, walk)) {
            return Optional.empty();
        }
        List<Value> out = new ArrayList<>();
        for (Operation op : listed) {
            if (op.system().equals("kubernetes") && op.verb() == Verb.READ && !op.resource().type().isEmpty()) {
                Value v = new Value(op.resource().type() + "/" + LISTED, true);
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static boolean namesOnly(Command.Simple s, ShellWalk walk) {
        List<String> words = new ArrayList<>();
        for (Word w : s.words()) {
            words.add(walk.value(w).orElse(""));
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-oname") || w.equals("--output=name") || w.equals("-o=name")
                    || (w.equals("-o") || w.equals("--output")) && i + 1 < words.size() && words.get(i + 1).equals("name")) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> program(Command stage, ShellWalk walk) {
        if (!(stage instanceof Command.Simple s) || s.words().isEmpty()) {
            return Optional.empty();
        }
        return walk.value(s.words().getFirst()).map(p -> p.substring(p.lastIndexOf('/') + 1));
    }
}
