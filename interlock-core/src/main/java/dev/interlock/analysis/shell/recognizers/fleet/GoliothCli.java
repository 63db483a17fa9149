package dev.interlock.analysis.shell.recognizers.fleet;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
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
 * Golioth's {@code goliothctl} ({@code goliothctl dfu release create --release-tags 1.2.0 --rollout true --projectId
 * acme-dev}): a release rolled out, a device deleted or its LightDB state set reaches the devices of one project, placed
 * by {@code --projectId} as a {@code project} ({@code acme-dev} is dev). Without it the CLI uses the project it was
 * configured with, which nothing here names: unknown.
 */
final class GoliothCli {

    private GoliothCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "login logout config version completion help", local("cli"))
            .add("", "logs", read("log"))
            .add("project", "list info get", read("project"))
            .add("project", "create", create("project"))
            .add("project", "delete", delete("project").all().note("deletes the project with its devices, data and releases"))
            .add("device", "list get info", read("device"))
            .add("device", "create", create("device"))
            .add("device", "delete", delete("device"))
            .add("dfu artifact", "list get download", read("artifact"))
            .add("dfu artifact", "create", create("artifact").note("uploads a firmware artifact to the project"))
            .add("dfu artifact", "delete", delete("artifact"))
            .add("dfu release", "list get", read("release"))
            .add("dfu release", "create", create("release"))
            .add("dfu release", "rollout update edit", update("release").many().note("the devices of the project install the release next"))
            .add("dfu release", "delete", delete("release"))
            .add("lightdb", "get listen", read("state"))
            .add("lightdb", "set", update("state"))
            .add("lightdb", "delete", delete("state"))
            .add("stream", "query listen", read("stream"))
            .add("rpc", "call", execute("device").note("runs a remote procedure on the device"))
            .add("settings", "list get", read("setting"))
            .add("settings", "set update delete", update("setting").many().note("a project-wide setting every device picks up"))
            .build();
    private static final Set<String> VALUED = Set.of("--projectId", "--project", "--release-tags", "--components", "--id", "--name", "--tags", "--version", "--package", "--blueprint", "--hardwareIds", "-c", "--config",
            "--deviceId", "--start", "--end", "--query", "--output", "-o");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 3, "project");
        CommandTable.Act act = found.act();
        // a boolean flag: --rollout, --rollout=true or --rollout true
        boolean rollout = p.has("--rollout") && !p.value("--rollout").orElse("").equals("false") && !words.contains("false");
        if (found.command().equals("dfu release create") && rollout) {
            act = act.many().note("creates a release and rolls it out to the devices of the project");
        }
        String name = found.name(words);
        // project commands name the project they act on
        String project = p.value("--projectId", "--project").orElse(found.command().startsWith("project ") ? name : "");
        return FleetRecognizer.operation(inv, act, name.isEmpty() || name.equals("true") || name.equals("false") ? project : name,
                "project", project);
    }
}
