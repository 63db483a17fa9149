package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/** A {@link Nested} that records what it was asked to analyse and answers with one marker operation. */
public final class RecordingNested implements Nested {
    public final List<String> commands = new ArrayList<>();
    public final List<Invocation> parents = new ArrayList<>();

    @Override
    public List<Operation> shell(String command, Invocation parent) {
        commands.add(command);
        parents.add(parent);
        return List.of(Operation.builder("nested", Verb.UNKNOWN).build());
    }

    @Override
    public List<Operation> sql(String sql, String dialect, Invocation parent) {
        return List.of();
    }
}
