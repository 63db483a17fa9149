package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Command lines that drive a router: FRR's {@code vtysh} (its {@code -c} commands read through {@link DeviceCommands};
 * {@code -f}/{@code -b} load a configuration into the running daemons; {@code -C}/{@code --dryrun} only check one) and
 * the NAPALM CLI ({@code call get_*} reads; {@code configure} without {@code --dry-run} and the other methods change the
 * device it names), and Junos' {@code cli -c '…'}, by which a router's shell (ssh root@mx1 'cli -c "show bgp summary"')
 * hands a line to its CLI.
 */
public final class RoutingCli implements Recognizer {

    private static final Set<String> VTYSH_VALUED = Set.of("-c", "--command", "-f", "--inputfile", "-d", "--daemon",
            "-u", "--user", "-g", "--group", "-H", "--histfile", "-N", "--pathspace", "--vty_socket", "--config_dir");
    private static final Set<String> NAPALM_VALUED = Set.of("--user", "-u", "--password", "-p", "--vendor", "-v",
            "--optional_args", "-o", "--method-kwargs", "--strategy");
    /** NAPALM driver methods that only look at the device. */
    private static final String NAPALM_READS = "get_\\w+|is_alive|ping|traceroute|compare_config";

    @Override
    public Set<String> programs() {
        return Set.of("vtysh", "napalm", "cli");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "vtysh" -> vtysh(inv);
            case "cli" -> junosCli(inv);
            default -> List.of(napalm(inv));
        };
    }

    private static List<Operation> vtysh(Invocation inv) {
        ParsedArgs p = inv.parse(VTYSH_VALUED);
        String device = inv.locators().getOrDefault("host", inv.locators().getOrDefault("container", "routing daemons"));
        if (p.has("-C", "--dryrun", "-h", "--help", "-v", "--version", "-m", "--markfile")) {
            return List.of(here(inv, Operation.builder("network", Verb.READ).resource("device", device)
                    .evidence(inv.evidence()).note("vtysh only checks or prints a configuration")));
        }
        List<String> commands = new ArrayList<>();
        p.flags().getOrDefault("-c", List.of()).forEach(c -> commands.addAll(DeviceCommands.lines(c)));
        p.flags().getOrDefault("--command", List.of()).forEach(c -> commands.addAll(DeviceCommands.lines(c)));
        if (!commands.isEmpty()) {
            return DeviceCommands.operations(commands, device, inv.locators(), inv.evidence(), "vtysh").stream()
                    .map(op -> inv.remote() ? op : op.withEnvironment(Tier.LOCAL, "the routing daemons on this machine")).toList();
        }
        if (p.has("-f", "--inputfile", "-b", "--boot")) {
            return List.of(here(inv, Operation.builder("network", Verb.UPDATE).resource("device", device)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("vtysh loads " + p.value("-f", "--inputfile").orElse("the boot configuration") + " into the running routing daemons")));
        }
        return List.of(LocalFiles.execute(inv, "vtysh", "an interactive routing shell"));
    }

    /** Junos' shell runs {@code cli -c LINE} in the device's CLI; without {@code -c} it is an interactive session. */
    private static List<Operation> junosCli(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-c"));
        List<String> commands = new ArrayList<>();
        p.flags().getOrDefault("-c", List.of()).forEach(c -> commands.addAll(DeviceCommands.lines(c)));
        if (commands.isEmpty()) {
            return List.of(LocalFiles.execute(inv, "cli", "an interactive device CLI"));
        }
        String device = inv.locators().getOrDefault("host", "this machine's routing engine");
        return DeviceCommands.operations(commands, device, inv.locators(), inv.evidence(), "Junos cli").stream()
                .map(op -> inv.remote() ? op : op.withEnvironment(Tier.LOCAL, "the router this shell runs on")).toList();
    }

    private static Operation here(Invocation inv, Operation.Builder b) {
        inv.locators().forEach(b::locator);
        return LocalFiles.local(inv, b, "the routing daemons on this machine").build();
    }

    /** {@code napalm [--vendor V] HOST call METHOD | configure FILE [--dry-run] | validate FILE}. */
    private static Operation napalm(Invocation inv) {
        ParsedArgs p = inv.parse(NAPALM_VALUED);
        List<String> w = p.words();
        String host = w.isEmpty() ? "" : w.getFirst();
        String action = w.size() > 1 ? w.get(1) : "";
        String method = w.size() > 2 ? w.get(2) : "";
        Verb verb = switch (action) {
            case "call" -> Regex.matches(method, NAPALM_READS) ? Verb.READ
                    : method.equals("cli") && DeviceCommands.quotedRead(p.value("--method-kwargs").orElse("")) ? Verb.READ : Verb.UPDATE;
            case "configure" -> p.has("--dry-run") ? Verb.READ
                    : p.value("--strategy").orElse("").equals("replace") ? Verb.REPLACE : Verb.UPDATE;
            case "validate" -> Verb.READ;
            default -> p.has("--help", "-h") ? Verb.READ : Verb.UNKNOWN;
        };
        Operation.Builder b = Operation.builder("network", verb).resource("device", host).evidence(inv.evidence())
                .confidence(verb == Verb.UNKNOWN ? Confidence.OPAQUE : Confidence.INFERRED)
                .reversible(verb != Verb.REPLACE).stateful(verb == Verb.REPLACE)
                .note(verb == Verb.READ ? "napalm " + action + " only looks at " + host
                        : "napalm " + String.join(" ", w.subList(Math.min(1, w.size()), w.size())) + " changes " + host);
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return b.build();
    }
}
