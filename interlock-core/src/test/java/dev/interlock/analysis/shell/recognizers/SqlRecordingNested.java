package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A fake of the analyzer's nested analysis: records what it is given and answers with a rough reading of the SQL. */
public final class SqlRecordingNested implements Nested {
    public final List<String> sql = new ArrayList<>();
    public final List<String> dialects = new ArrayList<>();
    public final List<String> shell = new ArrayList<>();

    @Override
    public List<Operation> shell(String command, Invocation parent) {
        shell.add(command);
        return List.of(Operation.builder("process", Verb.EXECUTE).resource("command", command).build());
    }

    @Override
    public List<Operation> sql(String text, String dialect, Invocation parent) {
        sql.add(text.trim());
        dialects.add(dialect);
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("DROP DATABASE")) {
            return List.of(Operation.builder("database", Verb.DELETE).resource("database", "x").scope(Scope.ALL).stateful(true).build());
        }
        if (t.startsWith("SELECT")) {
            return List.of(Operation.builder("database", Verb.READ).resource("table", "t").build());
        }
        return List.of(Operation.builder("database", Verb.UPDATE).resource("table", "t").build());
    }
}
