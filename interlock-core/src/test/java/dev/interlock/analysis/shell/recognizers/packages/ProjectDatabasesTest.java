package dev.interlock.analysis.shell.recognizers.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectDatabasesTest {

    private static List<Operation> place(Map<String, String> env, String program, String... args) {
        Invocation inv = Invocation.of(program, args).withEnv(env);
        return ProjectDatabases.place(inv, List.of(LocalFiles.execute(inv, program, "builds, tests or runs project code")));
    }

    @Test
    void storeVariablesByTheirNames() {
        for (String name : List.of("DATABASE_URL", "TEST_DATABASE_URL", "PGHOST", "MYSQL_HOST", "REDIS_URL", "MONGO_URL",
                "MONGODB_URI", "DB_HOST", "SQLALCHEMY_DATABASE_URI")) {
            assertThat(ProjectDatabases.storeVariable(name)).as(name).isTrue();
        }
        for (String name : List.of("FEEDBACK_URL", "API_URL", "DOCKER_HOST", "DB_PASSWORD", "DATABASE_POOL", "HOSTNAME")) {
            assertThat(ProjectDatabases.storeVariable(name)).as(name).isFalse();
        }
    }

    @Test
    void aRemoteDatabasePlacesTheTestRun() {
        assertThat(place(Map.of("DATABASE_URL", "postgres://app@db.prod.internal:5432/app"), "pytest", "tests/integration"))
                .singleElement().satisfies(o -> {
                    assertThat(o.resource().locator("host")).isEqualTo("db.prod.internal");
                    assertThat(o.resource().locator("database")).isEqualTo("app");
                    assertThat(o.environment()).isEqualTo(Tier.UNKNOWN);
                });
        assertThat(place(Map.of("PGHOST", "pg-prd-2"), "go", "test", "./..."))
                .singleElement().satisfies(o -> assertThat(o.resource().locator("host")).isEqualTo("pg-prd-2"));
    }

    @Test
    void thisMachineAServiceNameOrABuildStaysLocal() {
        for (String url : List.of("postgres://u@localhost/app", "postgres://u@127.0.0.1/app", "postgres://u@db:5432/app",
                "postgres://u@host.docker.internal/app")) {
            assertThat(place(Map.of("DATABASE_URL", url), "jest")).singleElement()
                    .satisfies(o -> assertThat(o.environment()).as(url).isEqualTo(Tier.LOCAL));
        }
        Map<String, String> prod = Map.of("DATABASE_URL", "postgres://app@db.prod.internal/app");
        assertThat(place(prod, "npm", "run", "lint")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(place(prod, "pytest", "--collect-only")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(place(prod, "go", "build", "./...")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
    }

    @Test
    void aDatabaseScriptTakesTheVariablesPlaceAndADeployScriptDoesNot() {
        Invocation reset = Invocation.of("npm", "run", "db:reset").withEnv(Map.of("DATABASE_URL", "postgres://u@localhost/app_dev"));
        Operation script = Operation.builder("package", Verb.EXECUTE).resource("script", "db:reset").build();
        assertThat(ProjectDatabases.place(reset, List.of(script))).singleElement()
                .satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        Invocation deploy = Invocation.of("npm", "run", "deploy").withEnv(Map.of("DATABASE_URL", "postgres://u@db.dev.internal/app"));
        Operation deployScript = Operation.builder("package", Verb.EXECUTE).resource("script", "deploy").build();
        assertThat(ProjectDatabases.place(deploy, List.of(deployScript))).singleElement().isEqualTo(deployScript);
    }

    @Test
    void serviceNames() {
        assertThat(DeploymentWords.serviceName("db")).isTrue();
        assertThat(DeploymentWords.serviceName("postgres")).isTrue();
        assertThat(DeploymentWords.serviceName("pg-prd-2")).isFalse();
        assertThat(DeploymentWords.serviceName("db.internal")).isFalse();
        assertThat(DeploymentWords.serviceName("10")).isFalse();
    }
}
