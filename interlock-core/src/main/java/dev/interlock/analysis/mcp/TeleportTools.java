package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Teleport servers ({@code tsh_ls}, {@code list_nodes}, {@code tsh_ssh}): each call is the {@code tsh} command it
 * stands for, judged by the shell analysis, so listings read and a command run on a node (or on every node a label
 * selector matches) is judged as that command there.
 */
final class TeleportTools {

    private TeleportTools() {
    }

    private static final Pattern TELEPORT = Pattern.compile("(?i)teleport|\\btsh");

    private static final Function<McpCall, List<Operation>> LIST = c -> {
        List<String> argv = new ArrayList<>(List.of("tsh", "ls"));
        String labels = c.text("labels", "label", "selector", "query");
        if (!labels.isEmpty()) {
            argv.add(labels);
        }
        return c.analyses().shell(Shell.join(argv));
    };

    private static final Function<McpCall, List<Operation>> STATUS = c -> c.analyses().shell("tsh status");

    private static final Function<McpCall, List<Operation>> SSH = c -> {
        String command = c.text("command", "cmd", "script");
        if (command.isEmpty()) {
            return List.of(c.opaque("a Teleport ssh tool called without a command"));
        }
        String host = c.text("host", "node", "hostname", "server", "target", "labels", "label", "selector");
        String login = c.text("login", "user", "username");
        if (host.isEmpty()) {
            return List.of(c.opaque("a Teleport ssh tool called without a node"));
        }
        return c.analyses().shell(Shell.join(List.of("tsh", "ssh", login.isEmpty() ? host : login + "@" + host, command)));
    };

    static final ToolFamily FAMILY = new ToolFamily("teleport", c -> TELEPORT.matcher(c.server()).find(),
            Map.ofEntries(Map.entry("tsh_ls", LIST), Map.entry("list_nodes", LIST), Map.entry("list_resources", LIST),
                    Map.entry("ls", LIST), Map.entry("get_status", STATUS), Map.entry("tsh_status", STATUS),
                    Map.entry("status", STATUS), Map.entry("tsh_ssh", SSH), Map.entry("ssh", SSH),
                    Map.entry("run_command", SSH), Map.entry("execute_command", SSH), Map.entry("exec", SSH)));
}
