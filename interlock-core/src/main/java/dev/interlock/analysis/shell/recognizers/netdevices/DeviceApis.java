package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
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
 * switch as it was. PAN-OS's XML API ({@code /api/?type=…}) says what it does in its parameters, whatever the HTTP method:
 * {@code type=config} with {@code action=get|show}, {@code type=op} with a {@code <show>} command, logs and reports read;
 * {@code action=set|edit|delete|…}, {@code type=commit}, imports and other operational commands change the firewall.
 */
public final class DeviceApis {

    private DeviceApis() {
    }

    public static Optional<List<Operation>> of(Invocation inv, String url, List<String> body) {
        String path;
        String host;
        try {
            // the query may hold what a URI may not (PAN-OS's cmd=<commit></commit>): the path and host come before it
            String base = url.indexOf('?') >= 0 ? url.substring(0, url.indexOf('?')) : url;
            URI uri = URI.create(base.contains("://") ? base : "https://" + base);
            path = uri.getPath() == null ? "" : uri.getPath();
            host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (Regex.matches(path, "/api/?")) {
            return panOs(inv, url, host, body);
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

    /** PAN-OS's parameters, from the query string and a form body alike; not PAN-OS when no {@code type} it knows is given. */
    private static Optional<List<Operation>> panOs(Invocation inv, String url, String host, List<String> body) {
        Map<String, String> params = new java.util.HashMap<>();
        List<String> pairs = new ArrayList<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            pairs.addAll(List.of(url.substring(q + 1).split("&")));
        }
        body.forEach(b -> pairs.addAll(List.of(b.split("&"))));
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(pair.substring(0, eq).toLowerCase(Locale.ROOT), decoded(pair.substring(eq + 1)));
            }
        }
        String type = params.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        if (!Regex.matches(type, "config|op|commit|keygen|version|report|log|export|import|user-id")) {
            return Optional.empty();
        }
        String action = params.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String cmd = Regex.replaceAll(params.getOrDefault("cmd", ""), "\\s+", "").toLowerCase(Locale.ROOT);
        Verb verb = switch (type) {
            case "config" -> Regex.matches(action, "get|show|complete") ? Verb.READ
                    : Regex.matches(action, "delete") ? Verb.DELETE : action.isEmpty() ? Verb.UNKNOWN : Verb.UPDATE;
            case "op" -> Regex.find(cmd, "^<(show|test)>") ? Verb.READ
                    : Regex.find(cmd, "^<request><(restart|shutdown)>|<private-data-reset>") ? Verb.DELETE : cmd.isEmpty() ? Verb.UNKNOWN : Verb.UPDATE;
            case "keygen" -> Verb.CREDENTIAL; // answers with an API key for the user and password given
            case "version", "report", "log" -> Verb.READ;
            case "export" -> Regex.find(params.getOrDefault("category", ""), "(?i)key|cert") ? Verb.CREDENTIAL : Verb.READ;
            default -> Verb.UPDATE; // commit puts the candidate configuration live; import and user-id change what it holds
        };
        String what = "type=" + type + (action.isEmpty() ? "" : " action=" + action) + (cmd.isEmpty() ? "" : " " + cmd);
        return Optional.of(List.of(Operation.builder("network", verb).resource("device", host).locator("host", host)
                .evidence(inv.evidence()).confidence(verb == Verb.UNKNOWN ? Confidence.OPAQUE : Confidence.INFERRED)
                .note(switch (verb) {
                    case READ -> "PAN-OS API: only looks (" + what + ")";
                    case CREDENTIAL -> "PAN-OS API: returns a key or certificate (" + what + ")";
                    case UNKNOWN -> "PAN-OS API: " + what + " is not a request Interlock knows";
                    default -> "PAN-OS API: changes the firewall (" + what + ")";
                }).build()));
    }

    private static String decoded(String value) {
        try {
            return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
