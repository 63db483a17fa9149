package dev.interlock.analysis.shell.recognizers.edge;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fastly's CLI. A service's active version is what every visitor gets: activating, cloning or editing a version,
 * purging the whole cache and deleting a service change the live edge, in whatever environment the service's name or
 * the request says (unknown for a bare service id). Listing, describing, stats and log tails read; Compute's
 * {@code build}, {@code serve}, {@code init} and {@code pack} stay on this machine.
 */
public final class Fastly implements Recognizer {

    private static final Set<String> VALUED = Set.of("-s", "--service-id", "--service-name", "--version", "-n", "--name",
            "--key", "--url", "--file", "--token", "-t", "--profile", "-p", "--comment", "--address", "--port", "--content",
            "--type", "--dynamic", "--priority", "--by", "--from", "--to", "--region", "--package", "--language", "--dir",
            "--format", "--backend", "--domain", "--acl-id", "--dictionary-id", "--store-id");

    /** Unlisted commands are judged by their own words ({@link CommandTable#guess}): every one acts on the account. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("service", "list describe search", read("service"))
            .add("service", "create update", update("service"))
            .add("service", "delete", delete("service").note("deletes the service: its domains stop being served"))
            .add("service-version", "list describe", read("service-version"))
            .add("service-version", "activate deactivate", update("service-version")
                    .note("switches the configuration every visitor is served"))
            .add("service-version", "clone update lock stage unstage", update("service-version"))
            .add("stats", "historical realtime regions usage aggregate", read("stats"))
            .add("", "log-tail whoami version", read("service"))
            .add("compute", "build serve init pack validate metadata hash-files", local("package"))
            .add("compute", "deploy publish update", update("service").note("deploys a Compute package to the service"))
            .add("profile", "list switch create update delete", local("profile"))
            .add("profile", "token", credential("token").note("prints the Fastly API token"))
            .add("", "config", local("configuration"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("fastly");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || inv.words().contains("--help") || inv.words().equals(List.of("--version"))) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of(); // only flags, or words after "--": fastly prints its usage
        }
        CommandTable.Found found = COMMANDS.find(words).orElseGet(() -> guessed(words));
        CommandTable.Act act = found.act();
        if (found.command().equals("purge")) {
            act = p.has("--all") ? update("cache").all().note("purges the service's whole cache: every request goes to the origin at once")
                    : update("cache").note("purges cached content");
        }
        String service = p.value("--service-name").orElse("");
        String name = p.value("-s", "--service-id").or(() -> p.value("--service-name"))
                .orElse(inv.env().getOrDefault("FASTLY_SERVICE_ID", ""));
        return List.of(act.placed(inv, "fastly", name, Map.of("app", service), Tier.UNKNOWN,
                "a Fastly service is served from the edge, not this machine"));
    }

    /** {@code fastly vcl snippet create}, {@code fastly backend delete}: the command ends at its first verb. */
    private static CommandTable.Found guessed(List<String> words) {
        for (int i = 0; i < Math.min(3, words.size()); i++) {
            String w = words.get(i);
            if (Set.of("list", "describe", "search", "get", "create", "update", "delete", "purge", "upsert", "import").contains(w)) {
                return new CommandTable.Found(String.join(" ", words.subList(0, i + 1)), CommandTable.guess(w.equals("upsert")
                        || w.equals("import") ? "update" : w, words.getFirst()), i + 1);
            }
        }
        return new CommandTable.Found(words.getFirst(), CommandTable.guess(words.getFirst(), words.getFirst()), 1);
    }
}
