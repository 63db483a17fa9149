package dev.interlock.analysis.shell.recognizers.elt;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Singer taps and targets, a family named by prefix ({@code tap-postgres}, {@code target-snowflake}). A tap prints its
 * source's rows (with {@code --discover}, only the catalog): they leave their home for whatever reads them, a target or a
 * file. A target loads the rows it reads into its destination; targets that write files or an embedded database
 * ({@code target-jsonl}, {@code target-duckdb}) write here. Where: the environment the {@code --config} file's name or
 * directory names ({@code config/tap-postgres.prod.json}); with none, the developer's own configuration.
 */
public final class Singer {

    private Singer() {
    }

    private static final Set<String> VALUED = Set.of("--config", "-c", "--catalog", "--properties", "-p", "--state", "-s");
    /** Targets whose destination is a file or an embedded database on this machine. */
    private static final Set<String> FILE_TARGETS = Set.of("target-jsonl", "target-csv", "target-parquet", "target-duckdb",
            "target-sqlite", "target-json", "target-ndjson", "target-yaml", "target-excel");

    /** Whether {@code program} is a Singer tap or target. */
    public static boolean claims(String program) {
        return program.length() > 4 && program.startsWith("tap-") || program.length() > 7 && program.startsWith("target-");
    }

    public static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        boolean tap = inv.program().startsWith("tap-");
        Operation.Builder b = Operation.builder("singer", tap ? Verb.READ : Verb.UPDATE)
                .resource(tap ? "source" : "destination", inv.program().substring(inv.program().indexOf('-') + 1))
                .confidence(Confidence.INFERRED).evidence(inv.evidence());
        if (tap && p.has("--discover")) {
            return List.of(b.note("--discover prints the source's catalog, not its rows").build());
        }
        if (tap) {
            b.locator(DatabaseOps.COPIES_DATA, "rows").note("prints the source's rows for a target or a file to take");
        } else {
            b.scope(Scope.MANY).note("loads the rows it reads into its destination");
            if (FILE_TARGETS.contains(inv.program())) {
                return List.of(LocalFiles.local(inv, b, "a file or an embedded database on this machine").build());
            }
        }
        Optional<String> environment = p.value("--config", "-c").flatMap(c -> IacArgs.environmentOfPath(inv.workspace().resolve(c)));
        environment.ifPresent(e -> b.locator("environment", e));
        inv.locators().forEach(b::locator);
        if (environment.isEmpty() && !inv.remote()) {
            b.environment(Tier.DEV, "no environment in the --config file's name: the developer's own configuration");
        }
        return List.of(b.build());
    }
}
