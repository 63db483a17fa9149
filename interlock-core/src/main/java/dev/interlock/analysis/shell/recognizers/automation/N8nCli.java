package dev.interlock.analysis.shell.recognizers.automation;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * n8n's CLI. Every command works on the instance's database: the workflows, the stored credentials (encrypted with the
 * instance's key), the users and the execution history. Exports and listings read ({@code export:credentials
 * --decrypted} prints every credential in clear); imports overwrite workflows and credentials with the same ids;
 * {@code update:workflow}, {@code publish:workflow} change what runs by itself; {@code execute} runs a workflow against
 * the systems it reaches; {@code user-management:reset}, {@code ldap:reset} and {@code db:revert} lose data. Where: the
 * database n8n's settings name ({@code DB_TYPE}, {@code DB_POSTGRESDB_HOST}, {@code DB_MYSQLDB_HOST} and their
 * database names); the default SQLite file in {@code ~/.n8n}, a server on this machine or a compose service beside it
 * are this machine's, unless {@code N8N_USER_FOLDER} or the working directory is named for production or staging
 * ({@code /srv/n8n-prod}).
 */
final class N8nCli {

    private N8nCli() {
    }

    private static final Set<String> VALUED = Set.of("--id", "--output", "--input", "--file", "--email", "--userId",
            "--projectId", "--outputDir", "--inputDir", "--concurrency", "--ids", "--skipList", "--retries", "--shortOutput");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "export:workflow list:workflow export:nodes license:info", read("workflow"))
            .add("", "export:credentials", read("credentials")
                    .note("exports the credentials encrypted with the instance's key; --decrypted would print them in clear"))
            .add("", "export:entities", read("database").all().note("exports every table of the instance's database"))
            .add("", "audit", read("instance"))
            .add("", "import:workflow", update("workflow").note("creates workflows and overwrites those with the same ids"))
            .add("", "import:credentials", update("credentials").note("creates credentials and overwrites those with the same ids"))
            .add("", "import:entities", update("database").many().note("loads exported tables into the instance's database"))
            .add("", "update:workflow publish:workflow unpublish:workflow", update("workflow")
                    .note("activates or deactivates workflows: changes what runs by itself"))
            .add("", "execute", execute("workflow").note("runs the workflow: its nodes act on every system it reaches"))
            .add("", "execute-batch", execute("workflow").many().note("runs every workflow named (or all of them)"))
            .add("", "start worker webhook", execute("instance").note("runs the instance: its active workflows fire from here"))
            .add("", "user-management:reset", delete("user").many()
                    .note("removes every user and their sharing, leaving an unset owner"))
            .add("", "ldap:reset", delete("ldap-configuration").many().note("removes the LDAP settings and the users it created"))
            .add("", "mfa:disable", update("user").note("turns off a user's two-factor authentication"))
            .add("", "db:revert", update("schema").losesData().note("reverts the last migration, dropping what it added"))
            .add("", "license:clear", update("license"))
            .add("", "community-node", update("node"))
            .add("", "ttwf:generate", local("project"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 1, "workflow");
        CommandTable.Act act = found.act();
        String command = found.command();
        if (command.equals("export:credentials") && p.has("--decrypted")) {
            act = credential("credentials").note("prints the instance's credentials decrypted: every secret in clear");
        } else if (command.equals("import:entities") && p.has("--truncateTables")) {
            act = act.losesData().note("empties the instance's tables before loading the export");
        } else if (command.equals("community-node") && !p.has("--uninstall")) {
            act = read("node");
        }
        if (p.has("--all") || command.startsWith("export:") && !p.has("--id")) {
            act = act.scope() == Scope.ONE ? act.many() : act;
        }
        Operation.Builder b = act.operation(inv, "n8n", p.value("--id", "--email").orElse(""));
        if (act.verb() == Verb.READ && act.type().equals("database")) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        inv.locators().forEach(b::locator);
        if (act.here()) {
            return List.of(b.build());
        }
        return List.of(place(inv, b).build());
    }

    /** The instance's database servers' settings, by {@code DB_TYPE}: the host and the database name. */
    private static final Map<String, List<String>> DATABASES = Map.of(
            "postgresdb", List.of("DB_POSTGRESDB_HOST", "DB_POSTGRESDB_DATABASE"),
            "mysqldb", List.of("DB_MYSQLDB_HOST", "DB_MYSQLDB_DATABASE"),
            "mariadb", List.of("DB_MYSQLDB_HOST", "DB_MYSQLDB_DATABASE"));

    /** Places the operation on the database n8n's settings name (its default is SQLite in the user folder, here). */
    private static Operation.Builder place(Invocation inv, Operation.Builder b) {
        Map<String, String> env = inv.env();
        List<String> settings = DATABASES.getOrDefault(env.getOrDefault("DB_TYPE", "sqlite").toLowerCase(Locale.ROOT), List.of());
        String host = settings.isEmpty() ? "" : Hosts.of(env.getOrDefault(settings.get(0), ""));
        String database = settings.isEmpty() ? "" : env.getOrDefault(settings.get(1), "");
        if (!database.isEmpty()) {
            b.locator("database", database);
        }
        if (!host.isEmpty() && !Hosts.loopback(host) && !DeploymentWords.serviceName(host)) {
            return b.locator("host", host);
        }
        Optional<String> named = DeploymentWords.tierWordIn(env.getOrDefault("N8N_USER_FOLDER", ""))
                .or(() -> DeploymentWords.tierWordIn(Regex.replaceFirst(inv.workspace().cwd(), "^/(?:home|Users)/[^/]+", "")));
        if (named.isPresent()) {
            return b.locator("environment", named.get())
                    .note("the instance's directory is named for " + named.get() + ": its database is that environment's");
        }
        return LocalFiles.local(inv, b, settings.isEmpty()
                ? "n8n's own SQLite database in the user folder: an instance on this machine"
                : "n8n's database server is on this machine, named for no shared environment");
    }
}
