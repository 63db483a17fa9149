package dev.interlock.analysis.shell.recognizers.elt;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Meltano. Listing, selecting with {@code --list}, reading state and testing plugins only look; {@code run}, {@code el}
 * and {@code elt} load the extractors' rows into the loader's destination ({@code --full-refresh} drops the saved
 * state and reloads from scratch); {@code invoke} runs a plugin as it is configured there; clearing or setting state
 * changes what the next run loads; {@code config PLUGIN} prints the plugin's settings, secrets included. The project's
 * files (adding plugins, schedules, {@code config set}) are local. Where: {@code --environment} or
 * {@code MELTANO_ENVIRONMENT}; without one the project's default environment, {@code dev} since {@code meltano init},
 * unless the project's directory names another.
 */
final class Meltano {

    private Meltano() {
    }

    private static final Set<String> VALUED = Set.of("--environment", "--log-level", "--log-config", "--cwd", "--state-id",
            "--state-id-suffix", "--select", "--exclude", "--merge-state", "--run-id", "--format", "--extras", "--input-file",
            "--from-file", "--timeout");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "run el elt", update("destination").many())
            .add("", "invoke", execute("plugin").note("runs the plugin with the environment's configuration"))
            .add("state", "list get", read("state"))
            .add("state", "clear set merge copy move", update("state").losesData()
                    .note("changes the saved bookmarks: the next run reloads or skips rows accordingly"))
            .add("", "config", credential("configuration").note("prints the plugin's settings, secrets included"))
            .add("", "test", read("plugin"))
            .add("job", "list", read("job"))
            .add("schedule", "list", read("schedule"))
            .add("environment", "list", read("environment"))
            .add("", "add remove install lock init upgrade compile hub docs select job schedule environment", local("project"))
            .add("", "ui version", local("project"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "plugin");
        CommandTable.Act act = found.act();
        String command = found.command();
        String plugin = words.size() > found.words() ? words.get(found.words()) : "";
        if (command.equals("config") && words.size() > 2) {
            // config PLUGIN list|set|unset|reset: the listing shows where settings come from; the rest edit the project
            act = words.get(2).equals("list") ? read("configuration") : local("configuration");
        } else if (command.equals("select") && p.has("--list")) {
            act = read("catalog");
        } else if (command.equals("invoke") && (p.has("--discover") || p.has("--dump"))) {
            act = read("catalog");
        } else if (act.type().equals("destination") && p.has("--dry-run")) {
            act = read("pipeline");
        } else if (act.type().equals("destination") && p.has("--full-refresh", "--force")) {
            act = act.losesData().note("--full-refresh ignores the saved state and reloads every stream from scratch");
        }
        String name = act.type().equals("destination") ? String.join(" ", words.subList(Math.min(1, words.size()), words.size())) : plugin;
        Operation.Builder b = act.operation(inv, "meltano", name);
        if (act.here()) {
            return List.of(b.build());
        }
        Optional<String> environment = p.value("--environment")
                .or(() -> Optional.ofNullable(inv.env().get("MELTANO_ENVIRONMENT")))
                .or(() -> IacArgs.environmentOfPath(inv.workspace().resolve(p.value("--cwd").orElse("."))));
        environment.ifPresent(e -> b.locator("environment", e));
        inv.locators().forEach(b::locator);
        if (environment.isEmpty() && !inv.remote()) {
            b.environment(Tier.DEV, "no --environment: the project's default environment, dev since meltano init");
        }
        return List.of(b.build());
    }
}
