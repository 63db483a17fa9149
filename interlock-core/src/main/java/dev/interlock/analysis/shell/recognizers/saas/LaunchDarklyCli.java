package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.api.FlagPatches;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LaunchDarkly's {@code ldcli}: listing and getting read; toggling, updating, rollouts and targeting change a flag in
 * the environment named ({@code --environment}, {@code LD_ENVIRONMENT}), else in the one a patch's paths name, else
 * the project's tier word ({@code shop-dev}); nothing named is unknown. Deleting or archiving a flag removes it from
 * production too. An environment's details carry its SDK and mobile keys, so getting them is a credential read.
 */
final class LaunchDarklyCli {

    private LaunchDarklyCli() {
    }

    private static final String EVERYWHERE = "removes the flag from every environment, production included";

    private static final CommandTable TABLE = CommandTable.builder()
            .add("flags", "list get get-status list-statuses get-status-across-environments", read("feature-flag"))
            .add("flags", "create copy", create("feature-flag"))
            .add("flags", "toggle-on toggle-off update", update("feature-flag"))
            .add("flags", "delete archive", delete("feature-flag").note(EVERYWHERE))
            .add("environments", "list get", credential("environment").note("prints the environment's SDK and mobile keys"))
            .add("environments", "reset-sdk-key reset-mobile-key", credential("sdk-key")
                    .note("replaces the environment's key (apps holding the old one stop) and prints the new one"))
            .add("environments", "create update", update("environment"))
            .add("environments", "delete", delete("environment").all().note("deletes the environment with every flag's state in it"))
            .add("projects", "list get", read("project"))
            .add("projects", "create update", update("project"))
            .add("projects", "delete", delete("project").all().note("deletes the project with every flag and environment in it"))
            .add("segments", "list get", read("segment"))
            .add("segments", "create update", update("segment"))
            .add("segments", "delete", delete("segment"))
            .add("members", "list get", read("member"))
            .add("members", "create update", grant("member"))
            .add("access-tokens", "list get", read("access-token"))
            .add("access-tokens", "create reset", credential("access-token").note("mints an API access token and prints it"))
            .add("", "config login setup completion help version dev-server", local("ldcli"))
            .build();

    /** Commands whose listing spans every environment, production's keys included. */
    private static final Set<String> ALL_ENVIRONMENTS = Set.of("flags delete", "flags archive", "environments list");

    private static final Placement ENVIRONMENT = Placement.of("environment", "--environment", "--environment-key", "--env")
            .orVariables("LD_ENVIRONMENT");
    private static final Placement PROJECT = Placement.of("flag-project", "--project", "--project-key").orVariables("LD_PROJECT");
    private static final Set<String> VALUED = Set.of("--environment", "--environment-key", "--env", "--project", "--project-key",
            "--flag", "--data", "-d", "--output", "-o", "--access-token", "--base-uri", "--segment", "--member", "--key", "--name",
            "--limit", "--filter", "--sort", "--expand");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words());
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "feature-flag");
        CommandTable.Act act = found.command().equals("config") && p.has("--list")
                ? credential("cli-config").note("prints the CLI's configuration, its access token included") : found.act();
        String project = PROJECT.target(inv, p).orElse("");
        String environment = ALL_ENVIRONMENTS.contains(found.command()) ? "production" : ENVIRONMENT.target(inv, p).orElse("");
        String name = p.value("--flag", "--segment", "--member", "--key").orElse(
                found.command().startsWith("environments") ? environment : project);
        List<String> environments = environment.isEmpty() && found.command().equals("flags update")
                ? FlagPatches.environments(p.value("--data", "-d").orElse("")).map(List::copyOf).orElse(List.of()) : List.of();
        if (!environments.isEmpty()) {
            return environments.stream().map(e -> act.note("changes the flag in " + e)
                    .placed(inv, "launchdarkly", name, Map.of("environment", e, "flag-project", project), Tier.UNKNOWN, "")).toList();
        }
        String where = environment.isEmpty() ? DeploymentWords.tierOfName(project) : environment;
        return List.of(act.placed(inv, "launchdarkly", name, Map.of("environment", where, "flag-project", project), Tier.UNKNOWN, ""));
    }
}
