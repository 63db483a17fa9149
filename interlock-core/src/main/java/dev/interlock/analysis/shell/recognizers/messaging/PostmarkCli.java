package dev.interlock.analysis.shell.recognizers.messaging;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Postmark's {@code postmark} CLI. {@code templates pull DIR} reads the server's templates and writes them into a local
 * directory (judged as any local write; {@code --overwrite} only replaces those local files); {@code templates push}
 * replaces the server's templates, which every later send uses, and {@code templates delete} removes them all;
 * {@code email raw|template} sends a message to the people {@code --to} names, outside the team, unless the server
 * token is Postmark's {@code POSTMARK_API_TEST}, which delivers nothing; {@code servers list --show-tokens} prints
 * every server's API token.
 */
final class PostmarkCli {

    private PostmarkCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("templates", "pull", read("template").note("reads the server's templates"))
            .add("templates", "push", update("template").note("replaces the server's templates with the local ones: every later send uses them"))
            .add("templates", "delete", delete("template").all().note("deletes every template on the server"))
            .add("templates", "preview", local("template"))
            .add("servers", "list", read("server"))
            .add("email", "raw template", create("message"))
            .add("", "cheats help", local("cli"))
            .build();
    private static final Set<String> VALUED = Set.of("--server-token", "--account-token", "--request-host", "--from", "-f",
            "--to", "-t", "--subject", "--html", "--text", "--id", "-i", "--alias", "-a", "--model", "-m", "--count", "-c",
            "--offset", "-o", "--name", "-n", "--port");
    private static final String TEST_TOKEN = "POSTMARK_API_TEST";

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "resource");
        String target = found.name(words);
        String token = p.value("--server-token").orElse(inv.env().getOrDefault("POSTMARK_SERVER_TOKEN", ""));
        // -t is --to's short form for email, --show-tokens' for servers list
        if (found.command().equals("servers list") && (p.has("--show-tokens") || inv.words().contains("-t"))) {
            return List.of(credential("server-token").note("prints every server's API token")
                    .placed(inv, "postmark", p.value("--name", "-n").orElse(""), Map.of(), Tier.UNKNOWN, ""));
        }
        if (found.command().startsWith("email ")) {
            return List.of(send(inv, p, found.act(), token));
        }
        List<Operation> ops = new ArrayList<>();
        boolean pull = found.command().equals("templates pull");
        // the directory pull names is where the templates land here, not something on the server
        ops.add(found.act().placed(inv, "postmark", pull ? "" : target, Map.of("host", p.value("--request-host").orElse("")),
                Tier.UNKNOWN, ""));
        if (pull && !target.isEmpty()) {
            ops.add(SelfProtectionRecognizer.write(inv, target, "postmark templates pull writes the templates into"));
        }
        return ops;
    }

    /** A send through the server: to the addresses {@code --to} names, or nowhere with the test token. */
    private static Operation send(Invocation inv, ParsedArgs p, CommandTable.Act act, String token) {
        Recipients recipients = MailSenders.recipients(p.value("--to", "-t").map(v -> MailSenders.given(inv, v)).stream().toList());
        Operation.Builder b = act.operation(inv, "postmark", recipients.names());
        if (token.equals(TEST_TOKEN) || recipients.nowhere()) {
            return b.note("Postmark's test token (or a reserved test address): nothing is delivered").build()
                    .withEnvironment(Tier.DEV, "a send that reaches no one");
        }
        return b.verb(Verb.TRANSFER).reversible(false).scope(recipients.crowd().isPresent() ? Scope.MANY : Scope.ONE)
                .note("sends a message to " + recipients.crowd().orElse(recipients.names()) + " outside the team").build();
    }
}
