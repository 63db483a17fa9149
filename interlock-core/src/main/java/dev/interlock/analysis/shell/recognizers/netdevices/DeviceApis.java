package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Switches' HTTP command APIs, where every call is a POST and the body says what it does: Arista eAPI
 * ({@code /command-api}, JSON-RPC {@code runCmds} with {@code "cmds": ["show version"]}) and Cisco NX-API
 * ({@code /ins}: {@code "type": "cli_show"} or {@code "cli_conf"}, or JSON-RPC {@code "method": "cli"} with a
 * {@code "cmd"}). The commands are read through {@link DeviceCommands}: only {@code show} and its kin leave the
 * switch as it was.
 */
public final class DeviceApis {

    private DeviceApis() {
    }

    public static Optional<List<Operation>> of(Invocation inv, String url, List<String> body) {
        String path;
        String host;
        try {
            URI uri = URI.create(url.contains("://") ? url : "https://" + url);
            path = uri.getPath() == null ? "" : uri.getPath();
            host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String text = String.join("\n", body);
        List<String> commands = new ArrayList<>();
        String via;
        if (Regex.matches(path, "/command-api/?") && text.contains("runCmds")) {
            via = "Arista eAPI";
            Matcher cmds = Regex.pattern("\"cmds\"\\s*:\\s*\\[(.*?)\\]").matcher(text);
            if (cmds.find()) {
                // {"cmd": "enable", "input": "<password>"}: the input answers a prompt, it is not a command
                String list = Regex.replaceAll(cmds.group(1), "\"input\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"|\"cmd\"\\s*:", "");
                Matcher each = Regex.pattern("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(list);
                while (each.find()) {
                    commands.add(each.group(1));
                }
            }
        } else if (Regex.matches(path, "/ins/?") && Regex.find(text, "\"ins_api\"|\"method\"\\s*:\\s*\"cli")) {
            via = "Cisco NX-API";
            Matcher type = Regex.pattern("\"type\"\\s*:\\s*\"(\\w+)\"").matcher(text);
            Matcher input = Regex.pattern("\"(?:input|cmd)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
            boolean conf = type.find() && !type.group(1).startsWith("cli_show");
            if (conf) {
                commands.add("configure terminal"); // cli_conf runs its input in configuration mode; bash runs a shell
            }
            while (input.find()) {
                commands.addAll(DeviceCommands.lines(input.group(1)));
            }
        } else {
            return Optional.empty();
        }
        if (commands.isEmpty()) {
            commands.add(text.isBlank() ? "a request with no body" : "commands Interlock cannot read");
        }
        return Optional.of(DeviceCommands.operations(commands, host, Map.of("host", host), inv.evidence(), via));
    }
}
