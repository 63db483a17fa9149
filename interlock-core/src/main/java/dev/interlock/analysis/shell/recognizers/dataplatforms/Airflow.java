package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Apache Airflow's CLI. It acts on the Airflow installation of the machine it runs on (its metadata database): a
 * developer's own one (in their home) is local, a server's takes the environment the request declares for the machine,
 * a wrapper's ({@code kubectl exec … -- airflow}) or the host the metadata database's connection string names. Connections and variables
 * are printed with their passwords and values: reading them is reading credentials.
 */
final class Airflow {

    private Airflow() {
    }

    private static final Set<String> VALUED = Set.of("-o", "--output", "-d", "--dag-id", "-s", "--start-date", "-e",
            "--end-date", "--state", "-c", "--conf", "-r", "--run-id", "-l", "--logical-date", "-S", "--subdir", "-t",
            "--task-regex", "--username", "--role", "--firstname", "--lastname", "--email", "--password", "-p", "-u",
            "--conn-uri", "--conn-type", "--conn-host", "--conn-login", "--conn-password", "--conn-schema", "--conn-port",
            "--conn-extra", "--conn-json", "--conn-description", "--file-format", "--format", "--serialization-format",
            "--pool", "--clean-before-timestamp", "--tables", "--batch-size", "--section", "--verbose-level", "-i", "--ignore-first-depends-on-past",
            "--execution-date", "--map-index", "-m", "--mark-success-pattern", "--delay-on-limit", "--json");

    /** What the commands do: group, commands, act. The metadata database's own commands are {@code db}. */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("dags", "list list-runs list-jobs list-import-errors details show show-dependencies state next-execution report",
                    read("dag"))
            .add("dags", "trigger test", execute("dag").note("starts a DAG run: its tasks run against their connections"))
            .add("dags", "backfill", execute("dag").many().note("runs the DAG for every date in the range"))
            .add("dags", "pause unpause reserialize", update("dag"))
            .add("dags", "delete", delete("dag").note("deletes the DAG's runs, task instances and history"))
            .add("tasks", "list state states-for-dag-run failed-deps render", read("task"))
            .add("tasks", "test run", execute("task").note("runs the task's code against its connections"))
            .add("tasks", "clear", update("task").many().note("clears task instances so that they run again"))
            .add("connections", "get list export", credential("connection")
                    .note("prints connections with their passwords and URIs"))
            .add("connections", "test", read("connection"))
            .add("connections", "add import create-default-connections", update("connection"))
            .add("connections", "delete", delete("connection"))
            .add("variables", "list", read("variable"))
            .add("variables", "get export", credential("variable").note("prints variable values, where secrets are commonly kept"))
            .add("variables", "set import", update("variable"))
            .add("variables", "delete", delete("variable"))
            .add("pools", "list get export", read("pool"))
            .add("pools", "set import", update("pool"))
            .add("pools", "delete", delete("pool"))
            .add("users", "list export", read("user"))
            .add("users", "create add-role remove-role import", grant("user"))
            .add("users", "delete", delete("user"))
            .add("roles", "list export", read("role"))
            .add("roles", "create delete add-perms del-perms import", grant("role"))
            .add("db", "check check-migrations export-archived", read("database"))
            .add("db", "init migrate upgrade", update("database").note("migrates the metadata database's schema"))
            .add("db", "downgrade", update("database").losesData().note("downgrades the metadata database's schema"))
            .add("db", "reset", delete("database").all().note("drops and recreates the metadata database: every run and its history"))
            .add("db", "clean drop-archived", delete("database").many().note("purges old records from the metadata database"))
            .add("db", "shell", execute("database").note("opens a SQL shell on the metadata database"))
            .add("config", "list get-value", read("configuration"))
            .add("jobs", "check", read("job"))
            .add("providers", "list get hooks behaviours widgets links auth secrets logging executors notifications triggers configs lazy-loaded",
                    read("provider"))
            .add("", "version info cheat-sheet plugins", read("installation"))
            .add("", "scheduler webserver api-server triggerer dag-processor standalone kerberos", execute("service"))
            .add("celery", "worker flower", execute("service"))
            .add("celery", "stop", update("service"))
            .add("", "rotate-fernet-key", update("configuration").note("re-encrypts connections and variables with a new key"))
            .add("", "sync-perm", grant("role"))
            .add("kubernetes", "cleanup-pods", delete("pod").many())
            .add("kubernetes", "generate-dag-yaml", read("dag"))
            .build();

    /** The variables that point the CLI at a metadata database. */
    private static final List<String> DATABASE_VARIABLES = List.of("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
            "AIRFLOW__CORE__SQL_ALCHEMY_CONN");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "dag");
        CommandTable.Act act = found.act();
        String name = p.value("-d", "--dag-id").orElse(found.name(words));
        if (found.command().equals("config get-value")) {
            // config get-value SECTION KEY: a connection string or a key prints a secret
            act = words.size() > 3 && secretKey(words.get(3)) ? credential("configuration").note("prints a secret setting") : act;
            name = String.join(".", words.subList(2, words.size()));
        }
        if (act.verb() != Verb.READ && act.verb() != Verb.CREDENTIAL && dryRun(found.command(), p)) {
            act = read(act.type()).note("a dry run: prints what " + found.command() + " would do and changes nothing");
        }
        String system = act.type().equals("database") ? DatabaseOps.SYSTEM : "airflow";
        Operation.Builder b = act.operation(inv, system, act.type().equals("database") ? "airflow metadata" : name);
        String host = DATABASE_VARIABLES.stream().map(v -> inv.env().getOrDefault(v, "")).filter(v -> !v.isEmpty())
                .map(Hosts::of).filter(h -> !h.isEmpty()).findFirst().orElse("");
        if (!host.isEmpty()) {
            return List.of(b.locator("host", host).build());
        }
        if (!developersOwn(inv)) {
            return List.of(b.build());
        }
        return List.of(LocalFiles.local(inv, b, "the Airflow installation in the user's own home").build());
    }

    /**
     * Whether the Airflow the CLI reaches is a developer's own: its {@code AIRFLOW_HOME}, or else the directory the
     * command runs in, is in the user's home or the workspace. A server's installation lives elsewhere
     * ({@code /opt/airflow}, {@code /srv/airflow}) and is in whatever environment that server serves.
     */
    private static boolean developersOwn(Invocation inv) {
        Workspace ws = inv.workspace();
        String home = inv.env().getOrDefault("AIRFLOW_HOME", "");
        if (!home.isEmpty()) {
            Workspace.Area area = ws.area(home);
            return area == Workspace.Area.WORKSPACE || area == Workspace.Area.HOME || area == Workspace.Area.TEMP
                    || ws.resolve(home).equals(ws.cwd());
        }
        return ws.cwd().startsWith(ws.home() + "/") || ws.cwd().equals(ws.home());
    }

    /**
     * Whether the command only reports: {@code --dry-run} ({@code db clean}, {@code dags backfill}, {@code tasks test};
     * {@code -n} for the last two) and {@code --show-sql-only} (schema migrations print their SQL).
     */
    private static boolean dryRun(String command, ParsedArgs p) {
        return p.has("--dry-run") || p.has("--show-sql-only")
                || p.has("-n") && (command.equals("dags backfill") || command.equals("tasks test"));
    }

    /** Settings that hold secrets: {@code sql_alchemy_conn}, {@code fernet_key}, {@code secret_key}, passwords. */
    private static boolean secretKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("conn") || k.contains("key") || k.contains("password") || k.contains("secret") || k.contains("token");
    }
}
