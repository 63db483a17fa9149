package dev.interlock.analysis.shell.syntax;

import java.util.List;

/**
 * A parsed command list. {@code problems} are syntax errors and limits hit ("unterminated quote at 12",
 * "nesting deeper than 64"); when {@code complete} is false the parser gave up part of the input, and analysis must
 * treat what it could not see as opaque.
 */
public record Script(List<Command> commands, List<String> problems, boolean complete, Span span) {
    public Script {
        commands = List.copyOf(commands);
        problems = List.copyOf(problems);
    }
}
