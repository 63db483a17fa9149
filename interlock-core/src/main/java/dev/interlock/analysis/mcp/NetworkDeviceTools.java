package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.netdevices.DeviceCommands;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Servers that drive routers and switches the way Netmiko and NAPALM do ({@code send_command} with a {@code show …}
 * line, {@code send_config_set} with configuration lines), whatever the server is called: the call is known by its
 * shape, a device and the CLI text for it. The text is read as the device's own CLI ({@link DeviceCommands}): show
 * and its kin only look; configuration tools put their lines in configuration mode, so every line changes the device.
 */
final class NetworkDeviceTools {

    private static final String[] DEVICE = {"host", "device", "hostname", "device_name", "ip", "target", "router", "switch"};
    private static final String[] TEXT = {"command", "commands", "command_string", "cmd", "cmds", "config_commands",
            "config", "configuration", "lines"};

    private NetworkDeviceTools() {
    }

    private static Function<McpCall, List<Operation>> send(boolean configure) {
        return c -> {
            List<String> lines = new ArrayList<>();
            if (configure) {
                lines.add("configure terminal"); // what a config tool sends runs in configuration mode
            }
            c.texts(TEXT).forEach(t -> lines.addAll(DeviceCommands.lines(t)));
            if (lines.isEmpty() || configure && lines.size() == 1) {
                return List.of(c.opaque("a device tool called without the lines it sends"));
            }
            String device = c.text(DEVICE);
            return DeviceCommands.operations(lines, device, Map.of("host", device, "mcp-server", c.server()), c.evidence(),
                    "MCP " + c.tool());
        };
    }

    /** Only a call that names a device and carries CLI text: a shell server's {@code run_command} is not one. */
    static final ToolFamily FAMILY = new ToolFamily("network-devices",
            c -> !c.text(DEVICE).isEmpty() && !c.texts(TEXT).isEmpty(),
            Map.ofEntries(Map.entry("send_command", send(false)), Map.entry("send_commands", send(false)),
                    Map.entry("send_show_command", send(false)), Map.entry("send_show_commands", send(false)),
                    Map.entry("run_show_command", send(false)), Map.entry("show_command", send(false)),
                    Map.entry("send_command_timing", send(false)), Map.entry("cli", send(false)),
                    Map.entry("send_config", send(true)), Map.entry("send_config_set", send(true)),
                    Map.entry("send_config_commands", send(true)), Map.entry("send_config_from_file", send(true)),
                    Map.entry("configure", send(true)), Map.entry("configure_device", send(true)),
                    Map.entry("push_config", send(true)), Map.entry("apply_config", send(true))));
}
