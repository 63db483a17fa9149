package dev.interlock.analysis.shell.recognizers.cms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hosted headless-CMS CLIs, one table each: {@code contentful}, {@code sanity}, {@code storyblok}, {@code prismic}.
 * Their commands act on the vendor's content platform, not on this machine (but for dev servers, builds, logins and
 * generated files): exports and listings read (an export with the entries is a copy of the content; a schema-only one
 * is not), imports, pushes, migrations and deploys change what the space serves, deletes delete, invitations and
 * tokens grant. They are placed by the environment, dataset or alias they name ({@code production} and Contentful's
 * {@code master} are the live content); a command that names none acts on whichever one the CLI defaults to: unknown.
 */
final class HostedCms {

    private HostedCms() {
    }

    /** Exporting the entries: a copy of the live content that now lives on this machine. */
    private static final Act COPY = new Act(Verb.READ, "content", false, false, Scope.ALL, "exports the content (entries, assets) to a file");

    /** One CLI: its commands, its options with values, the options that name where it acts, in order. */
    private record Cli(CommandTable table, Set<String> valued, List<String> places, List<String> projects) {
    }

    private static final CommandTable CONTENTFUL = CommandTable.builder()
            .add("", "login logout help version boilerplate guide", local("cli"))
            .add("config", "add remove", local("config"))
            .add("config", "list", credential("config").note("prints the CLI's configuration, the management token included"))
            .add("", "init", create("space"))
            .add("space", "list", read("space"))
            .add("space", "create", create("space"))
            .add("space", "delete", delete("space").all().note("deletes the space and every environment's content"))
            .add("space", "use", local("config"))
            .add("space", "export", COPY)
            .add("space", "import seed", update("content").many().note("writes entries and content types into the environment"))
            .add("space", "migration", update("content-model").many().note("runs a migration script on the environment's content model"))
            .add("space generate", "migration", local("file"))
            .add("space environment", "list", read("environment"))
            .add("space environment", "create", create("environment"))
            .add("space environment", "delete", delete("environment").all().note("deletes the environment and its content"))
            .add("space environment", "use", local("config"))
            .add("space environment-alias", "list", read("environment-alias"))
            .add("space environment-alias", "update create", update("environment-alias")
                    .note("repoints the alias: what the alias's readers (the live site for master) serve changes"))
            .add("space environment-alias", "delete", delete("environment-alias"))
            .add("space accesstoken", "list", credential("access-token").note("prints the space's API keys"))
            .add("space accesstoken", "create", grant("access-token").note("mints an API key for the space"))
            .add("space webhook", "list", read("webhook"))
            .add("extension", "list get", read("extension"))
            .add("extension", "create update", update("extension"))
            .add("extension", "delete", delete("extension"))
            .add("organization", "list export", read("organization"))
            .add("merge", "show", read("environment"))
            .add("merge", "export", local("file"))
            .build();

    private static final CommandTable SANITY = CommandTable.builder()
            .add("", "init dev start build preview login logout install upgrade codemod docs manage help versions telemetry "
                    + "check learn", local("studio"))
            .add("typegen", "generate", local("file"))
            .add("schema", "extract", local("file"))
            .add("schema", "validate list", read("schema"))
            .add("schema", "deploy", update("schema"))
            .add("schema", "delete", delete("schema"))
            .add("", "deploy", update("studio").note("deploys the studio to its hosted URL"))
            .add("", "undeploy", delete("studio"))
            .add("", "debug", read("cli"))
            .add("graphql", "list", read("graphql-api"))
            .add("graphql", "deploy", update("graphql-api"))
            .add("graphql", "undeploy", delete("graphql-api"))
            .add("dataset", "list", read("dataset"))
            .add("dataset", "create copy", create("dataset"))
            .add("dataset", "delete", delete("dataset").all().note("deletes the dataset and every document in it"))
            .add("dataset", "export", COPY)
            .add("dataset", "import", update("dataset").many().note("writes the file's documents into the dataset"))
            .add("dataset alias", "create link unlink delete", update("dataset-alias"))
            .add("dataset visibility", "get", read("dataset"))
            .add("dataset visibility", "set", update("dataset"))
            .add("documents", "get query validate", read("document"))
            .add("documents", "create", create("document"))
            .add("documents", "delete", delete("document"))
            .add("users", "list", read("user"))
            .add("users", "invite", grant("user").note("invites a member to the project with a role"))
            .add("tokens", "list", read("token"))
            .add("tokens", "add", grant("token").note("mints an API token for the project"))
            .add("tokens", "delete", delete("token"))
            .add("cors", "list", read("cors-origin"))
            .add("cors", "add delete", update("cors-origin"))
            .add("hook", "list logs attempt", read("hook"))
            .add("hook", "create", create("hook"))
            .add("hook", "delete", delete("hook"))
            .add("migration", "list", read("migration"))
            .add("migration", "create", local("file"))
            // a content migration only reports what it would change unless --no-dry-run (see below)
            .add("migration", "run", read("document"))
            .add("backup", "list", read("backup"))
            .add("backup", "download", COPY.note("downloads a backup of the dataset"))
            .add("backup", "enable disable", update("backup"))
            .add("projects", "list", read("project"))
            .add("projects", "create", create("project"))
            .add("", "exec", local("script"))
            .build();

    private static final CommandTable STORYBLOK = CommandTable.builder()
            .add("", "login logout user select quickstart create generate-migration generate-typescript-typedefs", local("cli"))
            .add("", "pull-components pull-languages list-spaces", read("component"))
            .add("", "push-components sync import", update("component").many())
            .add("", "run-migration rollback-migration", update("story").many().note("rewrites the space's stories"))
            .add("", "delete-component delete-components delete-datasources", delete("component"))
            .add("components", "pull", read("component"))
            .add("languages", "pull", read("component"))
            .add("datasources", "pull", read("component"))
            .add("components", "push", update("component").many())
            .add("datasources", "push", update("component").many())
            .add("migrations", "generate", local("file"))
            .add("migrations", "run rollback", update("story").many().note("rewrites the space's stories"))
            .add("types", "generate", local("file"))
            .build();

    private static final CommandTable PRISMIC = CommandTable.builder()
            .add("", "login logout signup new theme sm init", local("cli"))
            .add("", "list", read("repository"))
            .build();

    private static final Map<String, Cli> CLIS = Map.of(
            "contentful", new Cli(CONTENTFUL, Set.of("--space-id", "--environment-id", "-e", "--alias-id", "-a",
                    "--target-environment-id", "--management-token", "--mt", "--content-file", "--export-dir", "--config",
                    "--name", "-n", "--source", "--host", "--query-entries", "--query-assets"),
                    List.of("--alias-id", "-a", "--environment-id", "-e"), List.of("--space-id")),
            "sanity", new Cli(SANITY, Set.of("--dataset", "-d", "--project", "--project-id", "-p", "--role", "--api",
                    "--visibility", "--type", "--types", "--id", "--tag"),
                    List.of("--dataset", "-d"), List.of("--project", "--project-id", "-p")),
            "storyblok", new Cli(STORYBLOK, Set.of("--space", "-s", "--source", "--target", "--from", "--type", "--region",
                    "-r", "--file", "-f", "--path", "-p", "--filter", "--component", "-c", "--separate-files"),
                    List.of(), List.of("--target", "--space", "-s")),
            "prismic", new Cli(PRISMIC, Set.of("--folder", "--theme-url", "--domain"), List.of(), List.of("--domain")));

    /** Sanity's dataset commands name the dataset as a positional: which one (import FILE NAME, copy SOURCE TARGET). */
    private static final Map<String, Integer> DATASET_POSITIONAL = Map.of("dataset create", 0, "dataset delete", 0,
            "dataset export", 0, "dataset import", 1, "dataset copy", 1, "dataset visibility set", 0, "dataset visibility get", 0);

    /** Environment and alias names that are the live content whatever the inventory says. */
    private static final Set<String> LIVE = Set.of("master");

    static List<Operation> recognize(Invocation inv) {
        Cli cli = CLIS.get(inv.program());
        ParsedArgs p = inv.parse(cli.valued());
        List<String> words = p.words();
        CommandTable.Found found = cli.table().findOrGuess(words, 2, "content");
        Act act = adjusted(found, p);
        Optional<String> place = place(cli, found, p, words);
        String project = cli.projects().stream().map(p::value).flatMap(Optional::stream).findFirst().orElse("");
        Operation.Builder b = act.operation(inv, inv.program(), place.orElse(found.name(words)));
        if (act.verb() == Verb.READ && act.scope() == Scope.ALL) {
            b.locator(DatabaseOps.COPIES_DATA, "content");
        }
        if (act.here()) {
            return List.of(b.build());
        }
        inv.locators().forEach(b::locator);
        if (!project.isEmpty()) {
            b.locator("project", project);
        }
        place.ifPresent(name -> b.locator("environment", name));
        if (place.filter(LIVE::contains).isPresent()) {
            b.environment(Tier.PROD, inv.program() + ": " + place.get() + " is the environment the live site reads");
        }
        return List.of(b.build());
    }

    /** The flags that turn a command into another: schema-only exports, dry runs, replacing imports, revealed secrets. */
    private static Act adjusted(CommandTable.Found found, ParsedArgs p) {
        Act act = found.act();
        return switch (found.command()) {
            case "space export" -> p.has("--skip-content", "--content-model-only")
                    ? read("content-model").note("exports the content model only (no entries)") : act;
            case "dataset import" -> p.has("--replace") ? replace("dataset").many().note("replaces the dataset's documents") : act;
            case "migration run" -> p.has("--no-dry-run")
                    ? update("document").many().note("runs the content migration on the dataset's documents") : act;
            case "debug" -> p.has("--secrets") ? credential("token").note("prints the CLI's auth token") : act;
            case "exec" -> p.has("--with-user-token")
                    ? execute("script").note("runs the script with the CLI user's token: it can write the project's datasets") : act;
            default -> p.has("--dry-run") && act.verb() != Verb.READ && !act.here()
                    ? read(act.type()).note("reports what would change; nothing is applied") : act;
        };
    }

    /** The environment, dataset or alias the command names: a flag, or for Sanity's dataset commands a positional. */
    private static Optional<String> place(Cli cli, CommandTable.Found found, ParsedArgs p, List<String> words) {
        Optional<String> flagged = cli.places().stream().map(p::value).flatMap(Optional::stream).findFirst();
        if (flagged.isPresent()) {
            return flagged;
        }
        Integer at = DATASET_POSITIONAL.get(found.command());
        int index = at == null ? -1 : found.words() + at;
        return index >= 0 && index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
    }
}
