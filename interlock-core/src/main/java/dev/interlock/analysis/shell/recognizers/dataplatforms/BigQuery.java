package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.database.SqlShells;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BigQuery's {@code bq}. Its tables and datasets are a warehouse's data, so they are {@code database} operations like
 * the SQL {@code bq query} runs. A name {@code acme-prod:sales.orders} places the operation: the project before the
 * colon and the dataset after it are both looked up ({@code analytics:prod_events} is prod by its dataset).
 * {@code --dry_run} only validates; {@code load --replace}, {@code cp -f} and a query's {@code --destination_table}
 * with {@code --replace} overwrite a table.
 */
final class BigQuery {

    private BigQuery() {
    }

    private static final Set<String> VALUED = Set.of("--project_id", "--dataset_id", "--location", "--format", "--max_rows",
            "-n", "--job_id", "--api", "--apilog", "--destination_table", "--parameter", "--schema", "--source_format",
            "--field_delimiter", "-F", "--skip_leading_rows", "--expiration", "--default_table_expiration",
            "--default_partition_expiration", "--time_partitioning_expiration", "--time_partitioning_field",
            "--time_partitioning_type", "--clustering_fields", "--description", "--label", "--set_label", "--clear_label",
            "--encoding", "-E", "--quote", "--max_bad_records", "--null_marker", "--destination_format", "--compression",
            "--max_results", "--start_index", "--selected_fields", "--view", "--materialized_view",
            "--external_table_definition", "--range_partitioning", "--maximum_bytes_billed", "--credential_file",
            "--service_account", "--service_account_credential_file", "--bigqueryrc", "--data_location", "--target_dataset",
            "--data_source", "--params", "--display_name", "--schedule", "--member", "--role", "--transfer_config",
            "--reservation_id", "--connection_type", "--properties", "--timestamp");

    /** What bq's commands do; a name with a table in it ({@code ds.t}) makes the resource a table. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "ls list show head wait version help info get-iam-policy mkdef", read("dataset"))
            .add("", "mk partition", create("dataset"))
            .add("", "update", update("dataset"))
            .add("", "insert", update("table").note("streams rows into the table"))
            .add("", "cancel", update("job"))
            .add("", "rm", delete("dataset"))
            .add("", "truncate", replace("table").note("rolls the data back to an earlier time; later changes are lost"))
            .add("", "add-iam-policy-binding remove-iam-policy-binding set-iam-policy", grant("dataset"))
            .add("", "init", local("configuration"))
            .build();

    private static final Set<String> EXPIRATIONS = Set.of("--expiration", "--default_table_expiration",
            "--default_partition_expiration", "--time_partitioning_expiration");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst();
        List<String> names = names(words.subList(Math.min(1, words.size()), words.size()));
        boolean dryRun = on(p, "--dry_run");
        return switch (command) {
            case "query" -> query(inv, nested, p);
            case "load" -> List.of(placed(inv, p, first(names), dryRun ? read("table")
                    : on(p, "--replace") ? replace("table").note("replaces the table's contents with the loaded files")
                    : update("table").note("appends the loaded rows to the table")));
            case "cp" -> copy(inv, dryRun);
            case "extract" -> List.of(placed(inv, p, first(names), dryRun ? read("table")
                    : create("export").note("exports the table's rows to " + (words.size() > 2 ? words.getLast() : "Cloud Storage"))));
            case "shell" -> List.of(DatabaseOps.session(inv, ""));
            default -> List.of(table(inv, p, command, first(names)));
        };
    }

    /** A command of the table (or, unlisted, judged by its word), on the first name it is given. */
    private static Operation table(Invocation inv, ParsedArgs p, String command, String name) {
        CommandTable.Act act = COMMANDS.findOrGuess(List.of(command), 1, "dataset").act();
        if (command.equals("rm") && p.has("-r", "--recursive")) {
            act = act.all().note("deletes the dataset with every table in it");
        }
        boolean expires = command.equals("update") && EXPIRATIONS.stream().anyMatch(f -> p.value(f).filter(v -> !v.equals("0")).isPresent());
        if (expires) {
            act = act.losesData().note("sets an expiration: the data is deleted when it passes");
        }
        return placed(inv, p, name, act);
    }

    /**
     * {@code bq cp [-f|-a] SOURCE… DESTINATION}: the sources are read, the destination is written; {@code -f}
     * overwrites it.
     */
    private static List<Operation> copy(Invocation inv, boolean dryRun) {
        Set<String> valued = new HashSet<>(VALUED);
        valued.remove("-n"); // cp -n is --no_clobber
        ParsedArgs p = inv.parse(valued);
        // several sources are given comma-separated: a,b DESTINATION
        List<String> names = names(p.words().subList(1, p.words().size()).stream()
                .flatMap(w -> Arrays.stream(w.split(","))).filter(n -> !n.isEmpty()).toList());
        String destination = names.isEmpty() ? "" : names.getLast();
        CommandTable.Act act = dryRun ? read("table")
                : p.has("-f", "--force") ? replace("table").note("overwrites the destination table")
                : p.has("-a", "--append_table") ? update("table").note("appends to the destination table")
                : create("table");
        Operation written = placed(inv, p, destination, act);
        List<Operation> ops = new ArrayList<>();
        for (String source : names.subList(0, Math.max(0, names.size() - 1))) {
            // rows copied into another project or dataset leave the source's environment, as a dump does
            Operation read = placed(inv, p, source, read("table"));
            boolean leaves = !dryRun && !written.resource().locators().equals(read.resource().locators());
            ops.add(leaves ? read.toBuilder().locator(DatabaseOps.COPIES_DATA, "rows")
                    .note("copies the rows to " + destination).build() : read);
        }
        ops.add(written);
        return ops;
    }

    /**
     * {@code bq query}: the SQL is judged by the SQL analysis; {@code --dry_run} runs nothing; a
     * {@code --destination_table} is written with the result.
     */
    private static List<Operation> query(Invocation inv, Nested nested, ParsedArgs p) {
        if (on(p, "--dry_run")) {
            return List.of(placed(inv, p, "", read("query").note("--dry_run only validates the query and estimates its cost")));
        }
        List<Operation> ops = new ArrayList<>(SqlShells.bigQuery(inv, nested));
        Optional<String> destination = p.value("--destination_table");
        if (destination.isPresent()) {
            ops.add(placed(inv, p, destination.get(), on(p, "--replace") ? replace("table").note("overwrites the table with the query's result")
                    : p.has("--append_table") ? update("table").note("appends the query's result to the table") : create("table")));
        }
        return ops;
    }

    /**
     * The operation on a bq name ({@code project:dataset.table}, {@code dataset.table}, {@code dataset}), with the
     * project and dataset as locators: the name's own, else {@code --project_id}/{@code --dataset_id}, else gcloud's
     * project from the environment.
     */
    private static Operation placed(Invocation inv, ParsedArgs p, String name, CommandTable.Act act) {
        String project = "";
        String rest = name;
        int colon = name.indexOf(':');
        if (colon > 0) {
            project = name.substring(0, colon);
            rest = name.substring(colon + 1);
        } else if (name.chars().filter(c -> c == '.').count() == 2) {
            project = name.substring(0, name.indexOf('.'));
            rest = name.substring(name.indexOf('.') + 1);
        }
        String dataset = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        String type = act.type();
        if (type.equals("dataset") && rest.contains(".")) {
            type = "table";
        }
        if (p.has("-t", "--table")) {
            type = "table";
        } else if (p.has("-d", "--dataset")) {
            type = "dataset";
        }
        project = project.isEmpty() ? p.value("--project_id").orElse(inv.env().getOrDefault("CLOUDSDK_CORE_PROJECT", "")) : project;
        dataset = dataset.isEmpty() ? p.value("--dataset_id").orElse("") : dataset;
        Operation.Builder b = act.on(type).operation(inv, DatabaseOps.SYSTEM, name);
        if (!project.isEmpty()) {
            b.locator("project", project);
        }
        if (!dataset.isEmpty()) {
            b.locator("database", dataset);
        }
        return b.build();
    }

    /** A boolean flag that is set: {@code --replace}, {@code --replace=true}, not {@code --replace=false}. */
    private static boolean on(ParsedArgs p, String flag) {
        return p.has(flag) && p.value(flag).filter(v -> v.equalsIgnoreCase("false")).isEmpty();
    }

    /** The operands that name BigQuery resources: not Cloud Storage URIs, local files or schemas. */
    private static List<String> names(List<String> operands) {
        return operands.stream().filter(w -> !w.contains("://") && !w.contains("/") && !w.startsWith("{") && !w.contains(",")).toList();
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? "" : names.getFirst();
    }
}
