package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenMetadata's ingestion CLI, {@code metadata}. Its workflows ({@code ingest}, {@code profile}, {@code test},
 * {@code usage}, {@code lineage}, {@code classify}, {@code app}, {@code ingest-dbt}) write what they find into the
 * OpenMetadata server the workflow file names ({@code -c}); that file is not in view, so the workflow is placed by its
 * path or the working directory ({@code /srv/openmetadata-prod}) as an IaC directory is, else unknown. {@code backup}
 * dumps the server's database to this machine; {@code restore} overwrites it from a dump, at the host {@code -H} names.
 */
final class OpenMetadata {

    private OpenMetadata() {
    }

    private static final Set<String> VALUED = Set.of("-c", "--config", "-H", "--host", "-u", "--user", "-p",
            "--password", "-d", "--database", "--port", "-P", "--output", "--input", "--upload",
            "--upload-destination-type", "--options", "-o", "--arguments", "-a", "--schema", "-s", "--log-level", "-l",
            "--dir", "--change-config-file-path");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "ingest profile test usage lineage classify app ingest-dbt auto-classification",
                    update("metadata").many().note("writes the workflow's findings into the OpenMetadata server its config names"))
            .add("", "backup", read("database").note("dumps the OpenMetadata server's database to a file here"))
            .add("", "restore", replace("database").note("overwrites the OpenMetadata server's database from a dump"))
            .add("", "docker openmetadata-imports-migration openmetadata-dag-config-migration scaffold-connector", local("cli"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "metadata");
        CommandTable.Act act = found.act();
        Optional<String> config = p.value("-c", "--config");
        String name = config.or(() -> p.value("-d", "--database")).orElse(found.name(words));
        Operation.Builder b = act.operation(inv, "openmetadata", name);
        if (!words.isEmpty() && words.getFirst().equals("backup")) {
            // the dump lands in a file here: a copy of the server's data, judged where that data lives
            b.locator(DatabaseOps.COPIES_DATA, "backup");
        }
        if (act.here()) {
            return List.of(b.build());
        }
        String host = Hosts.of(p.value("-H", "--host").orElse(""));
        if (Hosts.loopback(host)) {
            b.locator("host", host);
            return List.of(LocalFiles.local(inv, b, "the OpenMetadata database at " + host + " is on this machine").build());
        }
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        config.flatMap(c -> IacArgs.environmentOfPath(inv.workspace().resolve(c)))
                .or(() -> host.isEmpty() ? IacArgs.environmentOfPath(inv.workspace().dir()) : Optional.empty())
                .ifPresent(e -> b.locator("environment", e));
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
