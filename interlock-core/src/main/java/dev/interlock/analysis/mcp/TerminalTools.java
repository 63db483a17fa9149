package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Terminal servers (tmux-mcp, iterm-mcp, a terminal's own server): listing and reading sessions, windows and panes
 * reads; a command sent to a pane ({@code execute-command}, {@code send-keys}, {@code write_to_terminal}) is the
 * {@code tmux send-keys} that types it, judged by the shell analysis, so a pane of a session named for an
 * environment ({@code prod-db}) runs it on that machine.
 */
final class TerminalTools {

    private TerminalTools() {
    }

    private static final Pattern TERMINAL = Pattern.compile("(?i)tmux|terminal|iterm|screen|wezterm|kitty|\\bterm\\b");

    private static final Function<McpCall, List<Operation>> READ = c -> {
        String target = c.text("paneId", "pane", "windowId", "window", "sessionId", "session", "sessionName", "target", "query", "name");
        return List.of(c.op("process", Verb.READ, "terminal", target.isEmpty() ? c.server() : target)
                .confidence(Confidence.EXACT).note("reads the terminal's sessions or what a pane shows").build());
    };

    private static final Function<McpCall, List<Operation>> SEND = c -> {
        List<String> parts = c.texts("command", "cmd", "keys", "text", "input");
        if (parts.isEmpty()) {
            return List.of(c.opaque("a terminal tool called without a command"));
        }
        String command = parts.size() == 1 ? parts.getFirst() : Shell.join(parts);
        String target = c.text("paneId", "pane", "target", "sessionName", "session", "sessionId", "windowId", "window");
        // typed into the pane, where the name of its session says which machine it is logged in to
        return c.analyses().shell(Shell.join(target.isEmpty() ? List.of("tmux", "send-keys", command, "Enter")
                : List.of("tmux", "send-keys", "-t", target, command, "Enter")));
    };

    static final ToolFamily FAMILY = new ToolFamily("terminal", c -> TERMINAL.matcher(c.server()).find(),
            Map.ofEntries(Map.entry("list_sessions", READ), Map.entry("find_session", READ), Map.entry("list_windows", READ),
                    Map.entry("list_panes", READ), Map.entry("capture_pane", READ), Map.entry("get_command_result", READ),
                    Map.entry("read_terminal_output", READ), Map.entry("read_output", READ), Map.entry("list_terminals", READ),
                    Map.entry("execute_command", SEND), Map.entry("send_keys", SEND), Map.entry("run_command", SEND),
                    Map.entry("send_command", SEND), Map.entry("write_to_terminal", SEND), Map.entry("type_text", SEND)));
}
