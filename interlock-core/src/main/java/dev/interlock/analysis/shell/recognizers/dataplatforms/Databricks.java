package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Databricks CLI ({@code databricks GROUP COMMAND}). Its workspace is the configuration profile ({@code -p},
 * {@code DATABRICKS_CONFIG_PROFILE}), a bundle's {@code --target}, or {@code DATABRICKS_HOST}; the DEFAULT profile
 * names nothing. The table lists the commands whose word does not say what they do ({@code get-secret} prints a
 * secret, {@code run-now} runs a job); the others are judged by their word ({@code list-*} reads, {@code delete}
 * deletes, the rest changes the workspace).
 */
final class Databricks {

    private Databricks() {
    }

    private static final Set<String> VALUED = Set.of("-p", "--profile", "-t", "--target", "-o", "--output", "--job-id",
            "--cluster-id", "--run-id", "--pipeline-id", "--scope", "--key", "--json", "--string-value", "--bytes-value",
            "--log-level", "--log-file", "--path", "--format", "--language", "--python-params", "--notebook-params",
            "--jar-params", "--spark-submit-params", "--python-named-params", "--idempotency-token", "--timeout", "--var",
            "--existing-cluster-id", "--principal", "--permission", "--host", "--comment", "--lifetime-seconds",
            "--source-path", "--branch", "--tag", "--version", "--warehouse-id", "--name");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("secrets", "get-secret", credential("secret").note("prints the secret's value"))
            .add("secrets", "put-secret create-scope", update("secret"))
            .add("secrets", "put-acl delete-acl", grant("secret-scope"))
            .add("auth", "token env", credential("token").note("prints an access token for the workspace"))
            .add("auth", "describe profiles", read("profile"))
            .add("auth", "login", local("profile"))
            .add("tokens", "create", credential("token").note("creates an access token and prints it"))
            .add("token-management", "create-obo-token", credential("token").note("creates an access token and prints it"))
            .add("fs", "ls cat", read("file"))
            .add("fs", "mkdir mkdirs", create("directory"))
            .add("jobs", "run-now submit repair-run", execute("job").note("runs the job's code in the workspace"))
            .add("jobs", "get-run-output export-run", read("job"))
            .add("jobs", "reset", update("job").note("replaces the job's settings"))
            .add("pipelines", "start-update", execute("pipeline").note("runs the pipeline: it rewrites its tables"))
            .add("bundle", "run", execute("job").note("runs a bundle's job or pipeline in the target workspace"))
            .add("bundle", "deploy", update("bundle"))
            .add("bundle", "destroy", delete("bundle").many().note("deletes every job, pipeline and file the bundle deployed"))
            .add("bundle", "validate summary schema init generate open", local("bundle"))
            .add("workspace", "export export-dir get-status", read("notebook"))
            .add("api", "get head", read("api"))
            .add("", "configure", local("profile"))
            .add("", "version help completion", read("cli"))
            .add("current-user", "me", read("user"))
            // Unity Catalog: the metastore's summary and the current assignment, a securable's grants (effective ones too)
            .add("metastores", "summary current", read("metastore"))
            .add("grants", "get get-effective", read("grants"))
            .build();

    /** Groups whose every change is a change of someone's access. */
    private static final Set<String> ACCESS = Set.of("permissions", "users", "groups", "service-principals", "grants");

    private static final Set<String> CONTAINERS = Set.of("catalogs", "schemas", "metastores");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String group = words.isEmpty() ? "" : words.getFirst();
        String command = words.size() > 1 ? words.get(1) : group;
        CommandTable.Act act = COMMANDS.find(words).map(CommandTable.Found::act).orElseGet(() -> byWord(group, command, words));
        if (CONTAINERS.contains(group) && command.equals("delete") && p.has("--force")) {
            // Unity Catalog refuses to delete a non-empty catalog, schema or metastore unless forced
            act = delete(group.substring(0, group.length() - 1)).all().note("deletes it with every schema, table and volume in it");
        }
        boolean download = group.equals("fs") && command.equals("cp") && act.verb() == Verb.READ && words.size() > 3;
        String name = p.value("--job-id", "--cluster-id", "--pipeline-id", "--run-id", "--scope")
                .orElse(download ? words.get(words.size() - 2) : group.equals("fs") && command.equals("cp") ? words.getLast()
                        : words.size() > 2 ? words.get(2) : "");
        Operation.Builder b = act.operation(inv, "databricks", name);
        if (act.here()) {
            return List.of(b.build());
        }
        Optional<String> profile = p.value("-p", "--profile").or(() -> Optional.ofNullable(inv.env().get("DATABRICKS_CONFIG_PROFILE")));
        profile.ifPresent(v -> b.locator("profile", v));
        Optional<String> target = p.value("-t", "--target").or(() -> Optional.ofNullable(inv.env().get("DATABRICKS_BUNDLE_TARGET")));
        target.ifPresent(v -> b.locator("environment", v));
        String host = Hosts.of(p.value("--host").orElse(inv.env().getOrDefault("DATABRICKS_HOST", "")));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        if (download && copiesData(name, profile.orElse("") + " " + target.orElse("") + " " + host)) {
            b.locator(DatabaseOps.COPIES_DATA, "files").note("copies the workspace's data files to " + words.getLast() + " on this machine");
        }
        return List.of(b.build());
    }

    /**
     * {@code fs cp -r dbfs:/mnt/prod/customers ./data}: a data file, or a directory named for data, from a workspace or a
     * path named for a deployment tier is that tier's data, now here (as {@code aws s3 cp} of data objects is).
     */
    private static boolean copiesData(String source, String workspace) {
        String path = source.replaceFirst("^dbfs:/*", "").replaceFirst("^/+", "");
        boolean tiered = DeploymentWords.tierWordIn(path).isPresent()
                || java.util.Arrays.stream(workspace.split("[\\s.]+")).anyMatch(DeploymentWords::named);
        return tiered && ObjectDownloads.holdsRecords(path);
    }

    /** {@code fs cp}: the destination is written unless it is on this machine; access groups grant; the rest by the word. */
    private static CommandTable.Act byWord(String group, String command, List<String> words) {
        if (group.equals("fs") && command.equals("cp") && words.size() > 3) {
            String destination = words.getLast();
            return destination.startsWith("dbfs:") || destination.startsWith("/Volumes/") ? update("file")
                    : read("file").note("copies from the workspace to this machine");
        }
        if (group.equals("api")) {
            return command.equals("delete") ? delete("api") : update("api");
        }
        String type = group.equals("fs") ? "file" : group.endsWith("s") ? group.substring(0, group.length() - 1) : group;
        CommandTable.Act act = CommandTable.guess(command, type);
        if (ACCESS.contains(group) && act.verb() != Verb.READ
                || command.endsWith("-permissions") && !command.startsWith("get")) {
            return grant(group);
        }
        return act;
    }
}
