package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apache Sqoop's tools other than {@code eval} (whose SQL is a {@link SqlShells} row), each acting on the database its
 * {@code --connect} JDBC URL names: {@code import} and {@code import-all-tables} copy the source's rows into the
 * cluster ({@link DatabaseOps#COPIES_DATA}); {@code export} writes files' rows into the table (or calls the procedure
 * of {@code --call}); {@code list-databases}, {@code list-tables} and {@code codegen} read its catalog. Saved jobs
 * ({@code job --list|--show|--create|--delete|--exec}) live in the metastore {@code --meta-connect} names, else in
 * this user's own; running one runs a definition not in view.
 */
final class SqoopTools {

    private SqoopTools() {
    }

    private static final Action COPY = new Action(Verb.READ, "table", Scope.ONE, false, true,
            "copies the table's rows out of the database into the cluster's files");

    /** Tool → what it does to the table (or database) it names. */
    private static final Map<String, Action> TOOLS = Map.of(
            "import", COPY,
            "import-all-tables", COPY.scope(Scope.ALL),
            "export", new Action(Verb.UPDATE, "table", Scope.ONE, true, false, "writes the files' rows into the table"),
            "list-databases", Action.read("database"),
            "list-tables", Action.read("database"),
            "codegen", Action.read("table"),
            "create-hive-table", Action.read("table"));

    /** {@code sqoop job} actions on a saved job. */
    private static final Map<String, Action> JOBS = Map.of(
            "--list", Action.read("saved-job"),
            "--show", Action.read("saved-job"),
            "--create", Action.create("saved-job", "saves a job definition"),
            "--delete", Action.delete("saved-job", "deletes a saved job definition"),
            "--exec", new Action(Verb.EXECUTE, "saved-job", Scope.ONE, false, false,
                    "runs a saved job whose definition is not in view"));

    static final Set<String> VALUED = Set.of("--connect", "--username", "--password", "--password-file",
            "--password-alias", "--table", "--query", "-e", "--target-dir", "--warehouse-dir", "--hive-table",
            "--hive-database", "--export-dir", "--columns", "--where", "--split-by", "-m", "--num-mappers", "--driver",
            "--connection-manager", "--connection-param-file", "--fields-terminated-by", "--lines-terminated-by",
            "--enclosed-by", "--escaped-by", "--input-fields-terminated-by", "--input-lines-terminated-by",
            "--null-string", "--null-non-string", "--input-null-string", "--input-null-non-string", "--update-key",
            "--update-mode", "--call", "--staging-table", "--meta-connect", "--create", "--delete", "--exec", "--show",
            "--outdir", "--bindir", "--class-name", "--jar-file", "--package-name", "--merge-key", "--new-data",
            "--onto", "-D", "--fetch-size", "--boundary-query", "--mapreduce-job-name", "--hcatalog-table",
            "--hcatalog-database", "--check-column", "--last-value", "--incremental", "--exclude-tables",
            "--compression-codec", "--map-column-java", "--map-column-hive", "--hive-partition-key",
            "--hive-partition-value", "--hive-delims-replacement", "--batch-size", "--temporary-rootdir");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        String tool = p.positional(0).orElse("");
        if (tool.equals("job")) {
            return job(inv, p);
        }
        if (tool.isEmpty() || Set.of("help", "version").contains(tool)) {
            return List.of();
        }
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--connect"), true, inv);
        Action action = TOOLS.get(tool);
        if (action == null) {
            // merge, metastore, import-mainframe: the cluster's own work, which nothing here places
            return List.of(Action.update("cluster", "sqoop " + tool + " runs a job on the cluster")
                    .on("sqoop", tool, inv).build());
        }
        Optional<String> call = p.value("--call");
        if (tool.equals("export") && call.isPresent()) {
            action = new Action(Verb.EXECUTE, "procedure", Scope.ONE, true, false, "calls the procedure once per exported row");
        }
        String name = call.or(() -> p.value("--table")).orElse(target.database());
        Operation.Builder b = action.on(DatabaseOps.SYSTEM, name, inv, "sqoop " + tool);
        if (action == COPY || action.scope() == Scope.ALL && action.verb() == Verb.READ) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        return DatabaseOps.locate(List.of(b.build()), target, inv);
    }

    /** {@code sqoop job --ACTION NAME}: in the shared metastore {@code --meta-connect} names, else this user's own. */
    private static List<Operation> job(Invocation inv, ParsedArgs p) {
        String verb = JOBS.keySet().stream().filter(p::has).findFirst().orElse("--list");
        Action action = JOBS.get(verb);
        String name = p.value(verb).orElse("");
        Operation op = action.on("sqoop", name, inv).build();
        Optional<String> meta = p.value("--meta-connect");
        if (meta.isPresent()) {
            return DatabaseOps.locate(List.of(op), DatabaseOps.flag(DatabaseTarget.NONE, meta, true, inv), inv);
        }
        return List.of(op.withEnvironment(Tier.LOCAL, "sqoop's saved jobs are kept in this user's own metastore"));
    }
}
