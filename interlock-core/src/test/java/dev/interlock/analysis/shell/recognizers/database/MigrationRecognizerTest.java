package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.recognizers.SqlRecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationRecognizerTest {

    private final MigrationRecognizer recognizer = new MigrationRecognizer();
    private final SqlRecordingNested nested = new SqlRecordingNested();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), nested);
    }

    private List<Operation> runWithEnv(Map<String, String> env, String program, String... args) {
        Invocation base = Invocation.of(program, args);
        return recognizer.recognize(new Invocation(program, base.args(), env, base.workspace(), base.evidence(), Optional.empty(),
                Map.of()), nested);
    }

    private static void wipe(Operation o) {
        assertThat(o.verb()).isEqualTo(Verb.DELETE);
        assertThat(o.scope()).isEqualTo(Scope.ALL);
        assertThat(o.stateful()).isTrue();
        assertThat(o.reversible()).isFalse();
    }

    @Test
    void prisma() {
        assertThat(runWithEnv(Map.of("DATABASE_URL", "postgresql://u:p@db.prod.internal:5432/app"), "prisma", "migrate", "reset", "--force"))
                .singleElement().satisfies(o -> {
                    wipe(o);
                    assertThat(o.resource().locator("host")).isEqualTo("db.prod.internal");
                    assertThat(o.resource().locator("database")).isEqualTo("app");
                });
        assertThat(run("prisma", "db", "push", "--accept-data-loss")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.REPLACE));
        assertThat(run("prisma", "db", "push", "--force-reset")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("prisma", "migrate", "deploy")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("prisma", "migrate", "dev", "--name", "init")).singleElement()
                .satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.DEV));
        assertThat(run("prisma", "generate")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void drizzle() {
        assertThat(run("drizzle-kit", "push", "--force")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.stateful()).isTrue();
        });
        assertThat(run("drizzle-kit", "push")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("drizzle-kit", "generate")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
    }

    @Test
    void railsEnvironmentFromPrefixArgumentOrDefault() {
        assertThat(runWithEnv(Map.of("RAILS_ENV", "production"), "rails", "db:drop")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("environment")).isEqualTo("production");
        });
        assertThat(run("rake", "db:reset", "RAILS_ENV=staging")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("environment")).isEqualTo("staging"));
        assertThat(run("rails", "db:migrate")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.UPDATE);
            assertThat(o.resource().locator("environment")).isEqualTo("development");
        });
        assertThat(run("rails", "console", "-e", "production")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.EXECUTE);
            assertThat(o.resource().locator("environment")).isEqualTo("production");
        });
        assertThat(run("rails", "db:rollback", "STEP=3")).singleElement().satisfies(o -> {
            assertThat(o.scope()).isEqualTo(Scope.MANY);
            assertThat(o.reversible()).isFalse();
        });
        assertThat(run("rails", "db:drop", "db:create", "db:migrate")).extracting(Operation::verb)
                .containsExactly(Verb.DELETE, Verb.CREATE, Verb.UPDATE);
        assertThat(run("rake", "reports:monthly")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.EXECUTE);
            assertThat(o.confidence()).isEqualTo(Confidence.INFERRED);
        });
    }

    @Test
    void django() {
        assertThat(run("manage.py", "flush", "--noinput", "--settings=config.settings.production")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("environment")).isEqualTo("config.settings.production");
        });
        assertThat(run("manage.py", "migrate", "billing", "zero")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.stateful()).isTrue();
        });
        assertThat(run("manage.py", "migrate")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("manage.py", "runserver", "0.0.0.0:8000")).singleElement()
                .satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(run("django-admin", "sqlflush")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void jvmAndPythonTools() {
        assertThat(run("flyway", "-url=jdbc:postgresql://pg.prod.example.com:5432/billing", "clean")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("host")).isEqualTo("pg.prod.example.com");
            assertThat(o.resource().locator("database")).isEqualTo("billing");
        });
        assertThat(run("flyway", "info")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("liquibase", "--url=jdbc:mysql://localhost/app", "drop-all")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("liquibase", "rollback-count", "--count=2")).singleElement().satisfies(o -> assertThat(o.stateful()).isTrue());
        assertThat(run("alembic", "downgrade", "base")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("alembic", "downgrade", "-1")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.UPDATE);
            assertThat(o.reversible()).isFalse();
        });
        assertThat(run("alembic", "upgrade", "head", "--sql")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void nodeAndGoTools() {
        assertThat(run("knex", "migrate:rollback", "--all", "--env", "production")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("environment")).isEqualTo("production");
        });
        assertThat(run("sequelize", "db:migrate:undo:all")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("typeorm", "schema:drop", "-d", "src/data-source.ts")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("typeorm", "query", "SELECT 1")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("atlas", "schema", "apply", "-u", "postgres://db.prod/app", "--to", "file://schema.hcl", "--auto-approve"))
                .singleElement().satisfies(o -> {
                    assertThat(o.scope()).isEqualTo(Scope.ALL);
                    assertThat(o.resource().locator("host")).isEqualTo("db.prod");
                });
        assertThat(run("goose", "postgres", "host=pg.prod dbname=app", "reset")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("host")).isEqualTo("pg.prod");
        });
        assertThat(run("goose", "-dir", "migrations", "up")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("migrate", "-path", "db/migrations", "-database", "postgres://prod-db/app", "down")).singleElement()
                .satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("migrate", "-path", "db/migrations", "-database", "postgres://prod-db/app", "down", "1")).singleElement()
                .satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("dbmate", "drop")).singleElement().satisfies(MigrationRecognizerTest::wipe);
    }

    @Test
    void supabaseResetIsLocalStackUnlessLinked() {
        assertThat(run("supabase", "db", "reset")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.environment()).isEqualTo(Tier.DEV);
        });
        assertThat(run("supabase", "db", "reset", "--linked")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.environment()).isEqualTo(Tier.UNKNOWN);
        });
        assertThat(run("supabase", "db", "push", "--dry-run")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void laravelElixirRust() {
        assertThat(run("artisan", "migrate:fresh", "--seed")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("artisan", "migrate", "--force", "--env=production")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("environment")).isEqualTo("production"));
        assertThat(run("artisan", "make:model", "Order")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(runWithEnv(Map.of("MIX_ENV", "prod"), "mix", "ecto.drop")).singleElement().satisfies(o -> {
            wipe(o);
            assertThat(o.resource().locator("environment")).isEqualTo("prod");
        });
        assertThat(run("mix", "ecto.migrate")).singleElement().satisfies(o -> assertThat(o.resource().locator("environment")).isEqualTo("dev"));
        assertThat(run("sqlx", "database", "reset", "-y")).singleElement().satisfies(MigrationRecognizerTest::wipe);
        assertThat(run("dotnet-ef", "database", "update", "0", "--connection", "Server=sql.prod.internal;Database=shop")).singleElement()
                .satisfies(o -> {
                    wipe(o);
                    assertThat(o.resource().locator("host")).isEqualTo("sql.prod.internal");
                    assertThat(o.resource().locator("database")).isEqualTo("shop");
                });
    }

    @Test
    void environmentFromConfigFilesAndTestDatabase() {
        assertThat(run("alembic", "-c", "alembic.prod.ini", "upgrade", "head")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("environment")).isEqualTo("alembic.prod.ini"));
        assertThat(run("liquibase", "--defaults-file=liquibase.prod.properties", "update")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("environment")).isEqualTo("liquibase.prod.properties"));
        assertThat(run("rails", "db:test:prepare")).singleElement().satisfies(o -> {
            assertThat(o.environment()).isEqualTo(Tier.DEV);
            assertThat(o.scope()).isEqualTo(Scope.ONE);
        });
    }
}
