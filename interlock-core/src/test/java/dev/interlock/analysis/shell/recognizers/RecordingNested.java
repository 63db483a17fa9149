package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/** A {@link Nested} that records the shell text it was given and answers with one marker operation. */
final class RecordingNested implements Nested {
    final List<String> shell = new ArrayList<>();

    @Override
    public List<Operation> shell(String command, Invocation parent) {
        shell.add(command);
        return List.of(Operation.builder("nested", Verb.UNKNOWN).resource("command", command).build());
    }

    @Override
    public List<Operation> sql(String sql, String dialect, Invocation parent) {
        return List.of();
    }
}
