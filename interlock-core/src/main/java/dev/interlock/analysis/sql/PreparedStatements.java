package dev.interlock.analysis.sql;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Statements prepared earlier in the same text ({@code PREPARE q(int) AS SELECT …; EXECUTE q(42)}): running one does
 * what the prepared statement does, so EXECUTE carries its analysis instead of being an unknown procedure. A name
 * prepared elsewhere (another session, a string computed at run time) is not known here and keeps its own reading.
 */
final class PreparedStatements {

    private final Map<String, List<Operation>> prepared = new HashMap<>();

    /** Remembers what {@code PREPARE name …} would run, when the statement's text was in view. */
    void remember(SqlWords w, List<Operation.Builder> ops) {
        if (!w.kw(0).equals("PREPARE") || w.kw(1).equals("TRANSACTION")) {
            return;
        }
        String name = w.name(1).text().toLowerCase(Locale.ROOT);
        List<Operation> built = ops.stream().map(Operation.Builder::build).toList();
        if (name.isEmpty() || built.stream().anyMatch(op -> op.confidence() == Confidence.OPAQUE)) {
            prepared.remove(name);
            return;
        }
        prepared.put(name, built);
    }

    /** {@code EXECUTE name …} of a statement prepared above: its operations, at the EXECUTE. */
    Optional<List<Operation.Builder>> execution(SqlWords w) {
        if (!w.kw(0).equals("EXECUTE") && !w.kw(0).equals("EXEC")) {
            return Optional.empty();
        }
        String name = w.name(1).text().toLowerCase(Locale.ROOT);
        List<Operation> ops = prepared.get(name);
        if (ops == null) {
            return Optional.empty();
        }
        List<Operation.Builder> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            String note = op.note().isEmpty() ? "" : op.note() + "; ";
            // read from the PREPARE's text, not confirmed at the EXECUTE
            out.add(op.toBuilder().confidence(Confidence.INFERRED).note(note + "runs the statement prepared as " + w.name(1).text()));
        }
        return Optional.of(out);
    }
}
