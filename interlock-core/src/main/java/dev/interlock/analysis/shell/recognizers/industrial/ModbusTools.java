package dev.interlock.analysis.shell.recognizers.industrial;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Modbus command-line masters. {@code mbpoll} and {@code modpoll} share one shape, {@code [options] DEVICE|HOST
 * [VALUES…]}: with no values they poll (read), with values they write them ({@code -t 0} coils, {@code -t 4} holding
 * registers); modbus-cli's {@code modbus read|write HOST ADDRESS …} says which, and {@code modbus dump FILE} writes a
 * saved dump back to the device the file names; {@code mbtget -r1|-r3|-r4 HOST} reads and {@code -w5|-w6 VALUE HOST}
 * writes.
 */
final class ModbusTools {

    private ModbusTools() {
    }

    static final Set<String> PROGRAMS = Set.of("mbpoll", "modpoll", "modbus", "mbtget");

    private static final Map<String, Set<String>> VALUED = Map.of(
            "mbpoll", Set.of("-m", "-a", "-r", "-c", "-t", "-l", "-o", "-p", "-b", "-d", "-s", "-P"),
            "modpoll", Set.of("-m", "-a", "-r", "-c", "-t", "-l", "-o", "-p", "-b", "-d", "-s", "-4"),
            "modbus", Set.of("-p", "--port", "-s", "--slave", "-o", "--output", "-T", "--timeout"),
            "mbtget", Set.of("-a", "-n", "-u", "-p", "-t", "-w5", "-w6"));

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED.get(inv.program()));
        return switch (inv.program()) {
            case "modbus" -> modbusCli(inv, p);
            case "mbtget" -> mbtget(inv, p);
            default -> poller(inv, p);
        };
    }

    /** mbpoll and modpoll: the first positional is the device, any after it are values to write. */
    private static Operation poller(Invocation inv, ParsedArgs p) {
        // -0 (PDU addressing) and -1 (poll once) read as numbers to the parser: they are switches
        List<String> words = p.words().stream().filter(w -> !w.equals("-0") && !w.equals("-1")).toList();
        String device = words.isEmpty() ? "" : words.getFirst();
        String table = p.value("-t").orElse("4");
        String type = table.startsWith("0") ? "coil" : table.startsWith("1") ? "discrete-input"
                : table.startsWith("3") ? "input-register" : "holding-register";
        String name = p.value("-r").orElse("1") + " of unit " + p.value("-a").orElse("1");
        if (words.size() > 1) {
            return IndustrialRecognizer.operation(inv, "modbus", Verb.UPDATE, type, name, device,
                    inv.program() + " writes " + String.join(" ", words.subList(1, words.size())) + " to " + type + " " + name
                            + (device.isEmpty() ? "" : " at " + device) + ": equipment acts on it at once");
        }
        return IndustrialRecognizer.operation(inv, "modbus", Verb.READ, type, name, device,
                inv.program() + " only polls " + type + " " + name + (device.isEmpty() ? "" : " at " + device));
    }

    /** modbus-cli: {@code read|write [OPTIONS] HOST ADDRESS …}, {@code dump FILE…}. */
    private static Operation modbusCli(Invocation inv, ParsedArgs p) {
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst();
        String host = words.size() > 1 ? words.get(1) : "";
        String address = words.size() > 2 ? words.get(2) : "";
        return switch (command) {
            case "read" -> IndustrialRecognizer.operation(inv, "modbus", Verb.READ, "register", address, host,
                    "modbus read only reads " + address + " at " + host);
            case "write" -> IndustrialRecognizer.operation(inv, "modbus", Verb.UPDATE, "register", address, host,
                    "modbus write sets " + address + " at " + host + ": equipment acts on it at once");
            case "dump" -> IndustrialRecognizer.operation(inv, "modbus", Verb.UPDATE, "register", String.join(" ",
                    words.subList(1, words.size())), "", "modbus dump writes saved values back to the device the dump names");
            // an unfamiliar command of a tool whose every command talks to a PLC
            default -> IndustrialRecognizer.operation(inv, "modbus", Verb.UPDATE, "register", command, host,
                    "modbus " + command + " talks to the PLC");
        };
    }

    /** mbtget: {@code -r1|-r3|-r4} read, {@code -w5 BIT}/{@code -w6 WORD} write; the server is the last positional. */
    private static Operation mbtget(Invocation inv, ParsedArgs p) {
        List<String> words = p.words();
        String host = words.isEmpty() ? "" : words.getLast();
        String name = "address " + p.value("-a").orElse("0");
        if (p.has("-w5", "-w6")) {
            return IndustrialRecognizer.operation(inv, "modbus", Verb.UPDATE, p.has("-w5") ? "coil" : "holding-register",
                    name, host, "mbtget writes " + p.value("-w5", "-w6").orElse("a value") + " to " + name + " at " + host
                            + ": equipment acts on it at once");
        }
        return IndustrialRecognizer.operation(inv, "modbus", Verb.READ, "register", name, host, "mbtget only reads " + name + " at " + host);
    }
}
