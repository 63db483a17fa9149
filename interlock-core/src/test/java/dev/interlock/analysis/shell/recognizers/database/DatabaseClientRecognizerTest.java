package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.recognizers.SqlRecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseClientRecognizerTest {

    private final DatabaseClientRecognizer recognizer = new DatabaseClientRecognizer();
    private final SqlRecordingNested nested = new SqlRecordingNested();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), nested);
    }

    private List<Operation> run(Invocation inv) {
        return recognizer.recognize(inv, nested);
    }

    private static Invocation withStdin(String program, String stdin, String... args) {
        Invocation base = Invocation.of(program, args);
        return new Invocation(program, base.args(), Map.of(), base.workspace(), base.evidence(), Optional.of(stdin), Map.of());
    }

    @Test
    void psqlCommandGoesToTheSqlAnalyzerWithTheTarget() {
        List<Operation> ops = run("psql", "-h", "db.prod.internal", "-U", "app", "-d", "orders", "-c", "DROP DATABASE orders");
        assertThat(nested.sql).containsExactly("DROP DATABASE orders");
        assertThat(nested.dialects).containsExactly("postgresql");
        assertThat(ops).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.resource().locator("host")).isEqualTo("db.prod.internal");
            assertThat(o.resource().locator("database")).isEqualTo("orders");
        });
    }

    @Test
    void psqlConnectionUriAndRepeatedCommands() {
        List<Operation> ops = run("psql", "postgres://admin@db.staging.example.com:5432/shop", "-c", "SELECT 1", "--command=DELETE FROM carts");
        assertThat(nested.sql).containsExactly("SELECT 1", "DELETE FROM carts");
        assertThat(ops).hasSize(2).allSatisfy(o -> {
            assertThat(o.resource().locator("host")).isEqualTo("db.staging.example.com");
            assertThat(o.resource().locator("database")).isEqualTo("shop");
        });
    }

    @Test
    void psqlFileIsOpaqueAndInteractiveIsUnknown() {
        assertThat(run("psql", "-h", "localhost", "-f", "migrate.sql")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.UNKNOWN);
            assertThat(o.confidence()).isEqualTo(Confidence.OPAQUE);
            assertThat(o.note()).contains("migrate.sql");
        });
        assertThat(run("psql", "mydb")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.UNKNOWN);
            assertThat(o.confidence()).isEqualTo(Confidence.INFERRED);
            assertThat(o.note()).contains("interactive");
            assertThat(o.resource().locator("database")).isEqualTo("mydb");
        });
    }

    @Test
    void psqlReadsStdinAndMetaCommands() {
        List<Operation> ops = run(withStdin("psql", "\\dt\nSELECT * FROM users;\n", "-d", "app"));
        assertThat(nested.sql).containsExactly("SELECT * FROM users;");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.READ, Verb.READ);
    }

    @Test
    void gexecIsOpaque() {
        List<Operation> ops = run("psql", "-c", "SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec");
        assertThat(ops).anySatisfy(o -> assertThat(o.confidence()).isEqualTo(Confidence.OPAQUE));
    }

    @Test
    void targetFromEnvironmentVariablesAndUnresolvedExpansion() {
        Invocation base = Invocation.of("psql", "-c", "TRUNCATE users");
        Invocation inv = new Invocation("psql", base.args(), Map.of("PGHOST", "pg-prd-1", "PGDATABASE", "users"), base.workspace(),
                base.evidence(), Optional.empty(), Map.of());
        assertThat(run(inv)).singleElement().satisfies(o -> assertThat(o.resource().locator("host")).isEqualTo("pg-prd-1"));

        Invocation url = new Invocation("psql", List.of(new Arg("$DATABASE_URL", false, false, Evidence.NONE), Arg.of("-c"),
                Arg.of("DELETE FROM t")), Map.of("DATABASE_URL", "postgresql://u:p@prod-db.example.com/app"), base.workspace(),
                base.evidence(), Optional.empty(), Map.of());
        assertThat(run(url)).singleElement().satisfies(o -> assertThat(o.resource().locator("host")).isEqualTo("prod-db.example.com"));

        Invocation unknown = new Invocation("psql", List.of(new Arg("$DB", false, false, Evidence.NONE), Arg.of("-c"),
                Arg.of("DELETE FROM t")), Map.of(), base.workspace(), base.evidence(), Optional.empty(), Map.of());
        assertThat(run(unknown)).singleElement().satisfies(o -> assertThat(o.confidence()).isEqualTo(Confidence.INFERRED));
    }

    @Test
    void sqlFromAVariableIsOpaque() {
        Invocation base = Invocation.of("psql");
        Invocation inv = base.withArgs(List.of(Arg.of("-c"), new Arg("$SQL", false, false, Evidence.NONE)));
        assertThat(run(inv)).singleElement().satisfies(o -> assertThat(o.confidence()).isEqualTo(Confidence.OPAQUE));
        assertThat(nested.sql).isEmpty();
    }

    @Test
    void mysqlWithGluedPasswordAndPositionalDatabase() {
        List<Operation> ops = run("mysql", "-uroot", "-psecret", "-h", "mysql.prod.internal", "shop", "-e", "DELETE FROM orders");
        assertThat(nested.dialects).containsExactly("mysql");
        assertThat(ops).singleElement().satisfies(o -> {
            assertThat(o.resource().locator("host")).isEqualTo("mysql.prod.internal");
            assertThat(o.resource().locator("database")).isEqualTo("shop");
        });
    }

    @Test
    void sqliteInTheWorkspaceIsLocal() {
        List<Operation> ops = run("sqlite3", "-header", "data/app.db", "DELETE FROM users");
        assertThat(nested.dialects).containsExactly("sqlite");
        assertThat(ops).singleElement().satisfies(o -> {
            assertThat(o.environment()).isEqualTo(Tier.LOCAL);
            assertThat(o.resource().locator("database")).isEqualTo("data/app.db");
        });
        assertThat(run("sqlite3", "/var/lib/app/prod.db", ".tables")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.READ);
            assertThat(o.environment()).isEqualTo(Tier.UNKNOWN);
        });
    }

    @Test
    void mongoshScripts() {
        assertThat(run("mongosh", "mongodb+srv://admin@cluster0.prod.mongodb.net/shop", "--eval", "db.orders.deleteMany({})"))
                .singleElement().satisfies(o -> {
                    assertThat(o.verb()).isEqualTo(Verb.DELETE);
                    assertThat(o.scope()).isEqualTo(Scope.ALL);
                    assertThat(o.resource().name()).isEqualTo("orders");
                    assertThat(o.resource().locator("host")).isEqualTo("cluster0.prod.mongodb.net");
                    assertThat(o.resource().locator("database")).isEqualTo("shop");
                });
        assertThat(run("mongosh", "--eval", "db.orders.deleteMany({status: 'x'})")).singleElement()
                .satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.MANY));
        assertThat(run("mongo", "localhost:27017/app", "--eval", "db.dropDatabase()")).singleElement().satisfies(o -> {
            assertThat(o.resource().type()).isEqualTo("database");
            assertThat(o.scope()).isEqualTo(Scope.ALL);
            assertThat(o.resource().locator("host")).isEqualTo("localhost");
        });
        assertThat(run("mongosh", "--quiet", "--eval", "db.users.find({}).limit(5)")).extracting(Operation::verb).containsOnly(Verb.READ);
        assertThat(run("mongosh", "--eval", "db.getMongo().getDBNames()")).extracting(Operation::verb).containsOnly(Verb.READ);
        assertThat(run("mongosh", "--eval", "db.orders.mapReduce(m, r, {out: 'totals'})")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UNKNOWN));
        assertThat(run("mongosh", "--eval", "db.getCollection('events').drop()")).singleElement()
                .satisfies(o -> assertThat(o.resource().name()).isEqualTo("events"));
        assertThat(run("mongosh", "--eval", "db.grantRolesToUser('bob', ['root'])")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.GRANT));
        assertThat(run("mongosh", "admin", "--eval", "db.adminCommand({shutdown: 1})")).singleElement().satisfies(o -> {
            assertThat(o.resource().type()).isEqualTo("host");
            assertThat(o.scope()).isEqualTo(Scope.ALL);
        });
    }

    @Test
    void redisCommands() {
        assertThat(run("redis-cli", "-h", "cache.prod.internal", "FLUSHALL")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.scope()).isEqualTo(Scope.ALL);
            assertThat(o.stateful()).isTrue();
            assertThat(o.resource().locator("host")).isEqualTo("cache.prod.internal");
        });
        assertThat(run("redis-cli", "DEL", "session:1")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("redis-cli", "del", "a", "b")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.MANY));
        assertThat(run("redis-cli", "-n", "2", "KEYS", "*")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("redis-cli", "--scan", "--pattern", "user:*")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("redis-cli", "CONFIG", "SET", "maxmemory", "1gb")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("redis-cli", "-u", "redis://default:pw@redis-prod.example.com:6379/0", "SHUTDOWN")).singleElement().satisfies(o -> {
            assertThat(o.resource().type()).isEqualTo("host");
            assertThat(o.resource().locator("host")).isEqualTo("redis-prod.example.com");
        });
    }

    @Test
    void adminTools() {
        assertThat(run("dropdb", "-h", "db.prod.internal", "analytics")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.resource().type()).isEqualTo("database");
            assertThat(o.scope()).isEqualTo(Scope.ALL);
            assertThat(o.resource().locator("database")).isEqualTo("analytics");
        });
        assertThat(run("createdb", "app_test")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.CREATE));
        assertThat(run("pg_dump", "-h", "db.prod.internal", "-Fc", "-f", "backup.dump", "app")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("pg_restore", "--clean", "-d", "app", "backup.dump")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.REPLACE));
        assertThat(run("pg_restore", "-d", "app", "backup.dump")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("mysqldump", "-u", "root", "-p", "shop")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("mysqladmin", "-f", "drop", "shop")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.DELETE));
        assertThat(run("mysqladmin", "status")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void cqlKeyspaceDropAndHelp() {
        assertThat(run("cqlsh", "cassandra.prod", "-e", "DROP KEYSPACE metrics;")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.resource().name()).isEqualTo("metrics");
            assertThat(o.resource().locator("host")).isEqualTo("cassandra.prod");
        });
        assertThat(run("psql", "--version")).isEmpty();
    }

    @Test
    void loopbackHostIsNotClaimedForARemoteRun() {
        Invocation base = Invocation.of("psql", "-h", "localhost", "-c", "DROP DATABASE app");
        Invocation remote = new Invocation("psql", base.args(), Map.of(), Workspace.of("/home/dev/project"), base.evidence(),
                Optional.empty(), Map.of("host", "db1.prod"));
        assertThat(run(remote)).singleElement().satisfies(o -> assertThat(o.resource().locator("host")).isEmpty());
    }

    @Test
    void mongoDataTools() {
        assertThat(run("mongorestore", "--uri", "mongodb+srv://a@cluster0.prod.mongodb.net/shop", "--drop", "dump/")).singleElement()
                .satisfies(o -> {
                    assertThat(o.verb()).isEqualTo(Verb.REPLACE);
                    assertThat(o.resource().locator("host")).isEqualTo("cluster0.prod.mongodb.net");
                });
        assertThat(run("mongodump", "--uri", "mongodb://localhost/app")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void redisCommandsFromStandardInput() {
        List<Operation> ops = run(withStdin("redis-cli", "PING\nFLUSHDB\n", "-h", "cache.prod.internal"));
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.READ, Verb.DELETE);
    }

    @Test
    void singleTransactionFlagIsNotADatabase() {
        assertThat(run("psql", "-1", "-d", "app", "-f", "migrate.sql")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("database")).isEqualTo("app"));
    }
}
