package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pumba, the chaos tool that drives the Docker API: {@code kill}, {@code stop}, {@code pause}, {@code restart},
 * {@code rm}, {@code netem}/{@code iptables} (network faults) and {@code stress} change the containers it names. It
 * talks to the daemon {@code docker} would ({@code -H}/{@code --host}, else {@code DOCKER_HOST}), so a chaos run on a
 * laptop's daemon is local and one on a prod host's daemon disrupts prod. {@code --dry-run} only logs what it would do.
 */
public final class Pumba implements Recognizer {

    private record Chaos(Verb verb, boolean stateful, boolean reversible, String note) {
    }

    private static final Map<String, Chaos> COMMANDS = Map.of(
            "kill", new Chaos(Verb.UPDATE, false, true, "kills the containers' main process"),
            "stop", new Chaos(Verb.UPDATE, false, true, "stops the containers"),
            "pause", new Chaos(Verb.UPDATE, false, true, "pauses every process of the containers"),
            "restart", new Chaos(Verb.UPDATE, false, true, "restarts the containers"),
            "rm", new Chaos(Verb.DELETE, false, false, "removes the containers"),
            "netem", new Chaos(Verb.UPDATE, false, true, "injects network faults (delay, loss, corruption) into the containers"),
            "iptables", new Chaos(Verb.UPDATE, false, true, "drops the containers' packets"),
            "stress", new Chaos(Verb.UPDATE, false, true, "loads the containers' CPU, memory or I/O"),
            "exec", new Chaos(Verb.EXECUTE, false, true, "runs a command in the containers"));
    /** netem and iptables take the fault as a second command word before the containers. */
    private static final Set<String> FAULTS = Set.of("delay", "loss", "loss-state", "loss-gemodel", "rate", "duplicate",
            "corrupt");
    private static final Set<String> VALUED = Set.of("-H", "--host", "--tlscacert", "--tlscert", "--tlskey", "-l",
            "--log-level", "--slackhook", "--slackchannel", "-i", "--interval", "--label", "-d", "--duration", "-s",
            "--signal", "--limit", "-t", "--time", "--interface", "--target", "--tc-image", "-j", "--jitter", "-c",
            "--correlation", "--distribution", "-p", "--percent", "--stressors", "--stress-image", "--rate",
            "--packetoverhead", "--cellsize", "--celloverhead", "--probability", "--egress-port", "--ingress-port",
            "--source", "--destination", "--protocol", "--dst-port", "--src-port", "--mode", "--command", "--args",
            "--iptables-image", "--max-attempts", "--every", "--p13", "--p31", "--p32", "--p23", "--p14", "--pg", "--pb",
            "--one-h", "--one-k");

    @Override
    public Set<String> programs() {
        return Set.of("pumba");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h", "--version", "-v") || words.getFirst().equals("help")) {
            return List.of();
        }
        Daemon daemon = Daemon.of(inv, p.value("-H", "--host").orElse(""), "");
        String command = words.getFirst();
        Chaos chaos = COMMANDS.get(command);
        if (chaos == null) {
            return List.of(daemon.op(Verb.UNKNOWN, "container", "").confidence(Confidence.INFERRED)
                    .note("'" + command + "' is not a known pumba command").build());
        }
        List<String> names = words.subList(1, words.size());
        if (!names.isEmpty() && FAULTS.contains(names.getFirst())) {
            names = names.subList(1, names.size());
        }
        Verb verb = p.has("--dry-run") ? Verb.READ : chaos.verb();
        String note = p.has("--dry-run") ? "--dry-run only logs what pumba would do" : chaos.note();
        List<Operation> ops = new ArrayList<>();
        if (names.isEmpty()) {
            // no names: every container of the daemon is a candidate
            ops.add(daemon.op(verb, "container", "").scope(p.has("-r", "--random") ? Scope.ONE : Scope.ALL)
                    .stateful(chaos.stateful()).reversible(chaos.reversible()).note(note).build());
        }
        for (String name : names) {
            // re2:REGEX matches every container whose name fits
            ops.add(daemon.op(verb, "container", name).scope(name.startsWith("re2:") ? Scope.MANY : Scope.ONE)
                    .stateful(chaos.stateful()).reversible(chaos.reversible()).note(note).build());
        }
        return ops;
    }
}
