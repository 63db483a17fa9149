package dev.interlock.analysis.shell.recognizers.games;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Unity Gaming Services' {@code ugs}: {@code deploy DIR} writes the folder's economy, remote config, cloud code and
 * the like into the environment {@code -e}/{@code --environment-name} (or {@code UGS_CLI_ENVIRONMENT_NAME}) names;
 * with {@code --reconcile} it also deletes every item the folder lacks, and {@code --dry-run} only compares.
 * {@code fetch} and a service's {@code list}/{@code get} read; {@code env use} and {@code config} set the CLI's own defaults;
 * {@code env delete NAME} tears that whole environment down.
 */
final class UnityGamingServices {

    private UnityGamingServices() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "deploy", update("game-services").note("writes the folder's game services configuration into the environment"))
            .add("", "fetch", read("game-services"))
            .add("", "config login logout status new-file help", local("ugs"))
            .add("env", "use", local("ugs"))
            .add("env", "list", read("environment"))
            .add("env", "add", CommandTable.create("environment"))
            .add("env", "delete", CommandTable.delete("environment").all()
                    .note("deletes a whole environment: every service's configuration and its players' data"))
            .build();

    private static final Set<String> VALUED = Set.of("-e", "--environment-name", "-p", "--project-id", "-s", "--services",
            "-j", "--json");

    /**
     * A service's own command ({@code ugs economy list}, {@code ugs cloud-code scripts delete NAME}): judged by the first
     * of its words that reads or deletes, anything else changes the service.
     */
    private static CommandTable.Found guess(List<String> words) {
        int span = Math.min(3, words.size());
        for (int n = 1; n <= span; n++) {
            CommandTable.Act act = CommandTable.guess(words.get(n - 1), "game-services");
            if (act.verb() != dev.interlock.model.Verb.UPDATE) {
                return new CommandTable.Found(String.join(" ", words.subList(0, n)), act, n);
            }
        }
        return new CommandTable.Found(String.join(" ", words.subList(0, span)), update("game-services"), span);
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        CommandTable.Found found = TABLE.find(words).orElseGet(() -> guess(words));
        CommandTable.Act act = found.act();
        if (found.command().equals("deploy")) {
            if (p.has("--dry-run")) {
                act = read("game-services").note("compares the folder with the environment and changes nothing");
            } else if (p.has("--reconcile")) {
                act = CommandTable.delete("game-services").many()
                        .note("deploys the folder and deletes every item of the environment the folder lacks");
            }
        }
        String environment = found.command().equals("env delete") ? found.name(p.words())
                : p.value("-e", "--environment-name").orElse(inv.env().getOrDefault("UGS_CLI_ENVIRONMENT_NAME", ""));
        return act.placed(inv, "ugs", found.name(p.words()), Map.of("environment", environment,
                "project", p.value("-p", "--project-id").orElse("")), Tier.UNKNOWN, "");
    }
}
