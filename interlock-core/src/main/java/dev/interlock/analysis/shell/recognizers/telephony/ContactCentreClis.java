package dev.interlock.analysis.shell.recognizers.telephony;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Contact-centre and voice-API CLIs, one table each. Genesys Cloud's Architect CLI {@code archy}: {@code export} writes
 * a flow's definition (configuration, not customer data) to a local file and {@code validate} checks one, both reads;
 * {@code publish}, {@code create}, {@code update} and {@code delete} change the flows live calls are routed through.
 * Vonage's {@code vonage} (and the older {@code nexmo}, {@code number:cancel}): listing and searching numbers read;
 * buying one is charged to the account; cancelling one releases it for good, since another customer can rent it next.
 * Both act on the account their credentials name, which no inventory places: unknown.
 */
final class ContactCentreClis {

    private ContactCentreClis() {
    }

    private static final CommandTable ARCHY = CommandTable.builder()
            .add("", "export", read("flow").note("writes the flow's definition to a local file"))
            .add("", "validate", read("flow"))
            .add("", "publish", update("flow").note("publishes the flow: calls routed to it take the new version"))
            .add("", "create", create("flow"))
            .add("", "update", update("flow"))
            .add("", "delete", delete("flow"))
            .add("", "setup version help", local("cli"))
            .build();
    private static final Set<String> ARCHY_VALUED = Set.of("--flowName", "--flowType", "--flowId", "--flowVersion",
            "--outputDir", "--file", "--location", "--clientId", "--clientSecret", "--authToken", "--optionsFile",
            "--exportType", "--resultsFile", "--logsDir");
    private static final Placement GENESYS_ORG = Placement.of("account", "--location").orVariables("GENESYSCLOUD_REGION");

    /** A message to a phone: reaches a person outside the team. */
    private static final CommandTable.Act SMS = new CommandTable.Act(Verb.TRANSFER, "message", false, false, Scope.ONE,
            "sends a text message to a phone");
    private static final CommandTable.Act RELEASE = delete("number")
            .note("releases the phone number: another customer can rent it, and calls to it stop reaching you");
    private static final CommandTable VONAGE = CommandTable.builder()
            .add("numbers", "list search", read("number"))
            .add("number", "list search", read("number"))
            .add("numbers", "buy", create("number").note("rents a phone number, charged to the account"))
            .add("number", "buy", create("number").note("rents a phone number, charged to the account"))
            .add("numbers", "cancel", RELEASE)
            .add("number", "cancel", RELEASE)
            .add("numbers", "update link unlink", update("number"))
            .add("number", "update link unlink", update("number"))
            .add("", "balance account insight", read("account"))
            .add("", "jwt", credential("jwt").note("signs a token with the application's private key"))
            .add("", "sms", SMS)
            .add("", "auth config setup help version autocomplete plugins", local("cli"))
            .build();
    private static final Set<String> VONAGE_VALUED = Set.of("--country", "--api-key", "--api-secret", "--app-id",
            "--private-key", "--pattern", "--features", "--type", "--voice-callback-url", "--voice-callback-type",
            "--name", "--size");
    private static final Placement VONAGE_ACCOUNT = Placement.of("account", "--api-key")
            .orVariables("VONAGE_API_KEY", "NEXMO_API_KEY");

    static Operation archy(Invocation inv) {
        ParsedArgs p = inv.parse(ARCHY_VALUED);
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        CommandTable.Found found = ARCHY.findOrGuess(words, 1, "flow");
        String name = p.value("--flowName", "--flowId", "--file").orElse(found.name(words));
        return found.act().placed(inv, "genesys", name, GENESYS_ORG.locators(inv, p), Tier.UNKNOWN, "");
    }

    static Operation vonage(Invocation inv) {
        ParsedArgs p = inv.parse(VONAGE_VALUED);
        // the older CLI joins its words with colons: number:cancel, app:list
        List<String> words = p.words().stream().flatMap(w -> w.contains(":") ? Stream.of(w.split(":")) : Stream.of(w))
                .filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        CommandTable.Found found = VONAGE.findOrGuess(words, 2, "resource");
        return found.act().placed(inv, "vonage", found.name(words), VONAGE_ACCOUNT.locators(inv, p), Tier.UNKNOWN, "");
    }
}
