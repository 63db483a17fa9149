package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
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
 * Elastic Cloud's {@code ecctl} (and Elastic Cloud Enterprise through the same CLI): listing, showing and searching
 * deployments read; creating, updating, restoring and restarting change them; {@code deployment shutdown} and
 * {@code delete} take a whole deployment (its Elasticsearch data, Kibana, everything in it) down — a teardown, which
 * {@code --skip-snapshot} makes unrecoverable. The deployment named (its id, or {@code --name}) places it through the
 * inventory (a name with prod in it is prod); an opaque id places nothing: unknown.
 */
public final class ElasticCloud implements Recognizer {

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("deployment", "list show search", read("deployment"))
            .add("deployment template", "list show", read("template"))
            .add("deployment plan", "list show", read("plan"))
            .add("deployment", "create", create("deployment"))
            .add("deployment", "update restore", update("deployment").note("changes the deployment's plan or settings"))
            .add("deployment plan", "cancel", update("deployment"))
            .add("deployment resource", "start start-maintenance stop-maintenance restart upgrade restore",
                    update("deployment").note("restarts or changes one of the deployment's resources"))
            .add("deployment resource", "stop shutdown delete",
                    delete("deployment").note("stops or removes one of the deployment's resources (Elasticsearch, Kibana, APM)"))
            .add("deployment", "shutdown delete", delete("deployment").all()
                    .note("shuts the whole deployment down: its clusters and the data in them"))
            .add("deployment traffic-filter", "list show", read("traffic-filter"))
            .add("deployment traffic-filter", "create update delete associate dissociate",
                    update("traffic-filter").note("changes which networks may reach the deployment"))
            .add("deployment extension", "list show", read("extension"))
            .add("deployment extension", "create update delete", update("extension"))
            .add("auth key", "list show", read("api-key"))
            .add("auth key", "create", credential("api-key").note("creates an API key and prints it"))
            .add("auth key", "delete", delete("api-key"))
            .add("user", "list show", read("user"))
            .add("user", "create update delete enable disable", update("user"))
            .add("platform", "info", read("platform"))
            .add("", "init version help generate", local("ecctl"))
            .build();

    private static final Set<String> VALUED = Set.of("--name", "--region", "--api-key", "--user", "--pass", "--host",
            "--config", "--output", "-o", "--format", "--file", "-f", "--ref-id", "--kind", "--version", "--size",
            "--zones", "--deployment-template", "--query", "--timeout");

    @Override
    public Set<String> programs() {
        return Set.of("ecctl");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "deployment");
        CommandTable.Act act = found.act();
        String name = p.value("--name").orElse(found.name(words));
        // ecctl's own configuration names the API host only; the deployment's name is what says prod or staging
        return List.of(act.placed(inv, "elastic-cloud", name, Map.of("cluster", name), Tier.UNKNOWN, ""));
    }
}
