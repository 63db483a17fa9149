package dev.interlock.analysis.shell.recognizers.mdm;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Endpoint management tools: the agents a management server installs on a Mac ({@code jamf}, Munki's
 * {@code managedsoftwareupdate}) act on this machine, and their routine check-ins are reads even as root; the admin
 * CLIs ({@code makecatalogs}, {@code munkiimport}, FleetDM's {@code fleetctl}) act on every enrolled machine.
 */
public final class DeviceManagement implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("jamf", "managedsoftwareupdate", "makecatalogs", "munkiimport", "fleetctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(switch (inv.program()) {
            case "jamf" -> MacAgents.jamf(inv);
            case "fleetctl" -> Fleetctl.recognize(inv);
            default -> MacAgents.munki(inv);
        });
    }
}
