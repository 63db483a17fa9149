package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Molecule, Ansible's role tester ({@code molecule create|converge|verify|destroy|test|login}): every command works on
 * the scenario's own test instances, which Molecule creates and destroys itself — containers or VMs on this machine with
 * the docker, podman, vagrant or libvirt drivers. Converging runs the role there, destroying them loses nothing a
 * {@code molecule create} does not make again. A driver named on the command line that puts the instances in a cloud
 * or on hosts someone else manages ({@code -d ec2}, {@code delegated}) takes them off this machine, where nothing here
 * says which environment they are in.
 */
public final class Molecule implements Recognizer {

    private static final Set<String> VALUED = Set.of("-s", "--scenario-name", "-d", "--driver-name", "-c", "--base-config",
            "-e", "--env-file", "-h", "--host", "--destroy", "--format", "-f", "--platform-name", "-p");
    /** Commands that only look: listings, lint and syntax checks, a check-mode run. */
    private static final Set<String> LOOKS = Set.of("list", "matrix", "lint", "syntax", "check", "drivers", "reports");
    /** Commands that remove the scenario's instances. */
    private static final Set<String> REMOVES = Set.of("destroy", "reset", "cleanup");
    /** Drivers whose instances live on this machine (Molecule's own containers and VMs). */
    private static final Set<String> LOCAL_DRIVERS = Set.of("docker", "podman", "vagrant", "libvirt", "containers", "lxd",
            "incus", "qemu");

    @Override
    public Set<String> programs() {
        return Set.of("molecule");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String command = p.words().isEmpty() ? "" : p.words().getFirst();
        String scenario = p.value("-s", "--scenario-name").orElse(p.has("--all") ? "every scenario" : "default");
        Operation.Builder b;
        if (command.isEmpty() || LOOKS.contains(command) || p.has("--help", "--version")) {
            b = Operation.builder("molecule", Verb.READ).resource("scenario", scenario).evidence(inv.evidence());
        } else if (REMOVES.contains(command)) {
            // the instances are Molecule's own and made again by the next create: nothing is lost
            b = Operation.builder("molecule", Verb.DELETE).resource("test-instances", scenario).scope(Scope.MANY)
                    .reversible(true).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("molecule " + command + " removes the scenario's own test instances");
        } else {
            b = Operation.builder("molecule", command.equals("create") ? Verb.CREATE : Verb.EXECUTE).resource("test-instances", scenario)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("molecule " + command + " works on the scenario's own test instances");
        }
        String driver = p.value("-d", "--driver-name").orElse("");
        if (!driver.isEmpty() && !LOCAL_DRIVERS.contains(driver)) {
            return List.of(b.locator("driver", driver)
                    .note("the " + driver + " driver's instances are not on this machine").build());
        }
        return List.of(LocalFiles.local(inv, b, "Molecule's test instances run on this machine").build());
    }
}
