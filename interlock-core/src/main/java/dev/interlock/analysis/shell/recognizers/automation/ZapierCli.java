package dev.interlock.analysis.shell.recognizers.automation;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * The Zapier platform CLI ({@code zapier}, also {@code npx zapier-platform-cli}). The integration lives on Zapier:
 * {@code push} and {@code upload} replace a version there, {@code promote} makes a version the one every user gets,
 * {@code migrate} moves users' Zaps from one version to another, {@code deprecate} and {@code canary:*} change what
 * users run, {@code delete:*} remove versions or the integration; these reach the integration's users, so
 * {@code promote}, {@code migrate} and {@code deprecate} are production's. {@code env:get} prints the version's
 * environment (its secrets); team and user invitations grant access. {@code validate}, {@code test}, {@code build},
 * {@code invoke} and the project's files run here; {@code describe}, {@code history}, {@code logs}, {@code versions}
 * and the listings read.
 */
final class ZapierCli {

    private ZapierCli() {
    }

    private static final Set<String> VALUED = Set.of("--format", "-f", "--version", "--type", "--status", "--limit",
            "--user", "--detailed", "--app", "--percent", "--account", "--title", "--entry", "--template", "--sourceDirectory");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "describe history logs versions integrations jobs analytics", read("integration"))
            .add("", "canary:list users:get users:links team:get", read("integration"))
            .add("", "validate test build invoke init scaffold convert link login logout", local("project"))
            .add("", "register", create("integration").note("registers a new integration on Zapier"))
            .add("", "push upload", update("version")
                    .note("uploads the build as the version in package.json, replacing it on Zapier where its users run it"))
            .add("", "promote", update("version").note("makes the version the one every user of the integration gets"))
            .add("", "migrate", update("version").many().note("moves users' Zaps from one version to another"))
            .add("", "deprecate", update("version").note("deprecates the version: its users are told to move off it"))
            .add("", "canary:create canary:delete", update("version").note("routes a share of users' traffic to a version"))
            .add("", "env:set env:unset", update("environment").note("changes the version's environment variables"))
            .add("", "env:get", credential("environment").note("prints the version's environment variables, secrets included"))
            .add("", "users:add team:add", grant("integration").note("gives access to the integration"))
            .add("", "users:remove team:remove", update("integration").note("removes access to the integration"))
            .add("", "delete:version", delete("version"))
            .add("", "delete:integration", delete("integration").all().note("deletes the integration with every version"))
            .build();

    /** Commands that change what the integration's users run: Zapier's production by definition. */
    private static final Set<String> RELEASES = Set.of("promote", "migrate", "deprecate", "canary:create", "canary:delete");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "integration");
        CommandTable.Act act = found.act();
        Operation.Builder b = act.operation(inv, "zapier", found.name(words));
        if (act.here()) {
            return List.of(b.build());
        }
        if (RELEASES.contains(found.command())) {
            b.locator("environment", "production");
        }
        return List.of(b.build());
    }
}
