package dev.interlock.analysis.shell.recognizers.messaging;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Twilio's {@code twilio} ({@code api:core:messages:create --to … --body …}): the last part of the colon-joined command
 * is the action ({@code list}/{@code fetch} read, {@code create}, {@code update}, {@code remove}), on the account of the
 * profile ({@code -p}). Creating a message or a call reaches a person's phone: a {@code transfer} to outside the
 * team, held for a human, and a mass send when the number is filled in at run time (a loop over a customer list).
 * Twilio's magic test numbers ({@code +15005550006}) deliver nothing. Serverless commands act in the environment of the
 * service that {@code --environment} names ({@code dev}, {@code stage}); {@code --production} is the production one.
 */
final class TwilioCli {

    private TwilioCli() {
    }

    private static final Set<String> VALUED = Set.of("-p", "--profile", "--to", "--from", "--body", "--sid", "--limit",
            "-o", "--output", "--properties", "--url", "--media-url", "--messaging-service-sid", "--friendly-name",
            "--status-callback", "--twiml", "--date-sent", "--page-size", "--environment", "--source-environment",
            "--service-name", "--service-sid", "--env", "--name", "--version", "--plugin", "--changelog", "--description",
            "--title", "--configuration-sid", "--release-sid", "--plugin-version-sid", "--functions-folder", "--assets-folder", "--region", "--edge");
    /** What reaches a person: a text, a call, an email through SendGrid. */
    private static final Set<String> OUTBOUND = Set.of("messages", "calls", "email", "notifications");
    /** Commands of the CLI itself. */
    private static final Set<String> CLI = Set.of("login", "logout", "profiles", "plugins", "plugins:install", "autocomplete",
            "config", "help", "version", "feedback", "update");
    private static final String TEST_NUMBER = "\\+1500555\\d{4}";
    /**
     * The Flex Plugins CLI ({@code flex:plugins:…}): the dev server, builds, tests and scaffolding stay on this machine;
     * listings, descriptions and diffs read the account; deploying, releasing and archiving change what the account's
     * agents run in their Flex UI.
     */
    private static final CommandTable FLEX_PLUGINS = CommandTable.builder()
            .add("", "start build test create upgrade-plugin", CommandTable.local("flex-plugin"))
            .add("", "list describe diff", CommandTable.read("flex-plugin"))
            .add("", "deploy", CommandTable.create("flex-plugin-version"))
            .add("", "release create-configuration", CommandTable.update("flex-release")
                    .note("changes the plugins every Flex agent of the account loads"))
            .add("", "archive", CommandTable.delete("flex-plugin"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        // a limit of -1 keeps empty parts, so a lone ":" is still one part
        List<String> parts = List.of(command.split(":", -1));
        String action = parts.getLast();
        String type = parts.size() > 1 ? parts.get(parts.size() - 2) : action;
        String name = p.value("--sid", "--to", "--friendly-name", "--service-name").orElse("");
        if (CLI.contains(parts.getFirst()) || parts.getFirst().equals("serverless") && action.equals("start")) {
            return CommandTable.local("cli").operation(inv, "twilio", command).build();
        }
        if (parts.size() > 2 && parts.get(0).equals("flex") && parts.get(1).equals("plugins")) {
            CommandTable.Found found = FLEX_PLUGINS.findOrGuess(parts.subList(2, parts.size()), 1, "flex-plugin");
            Operation.Builder b = found.act().operation(inv, "twilio", p.value("--name", "--sid").orElse(""));
            p.value("-p", "--profile").ifPresent(profile -> b.locator("account", profile));
            inv.locators().forEach(b::locator);
            return b.build();
        }
        CommandTable.Act act = switch (action) {
            case "list", "fetch", "logs", "watch" -> CommandTable.read(type);
            case "send", "create" -> CommandTable.create(type);
            case "remove", "delete" -> CommandTable.delete(type);
            default -> CommandTable.guess(action, type);
        };
        Operation.Builder b = act.operation(inv, "twilio", name);
        p.value("-p", "--profile").ifPresent(profile -> b.locator("account", profile));
        if (parts.getFirst().equals("serverless")) {
            // --env is a file of variables for the Functions, not an environment
            (p.has("--production") ? java.util.Optional.of("production") : p.value("--environment"))
                    .ifPresent(environment -> b.locator("environment", environment));
        }
        inv.locators().forEach(b::locator);
        if (act.verb() == Verb.CREATE && parts.stream().anyMatch(OUTBOUND::contains)) {
            List<Arg> to = new ArrayList<>();
            inv.args().stream().filter(a -> !a.literal() || a.value().contains("{}")).forEach(to::add);
            boolean test = p.value("--from").filter(f -> Regex.matches(f, TEST_NUMBER)).isPresent()
                    || p.value("--to").filter(t -> Regex.matches(t, TEST_NUMBER)).isPresent();
            if (test && to.isEmpty()) {
                return b.note("Twilio's magic test numbers: nothing is delivered").build()
                        .withEnvironment(Tier.DEV, "Twilio test numbers reach no phone");
            }
            b.verb(Verb.TRANSFER).reversible(false).scope(to.isEmpty() ? Scope.ONE : Scope.MANY)
                    .note(to.isEmpty() ? "reaches " + name + " outside the team"
                            : "a mass send: the recipient is filled in when the command runs (" + to.getFirst().value() + ")");
        }
        return b.build();
    }
}
