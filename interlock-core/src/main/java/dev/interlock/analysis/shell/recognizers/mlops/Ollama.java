package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.packages.Publishing;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ollama's CLI, {@code ollama}. It talks to the Ollama server {@code OLLAMA_HOST} names, this machine's by default:
 * there listing, showing and running models, pulling, creating, copying and removing them is the developer's own
 * cache of public weights (a pull brings a removed one back). On another server the same commands change what that
 * server serves. {@code push} publishes a model to a registry (ollama.com unless its name names another): its weights,
 * and whatever they were tuned on, leave this machine.
 */
final class Ollama {

    private Ollama() {
    }

    private static final Set<String> VALUED = Set.of("-f", "--file", "-q", "--quantize", "--format", "--keepalive",
            "--think", "--dimensions");

    /** The commands against this machine's server. */
    private static final CommandTable HERE = CommandTable.builder()
            .add("", "list ls ps show help version", read("model"))
            .add("", "run pull create cp rm stop serve start", local("model"))
            .build();
    /** The same commands against a server elsewhere. */
    private static final CommandTable THERE = CommandTable.builder()
            .add("", "list ls ps show help version run", read("model"))
            .add("", "pull create cp", create("model"))
            .add("", "stop", update("model").note("unloads the model from the server's memory"))
            .add("", "rm", delete("model").note("removes the model from the server that serves it"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst();
        String model = words.size() > 1 ? words.get(1) : "";
        if (p.has("-v", "--version") || command.isEmpty()) {
            return read("installation").operation(inv, "ollama", "").build();
        }
        if (command.equals("push")) {
            return Publishing.publishTo(inv, model, "ollama push", registry(model));
        }
        String server = inv.env().getOrDefault("OLLAMA_HOST", "");
        String host = server.isEmpty() ? "" : Hosts.of(server.contains("://") ? server : "http://" + server);
        // serve binds OLLAMA_HOST on this machine: it does not name another server
        if (host.isEmpty() || Hosts.loopback(host) || command.equals("serve")) {
            return HERE.findOrGuess(words, 1, "model").act().operation(inv, "ollama", model).build();
        }
        return THERE.findOrGuess(words, 1, "model").act().placed(inv, "ollama", model, Map.of("host", host), Tier.UNKNOWN, "");
    }

    /** The registry a model name names ({@code registry.internal:5000/team/model}), else ollama.com's. */
    private static String registry(String model) {
        String first = model.contains("/") ? model.substring(0, model.indexOf('/')) : "";
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "registry.ollama.ai";
    }
}
