package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecEnvironmentTest {

    @Test
    void capturesOnlyTheVariablesThatSteerWhereCommandsLand() {
        Map<String, String> env = Map.of("AWS_PROFILE", "prod-admin", "KUBECONFIG", "/home/a/.kube/prod",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI", "GITHUB_TOKEN", "ghp_x", "STAGE", "prod", "PATH", "/usr/bin",
                "ENV", "", "DATABASE_URL", "postgres://app:s3cret@db.prod.internal:5432/app");
        assertThat(ExecEnvironment.capture(env)).containsExactly(Map.entry("AWS_PROFILE", "prod-admin"),
                Map.entry("KUBECONFIG", "/home/a/.kube/prod"), Map.entry("DATABASE_URL", "postgres://db.prod.internal:5432/app"),
                Map.entry("STAGE", "prod"));
    }

    @Test
    void databaseUrlsLoseTheirCredentialsButKeepWhereTheyPoint() {
        String[][] table = {
                {"postgres://app:s3cret@db.prod.internal:5432/app", "postgres://db.prod.internal:5432/app"},
                {"postgresql://app@db.prod.internal/app", "postgresql://db.prod.internal/app"},
                {"mysql://root:p@ss/w?rd@mysql.stg:3306/shop", "mysql://mysql.stg:3306/shop"},
                {"postgres://db.dev/app?sslmode=require&password=hunter2&user=bob", "postgres://db.dev/app?sslmode=require"},
                {"postgres://db.dev/app?password=x", "postgres://db.dev/app"},
                {"mongodb+srv://u:p@cluster0.prod.mongodb.net/db?retryWrites=true&authSource=admin",
                        "mongodb+srv://cluster0.prod.mongodb.net/db?retryWrites=true&authSource=admin"},
                {"postgres://db.prod.internal/app", "postgres://db.prod.internal/app"},
                {"host=db.prod.internal dbname=app user=app password=s3cret sslmode=require", "host=db.prod.internal dbname=app sslmode=require"},
                {"host=db password='a b\\'c' dbname=x", "host=db dbname=x"},
                {"sqlite:///var/lib/app.db", "sqlite:///var/lib/app.db"},
        };
        for (String[] row : table) {
            assertThat(ExecEnvironment.withoutCredentials(row[0])).as(row[0]).isEqualTo(row[1]);
        }
    }
}
