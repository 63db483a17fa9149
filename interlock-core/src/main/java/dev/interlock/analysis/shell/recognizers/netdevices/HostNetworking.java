package dev.interlock.analysis.shell.recognizers.netdevices;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Tools that change how this machine is wired: NetworkManager's {@code nmcli} (its {@code show}, {@code status} and
 * listings read; {@code -s}/{@code --show-secrets} on a connection and {@code wifi show-password} print the keys in
 * clear; {@code up}, {@code down}, {@code modify}, {@code radio … off} change the links) and containerlab, whose
 * {@code deploy} and {@code destroy} build or tear down bridges, namespaces and firewall rules on the host.
 */
public final class HostNetworking implements Recognizer {

    private static final Set<String> NMCLI_VALUED = Set.of("-m", "--mode", "-c", "--colors", "-f", "--fields", "-g",
            "--get-values", "-e", "--escape", "-w", "--wait");
    /** nmcli's objects, which it lets be abbreviated ({@code nmcli c s}). */
    private static final List<String> NMCLI_OBJECTS = List.of("general", "networking", "radio", "connection", "device",
            "agent", "monitor");
    /** Commands of nmcli's connection and device objects that only look; a bare object shows its status. */
    private static final Set<String> NMCLI_READS = Set.of("show", "status", "lldp", "monitor");
    private static final Set<String> CLAB_READS = Set.of("inspect", "graph", "version", "help", "completion", "ins");

    @Override
    public Set<String> programs() {
        return Set.of("nmcli", "containerlab", "clab");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return List.of(inv.program().equals("nmcli") ? nmcli(inv) : containerlab(inv));
    }

    private static Operation nmcli(Invocation inv) {
        ParsedArgs p = inv.parse(NMCLI_VALUED);
        List<String> w = p.words();
        String object = w.isEmpty() ? "general" : expand(w.getFirst());
        List<String> rest = w.isEmpty() ? List.of() : w.subList(1, w.size());
        boolean secrets = p.has("-s", "--show-secrets");
        if (object.equals("device") && rest.size() > 1 && rest.get(0).startsWith("wi") && rest.get(1).equals("show-password")
                || secrets && object.equals("connection") && rest.size() > 1 && prefix(rest.getFirst(), "show")) {
            String name = rest.getLast();
            return settings(inv, Operation.builder("os", Verb.CREDENTIAL).resource("secret", "network connection " + name)
                    .note("nmcli prints the connection's keys and passwords in clear"));
        }
        String command = rest.isEmpty() ? "" : rest.getFirst();
        boolean reads = p.has("-h", "--help", "-v", "--version") || rest.isEmpty() || switch (object) {
            case "connection", "device" -> NMCLI_READS.stream().anyMatch(r -> prefix(command, r))
                    || command.startsWith("wi") && (rest.size() == 1 || prefix(rest.get(1), "list"));
            case "radio" -> rest.stream().noneMatch(x -> Regex.matches(x, "on|off"));
            case "networking" -> prefix(command, "connectivity");
            case "general" -> Regex.matches(command, "status|permissions") || rest.size() == 1;
            default -> object.equals("monitor");
        };
        if (reads) {
            return settings(inv, Operation.builder("os", Verb.READ).resource("settings", "nmcli"));
        }
        return settings(inv, Operation.builder("os", Verb.UPDATE).resource("settings", "nmcli").scope(Scope.MANY)
                .stateful(true).reversible(false).note("nmcli changes this machine's network connections"));
    }

    /** {@code c} → connection, {@code dev} → device: nmcli takes any prefix of an object's name. */
    private static String expand(String word) {
        return NMCLI_OBJECTS.stream().filter(o -> prefix(word, o)).findFirst().orElse(word);
    }

    private static boolean prefix(String word, String full) {
        return !word.isEmpty() && full.startsWith(word);
    }

    private static Operation containerlab(Invocation inv) {
        String command = inv.words().stream().filter(x -> !x.startsWith("-")).findFirst().orElse("");
        if (command.isEmpty() || CLAB_READS.contains(command) || inv.words().contains("--help") || inv.words().contains("-h")) {
            return settings(inv, Operation.builder("os", Verb.READ).resource("lab", "containerlab"));
        }
        if (!Regex.matches(command, "deploy|dep|destroy|des|redeploy|rdep")) {
            return LocalFiles.execute(inv, inv.program(), "runs a containerlab tool on this machine");
        }
        boolean destroys = command.startsWith("des");
        // the lab is containers and links this machine built for itself: the policy's local sandboxes, system containerlab
        String topology = inv.parse(Set.of("-t", "--topo", "--name", "--log-level", "--max-workers", "--timeout")).value("-t", "--topo").orElse(inv.program());
        return settings(inv, Operation.builder("containerlab", destroys ? Verb.DELETE : Verb.UPDATE).resource("lab", topology)
                .scope(Scope.MANY).stateful(destroys && inv.words().contains("--cleanup")).reversible(false)
                .note("containerlab " + command + " changes this machine's bridges, namespaces and firewall rules"));
    }

    private static Operation settings(Invocation inv, Operation.Builder b) {
        return LocalFiles.local(inv, b.evidence(inv.evidence()), "this machine's network settings").build();
    }
}
