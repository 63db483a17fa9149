package dev.interlock.analysis.shell;

import dev.interlock.model.Operation;
import java.util.List;

/**
 * Analysis of text embedded in a command, offered to recognizers: a shell command a program will run
 * ({@code ssh host CMD}, {@code watch CMD}) or SQL a database client will send ({@code psql -c}).
 */
public interface Nested {

    /** Analyzes {@code command} as shell, run like {@code parent} (same env, workspace and locators). */
    List<Operation> shell(String command, Invocation parent);

    /** The text this command line wrote to {@code path} before running it ({@code cat > /tmp/x.py <<EOF … EOF}). */
    default java.util.Optional<String> written(String path) {
        return java.util.Optional.empty();
    }

    /**
     * What produced {@code path} when this command line wrote it from text it hides (a decoder of input not in view, a
     * download): running it is opaque. Empty when the file is not such a one.
     */
    default java.util.Optional<String> hiddenSource(String path) {
        return java.util.Optional.empty();
    }

    /** Analyzes {@code sql}; {@code dialect} is {@code postgresql}, {@code mysql}, {@code sqlite} or empty. */
    List<Operation> sql(String sql, String dialect, Invocation parent);
}
