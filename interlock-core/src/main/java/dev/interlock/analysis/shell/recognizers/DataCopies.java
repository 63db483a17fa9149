package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Data moving between environments as a command line says it when its contents are not in view. A script, task or
 * package script whose name says it copies production's data ({@code refresh-staging-from-prod.sh},
 * {@code make clone-prod-db}, {@code copy_prod_to_dev.py}, {@code prod2staging.sh}) is a read of production carrying
 * {@link DatabaseOps#COPIES_DATA}; one whose name says the data goes into production ({@code sync-staging-to-prod.sh})
 * is a change there. An unfamiliar CLI told to restore or copy from a backup, snapshot or source named for production
 * ({@code velero restore create --from-backup prod-daily-20240501}) takes production's data wherever it acts.
 */
public final class DataCopies {

    private DataCopies() {
    }

    /** Words that say data is copied from one place to another. */
    private static final Set<String> COPY_WORDS = Set.of("copy", "cp", "clone", "sync", "refresh", "restore", "mirror",
            "replicate", "seed", "import", "export", "dump", "pull", "load", "backfill", "transfer", "rehydrate", "hydrate");
    /** Words that say the run only looks, or that what is copied is not data (a schema, configuration, assets). */
    private static final Set<String> NOT_A_COPY = Set.of("check", "status", "verify", "diff", "compare", "list", "show",
            "report", "dryrun", "lint", "schema", "config", "configs", "settings", "assets", "static", "docs", "images", "logs");
    /** Words before the place the data goes. */
    private static final Set<String> TOWARDS = Set.of("to", "into", "onto");
    /** Development tiers' words, which with production's say data moves between tiers ({@code prod2dev}). */
    private static final Set<String> OTHER_TIERS = Set.of("dev", "development", "test", "qa", "sandbox", "local", "preview");
    /** Options of unfamiliar CLIs that name where restored or copied data comes from. */
    private static final Set<String> SOURCE_FLAGS = Set.of("--from-backup", "--from-schedule", "--from-snapshot",
            "--source-backup", "--source-snapshot", "--restore-from", "--from-db", "--source-db", "--source-database",
            "--from-app", "--source-app", "--from-env", "--source-env", "--from-environment", "--source-environment");
    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("sh", "bash", "zsh", "py", "rb", "js", "mjs", "ts", "pl", "php", "ps1");

    /**
     * The copy a script's, task's or program's name says it makes, as an operation of {@code system}: a read of
     * production's data, or a change in production when production is where the data goes. Empty when the name says
     * neither a copy nor production.
     */
    public static Optional<Operation.Builder> named(String system, String name) {
        List<String> parts = words(name);
        int production = -1;
        boolean copies = false;
        for (int i = 0; i < parts.size(); i++) {
            if (NOT_A_COPY.contains(parts.get(i))) {
                return Optional.empty();
            }
            copies |= COPY_WORDS.contains(parts.get(i)) || TOWARDS.contains(parts.get(i)) && i > 0 && i + 1 < parts.size()
                    && tier(parts.get(i - 1)) && tier(parts.get(i + 1));
            if (production < 0 && DeploymentWords.tierOf(parts.get(i)).filter("production"::equals).isPresent()) {
                production = i;
            }
        }
        if (!copies || production < 0) {
            return Optional.empty();
        }
        String tier = parts.get(production);
        Operation.Builder b = Operation.builder(system, Verb.READ).resource("data", name).locator("environment", tier)
                .confidence(Confidence.INFERRED);
        if (production > 0 && TOWARDS.contains(parts.get(production - 1))) {
            return Optional.of(b.verb(Verb.UPDATE).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("the name '" + name + "' says it copies data into production (its contents are not analyzed)"));
        }
        return Optional.of(b.locator(DatabaseOps.COPIES_DATA, "rows")
                .note("the name '" + name + "' says it copies production's data elsewhere (its contents are not analyzed)"));
    }

    /** {@link #named(String, String)} for the program run by {@code inv}, with its evidence. */
    public static Optional<Operation> named(Invocation inv, String name) {
        return named(inv.program(), name).map(b -> b.evidence(inv.evidence()).build());
    }

    /**
     * An unfamiliar program's operation, and the copies its name or its source options say it makes
     * ({@link #named(String, String)}; a restore or copy {@code --from-backup} a backup named for production).
     */
    public static List<Operation> along(Invocation inv, Operation op) {
        List<Operation> ops = new ArrayList<>(List.of(op));
        named(inv, inv.program()).ifPresent(ops::add);
        if (op.verb() == Verb.READ) {
            return ops;
        }
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            String flag = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (!SOURCE_FLAGS.contains(flag)) {
                continue;
            }
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1).value() : "";
            if (DeploymentWords.namesProduction(value)) {
                ops.add(Operation.builder(inv.program(), Verb.READ).resource("backup", value).locator("environment", "production")
                        .locator(DatabaseOps.COPIES_DATA, "backup").confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note(flag + " " + value + ": the data comes from production's backup, now wherever "
                                + inv.program() + " puts it").build());
            }
        }
        return ops;
    }

    private static boolean tier(String word) {
        return DeploymentWords.tierOf(word).isPresent() || OTHER_TIERS.contains(word);
    }

    /** Whether a file name ends in a script's extension ({@code deploy-prod.sh}, {@code deployProd.py}). */
    static boolean script(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') + 1 && SCRIPT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A name's words, without its directory and script extension: {@code refreshStagingFromProd}, {@code prod2dev}. */
    static List<String> words(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0 && SCRIPT_EXTENSIONS.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            base = base.substring(0, dot);
        }
        String spaced = Regex.replaceAll(Regex.replaceAll(base, "([a-z0-9])([A-Z])", "$1 $2"), "(?<=[A-Za-z])2(?=[A-Za-z])", " to ");
        List<String> out = new ArrayList<>();
        for (String part : Regex.split(spaced.toLowerCase(Locale.ROOT), "[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
