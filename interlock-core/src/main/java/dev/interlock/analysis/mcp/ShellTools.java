package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Servers that run commands (shell, terminal, desktop-commander style): the command is judged as the agent's own shell. */
final class ShellTools {

    private ShellTools() {
    }

    private static final Function<McpCall, List<Operation>> RUN = c -> {
        List<String> parts = c.texts("command", "cmd", "script", "commandLine");
        if (parts.isEmpty()) {
            return List.of(c.opaque("a command tool called without a command"));
        }
        // An array is argv; a single string is a command line.
        String line = parts.size() == 1 ? parts.getFirst() : Shell.join(parts);
        return c.analyses().shell(line);
    };

    /** Generic names ({@code execute}, {@code run}) are a shell tool's only when the call carries a command. */
    static final ToolFamily FAMILY = new ToolFamily("shell",
            c -> c.arguments().has("command") || c.arguments().has("cmd") || c.arguments().has("script") || c.arguments().has("commandLine"),
            Map.ofEntries(Map.entry("run_command", RUN), Map.entry("execute_command", RUN), Map.entry("run_shell_command", RUN),
                    Map.entry("shell", RUN), Map.entry("bash", RUN), Map.entry("exec", RUN), Map.entry("execute", RUN),
                    Map.entry("run", RUN), Map.entry("run_terminal_cmd", RUN), Map.entry("terminal", RUN),
                    Map.entry("start_process", RUN), Map.entry("shell_exec", RUN), Map.entry("run_in_terminal", RUN)));
}
