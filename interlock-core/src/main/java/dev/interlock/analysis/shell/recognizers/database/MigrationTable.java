package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.Map;

/**
 * What each schema-migration command does, keyed {@code "tool command"}. Forward migrations are updates; rollbacks
 * lose the data of the columns and tables they remove (stateful, irreversible); resets, drops and cleans empty the
 * whole database (delete, scope all). Commands that only write files here (generating a migration) or run a local
 * process (tests, a dev server) are local.
 */
final class MigrationTable {

    /** Where a command acts: the configured database, this machine only, or a development database by definition. */
    enum Where { TARGET, LOCAL, DEV }

    record Row(Verb verb, String type, Scope scope, boolean stateful, boolean reversible, Where where, String note) {
        String system() {
            return switch (type) {
                case "file" -> "filesystem";
                case "package" -> "package";
                // consoles and tasks run application code on this machine (it then talks to the database)
                case "process", "application", "task" -> "process";
                case "message" -> "mail";
                default -> "database";
            };
        }
    }

    static final Row READ = new Row(Verb.READ, "schema", Scope.ONE, false, true, Where.TARGET, "");
    static final Row FILES = new Row(Verb.CREATE, "file", Scope.ONE, false, true, Where.LOCAL, "writes files in the workspace");
    static final Row LOCAL = new Row(Verb.EXECUTE, "process", Scope.ONE, false, true, Where.LOCAL, "runs locally");
    static final Row APPLY = new Row(Verb.UPDATE, "schema", Scope.ONE, false, true, Where.TARGET, "applies pending migrations");
    static final Row SEED = new Row(Verb.UPDATE, "database", Scope.MANY, false, true, Where.TARGET, "loads seed data");
    static final Row CREATE = new Row(Verb.CREATE, "database", Scope.ONE, false, true, Where.TARGET, "creates the database");
    static final Row ROLLBACK = new Row(Verb.UPDATE, "schema", Scope.ONE, true, false, Where.TARGET,
            "reverts migrations; data in the columns and tables they remove is lost");
    static final Row WIPE = new Row(Verb.DELETE, "database", Scope.ALL, true, false, Where.TARGET,
            "drops or empties the whole database");
    static final Row CONSOLE = new Row(Verb.EXECUTE, "application", Scope.ONE, false, true, Where.TARGET,
            "runs arbitrary code against the application's database");
    static final Row SESSION = new Row(Verb.UNKNOWN, "database", Scope.ONE, false, true, Where.TARGET, "opens an interactive session");
    static final Row METADATA = new Row(Verb.UPDATE, "schema", Scope.ONE, false, true, Where.TARGET, "changes migration bookkeeping");

    /** Listings of the application's own commands, routes and configuration: they touch no database. */
    static final Row SHOW = new Row(Verb.READ, "application", Scope.ONE, false, true, Where.TARGET, "shows the application's setup");

    private static final Map<String, Row> ROWS = new HashMap<>();

    static {
        put(READ, "prisma generate", "prisma validate", "prisma format", "prisma studio", "prisma version", "prisma init",
                "prisma migrate status", "prisma migrate diff", "prisma db pull", "prisma debug");
        put(WIPE, "prisma migrate reset");
        put(APPLY, "prisma migrate deploy", "prisma db push");
        put(new Row(Verb.UPDATE, "schema", Scope.ONE, false, true, Where.DEV, "creates and applies migrations on the development database"),
                "prisma migrate dev");
        put(METADATA, "prisma migrate resolve");
        put(SEED, "prisma db seed");

        put(READ, "drizzle-kit check", "drizzle-kit introspect", "drizzle-kit pull", "drizzle-kit studio", "drizzle-kit up");
        put(FILES, "drizzle-kit generate", "drizzle-kit export");
        put(APPLY, "drizzle-kit migrate");
        put(new Row(Verb.UPDATE, "schema", Scope.MANY, false, true, Where.TARGET,
                "applies the schema directly, without migration files"), "drizzle-kit push");
        // drizzle-kit drop removes a generated migration from the migrations folder
        put(new Row(Verb.DELETE, "file", Scope.ONE, true, false, Where.LOCAL, "deletes a generated migration"), "drizzle-kit drop");

        for (String tool : new String[] {"rails", "rake"}) {
            put(WIPE, tool + " db:drop", tool + " db:drop:all", tool + " db:reset", tool + " db:schema:load",
                    tool + " db:structure:load", tool + " db:purge", tool + " db:purge:all", tool + " db:truncate_all",
                    tool + " db:setup", tool + " db:seed:replant", tool + " db:migrate:reset");
            put(new Row(Verb.DELETE, "database", Scope.ONE, false, true, Where.DEV, "rebuilds the test database"),
                    tool + " db:test:prepare", tool + " db:test:load", tool + " db:test:purge", tool + " db:test:load_schema");
            put(APPLY, tool + " db:migrate", tool + " db:prepare", tool + " db:migrate:up");
            put(ROLLBACK, tool + " db:rollback", tool + " db:migrate:down", tool + " db:migrate:redo");
            put(SEED, tool + " db:seed");
            put(new Row(Verb.DELETE, "database", Scope.MANY, true, false, Where.TARGET,
                    "replaces the rows of the fixture tables"), tool + " db:fixtures:load");
            put(CREATE, tool + " db:create", tool + " db:create:all");
            put(READ, tool + " db:migrate:status", tool + " db:version", tool + " db:schema:dump", tool + " db:structure:dump",
                    tool + " routes", tool + " about", tool + " stats", tool + " notes", tool + " -T", tool + " --tasks",
                    tool + " db:schema:cache:dump", tool + " middleware", tool + " initializers", tool + " time:zones",
                    tool + " db:abort_if_pending_migrations", tool + " db:migrate:status:primary");
            put(METADATA, tool + " db:environment:set");
            put(LOCAL, tool + " test", tool + " spec", tool + " test:system", tool + " assets:precompile",
                    tool + " assets:clean", tool + " assets:clobber", tool + " tmp:clear", tool + " log:clear", tool + " default",
                    tool + " server", tool + " s", tool + " zeitwerk:check", tool + " yarn:install", tool + " javascript:build",
                    tool + " css:build");
            put(FILES, tool + " generate", tool + " g", tool + " destroy", tool + " d", tool + " new", tool + " app:update");
            put(CONSOLE, tool + " console", tool + " c", tool + " runner", tool + " r");
            put(SESSION, tool + " dbconsole", tool + " db");
            put(new Row(Verb.CREDENTIAL, "secret", Scope.ONE, false, true, Where.TARGET, "shows decrypted credentials"),
                    tool + " credentials:show", tool + " credentials:edit");
            // rails secret prints a freshly generated random key; it reads no stored secret
            put(READ, tool + " secret");
        }

        for (String tool : new String[] {"manage.py", "django-admin"}) {
            put(WIPE, tool + " flush", tool + " reset_db", tool + " reset_schema");
            put(READ, tool + " sqlflush", tool + " showmigrations", tool + " sqlmigrate", tool + " check", tool + " inspectdb",
                    tool + " dumpdata", tool + " sqlsequencereset", tool + " show_urls",
                    tool + " help", tool + " version", tool + " validate_templates");
            put(APPLY, tool + " migrate", tool + " createcachetable");
            put(LOCAL, tool + " runserver", tool + " test", tool + " compilemessages", tool + " runserver_plus",
                    tool + " testserver");
            put(FILES, tool + " makemigrations", tool + " startapp", tool + " startproject", tool + " squashmigrations",
                    tool + " makemessages", tool + " optimizemigration");
            put(new Row(Verb.UPDATE, "file", Scope.MANY, false, true, Where.TARGET, "publishes static files"), tool + " collectstatic");
            put(new Row(Verb.UPDATE, "database", Scope.MANY, true, false, Where.TARGET, "overwrites rows with the fixture's"),
                    tool + " loaddata");
            put(new Row(Verb.GRANT, "user", Scope.ONE, false, true, Where.TARGET, "creates an administrator"), tool + " createsuperuser");
            put(new Row(Verb.GRANT, "user", Scope.ONE, false, true, Where.TARGET, "changes a user's password"), tool + " changepassword");
            put(new Row(Verb.UPDATE, "database", Scope.MANY, false, true, Where.TARGET, "removes expired sessions"), tool + " clearsessions");
            put(new Row(Verb.DELETE, "database", Scope.MANY, true, false, Where.TARGET, "deletes stale content types and their objects"),
                    tool + " remove_stale_contenttypes");
            put(CONSOLE, tool + " shell", tool + " shell_plus", tool + " runscript");
            // the settings module's values printed in full: SECRET_KEY, DATABASES passwords, API keys
            put(new Row(Verb.CREDENTIAL, "secret", Scope.MANY, false, true, Where.TARGET, "prints the settings, secrets included"),
                    tool + " diffsettings", tool + " print_settings");
            put(SESSION, tool + " dbshell");
            // one fixed test message through the settings' mail backend, to the addresses named or the site's admins
            put(new Row(Verb.CREATE, "message", Scope.ONE, false, true, Where.TARGET, "sends one test email through the "
                    + "settings' mail backend"), tool + " sendtestemail");
        }

        put(WIPE, "flyway clean");
        put(APPLY, "flyway migrate");
        put(READ, "flyway info", "flyway validate", "flyway check", "flyway version", "flyway help");
        put(METADATA, "flyway repair", "flyway baseline");
        put(ROLLBACK, "flyway undo");

        put(WIPE, "liquibase dropall");
        put(APPLY, "liquibase update", "liquibase updatecount", "liquibase updatetotag", "liquibase updatetestingrollback");
        put(READ, "liquibase updatesql", "liquibase status", "liquibase history", "liquibase diff", "liquibase validate",
                "liquibase snapshot", "liquibase dbdoc", "liquibase generatechangelog", "liquibase rollbacksql",
                "liquibase futurerollbacksql", "liquibase rollbackcountsql", "liquibase listlocks", "liquibase unexpectedchangesets",
                "liquibase calculatechecksum", "liquibase diffchangelog", "liquibase updatecountsql", "liquibase updatetotagsql");
        put(ROLLBACK, "liquibase rollback", "liquibase rollbackcount", "liquibase rollbacktodate", "liquibase rollbackonechangeset",
                "liquibase rollbackonedate", "liquibase rollbackoneupdate");
        put(METADATA, "liquibase tag", "liquibase clearchecksums", "liquibase releaselocks", "liquibase changelogsync",
                "liquibase changelogsynctotag", "liquibase marknextchangesetran");

        put(APPLY, "alembic upgrade");
        put(ROLLBACK, "alembic downgrade");
        put(READ, "alembic current", "alembic history", "alembic heads", "alembic branches", "alembic show", "alembic check",
                "alembic list_templates");
        put(FILES, "alembic revision", "alembic merge", "alembic init", "alembic edit");
        put(METADATA, "alembic stamp");

        put(APPLY, "knex migrate:latest", "knex migrate:up");
        put(ROLLBACK, "knex migrate:rollback", "knex migrate:down");
        put(READ, "knex migrate:status", "knex migrate:list", "knex migrate:currentVersion");
        put(FILES, "knex migrate:make", "knex seed:make", "knex init");
        put(METADATA, "knex migrate:unlock");
        put(SEED, "knex seed:run");

        for (String tool : new String[] {"sequelize", "sequelize-cli"}) {
            put(WIPE, tool + " db:drop", tool + " db:migrate:undo:all");
            put(CREATE, tool + " db:create");
            put(APPLY, tool + " db:migrate");
            put(ROLLBACK, tool + " db:migrate:undo");
            put(SEED, tool + " db:seed:all", tool + " db:seed");
            put(new Row(Verb.DELETE, "database", Scope.MANY, true, false, Where.TARGET, "removes seeded rows"),
                    tool + " db:seed:undo:all", tool + " db:seed:undo");
            put(READ, tool + " db:migrate:status");
            put(FILES, tool + " migration:generate", tool + " migration:create", tool + " model:generate", tool + " model:create",
                    tool + " seed:generate", tool + " seed:create", tool + " init");
        }

        put(WIPE, "typeorm schema:drop");
        put(new Row(Verb.UPDATE, "schema", Scope.MANY, true, false, Where.TARGET,
                "synchronizes the schema to the entities; removed fields drop their columns"), "typeorm schema:sync");
        put(READ, "typeorm schema:log", "typeorm migration:show", "typeorm version");
        put(APPLY, "typeorm migration:run");
        put(ROLLBACK, "typeorm migration:revert");
        put(FILES, "typeorm migration:generate", "typeorm migration:create", "typeorm entity:create", "typeorm subscriber:create",
                "typeorm init");
        put(METADATA, "typeorm cache:clear");

        put(WIPE, "atlas schema clean");
        put(new Row(Verb.UPDATE, "schema", Scope.MANY, false, true, Where.TARGET, "applies the desired schema after a review prompt"),
                "atlas schema apply");
        put(APPLY, "atlas migrate apply");
        put(ROLLBACK, "atlas migrate down");
        put(READ, "atlas schema inspect", "atlas schema diff", "atlas migrate status", "atlas migrate lint", "atlas migrate validate",
                "atlas version", "atlas schema fmt");
        put(FILES, "atlas migrate diff", "atlas migrate new", "atlas migrate hash");
        put(METADATA, "atlas migrate set");

        put(APPLY, "goose up", "goose up-by-one", "goose up-to");
        put(ROLLBACK, "goose down", "goose down-to", "goose redo");
        put(WIPE, "goose reset");
        put(READ, "goose status", "goose version", "goose validate");
        put(FILES, "goose create", "goose fix");

        put(APPLY, "migrate up");
        put(ROLLBACK, "migrate down", "migrate goto");
        put(WIPE, "migrate drop");
        put(METADATA, "migrate force");
        put(READ, "migrate version");
        put(FILES, "migrate create");

        put(APPLY, "dbmate up", "dbmate migrate", "dbmate load");
        put(ROLLBACK, "dbmate down", "dbmate rollback");
        put(WIPE, "dbmate drop");
        put(CREATE, "dbmate create");
        put(FILES, "dbmate new");
        put(READ, "dbmate status", "dbmate dump", "dbmate wait");

        put(WIPE, "artisan migrate:fresh", "artisan migrate:reset", "artisan migrate:refresh", "artisan db:wipe");
        put(APPLY, "artisan migrate");
        put(METADATA, "artisan migrate:install");
        put(ROLLBACK, "artisan migrate:rollback");
        put(SEED, "artisan db:seed");
        put(READ, "artisan migrate:status", "artisan route:list", "artisan about", "artisan db:show", "artisan db:table",
                "artisan db:monitor", "artisan model:show", "artisan env", "artisan list", "artisan schema:dump");
        put(LOCAL, "artisan serve", "artisan test", "artisan optimize", "artisan optimize:clear", "artisan config:cache",
                "artisan config:clear", "artisan cache:clear", "artisan view:clear", "artisan view:cache", "artisan route:cache",
                "artisan route:clear", "artisan queue:work", "artisan queue:listen", "artisan storage:link", "artisan key:generate");
        // the app's queues: listing failed jobs and workers' status reads; flushing or clearing deletes jobs, retrying
        // re-runs their side effects (mail, charges), and Horizon's controls stop or pause the workers
        put(READ, "artisan queue:failed", "artisan queue:monitor", "artisan horizon:status", "artisan horizon:list",
                "artisan horizon:supervisors", "artisan schedule:list");
        put(new Row(Verb.DELETE, "queue", Scope.MANY, true, false, Where.TARGET, "deletes jobs from the app's queues"),
                "artisan queue:flush", "artisan queue:clear", "artisan queue:forget", "artisan queue:prune-failed",
                "artisan queue:prune-batches", "artisan horizon:clear", "artisan horizon:forget");
        put(new Row(Verb.UPDATE, "queue", Scope.MANY, false, true, Where.TARGET, "runs jobs or scheduled tasks again"),
                "artisan queue:retry", "artisan queue:retry-batch", "artisan schedule:run", "artisan schedule:test");
        put(new Row(Verb.UPDATE, "worker", Scope.MANY, false, true, Where.TARGET, "stops, pauses or restarts the app's queue workers"),
                "artisan queue:restart", "artisan horizon:terminate", "artisan horizon:pause", "artisan horizon:continue");
        put(CONSOLE, "artisan tinker");
        put(SESSION, "artisan db");

        String sf = MigrationRecognizer.SYMFONY_CONSOLE + " ";
        put(WIPE, sf + "doctrine:schema:drop", sf + "doctrine:database:drop");
        put(new Row(Verb.UPDATE, "schema", Scope.MANY, true, false, Where.TARGET,
                "applies the entity mapping to the schema directly; with --complete, tables not mapped are dropped"),
                sf + "doctrine:schema:update");
        put(CREATE, sf + "doctrine:database:create", sf + "doctrine:schema:create");
        put(APPLY, sf + "doctrine:migrations:migrate", sf + "doctrine:migrations:execute");
        put(METADATA, sf + "doctrine:migrations:version", sf + "doctrine:migrations:sync-metadata-storage",
                sf + "doctrine:migrations:rollup");
        put(new Row(Verb.DELETE, "database", Scope.MANY, true, false, Where.TARGET,
                "purges the tables before loading fixtures"), sf + "doctrine:fixtures:load");
        put(READ, sf + "doctrine:migrations:status", sf + "doctrine:migrations:list", sf + "doctrine:migrations:latest",
                sf + "doctrine:migrations:current", sf + "doctrine:migrations:up-to-date", sf + "doctrine:schema:validate",
                sf + "doctrine:mapping:info", sf + "doctrine:migrations:dump-schema", sf + "doctrine:ensure-production-settings");
        put(SHOW, sf + "list", sf + "help", sf + "about", sf + "router:match", sf + "secrets:list");
        put(FILES, sf + "doctrine:migrations:diff", sf + "doctrine:migrations:generate");
        put(LOCAL, sf + "cache:clear", sf + "cache:warmup", sf + "cache:pool:clear", sf + "assets:install", sf + "server:run",
                sf + "server:start", sf + "importmap:install", sf + "asset-map:compile", sf + "tailwind:build");
        put(new Row(Verb.CREDENTIAL, "secret", Scope.ONE, false, true, Where.TARGET, "prints decrypted secrets"),
                sf + "secrets:reveal");

        put(WIPE, "mix ecto.drop", "mix ecto.reset");
        put(APPLY, "mix ecto.migrate", "mix ecto.setup");
        put(ROLLBACK, "mix ecto.rollback");
        put(CREATE, "mix ecto.create");
        put(READ, "mix ecto.migrations", "mix help");
        put(FILES, "mix ecto.gen.migration", "mix phx.gen.schema", "mix phx.gen.context", "mix phx.gen.html", "mix phx.gen.json",
                "mix phx.gen.live", "mix phx.new");
        put(LOCAL, "mix test", "mix compile", "mix phx.server", "mix deps.get", "mix deps.compile", "mix format", "mix credo",
                "mix dialyzer", "mix run", "mix release", "mix assets.deploy", "mix deps.update", "mix clean");

        // Clojure's migration libraries, run through Leiningen (lein migratus …, lein ragtime …)
        put(APPLY, "migratus migrate", "migratus up", "ragtime migrate");
        put(ROLLBACK, "migratus down", "migratus rollback", "ragtime rollback");
        put(WIPE, "migratus reset");
        put(FILES, "migratus create", "migratus init");
        put(READ, "migratus pending", "migratus completed");

        put(WIPE, "sqlx database drop", "sqlx database reset", "diesel database drop", "diesel database reset",
                "dotnet-ef database drop");
        put(CREATE, "sqlx database create");
        put(APPLY, "sqlx database setup", "sqlx migrate run", "diesel migration run", "diesel setup", "diesel database setup",
                "dotnet-ef database update");
        put(ROLLBACK, "sqlx migrate revert", "diesel migration revert", "diesel migration redo");
        put(FILES, "sqlx migrate add", "sqlx prepare", "diesel migration generate", "dotnet-ef migrations add",
                "dotnet-ef migrations remove", "dotnet-ef dbcontext scaffold", "dotnet-ef migrations bundle");
        put(READ, "sqlx migrate info", "diesel migration list", "diesel migration pending", "diesel print-schema",
                "dotnet-ef migrations list", "dotnet-ef migrations script", "dotnet-ef dbcontext info", "dotnet-ef dbcontext list",
                "dotnet-ef migrations has-pending-model-changes", "dotnet-ef dbcontext optimize");

        // Medusa's CLI runs against the DATABASE_URL of the project's .env or environment
        put(APPLY, "medusa db:migrate", "medusa db:setup", "medusa migrations");
        put(new Row(Verb.UPDATE, "schema", Scope.MANY, true, false, Where.TARGET,
                "creates and drops the link tables of module links; removed links lose their rows"), "medusa db:sync-links");
        put(ROLLBACK, "medusa db:rollback");
        put(CREATE, "medusa db:create");
        put(FILES, "medusa db:generate", "medusa plugin:db:generate", "medusa new", "medusa plugin:build", "medusa plugin:publish",
                "medusa plugin:add");
        put(LOCAL, "medusa develop", "medusa build", "medusa start", "medusa plugin:develop", "medusa telemetry");
        put(new Row(Verb.GRANT, "user", Scope.ONE, false, true, Where.TARGET, "creates an admin user (or an invite) for the store's admin"),
                "medusa user");
        put(CONSOLE, "medusa exec");
        put(SEED, "medusa seed");

        // self-hosted apps' own database commands act on the database the app is configured with
        put(WIPE, "payload migrate:fresh", "payload migrate:reset", "payload migrate:refresh");
        put(APPLY, "payload migrate");
        put(ROLLBACK, "payload migrate:down");
        put(READ, "payload migrate:status", "payload info");
        put(FILES, "payload migrate:create", "payload generate:types", "payload generate:importmap", "payload generate:db-schema");
        put(CONSOLE, "payload run", "payload jobs:run");

        put(APPLY, "metabase migrate up", "metabase migrate force");
        put(ROLLBACK, "metabase migrate down");
        put(METADATA, "metabase migrate release-locks");
        put(READ, "metabase migrate print", "metabase version", "metabase help", "metabase export");
        put(LOCAL, "metabase api-documentation", "metabase environment-variables-documentation", "metabase config-template",
                "metabase driver-methods");
        put(new Row(Verb.UPDATE, "database", Scope.MANY, false, true, Where.TARGET, "loads content into the application database"),
                "metabase load-from-h2", "metabase import");
        put(new Row(Verb.UPDATE, "database", Scope.MANY, false, true, Where.TARGET, "re-encrypts the stored connection details"),
                "metabase rotate-encryption-key");
        put(new Row(Verb.GRANT, "user", Scope.ONE, false, true, Where.TARGET, "issues a password-reset token for a user"),
                "metabase reset-password");

        // prefect server database …: the Prefect server's own database
        put(WIPE, "prefect server database reset");
        put(APPLY, "prefect server database upgrade");
        put(ROLLBACK, "prefect server database downgrade");
        put(METADATA, "prefect server database stamp");
        put(FILES, "prefect server database revision");

        put(WIPE, "supabase db reset");
        put(APPLY, "supabase db push", "supabase migration up");
        put(READ, "supabase db pull", "supabase db diff", "supabase db lint", "supabase db dump", "supabase migration list",
                "supabase status", "supabase gen", "supabase link", "supabase projects", "supabase secrets", "supabase inspect",
                "supabase login", "supabase --version");
        put(FILES, "supabase migration new", "supabase migration squash", "supabase migration fetch", "supabase init",
                "supabase test new");
        // pgTAP tests run against the local stack, as a test runner does; --linked or --db-url run them in that database
        put(new Row(Verb.EXECUTE, "task", Scope.ONE, false, true, Where.LOCAL, "runs the pgTAP tests"), "supabase test db");
        put(METADATA, "supabase migration repair");
        put(LOCAL, "supabase start", "supabase stop", "supabase db start", "supabase functions serve");
        put(new Row(Verb.UPDATE, "function", Scope.ONE, false, true, Where.TARGET, "deploys edge functions"), "supabase functions deploy");
        put(new Row(Verb.DELETE, "function", Scope.ONE, false, true, Where.TARGET, "deletes an edge function"), "supabase functions delete");
        put(new Row(Verb.UPDATE, "secret", Scope.ONE, false, true, Where.TARGET, "sets project secrets"), "supabase secrets set",
                "supabase secrets unset");
        put(new Row(Verb.DELETE, "project", Scope.ALL, true, false, Where.TARGET, "deletes the Supabase project"), "supabase projects delete");
    }

    private MigrationTable() {
    }

    private static void put(Row row, String... keys) {
        for (String k : keys) {
            ROWS.put(k, row);
        }
    }

    static Row lookup(String key) {
        return ROWS.get(key);
    }
}
