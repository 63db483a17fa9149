package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A database client's answer written to a file here ({@code psql -c "SELECT * FROM users" > users.csv}, {@code mysql -e …
 * | gzip > out.gz}, {@code … | tee rows.txt}) is a copy of the rows, as {@code psql -o FILE} and {@code \copy … TO FILE}
 * are: the recognizers see the client's own options, the shell's redirections are seen here. Answers that only count
 * or aggregate copy no rows.
 */
final class RowsToFile {

    private RowsToFile() {
    }

    /** The file the command's standard output is written to, if it is one here (not a device or a descriptor). */
    static Optional<String> target(Command command, ShellWalk walk) {
        List<Redirect> redirects = switch (command) {
            case Command.Simple s -> s.redirects();
            case Command.Group g -> g.redirects();
            case Command.Subshell s -> s.redirects();
            default -> List.of();
        };
        for (Redirect r : redirects) {
            boolean stdout = (r.fd() == -1 || r.fd() == 1) && Set.of(">", ">>", ">|").contains(r.operator())
                    || r.operator().equals("&>") || r.operator().equals("&>>");
            if (stdout) {
                Optional<String> path = walk.value(r.target());
                if (path.isEmpty() || !path.get().startsWith("/dev/")) {
                    return Optional.of(path.orElse(r.target().raw()));
                }
            }
        }
        if (command instanceof Command.Simple s && s.words().size() > 1 && walk.value(s.words().getFirst()).orElse("").equals("tee")) {
            return s.words().subList(1, s.words().size()).stream().map(walk::value).flatMap(Optional::stream)
                    .filter(p -> !p.startsWith("-") && !p.startsWith("/dev/")).findFirst();
        }
        return Optional.empty();
    }

    /** A pipeline stage that turns rows into a count ({@code | wc -l}, {@code | grep -c x}): what follows holds no rows. */
    static boolean counts(Command stage, ShellWalk walk) {
        if (!(stage instanceof Command.Simple s) || s.words().isEmpty()) {
            return false;
        }
        List<String> words = s.words().stream().map(w -> walk.value(w).orElse("")).toList();
        return words.getFirst().equals("wc") || words.getFirst().equals("grep") && words.stream().anyMatch(w -> w.equals("-c") || w.equals("--count"));
    }

    /** {@code ops[from..]}: the row reads among them now copy their rows to {@code file}. */
    static void mark(List<Operation> ops, int from, String file) {
        for (int i = from; i < ops.size(); i++) {
            if (DatabaseOps.returnsRows(ops.get(i)) || DatabaseOps.readsRemoteData(ops.get(i))) {
                ops.set(i, DatabaseOps.rowsWrittenTo(ops.get(i), file));
            }
        }
    }
}
