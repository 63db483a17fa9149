package dev.interlock.analysis.shell.recognizers.industrial;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Map;
import java.util.Set;

/**
 * The FreeOpcUa command-line clients (python-opcua, asyncua): {@code uaread}, {@code uals}/{@code uabrowse},
 * {@code uasubscribe}, {@code uahistoryread}, {@code uadiscover} and {@code uageneratestructs} only read the server;
 * {@code uawrite} sets a node's value and {@code uacall} runs a method on the server (a command to equipment);
 * {@code uaclient} is an interactive session that can do either; {@code uaserver} runs a demo server on this machine.
 * The server is {@code -u/--url opc.tcp://HOST:PORT}, {@code opc.tcp://localhost:4840} when none is given.
 */
final class OpcUaTools {

    private OpcUaTools() {
    }

    private static final Map<String, Verb> VERBS = Map.of("uaread", Verb.READ, "uals", Verb.READ, "uabrowse", Verb.READ,
            "uasubscribe", Verb.READ, "uahistoryread", Verb.READ, "uadiscover", Verb.READ, "uageneratestructs", Verb.READ,
            "uawrite", Verb.UPDATE, "uacall", Verb.EXECUTE, "uaclient", Verb.EXECUTE);

    static final Set<String> PROGRAMS = java.util.stream.Stream.concat(VERBS.keySet().stream(), java.util.stream.Stream.of("uaserver"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> VALUED = Set.of("-u", "--url", "-n", "--nodeid", "-p", "--path", "-t", "--datatype",
            "-v", "--verbose", "-l", "--depth", "--timeout", "--security", "--user", "--password", "--starttime", "--endtime",
            "--limit", "-m", "--method", "-o", "--output", "-e", "--events");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        if (inv.program().equals("uaserver")) {
            return LocalFiles.local(inv, Operation.builder("opcua", Verb.EXECUTE).resource("server", "uaserver")
                    .evidence(inv.evidence()), "uaserver runs a demo OPC UA server on this machine").build();
        }
        String url = p.value("-u", "--url").orElse("opc.tcp://localhost:4840");
        String node = p.value("-n", "--nodeid", "-p", "--path").orElse("");
        Verb verb = VERBS.get(inv.program());
        String what = switch (verb) {
            case READ -> inv.program() + " only reads " + (node.isEmpty() ? "the server" : node);
            case UPDATE -> "uawrite sets " + (node.isEmpty() ? "a node" : node) + ": equipment acts on it at once";
            default -> inv.program() + (inv.program().equals("uacall") ? " runs a method on the server (a command to its equipment)"
                    : " opens a session that can write and call methods");
        };
        return IndustrialRecognizer.operation(inv, "opcua", verb, "node", node.isEmpty() ? url : node, url, what + " at " + url);
    }
}
