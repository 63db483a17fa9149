package dev.interlock.analysis.shell.recognizers.dataplatforms;

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
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dbt. Compiling, listing, documenting, testing and previewing only read the warehouse (or the project); {@code run},
 * {@code build}, {@code seed}, {@code snapshot}, {@code clone} and {@code retry} materialize tables in the target and
 * {@code run-operation} runs a macro there. The target is {@code --target}/{@code -t} (or {@code DBT_TARGET}); without
 * one dbt uses the profile's default target, which by dbt's own convention is the developer's, unless the profiles or
 * project directory (or the working directory) is named for an environment.
 */
final class Dbt {

    private Dbt() {
    }

    private static final Set<String> VALUED = Set.of("--target", "-t", "--profile", "--profiles-dir", "--project-dir",
            "--select", "-s", "--models", "-m", "--exclude", "--selector", "--vars", "--args", "--state", "--defer-state",
            "--threads", "--resource-type", "--resource-types", "--output", "-o", "--output-keys", "--log-format",
            "--log-level", "--log-path", "--target-path", "--limit", "--inline", "--indirect-selection",
            "--event-time-start", "--event-time-end", "--sample", "--macro");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "compile ls list show debug test", read("models"))
            .add("docs", "generate", read("catalog"))
            .add("source", "freshness snapshot-freshness", read("sources"))
            .add("", "deps clean init parse", local("project"))
            .add("docs", "serve", local("docs"))
            .add("", "run build clone retry", update("models").many())
            .add("", "seed", update("seeds").many())
            .add("", "snapshot", update("snapshots").many())
            .add("", "run-operation", execute("macro").note("runs a macro in the target: whatever SQL it issues"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Act act = COMMANDS.findOrGuess(words, 1, "models").act();
        String name = act.type().equals("macro") && words.size() > 1 ? words.get(1)
                : p.value("--select", "-s", "--models", "-m").orElse("");
        if (act.type().equals("models") && act.verb() == Verb.READ && p.has("--store-failures")) {
            act = update("models").note("--store-failures writes the failing rows to tables in the target");
        }
        if (p.has("--full-refresh") && act.verb() != Verb.READ) {
            act = act.losesData().note("--full-refresh drops and rebuilds incremental models and seeds from scratch");
        }
        Operation.Builder b = act.operation(inv, "dbt", name);
        if (act.here()) {
            return List.of(b.build());
        }
        Optional<String> target = p.value("--target", "-t").or(() -> Optional.ofNullable(inv.env().get("DBT_TARGET")));
        target.ifPresent(t -> b.locator("environment", t));
        p.value("--profile").or(() -> Optional.ofNullable(inv.env().get("DBT_PROFILE"))).ifPresent(v -> b.locator("profile", v));
        if (target.isEmpty()) {
            Optional<String> placed = placedByPath(inv, p);
            placed.ifPresent(e -> b.locator("environment", e));
            if (placed.isEmpty()) {
                b.environment(Tier.DEV, "no --target: the profile's default target, by dbt's convention the developer's own");
            }
        }
        return List.of(b.build());
    }

    /**
     * The environment the profiles or project directory names when no target does: a production project's checkout
     * ({@code /srv/analytics-prod}, {@code DBT_PROFILES_DIR=/srv/analytics-prod/.dbt}) has profiles whose default
     * target is that environment, not a developer's. Read as an IaC working directory is, below the home directory.
     */
    private static Optional<String> placedByPath(Invocation inv, ParsedArgs p) {
        List<Optional<String>> places = List.of(p.value("--profiles-dir"), Optional.ofNullable(inv.env().get("DBT_PROFILES_DIR")),
                p.value("--project-dir"), Optional.ofNullable(inv.env().get("DBT_PROJECT_DIR")));
        for (Optional<String> place : places) {
            Optional<String> named = place.filter(d -> !d.isEmpty())
                    .flatMap(d -> IacArgs.environmentOfPath(inv.workspace().resolve(d)));
            if (named.isPresent()) {
                return named;
            }
        }
        return IacArgs.environmentOfPath(inv.workspace().dir());
    }
}
