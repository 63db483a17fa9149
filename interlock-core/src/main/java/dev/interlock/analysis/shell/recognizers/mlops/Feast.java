package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Feast's CLI, {@code feast}: a feature store defined by a repository of Python files and its
 * {@code feature_store.yaml}. {@code plan}, {@code registry-dump} and the object lists read; {@code apply} writes the
 * registry and creates, changes or removes the online and offline stores' tables, {@code materialize} loads feature
 * values into the online store, {@code teardown} destroys the store's infrastructure and its data. Where is the feature
 * repository's: like an IaC working directory, a path ({@code -c}/{@code --chdir}, the {@code -f} file's directory, or
 * the working directory) named for an environment ({@code /srv/feast/fraud-prod}) places it there; a repository of the
 * developer's own with no such name is local, and one elsewhere unknown.
 */
final class Feast {

    private Feast() {
    }

    private static final Set<String> VALUED = Set.of("-c", "--chdir", "-f", "--feature-store-yaml", "--log-level",
            "-v", "--views", "--tags", "-h", "--host", "-p", "--port", "-t", "--template", "--registry-ttl-sec");

    private static final CommandTable COMMANDS = objects(CommandTable.builder())
            .add("", "plan registry-dump version validate", read("feature-store"))
            .add("", "apply", update("feature-store").many()
                    .note("writes the registry and creates, changes or removes the online and offline stores' tables"))
            .add("", "materialize materialize-incremental", update("online-store").many()
                    .note("loads feature values into the online store that serving reads"))
            .add("", "teardown", delete("feature-store").all().note("destroys the feature store's infrastructure and the data in it"))
            .add("", "delete", delete("feature-store").note("removes the object from the registry"))
            .add("", "init serve serve_offline serve_registry serve_transformations ui listen", local("feature-store"))
            .add("projects", "current_project", read("project"))
            .add("permissions", "check list-roles", read("permission"))
            .build();

    /** Every kind of registry object lists and describes. */
    private static CommandTable.Builder objects(CommandTable.Builder b) {
        for (String group : List.of("entities", "feature-views", "feature-services", "data-sources", "on-demand-feature-views",
                "stream-feature-views", "saved-datasets", "validation-references", "permissions", "projects")) {
            b.add(group, "list describe", read(group));
        }
        return b;
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "feature-store");
        CommandTable.Act act = found.act();
        // only describe and delete name an object; materialize's operands are dates, its views are -v
        boolean objectNamed = found.command().endsWith("describe") || found.command().equals("delete");
        String name = p.value("-v", "--views").orElse(objectNamed ? found.name(words) : "");
        Operation.Builder b = act.operation(inv, "feast", name);
        if (act.here()) {
            return b.build();
        }
        String repository = repository(inv, p);
        // the path itself is not looked up: /srv/products/feast is not production, its words decide (environmentOfPath)
        b.locator("path", repository);
        Optional<String> named = IacArgs.environmentOfPath(repository);
        if (named.isPresent()) {
            return b.locator("environment", named.get()).build();
        }
        return developersOwn(inv.workspace(), repository)
                ? LocalFiles.local(inv, b, "a feature repository of the developer's own, named for no shared environment").build()
                : b.build();
    }

    /** The feature repository: {@code --chdir}, else the directory of {@code --feature-store-yaml}, else the working directory. */
    private static String repository(Invocation inv, ParsedArgs p) {
        Workspace ws = inv.workspace();
        Optional<String> chdir = p.value("-c", "--chdir");
        if (chdir.isPresent()) {
            return ws.resolve(chdir.get());
        }
        return p.value("-f", "--feature-store-yaml").map(ws::resolve)
                .map(f -> f.lastIndexOf('/') > 0 ? f.substring(0, f.lastIndexOf('/')) : f).orElse(ws.dir());
    }

    private static boolean developersOwn(Workspace ws, String repository) {
        return repository.startsWith(ws.home() + "/") || repository.startsWith("/tmp/");
    }
}
