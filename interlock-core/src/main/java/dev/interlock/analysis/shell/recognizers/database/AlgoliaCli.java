package dev.interlock.analysis.shell.recognizers.database;

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
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Algolia CLI, {@code algolia NOUN VERB INDEX}: browsing, listing, searching and exporting read, even a production
 * index's; deleting or clearing an index, deleting records, rules or synonyms lose them; importing and setting change
 * them. API keys are credentials: listing prints their values, creating mints one. The tier word in the index's name
 * ({@code products_prod} is prod, {@code dev_products} dev) and {@code --profile} place the operation.
 */
public final class AlgoliaCli implements Recognizer {

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "search", read("index"))
            .add("indices", "list analyze", read("index"))
            .add("indices config", "export", read("settings"))
            .add("indices config", "import", update("settings"))
            .add("indices", "delete", delete("index").note("deletes the index and its records"))
            .add("indices", "clear", delete("index").many().note("deletes every record of the index, which stays"))
            .add("indices", "copy move", update("index").note("overwrites the destination index"))
            .add("objects", "browse operations", read("records"))
            .add("objects", "delete", delete("records").many())
            .add("objects", "import update", update("records"))
            .add("rules", "browse", read("rules"))
            .add("synonyms", "browse", read("synonyms"))
            .add("rules", "delete", delete("rules").many())
            .add("synonyms", "delete", delete("synonyms").many())
            .add("rules", "import", update("rules"))
            .add("synonyms", "import save", update("synonyms"))
            .add("settings", "get", read("settings"))
            .add("settings", "set import", update("settings").note("changes how the index ranks and returns records"))
            .add("dictionary entries", "browse", read("dictionary"))
            .add("dictionary settings", "get", read("dictionary"))
            .add("dictionary entries", "clear import", update("dictionary"))
            .add("dictionary settings", "set", update("dictionary"))
            .add("apikeys", "list get", credential("api-key").note("prints the application's API keys"))
            .add("apikeys", "create", credential("api-key").note("creates an API key and prints it"))
            .add("apikeys", "delete", delete("api-key"))
            .add("crawler", "list get stats", read("crawler"))
            .add("events", "tail", read("events"))
            .add("", "profile open describe version completion help", local("algolia"))
            .build();

    private static final Set<String> TWO_INDICES = Set.of("indices copy", "indices move");

    private static final Set<String> VALUED = Set.of("-p", "--profile", "--application-id", "--api-key", "--admin-api-key",
            "--query", "--filters", "--attributesToRetrieve", "-o", "--output", "-F", "--file", "--acl", "--indices", "-i",
            "--description", "--hitsPerPage", "--validity", "--referers", "--output-template", "--scope", "--object-ids");

    @Override
    public Set<String> programs() {
        return Set.of("algolia");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "index");
        // indices copy SRC DST changes DST; every other command names its index first
        int at = TWO_INDICES.contains(found.command()) ? found.words() + 1 : found.words();
        String index = at < words.size() ? words.get(at) : "";
        String profile = p.value("-p", "--profile").orElse(inv.env().getOrDefault("ALGOLIA_PROFILE", ""));
        return List.of(found.act().placed(inv, "algolia", index, Map.of("environment", DeploymentWords.tierOfName(index),
                "profile", profile), Tier.UNKNOWN, ""));
    }
}
