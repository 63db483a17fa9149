package dev.interlock.analysis.shell.recognizers.controls;

import java.util.List;
import java.util.function.Predicate;

/**
 * One row of a control table: the command words that lead to it ({@code cloudtrail stop-logging}), the condition on the
 * rest of the command ({@code --no-enable}, a source of 0.0.0.0/0), and the control it switches off.
 */
record Switch(List<String> command, String control, Predicate<Command> when) {

    static Switch of(String command, String control) {
        return new Switch(List.of(command.split(" ")), control, c -> true);
    }

    static Switch of(String command, String control, Predicate<Command> when) {
        return new Switch(List.of(command.split(" ")), control, when);
    }

    boolean matches(Command c) {
        return c.startsWith(command) && when.test(c);
    }
}
