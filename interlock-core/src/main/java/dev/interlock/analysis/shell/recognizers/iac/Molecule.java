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
 * says which environment they are in. Test Kitchen ({@code kitchen create|converge|verify|destroy|test|exec}) is the
 * same kind of tool for Chef and Puppet: its instances are its own, listed in {@code .kitchen/}, and its drivers
 * (vagrant, dokken) make them on this machine.
 */
public final class Molecule implements Recognizer {

    /** One tester: its valued options, the commands that only look, those that remove its instances. */
    private record Tester(Set<String> valued, Set<String> looks, Set<String> removes) {
    }

    private static final Set<String> VALUED = Set.of("-s", "--scenario-name", "-d", "--driver-name", "-c", "--base-config",
            "-e", "--env-file", "-h", "--host", "--destroy", "--format", "-f", "--platform-name", "-p");
    /** Commands that only look: listings, lint and syntax checks, a check-mode run. */
    private static final Set<String> LOOKS = Set.of("list", "matrix", "lint", "syntax", "check", "drivers", "reports");
    /** Commands that remove the scenario's instances. */
    private static final Set<String> REMOVES = Set.of("destroy", "reset", "cleanup");
    private static final java.util.Map<String, Tester> TESTERS = java.util.Map.of(
            "molecule", new Tester(VALUED, LOOKS, REMOVES),
            "kitchen", new Tester(Set.of("-l", "--log-level", "-t", "--test-base-path", "--destroy", "-c", "--concurrency", "--command"),
                    Set.of("list", "diagnose", "doctor", "version", "help"), Set.of("destroy")));
    /** Drivers whose instances live on this machine (Molecule's own containers and VMs). */
    private static final Set<String> LOCAL_DRIVERS = Set.of("docker", "podman", "vagrant", "libvirt", "containers", "lxd",
            "incus", "qemu");

    @Override
    public Set<String> programs() {
        return TESTERS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Tester tester = TESTERS.get(inv.program());
        String tool = inv.program();
        ParsedArgs p = inv.parse(tester.valued());
        String command = p.words().isEmpty() ? "" : p.words().getFirst();
        String scenario = tool.equals("kitchen") ? (p.words().size() > 1 ? p.words().get(1) : "all")
                : p.value("-s", "--scenario-name").orElse(p.has("--all") ? "every scenario" : "default");
        Operation.Builder b;
        if (command.isEmpty() || tester.looks().contains(command) || p.has("--help", "--version")) {
            b = Operation.builder(tool, Verb.READ).resource("scenario", scenario).evidence(inv.evidence());
        } else if (tester.removes().contains(command)) {
            // the instances are Molecule's own and made again by the next create: nothing is lost
            b = Operation.builder(tool, Verb.DELETE).resource("test-instances", scenario).scope(Scope.MANY)
                    .reversible(true).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(tool + " " + command + " removes its own test instances");
        } else {
            b = Operation.builder(tool, command.equals("create") ? Verb.CREATE : Verb.EXECUTE).resource("test-instances", scenario)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(tool + " " + command + " works on its own test instances");
        }
        String driver = p.value("-d", "--driver-name").orElse("");
        if (!driver.isEmpty() && !LOCAL_DRIVERS.contains(driver)) {
            return List.of(b.locator("driver", driver)
                    .note("the " + driver + " driver's instances are not on this machine").build());
        }
        return List.of(LocalFiles.local(inv, b, "the tester's instances run on this machine").build());
    }
}
