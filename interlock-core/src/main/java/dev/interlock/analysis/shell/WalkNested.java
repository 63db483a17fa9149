package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;

/** {@link Nested} for recognizers: analyzes embedded shell or SQL and hands the operations back instead of keeping them. */
record WalkNested(ShellWalk walk) implements Nested {

    @Override
    public List<Operation> shell(String command, Invocation parent) {
        int before = walk.operations.size();
        walk.nested(command, parent.evidence(), parent.locators());
        List<Operation> produced = new ArrayList<>(walk.operations.subList(before, walk.operations.size()));
        walk.operations.subList(before, walk.operations.size()).clear();
        return produced;
    }

    @Override
    public java.util.Optional<String> written(String path) {
        return walk.text(path);
    }

    @Override
    public java.util.Optional<String> hiddenSource(String path) {
        return walk.hiddenSource(path);
    }

    @Override
    public List<Operation> sql(String sql, String dialect, Invocation parent) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : walk.analyzer.sql(sql, dialect)) {
            Operation.Builder b = op.toBuilder();
            if (op.evidence().start() < 0 || op.evidence().text().isEmpty()) {
                b.evidence(parent.evidence());
            }
            if (!op.note().contains(op.evidence().text()) && op.evidence().start() >= 0) {
                b.note((op.note().isEmpty() ? "" : op.note() + "; ") + "SQL: " + op.evidence().text());
                b.evidence(parent.evidence());
            }
            // where the client runs (ssh host, a container) is added when the operation is completed, after the client's own
            // -h or URL: docker exec app psql -h db.prod.internal acts on db.prod.internal, not on the container's machine
            out.add(b.build());
        }
        return out;
    }
}
