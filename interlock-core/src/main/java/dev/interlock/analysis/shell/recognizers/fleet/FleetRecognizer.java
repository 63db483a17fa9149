package dev.interlock.analysis.shell.recognizers.fleet;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * IoT fleet CLIs, one table each: balena's {@code balena}, Particle's {@code particle}, Golioth's {@code goliothctl},
 * and Mender's {@code mender-artifact}, which only builds artifact files here. Their commands act on
 * devices in the field — a release pushed, a firmware flashed, a device removed or its OS updated reaches hardware no
 * one can walk up to — so a change is placed by the fleet or device it names (an inventory name such as
 * {@code acme/sensors-prod}), and unknown means production. Listings, logs and variables only read; builds and USB
 * work stay on this machine.
 */
public final class FleetRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("balena", "particle", "goliothctl", "mender-artifact");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))) {
            return List.of();
        }
        return switch (inv.program()) {
            case "balena" -> List.of(BalenaCli.recognize(inv));
            case "goliothctl" -> List.of(GoliothCli.recognize(inv));
            case "mender-artifact" -> MenderArtifact.recognize(inv);
            default -> List.of(ParticleCli.recognize(inv));
        };
    }

    /** {@code act} on {@code name}, placed by the fleet or device locator when the command names one. */
    static Operation operation(Invocation inv, Act act, String name, String locator, String where) {
        Operation.Builder b = act.operation(inv, inv.program(), name);
        if (!where.isEmpty() && !act.here()) {
            b.locator(locator, where);
        }
        inv.locators().forEach(b::locator);
        return b.build();
    }
}
