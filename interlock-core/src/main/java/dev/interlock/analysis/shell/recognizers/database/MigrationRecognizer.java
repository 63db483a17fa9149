package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.packages.ProjectRuns;
import dev.interlock.analysis.shell.recognizers.database.MigrationTable.Row;
import dev.interlock.analysis.shell.recognizers.database.MigrationTable.Where;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Schema-migration tools and framework database tasks (prisma, drizzle-kit, rails/rake, Django's manage.py, flyway,
 * liquibase, alembic, knex, sequelize, typeorm, atlas, goose, golang-migrate, dbmate, supabase, artisan, Symfony's
 * {@code bin/console}, Medusa's {@code medusa}), and self-hosted apps' own database commands ({@code payload migrate:*}, {@code metabase.jar
 * migrate}, {@code prefect server database}, placed by {@code DATABASE_URI}, {@code MB_DB_*},
 * {@code PREFECT_API_DATABASE_CONNECTION_URL}). The command is looked up in {@link MigrationTable}; the code here handles the flags that turn
 * a migration into a wipe ({@code --force-reset}, {@code --all}, {@code downgrade base}, {@code migrate app zero}), or a
 * change into a print ({@code --dump-sql}, Doctrine without {@code --force}), and finds the target:
 * {@code DATABASE_URL} and {@code --url} give {@code host}/{@code database}, {@code RAILS_ENV}, {@code --env},
 * {@code --settings} give the {@code environment} locator.
 */
public final class MigrationRecognizer implements Recognizer {

    /** Symfony's {@code bin/console}, by the name {@code php bin/console} is dispatched under (a bare "console" is too common). */
    public static final String SYMFONY_CONSOLE = "symfony-console";

    private static final Set<String> COMMON_VALUED = Set.of("--url", "--database-url", "--db-url", "--schema", "--file",
            "--config", "--env", "--environment", "--settings", "--database", "--knexfile", "--cwd", "--dir", "--dev-url",
            "--to", "--migrations-dir", "--schema-file", "--changelog-file", "--changeLogFile", "--username", "--password",
            "--defaults-file", "--sql", "--sql-file", "--tag", "--count", "--date", "--contexts", "--label-filter",
            "--dataSource", "--name", "--project-ref", "--pythonpath", "--rakefile", "--migrations-path", "--seeders-path",
            "--models-path", "--options-path", "--url-env", "--format", "--revision", "--step", "--connection", "--project",
            "--startup-project", "--context", "--seeder", "--class", "--path", "--configuration", "--framework", "--runtime");
    private static final Map<String, Set<String>> VALUED = Map.ofEntries(
            Map.entry("rails", Set.of("-e")), Map.entry("rake", Set.of("-f", "-e", "-C")),
            Map.entry("alembic", Set.of("-c", "-n", "-x")), Map.entry("flask", Set.of("--app", "-A", "-e", "--env-file")), Map.entry("atlas", Set.of("-u", "-c")),
            Map.entry("dbmate", Set.of("-u", "-e", "-d", "-s")), Map.entry("goose", Set.of("-dir", "-table", "-certfile")),
            Map.entry("migrate", Set.of("-path", "-source", "-database", "-lock-timeout", "-prefetch")),
            Map.entry("typeorm", Set.of("-d")), Map.entry("medusa", Set.of("-e", "--email", "-p", "--password", "-i", "--id", "--db", "-H", "--host")), Map.entry(SYMFONY_CONSOLE, Set.of("-e", "--em", "--connection")), Map.entry("flyway", Set.of("-url", "-user", "-password", "-environment",
                    "-configFiles", "-schemas", "-locations", "-target", "-workingDirectory", "-cleanDisabled")));
    /** Leiningen plugins that are migration tools. */
    private static final Set<String> LEIN_MIGRATORS = Set.of("migratus", "ragtime");
    private static final Set<String> GOOSE_DRIVERS = Set.of("postgres", "mysql", "sqlite3", "sqlite", "mssql", "redshift",
            "tidb", "clickhouse", "vertica", "ydb", "turso", "starrocks");

    @Override
    public Set<String> programs() {
        return Set.of("prisma", "drizzle-kit", "rails", "rake", "manage.py", "django-admin", "flyway", "liquibase", "alembic",
                "knex", "sequelize", "sequelize-cli", "typeorm", "typeorm-ts-node-commonjs", "typeorm-ts-node-esm", "atlas",
                "goose", "migrate", "dbmate", "supabase", "artisan", "mix", "sqlx", "diesel", "dotnet-ef", "flask", SYMFONY_CONSOLE,
                "lein", "medusa", "payload", "metabase");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String tool = inv.program().startsWith("typeorm") ? "typeorm" : inv.program();
        if (tool.equals("lein")) {
            // lein migratus migrate, lein ragtime rollback: the migration library's command; the rest of lein builds,
            // tests or runs the project
            List<Arg> args = inv.args();
            int task = java.util.stream.IntStream.range(0, args.size()).filter(i -> !args.get(i).value().startsWith("-"))
                    .findFirst().orElse(-1);
            return task >= 0 && LEIN_MIGRATORS.contains(args.get(task).value())
                    ? recognize(inv.withProgram(args.get(task).value(), args.subList(task + 1, args.size())), nested)
                    : new dev.interlock.analysis.shell.recognizers.UnrecognizedProgram().recognize(inv, nested);
        }
        if (tool.equals("medusa") && !inv.args().isEmpty() && inv.args().getFirst().value().startsWith("-")) {
            // Medusa.js always names a command first (medusa db:migrate); the password cracker of the same name takes
            // only options (medusa -h HOST -U users.txt -M ssh)
            return new dev.interlock.analysis.shell.recognizers.offensive.AttackTools().recognize(inv, nested);
        }
        if (DatabaseOps.help(inv, "-h", "-V", "version")) {
            return List.of();
        }
        if (tool.equals("mix")) {
            // mix run / phx.server run the project's own program, not a database task
            Optional<Operation> run = ProjectRuns.of(inv);
            if (run.isPresent()) {
                return List.of(run.get());
            }
        }
        if (tool.equals("flask")) {
            // Flask-Migrate's `flask db …` is Alembic; every other flask command (run, shell, the app's own) is the app
            List<String> positionals = inv.parse(VALUED.get("flask")).positionals().stream().map(Arg::value).toList();
            if (positionals.isEmpty()) {
                return List.of();
            }
            if (!positionals.getFirst().equals("db")) {
                return List.of(ProjectRuns.run(inv, "flask " + positionals.getFirst()));
            }
        }
        Set<String> valued = new java.util.HashSet<>(COMMON_VALUED);
        valued.addAll(VALUED.getOrDefault(tool, Set.of()));
        ParsedArgs p = inv.parse(valued);
        Map<String, String> env = new HashMap<>(inv.env());
        List<String> words = new ArrayList<>();
        for (Arg a : p.positionals()) {
            // rake and rails take VAR=value arguments (RAILS_ENV=production, VERSION=0) like the environment
            int eq = a.value().indexOf('=');
            if (eq > 0 && Regex.matches(a.value().substring(0, eq), "[A-Z_][A-Z0-9_]*")) {
                env.put(a.value().substring(0, eq), a.value().substring(eq + 1));
            } else {
                words.add(a.value());
            }
        }
        DatabaseTarget target = target(tool, p, words, inv, env);
        // on a hosted app's dyno or machine (heroku run -a APP) the app's deployed environment applies, not the
        // framework's development default
        String environment = environment(tool, p, env, inv.locators().containsKey("app"));
        List<Operation> ops = new ArrayList<>();
        for (Step step : steps(tool, p, words, env, inv, nested)) {
            ops.add(step.op() != null ? step.op() : build(step, inv, target, environment));
        }
        return ops.stream().map(o -> o.environment() == Tier.LOCAL ? o : locate(o, target, environment, inv)).toList();
    }

    /** One command to turn into an operation: a table row, or an operation already built (nested SQL). */
    private record Step(String command, Row row, Confidence confidence, Operation op) {
        static Step of(String command, Row row) {
            return new Step(command, row, Confidence.EXACT, null);
        }
    }

    private static List<Step> steps(String tool, ParsedArgs p, List<String> words, Map<String, String> env, Invocation inv,
            Nested nested) {
        String w0 = words.isEmpty() ? "" : words.get(0);
        String w1 = words.size() > 1 ? words.get(1) : "";
        if (words.isEmpty() && !Set.of("rails", "rake", "goose").contains(tool)) {
            return List.of(); // without a command these tools print their usage
        }
        return switch (tool) {
            case "rails", "rake" -> rails(tool, p, words, env);
            case "flyway" -> words.stream().map(w -> step(tool, w.toLowerCase(Locale.ROOT))).toList();
            case "liquibase" -> liquibase(p, w0, inv, nested);
            case "prisma" -> List.of(prisma(p, w0, w1, inv, nested));
            case "manage.py", "django-admin" -> django(tool, p, words, inv, nested);
            case "typeorm" -> w0.equals("query") && words.size() > 1
                    ? nested.sql(w1, "", inv).stream().map(o -> new Step("query", null, Confidence.EXACT, o)).toList()
                    : List.of(step(tool, w0));
            case "goose" -> List.of(goose(words));
            case "supabase" -> List.of(supabase(p, w0, w1, inv));
            case SYMFONY_CONSOLE -> symfony(p, words, inv, nested);
            // Flask-Migrate names Alembic's commands, but for `migrate` (a new revision); flask db alone prints its usage
            case "flask" -> w1.isEmpty() ? List.of() : List.of(single("alembic", p, words.subList(1, words.size()),
                    w1.equals("migrate") ? "revision" : w1, words.size() > 2 ? words.get(2) : ""));
            default -> List.of(single(tool, p, words, w0, w1));
        };
    }

    private static Step single(String tool, ParsedArgs p, List<String> words, String w0, String w1) {
        String command = switch (tool) {
            case "atlas", "sqlx", "diesel", "dotnet-ef" -> w0 + " " + w1;
            // metabase.jar migrate down; its other commands are one word (reset-password EMAIL, load-from-h2 FILE)
            case "metabase" -> w0.equals("migrate") ? w0 + " " + w1 : w0;
            // prefect server database reset: reached from the prefect recognizer, which hands over its server database commands
            case "prefect" -> String.join(" ", words.subList(0, Math.min(3, words.size())));
            case "drizzle-kit" -> Regex.replaceFirst(w0, ":.*", "");
            default -> w0;
        };
        if (tool.equals("artisan") && command.startsWith("make:")) {
            return Step.of(command, MigrationTable.FILES);
        }
        if (tool.equals("mix") && MigrationTable.lookup("mix " + command) == null) {
            return command.equals("hex.publish")
                    ? Step.of(command, new Row(Verb.TRANSFER, "package", Scope.MANY, false, false, Where.TARGET,
                            "publishes the package to hex.pm; everyone who installs it gets this version"))
                    : new Step(command, new Row(Verb.EXECUTE, "task", Scope.ONE, false, true, Where.TARGET, "runs the task"),
                            Confidence.INFERRED, null);
        }
        Step s = step(tool, command);
        boolean dryRun = p.has("--dry-run", "--sql", "--plan");
        if (dryRun && s.row() != null && s.row().verb() != Verb.READ) {
            return Step.of(command + " (dry run)", MigrationTable.READ);
        }
        return switch (tool + " " + command) {
            case "drizzle-kit push" -> p.has("--force")
                    ? Step.of("push --force", new Row(Verb.DELETE, "schema", Scope.MANY, true, false, Where.TARGET,
                            "--force executes statements that drop data without asking"))
                    : s;
            case "alembic downgrade" -> w1.equals("base") ? Step.of("downgrade base", MigrationTable.WIPE) : s;
            case "knex migrate:rollback" -> p.has("--all") ? Step.of("migrate:rollback --all", MigrationTable.WIPE) : s;
            case "atlas schema apply" -> p.has("--auto-approve")
                    ? Step.of("schema apply --auto-approve", new Row(Verb.DELETE, "schema", Scope.ALL, true, false, Where.TARGET,
                            "applies the desired schema without review; whatever it lacks is dropped"))
                    : s;
            // updating to migration 0 reverts every migration
            case "dotnet-ef database update" -> words.size() > 2 && words.get(2).equals("0")
                    ? Step.of("database update 0", MigrationTable.WIPE) : s;
            // golang-migrate: "down" without a count reverts every migration
            case "migrate down" -> words.size() > 1 && Regex.matches(w1, "\\d+") && !p.has("-all", "--all") ? s
                    : Step.of("down (all)", MigrationTable.WIPE);
            default -> s;
        };
    }

    private static Step step(String tool, String command) {
        Row row = MigrationTable.lookup(tool + " " + command);
        if (row == null && command.contains(" ")) {
            row = MigrationTable.lookup(tool + " " + Regex.before(command, " "));
        }
        if (row == null) {
            return new Step(command, new Row(Verb.UNKNOWN, "database", Scope.ONE, false, true, Where.TARGET,
                    "unrecognized " + tool + " command"), Confidence.INFERRED, null);
        }
        return Step.of(command, row);
    }

    private static List<Step> rails(String tool, ParsedArgs p, List<String> words, Map<String, String> env) {
        if (p.has("-T", "--tasks", "-P", "-W", "--where", "-D", "--describe")) {
            return List.of(Step.of("-T", MigrationTable.READ));
        }
        if (words.isEmpty()) {
            return List.of(new Step("default", MigrationTable.LOCAL, Confidence.INFERRED, null));
        }
        Row first = MigrationTable.lookup(tool + " " + words.getFirst());
        if (tool.equals("rails") && first != null && !words.getFirst().contains(":")) {
            // rails console, generate, server …: one command, the rest are its arguments
            return List.of(Step.of(words.getFirst(), first));
        }
        List<Step> steps = new ArrayList<>();
        for (String w : words) {
            String task = Regex.replaceFirst(w, "\\[.*", "");
            Row row = MigrationTable.lookup(tool + " " + task);
            if (row == null) {
                // an application task: the app's own code, run in the app's environment, whatever it does
                steps.add(new Step(task, new Row(Verb.EXECUTE, "task", Scope.ONE, false, true, Where.TARGET, "runs the task"),
                        Confidence.INFERRED, null));
            } else if (task.equals("db:migrate") && "0".equals(env.get("VERSION"))) {
                steps.add(Step.of("db:migrate VERSION=0", new Row(Verb.UPDATE, "schema", Scope.ALL, true, false, Where.TARGET,
                        "VERSION=0 reverts every migration")));
            } else if (task.equals("db:rollback") && Regex.matches(env.getOrDefault("STEP", "1"), "\\d+")
                    && Integer.parseInt(env.getOrDefault("STEP", "1")) > 1) {
                steps.add(Step.of(task, new Row(Verb.UPDATE, "schema", Scope.MANY, true, false, Where.TARGET, ROLLBACK_NOTE)));
            } else {
                steps.add(Step.of(task, row));
            }
        }
        return steps;
    }

    /**
     * Symfony's console: Doctrine's schema and database commands only print (or refuse) without {@code --force};
     * {@code --dump-sql} prints the SQL; {@code --dry-run} of a migration runs nothing; SQL given to
     * {@code dbal:run-sql} is judged as SQL. Commands not in the table run the application's own code.
     */
    private static List<Step> symfony(ParsedArgs p, List<String> words, Invocation inv, Nested nested) {
        String command = words.getFirst();
        if ((command.equals("dbal:run-sql") || command.equals("doctrine:query:sql")) && words.size() > 1) {
            return nested.sql(words.get(1), "", inv).stream().map(o -> new Step(command, null, Confidence.EXACT, o)).toList();
        }
        Row row = MigrationTable.lookup(SYMFONY_CONSOLE + " " + command);
        if (row == null) {
            Row prefixed = command.startsWith("debug:") || command.startsWith("lint:") ? MigrationTable.SHOW
                    : command.startsWith("make:") ? MigrationTable.FILES : null;
            return List.of(prefixed != null ? Step.of(command, prefixed)
                    : new Step(command, new Row(Verb.EXECUTE, "task", Scope.ONE, false, true, Where.TARGET, "runs the command"),
                            Confidence.INFERRED, null));
        }
        if (command.equals("secrets:list") && p.has("--reveal", "-r")) {
            return List.of(Step.of(command + " --reveal", MigrationTable.lookup(SYMFONY_CONSOLE + " secrets:reveal")));
        }
        boolean forced = p.has("--force", "-f");
        if (Set.of("doctrine:schema:update", "doctrine:schema:drop", "doctrine:database:drop").contains(command)
                && (!forced || p.has("--dump-sql"))) {
            return List.of(Step.of(command + " (prints SQL only)", MigrationTable.READ));
        }
        if (p.has("--dry-run", "--write-sql") && row.verb() != Verb.READ) {
            return List.of(Step.of(command + " (dry run)", MigrationTable.READ));
        }
        if (command.equals("doctrine:fixtures:load") && p.has("--append")) {
            return List.of(Step.of(command + " --append", MigrationTable.SEED));
        }
        if (command.equals("doctrine:migrations:migrate") && words.size() > 1 && Set.of("first", "prev").contains(words.get(1))) {
            return List.of(Step.of(command + " " + words.get(1), words.get(1).equals("first") ? MigrationTable.WIPE : MigrationTable.ROLLBACK));
        }
        if (command.equals("doctrine:migrations:execute") && p.has("--down")) {
            return List.of(Step.of(command + " --down", MigrationTable.ROLLBACK));
        }
        return List.of(Step.of(command, row));
    }

    private static final String ROLLBACK_NOTE = MigrationTable.ROLLBACK.note();

    private static List<Step> liquibase(ParsedArgs p, String w0, Invocation inv, Nested nested) {
        String command = w0.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (command.equals("executesql")) {
            Optional<String> sql = p.value("--sql");
            if (sql.isPresent()) {
                return nested.sql(sql.get(), "", inv).stream().map(o -> new Step("execute-sql", null, Confidence.EXACT, o)).toList();
            }
            return List.of(new Step("execute-sql", MigrationTable.SESSION, Confidence.OPAQUE, null));
        }
        return List.of(step("liquibase", command));
    }

    private static Step prisma(ParsedArgs p, String w0, String w1, Invocation inv, Nested nested) {
        String command = w0.equals("migrate") || w0.equals("db") ? w0 + " " + w1 : w0;
        if (command.equals("db push") && p.has("--force-reset")) {
            return Step.of("db push --force-reset", new Row(Verb.DELETE, "database", Scope.ALL, true, false, Where.TARGET,
                    "--force-reset drops the database before pushing the schema"));
        }
        if (command.equals("db push") && p.has("--accept-data-loss")) {
            return Step.of("db push --accept-data-loss", new Row(Verb.REPLACE, "schema", Scope.MANY, true, false, Where.TARGET,
                    "--accept-data-loss applies changes that drop columns and tables"));
        }
        if (command.equals("db execute")) {
            if (p.has("--stdin") && inv.stdin().isPresent()) {
                List<Operation> ops = nested.sql(inv.stdin().get(), "", inv);
                return ops.isEmpty() ? Step.of(command, MigrationTable.READ) : new Step(command, null, Confidence.EXACT, ops.getFirst());
            }
            return new Step(command, new Row(Verb.UNKNOWN, "database", Scope.ONE, false, true, Where.TARGET,
                    "runs a SQL script that cannot be read statically"), Confidence.OPAQUE, null);
        }
        return step("prisma", command);
    }

    /** psql's and mysql's flags that carry the statements to run; dbshell hands them what follows {@code --}. */
    private static final Set<String> PSQL_SQL = Set.of("-c", "--command");
    private static final Set<String> MYSQL_SQL = Set.of("-e", "--execute");
    private static final Set<String> CLIENT_VALUED = Set.of("-c", "--command", "-f", "--file", "-d", "--dbname", "-U",
            "--username", "-h", "--host", "-p", "--port", "-v", "--set", "-o", "--output");

    private static List<Step> django(String tool, ParsedArgs p, List<String> words, Invocation inv, Nested nested) {
        if (!words.isEmpty() && words.getFirst().equals("dbshell")) {
            List<Step> statements = dbshellStatements(p.afterDoubleDash(), inv, nested);
            if (statements.isEmpty() && inv.stdin().isPresent()) {
                // statements fed on standard input (a heredoc, echo … |) are what the session runs
                DatabaseOps.statements(inv.stdin().get(), true, "", inv, nested)
                        .forEach(o -> statements.add(new Step("dbshell", null, o.confidence(), o)));
            }
            if (!statements.isEmpty()) {
                return statements;
            }
        }
        return List.of(djangoCommand(tool, p, words));
    }

    /**
     * {@code dbshell -- -c SQL} (psql) or {@code -- -e SQL} (mysql) runs those statements and exits: the SQL decides.
     * psql's {@code -e} is a flag without a value, so mysql's reading applies only when there is no {@code -c}.
     * Without statements dbshell is an interactive session.
     */
    private static List<Step> dbshellStatements(List<Arg> client, Invocation inv, Nested nested) {
        ParsedArgs psql = ParsedArgs.parse(client, CLIENT_VALUED);
        List<String> sql = DatabaseOps.values(psql, PSQL_SQL.toArray(String[]::new));
        if (sql.isEmpty()) {
            Set<String> valued = new java.util.HashSet<>(CLIENT_VALUED);
            valued.remove("-c");
            valued.addAll(MYSQL_SQL);
            sql = DatabaseOps.values(ParsedArgs.parse(client, valued), MYSQL_SQL.toArray(String[]::new));
        }
        List<Step> steps = new ArrayList<>();
        for (String text : sql) {
            DatabaseOps.statements(text, DatabaseOps.literal(inv, text), "", inv, nested)
                    .forEach(o -> steps.add(new Step("dbshell", null, o.confidence(), o)));
        }
        return steps;
    }

    private static Step djangoCommand(String tool, ParsedArgs p, List<String> words) {
        String command = words.isEmpty() ? "help" : words.getFirst();
        if (command.equals("migrate")) {
            if (p.has("--plan", "--check")) {
                return Step.of("migrate --plan", MigrationTable.READ);
            }
            if (p.has("--fake", "--fake-initial")) {
                return Step.of("migrate --fake", MigrationTable.METADATA);
            }
            if (words.size() > 2) {
                String app = words.get(1);
                return words.get(2).equals("zero")
                        ? Step.of("migrate " + app + " zero", new Row(Verb.DELETE, "schema", Scope.MANY, true, false, Where.TARGET,
                                "unapplies every migration of " + app + ", dropping its tables"))
                        : new Step("migrate " + app + " " + words.get(2), new Row(Verb.UPDATE, "schema", Scope.ONE, true, false,
                                Where.TARGET, "moves " + app + " to a named migration; later ones are unapplied"), Confidence.INFERRED, null);
            }
        }
        return step(tool, command);
    }

    private static Step goose(List<String> words) {
        int at = !words.isEmpty() && GOOSE_DRIVERS.contains(words.getFirst()) ? 2 : 0;
        String command = words.size() > at ? words.get(at) : "status";
        if (command.equals("down-to") && words.size() > at + 1 && words.get(at + 1).equals("0")) {
            return Step.of("down-to 0", MigrationTable.WIPE);
        }
        return step("goose", command);
    }

    private static Step supabase(ParsedArgs p, String w0, String w1, Invocation inv) {
        Step s = step("supabase", w0 + " " + w1);
        boolean remote = p.has("--linked", "--db-url", "--project-ref");
        if (p.has("--dry-run") && s.row().verb() != Verb.READ) {
            return Step.of(w0 + " " + w1 + " --dry-run", MigrationTable.READ);
        }
        if (s.command().equals("db dump") && !p.has("--dry-run")) {
            return supabaseDump(p, inv);
        }
        if (s.command().equals("test db") && remote) {
            Row r = s.row();
            return Step.of(s.command(), new Row(r.verb(), "database", r.scope(), r.stateful(), r.reversible(), Where.TARGET,
                    r.note() + " in the remote database"));
        }
        if ((s.command().equals("db reset") || s.command().equals("migration up")) && !remote) {
            // without --linked these act on the local development stack started by `supabase start`
            Row r = s.row();
            return Step.of(s.command(), new Row(r.verb(), r.type(), r.scope(), r.stateful(), r.reversible(), Where.DEV,
                    r.note() + " (the local Supabase stack)"));
        }
        if (s.command().equals("stop") && p.has("--no-backup")) {
            return Step.of("stop --no-backup", new Row(Verb.DELETE, "database", Scope.ONE, true, false, Where.LOCAL,
                    "deletes the local stack's data"));
        }
        return s;
    }

    /**
     * {@code supabase db dump} runs pg_dump against the linked project (or {@code --db-url}): the schema, or with
     * {@code --data-only} every row, written here as pg_dump's dump is; {@code --local} dumps the local stack.
     */
    private static Step supabaseDump(ParsedArgs p, Invocation inv) {
        boolean rows = p.has("--data-only");
        Operation.Builder b = DatabaseAdminTools
                .dataCopy(DatabaseOps.op(inv, Verb.READ, rows ? "database" : "schema", ""), rows)
                .note("supabase db dump: dumps the " + (rows ? "rows" : p.has("--role-only") ? "roles" : "schema") + " to a file");
        if (p.has("--local")) {
            b.environment(Tier.LOCAL, "supabase db dump --local dumps the local Supabase stack");
        }
        return new Step("db dump", null, Confidence.EXACT, b.build());
    }

    private static Operation build(Step step, Invocation inv, DatabaseTarget target, String environment) {
        Row row = step.row();
        String name = row.type().equals("database") || row.type().equals("schema") ? target.database() : "";
        Operation.Builder b = Operation.builder(row.system(), row.verb()).resource(row.type(), name).scope(row.scope())
                .stateful(row.stateful()).reversible(row.reversible()).confidence(step.confidence()).evidence(inv.evidence())
                .note(inv.program() + " " + step.command() + ": " + row.note()
                        + ("1".equals(inv.env().get("DISABLE_DATABASE_ENVIRONMENT_CHECK"))
                                ? " (Rails' production safety check is disabled)" : ""));
        if (row.where() == Where.LOCAL && !inv.remote()) {
            b.environment(Tier.LOCAL, inv.program() + " " + step.command() + " only acts on this machine");
        } else if (row.where() == Where.DEV) {
            b.environment(Tier.DEV, inv.program() + " " + step.command() + " targets a development database");
        }
        return b.build();
    }

    private static Operation locate(Operation op, DatabaseTarget target, String environment, Invocation inv) {
        Operation located = target.applyTo(op, inv);
        return environment.isEmpty() || !located.resource().locator("environment").isEmpty() ? located
                : located.toBuilder().locator("environment", environment).build();
    }

    /** The database the tool connects to: its URL flags, then the variables it reads. */
    private static DatabaseTarget target(String tool, ParsedArgs p, List<String> words, Invocation inv, Map<String, String> env) {
        DatabaseTarget target = DatabaseTarget.NONE;
        List<String> flags = new ArrayList<>(List.of("--url", "--database-url", "--db-url", "--connection"));
        switch (tool) {
            case "flyway" -> flags.add("-url");
            case "migrate" -> flags.add("-database");
            case "atlas", "dbmate" -> flags.add("-u");
            default -> { }
        }
        for (String name : flags) {
            target = DatabaseOps.flag(target, p.value(name), true, inv);
        }
        // Flyway and Liquibase read their URL from their own variables when no flag gives it
        // … as do the self-hosted apps whose own CLI migrates their database
        String urlVariable = switch (tool) {
            case "flyway" -> env.containsKey("FLYWAY_URL") ? "FLYWAY_URL" : "";
            case "liquibase" -> env.containsKey("LIQUIBASE_COMMAND_URL") ? "LIQUIBASE_COMMAND_URL"
                    : env.containsKey("LIQUIBASE_URL") ? "LIQUIBASE_URL" : "";
            case "payload" -> env.containsKey("DATABASE_URI") ? "DATABASE_URI" : "";
            case "metabase" -> env.containsKey("MB_DB_CONNECTION_URI") ? "MB_DB_CONNECTION_URI" : "";
            case "prefect" -> env.containsKey("PREFECT_API_DATABASE_CONNECTION_URL") ? "PREFECT_API_DATABASE_CONNECTION_URL"
                    : env.containsKey("PREFECT_SERVER_DATABASE_CONNECTION_URL") ? "PREFECT_SERVER_DATABASE_CONNECTION_URL" : "";
            default -> "";
        };
        if (!urlVariable.isEmpty()) {
            target = target.or(DatabaseTarget.fromUrl(env.get(urlVariable)));
        }
        if (tool.equals("artisan")) {
            // Laravel's database settings, from .env or the environment
            target = target.or(DatabaseTarget.fromUrl(env.get("DB_URL"))).or(DatabaseTarget.NONE
                    .withHost(env.getOrDefault("DB_HOST", "")).withDatabase(env.getOrDefault("DB_DATABASE", "")));
        }
        if (tool.equals("metabase")) {
            // Metabase's application database, from its MB_DB_* settings
            target = target.or(DatabaseTarget.NONE.withHost(env.getOrDefault("MB_DB_HOST", ""))
                    .withDatabase(env.getOrDefault("MB_DB_DBNAME", "")));
        }
        if (tool.equals("dbmate")) {
            // dbmate --env NAME reads the URL from the variable NAME
            Optional<String> variable = p.value("-e", "--env", "--url-env");
            if (variable.isPresent()) {
                String url = env.get(variable.get());
                target = url == null ? target.withUncertain(true) : target.or(DatabaseTarget.fromUrl(url));
            }
        }
        if (tool.equals("goose")) {
            if (words.size() > 1 && GOOSE_DRIVERS.contains(words.getFirst())) {
                String dbstring = words.get(1);
                target = target.or(DatabaseTarget.looksLikeUrl(dbstring) ? DatabaseTarget.fromUrl(dbstring)
                        : DatabaseTarget.NONE.withDatabase(dbstring));
            } else if (env.containsKey("GOOSE_DBSTRING")) {
                target = target.or(DatabaseTarget.fromUrl(env.get("GOOSE_DBSTRING")));
            }
        }
        if (tool.equals("alembic")) {
            for (String x : DatabaseOps.values(p, "-x")) {
                int eq = x.indexOf('=');
                if (eq > 0 && x.substring(eq + 1).contains("://")) {
                    target = target.or(DatabaseTarget.fromUrl(x.substring(eq + 1)));
                }
            }
        }
        return target.or(DatabaseTarget.fromEnv(env));
    }

    /** The framework environment the command runs in ({@code RAILS_ENV}, {@code --env}, Django settings, …). */
    private static String environment(String tool, ParsedArgs p, Map<String, String> env, boolean hosted) {
        Optional<String> named = switch (tool) {
            case "rails", "rake" -> p.value("-e", "--environment").or(() -> var(env, "RAILS_ENV", "RACK_ENV"));
            case "knex", "sequelize", "sequelize-cli" -> p.value("--env").or(() -> var(env, "NODE_ENV"));
            case "manage.py", "django-admin" -> p.value("--settings").or(() -> var(env, "DJANGO_SETTINGS_MODULE"));
            case "flyway" -> p.value("-environment", "--environment").or(() -> p.value("-configFiles"));
            case "atlas" -> p.value("--env");
            case "artisan" -> p.value("--env");
            case SYMFONY_CONSOLE -> p.value("--env", "-e");
            case "mix" -> var(env, "MIX_ENV");
            case "dotnet-ef" -> var(env, "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT");
            // config files are often named per environment (alembic.prod.ini, liquibase.prod.properties)
            case "alembic" -> p.value("-n", "--name").filter(n -> !n.equals("alembic"))
                    .or(() -> DatabaseOps.values(p, "-x").stream().filter(x -> x.startsWith("env")).findFirst())
                    .or(() -> p.value("-c", "--config"));
            case "liquibase" -> p.value("--defaults-file", "--defaultsFile");
            default -> var(env, "NODE_ENV");
        };
        // an environment the command line names (APP_ENV=production, a secrets injector's config) beats the
        // framework's own default
        String environment = named.or(() -> var(env, "APP_ENV", "ENVIRONMENT", "DEPLOY_ENV", "STAGE"))
                .or(() -> hosted ? Optional.empty() : frameworkDefault(tool, p)).orElse("");
        // Laravel names its development environment "local" (the APP_ENV of a new project's .env)
        return tool.equals("artisan") && environment.equalsIgnoreCase("local") ? "development" : environment;
    }

    /**
     * What the framework reads when nothing names an environment: Rails and Mix their development block, knex and
     * sequelize theirs; manage.py the settings module the project wrote into it, the developer's own on this machine;
     * artisan the {@code local} of a new project's {@code .env}, unless {@code --force} overrides the production prompt.
     */
    private static Optional<String> frameworkDefault(String tool, ParsedArgs p) {
        return switch (tool) {
            // artisan's destructive commands stop for confirmation in production unless --force is given
            case "artisan" -> p.has("--force") ? Optional.empty() : Optional.of("local");
            case "rails", "rake", "knex", "sequelize", "sequelize-cli", "manage.py" -> Optional.of("development");
            case "mix" -> Optional.of("dev");
            default -> Optional.empty();
        };
    }

    private static Optional<String> var(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
