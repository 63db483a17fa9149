package dev.interlock.analysis.shell.recognizers.industrial;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tools that speak an industrial control protocol to a PLC, a building controller or an OPC UA server: Modbus pollers
 * ({@link ModbusTools}), the FreeOpcUa command-line clients ({@link OpcUaTools}) and the BACnet stack's demo tools
 * ({@link BacnetTools}). Polls, browses, subscriptions and history reads only look; a write sets a coil, a register, a
 * setpoint or a property of equipment in the physical world, and a reinitialize or a communication-control request
 * restarts a controller or takes it off the network — changes no undo brings back ({@code reversible} false). A
 * command is placed by the host it names (a loopback server is this machine, a name with an environment word is that
 * environment, a bare address is unknown); a serial port of this machine or a device instance reaches equipment that
 * nothing in the line names, so a change there is unknown while a read stays a read.
 */
public final class IndustrialRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Stream.of(ModbusTools.PROGRAMS, OpcUaTools.PROGRAMS, BacnetTools.PROGRAMS).flatMap(Set::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.contains("-h") || words.contains("--help") || words.equals(List.of("-V")) || words.equals(List.of("--version"))) {
            return List.of();
        }
        if (ModbusTools.PROGRAMS.contains(inv.program())) {
            return List.of(ModbusTools.recognize(inv));
        }
        if (OpcUaTools.PROGRAMS.contains(inv.program())) {
            return List.of(OpcUaTools.recognize(inv));
        }
        return List.of(BacnetTools.recognize(inv));
    }

    /** A serial device node: an RS-485/RS-232 adapter of this machine ({@code /dev/ttyUSB0}, {@code /dev/ttyS1}, {@code COM3}). */
    static boolean serialPort(String device) {
        return device.startsWith("/dev/") || device.matches("(?i)COM\\d+");
    }

    /**
     * {@code verb} on {@code name} of equipment reached at {@code device} (a host, a URL, a serial port, or "" when
     * nothing names it). A change is irreversible; a read over a serial port of this machine is local.
     */
    static Operation operation(Invocation inv, String system, Verb verb, String type, String name, String device, String note) {
        Operation.Builder b = Operation.builder(system, verb).resource(type, name).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note(note);
        if (verb != Verb.READ) {
            b.reversible(false);
        }
        if (serialPort(device)) {
            if (verb == Verb.READ) {
                LocalFiles.local(inv, b, inv.program() + " reads equipment on a serial port of this machine (" + device + ")");
            }
        } else if (!device.isEmpty()) {
            String host = Hosts.of(device);
            if (!host.isEmpty()) {
                b.locator("host", host);
            }
        }
        inv.locators().forEach(b::locator);
        return b.build();
    }
}
