package dev.interlock.analysis.shell.recognizers.industrial;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Map;
import java.util.Set;

/**
 * The BACnet stack's tools ({@code bacrp DEVICE-INSTANCE OBJECT-TYPE INSTANCE PROPERTY}, …): reading properties, Who-Is
 * and Who-Has, EPICS, read-range and file reads look; WriteProperty, file writes, time synchronization and routing
 * changes set the controller, ReinitializeDevice ({@code bacrd}) restarts it and DeviceCommunicationControl
 * ({@code bacdcc}) can take it off the network. A device instance says nothing of where the controller is: unknown, unless
 * {@code --mac} gives its IP address; {@code bacserv} simulates a device on this machine.
 */
final class BacnetTools {

    private BacnetTools() {
    }

    private static final Map<String, String> READS = Map.of("bacrp", "ReadProperty", "bacrpm", "ReadPropertyMultiple",
            "bacwi", "Who-Is", "bacwh", "Who-Has", "bacepics", "EPICS", "bacrr", "ReadRange", "bacarf", "AtomicReadFile",
            "bacscov", "SubscribeCOV", "bacge", "GetEventInformation", "bacwir", "Who-Is-Router-To-Network");
    private static final Map<String, String> CHANGES = Map.of("bacwp", "WriteProperty sets a property of the controller",
            "bacwpm", "WritePropertyMultiple sets properties of the controller",
            "bacawf", "AtomicWriteFile writes a file on the controller",
            "bacts", "TimeSynchronization sets the controller's clock",
            "bacucov", "an unconfirmed COV notification feeds the controller a value",
            "bacinitr", "Initialize-Routing-Table changes the network's routes",
            "bacrd", "ReinitializeDevice restarts the controller",
            "bacdcc", "DeviceCommunicationControl can take the controller off the network");

    static final Set<String> PROGRAMS = java.util.stream.Stream.of(READS.keySet(), CHANGES.keySet(), Set.of("bacserv"))
            .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());

    static final String ANY = "4194303";

    private static final Set<String> VALUED = Set.of("--mac", "--dnet", "--dadr", "--timeout", "--retry");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        if (inv.program().equals("bacserv")) {
            return LocalFiles.local(inv, Operation.builder("bacnet", Verb.EXECUTE).resource("device", "bacserv")
                    .evidence(inv.evidence()), "bacserv simulates a BACnet device on this machine").build();
        }
        String instance = p.words().isEmpty() ? "" : p.words().getFirst();
        // --mac 10.1.2.3:47808 names the controller's address; an MS/TP or Ethernet MAC does not name a host
        String mac = p.value("--mac").filter(m -> m.contains(".") || m.equalsIgnoreCase("localhost")).orElse("");
        // 4194303 is the wildcard instance: whichever device answers at the address
        String name = instance.isEmpty() || instance.equals(ANY) ? mac.isEmpty() ? "BACnet devices" : "the device at " + mac
                : "device " + instance;
        String read = READS.get(inv.program());
        if (read != null) {
            return IndustrialRecognizer.operation(inv, "bacnet", Verb.READ, "device", name, mac, read + " only reads " + name);
        }
        return IndustrialRecognizer.operation(inv, "bacnet", Verb.UPDATE, "device", name, mac, CHANGES.get(inv.program()) + " (" + name + ")");
    }
}
