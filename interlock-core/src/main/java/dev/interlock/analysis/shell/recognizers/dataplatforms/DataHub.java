package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DataHub's CLI, {@code datahub}. Getting, searching, listing, checking and a timeline read the metadata service (GMS);
 * {@code ingest}, {@code put} and the entity groups' upserts write metadata into it; {@code delete} soft-deletes (hidden,
 * restorable) unless {@code --hard}, which removes the entity's aspects for good, and {@code ingest rollback} takes a
 * run's metadata back out. A dry run ({@code -n}, {@code --dry-run}, {@code --preview}) only reads. {@code docker
 * quickstart|nuke} and DataHub Lite run on this machine. The server is {@code DATAHUB_GMS_URL} (or
 * {@code DATAHUB_GMS_HOST}); unset, it is whatever {@code ~/.datahubenv} names, which nothing in view says: unknown.
 * A loopback server is the developer's quickstart.
 */
final class DataHub {

    private DataHub() {
    }

    private static final Set<String> VALUED = Set.of("--urn", "-u", "--aspect", "-a", "-d", "--aspect-data", "-c",
            "--config", "--platform", "-p", "--env", "--entity-type", "--entity-types", "--query", "--run-id",
            "--batch-size", "--start-time", "--end-time", "--category", "--file", "-f", "--name", "--schedule",
            "--time-zone", "--executor-id", "--cli-version", "--report-to", "--host", "--token", "--version",
            "--recursive-urn", "--workers", "--limit", "--only-soft-deleted", "--dry-run-limit", "--output", "-o",
            "--keep-last", "--keep-hours", "--path", "--filter");

    /** Where the metadata service is: the variables DataHub's client reads. */
    private static final Placement GMS = Placement.of("host").orVariables("DATAHUB_GMS_URL", "DATAHUB_GMS_HOST");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "get exists ls search timeline version", read("entity"))
            .add("check", "metadata-file plugins graph-consistency server-config report restli-metadata-file",
                    read("entity"))
            .add("check", "local-docker", local("quickstart"))
            .add("ingest", "list-runs show list-source-runs mcps", read("ingestion-run"))
            .add("ingest", "run", update("metadata").many().note("writes the recipe's metadata into the catalog"))
            .add("ingest", "deploy", update("ingestion-source").note("schedules the recipe on the server"))
            .add("ingest", "rollback", delete("metadata").many().note("removes the metadata the run wrote"))
            .add("", "ingest", update("metadata").many().note("writes the recipe's metadata into the catalog"))
            .add("", "put", update("aspect"))
            .add("", "delete", new CommandTable.Act(Verb.DELETE, "entity", false, false, Scope.ONE,
                    "soft delete: hidden, restorable until hard-deleted"))
            .add("", "init telemetry", local("cli"))
            .add("docker", "quickstart nuke check ingest-sample-data", local("quickstart"))
            .add("", "lite", local("catalog"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String group = words.isEmpty() ? "" : words.getFirst();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "entity");
        CommandTable.Act act = found.act();
        if (act.verb() != Verb.READ && !act.here() && p.has("-n", "--dry-run", "--preview")) {
            act = read(act.type()).note("a dry run: nothing is written to the catalog");
        } else if (group.equals("delete")) {
            boolean many = p.has("--platform", "-p", "--env", "--entity-type", "--query", "--recursive")
                    || !p.value("--urn", "-u").isPresent() || words.size() > 1;
            act = p.has("--hard") ? delete("entity").note("hard delete: the entity's metadata is gone for good") : act;
            act = many ? act.many() : act;
        }
        String name = p.value("--urn", "-u", "--run-id", "-c", "--config", "--platform", "-p").orElse(found.name(words));
        Operation.Builder b = act.operation(inv, "datahub", name);
        if (act.here()) {
            return List.of(b.build());
        }
        Optional<String> server = GMS.target(inv, p);
        String host = server.map(Hosts::of).orElse("");
        if (Hosts.loopback(host)) {
            b.locator("host", host);
            return List.of(LocalFiles.local(inv, b, "the metadata service " + server.get() + " is on this machine").build());
        }
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
