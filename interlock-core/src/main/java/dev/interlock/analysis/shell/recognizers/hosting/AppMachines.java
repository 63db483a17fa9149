package dev.interlock.analysis.shell.recognizers.hosting;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.HostingApps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A command run on a hosted app's own machine ({@code heroku run -a APP CMD}, {@code fly ssh console -a APP -C CMD}):
 * judged as that command, placed by the app, so {@code rails db:migrate:status} there reads and {@code rails db:drop}
 * drops the app's database. The machine's variables are the app's, not the agent's: the command sees none of the
 * agent's, and no framework's development default applies there.
 */
final class AppMachines {

    private AppMachines() {
    }

    private static final Set<String> FLY_VALUED = Set.of("-a", "--app", "-C", "--command", "-s", "--select", "-r", "--region",
            "-u", "--user", "--machine", "--process-group", "-c", "--config", "-o", "--org");

    static List<Operation> run(Invocation inv, String command, Map<String, String> locators, Nested nested) {
        Map<String, String> at = new TreeMap<>(locators);
        // with no -a the app is the checkout's (its git remote, fly.toml), which is not known here
        at.putIfAbsent("app", "the checkout's app");
        Invocation machine = new Invocation(inv.program(), inv.args(), Map.of(), inv.workspace(), inv.evidence(), Optional.empty(), at);
        return nested.shell(command, machine).stream().map(op -> op.withEvidence(inv.evidence())).toList();
    }

    /** {@code fly ssh console -C CMD}: the command on the app's machine; any other fly command is not handled here. */
    static Optional<List<Operation>> fly(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(FLY_VALUED);
        List<String> words = p.words();
        Optional<String> command = p.value("-C", "--command");
        if (words.size() < 2 || !words.get(0).equals("ssh") || !words.get(1).equals("console") || command.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(inv, command.get(), HostingApps.locators(inv), nested));
    }
}
