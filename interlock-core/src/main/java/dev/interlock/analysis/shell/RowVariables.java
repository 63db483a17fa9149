package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Rows kept in a variable: {@code r=$(psql -c "SELECT …")} or a paged export ({@code r=$(curl …/incremental/users.json)})
 * holds the rows, and {@code echo "$r" | jq … >> users.jsonl} carries them on, as the query piped straight would.
 */
final class RowVariables {

    /** Programs that print their arguments: the variable's text is their output. */
    private static final Set<String> PRINTERS = Set.of("echo", "printf");

    private RowVariables() {
    }

    /** A bare assignment of one variable: it holds the rows of the reads its substitutions ran, or no longer any. */
    static void assigned(Set<String> names, List<Operation> substituted, int first, ShellWalk walk) {
        List<Integer> reads = IntStream.range(0, substituted.size()).filter(i -> DatabaseOps.returnsRows(substituted.get(i)))
                .mapToObj(i -> first + i).toList();
        for (String name : names) {
            if (names.size() == 1 && !reads.isEmpty()) {
                walk.rowVariables.put(name, reads);
            } else {
                walk.rowVariables.remove(name);
            }
        }
    }

    /** The reads whose rows {@code stage} prints from a variable ({@code echo "$r"}), still in the walk's operations. */
    static List<Integer> printed(Command stage, ShellWalk walk) {
        if (walk.rowVariables.isEmpty() || !(stage instanceof Command.Simple s) || s.words().isEmpty()
                || !PRINTERS.contains(s.words().getFirst().raw())) {
            return List.of();
        }
        return walk.rowVariables.entrySet().stream()
                .filter(e -> s.words().stream().skip(1).anyMatch(w -> Regex.find(w.raw(), "\\$\\{?" + e.getKey() + "\\b")))
                .flatMap(e -> e.getValue().stream())
                .filter(i -> i < walk.operations.size() && DatabaseOps.returnsRows(walk.operations.get(i)))
                .distinct().toList();
    }
}
