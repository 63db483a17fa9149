package dev.interlock.analysis.shell.recognizers.network;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's {@code toxiproxy-cli}, which drives a Toxiproxy server: the chaos proxy a test suite puts between an app and
 * its Redis or database to inject latency, timeouts and cut connections. {@code list} and {@code inspect} read;
 * {@code create}, {@code toggle}, {@code delete} and {@code toxic add|update|remove} change how it forwards. The server is
 * the one on this machine ({@code localhost:8474}) unless {@code -h}/{@code --host} or {@code TOXIPROXY_URL} names another,
 * so a local test's toxics are sandbox work and a shared environment's proxy is placed where its host is.
 */
public final class ToxiproxyCli implements Recognizer {

    /** Removing a toxic restores normal traffic: nothing is lost. */
    private static final CommandTable.Act REMOVE_TOXIC = new CommandTable.Act(Verb.DELETE, "toxic", false, false, Scope.ONE, "");
    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "list l li ls inspect i ins", read("proxy"))
            .add("", "create c new", create("proxy"))
            .add("", "toggle tog", update("proxy").note("enables or disables the proxy: connections through it are cut or restored"))
            .add("", "delete d", delete("proxy"))
            .add("toxic", "add a", create("toxic").note("injects a fault (latency, timeouts, cut connections) into the proxied traffic"))
            .add("t", "add a", create("toxic").note("injects a fault (latency, timeouts, cut connections) into the proxied traffic"))
            .add("toxic", "update u", update("toxic"))
            .add("t", "update u", update("toxic"))
            .add("toxic", "remove r delete d", REMOVE_TOXIC)
            .add("t", "remove r delete d", REMOVE_TOXIC)
            .build();
    private static final Set<String> VALUED = Set.of("-h", "--host", "-n", "--toxicName", "-t", "--type", "-a",
            "--attribute", "--toxicity", "-tox", "-l", "--listen", "--upstream");

    @Override
    public Set<String> programs() {
        return Set.of("toxiproxy-cli");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help") || words.getFirst().equals("help")) {
            return List.of();
        }
        CommandTable.Found found = TABLE.findOrGuess(words, words.getFirst().startsWith("t") ? 2 : 1, "proxy");
        String name = words.size() > found.words() ? words.getLast() : "";
        String server = p.value("-h", "--host").orElseGet(() -> inv.env().getOrDefault("TOXIPROXY_URL", "localhost:8474"));
        return List.of(found.act().placed(inv, "toxiproxy", name, Map.of("host", Hosts.of(server)), Tier.UNKNOWN, ""));
    }
}
