package dev.interlock.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = Redactor.standard();

    static Stream<Arguments> table() {
        return Stream.of(
                // What must be redacted: input, expected output.
                Arguments.of("aws s3 ls --profile x # AKIAIOSFODNN7EXAMPLE", "aws s3 ls --profile x # [REDACTED]"),
                Arguments.of("export AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A", "export AWS_ACCESS_KEY_ID=[REDACTED]"),
                Arguments.of("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "export AWS_SECRET_ACCESS_KEY=[REDACTED]"),
                Arguments.of("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED]"),
                Arguments.of("curl -H 'Authorization: Bearer abc.def-ghi_123456' https://api.example.com",
                        "curl -H 'Authorization: Bearer [REDACTED]' https://api.example.com"),
                Arguments.of("curl -H \"Authorization: Basic dXNlcjpwYXNz\" x", "curl -H \"Authorization: Basic [REDACTED]\" x"),
                Arguments.of("token is Bearer sk_live_0123456789abcdef", "token is Bearer [REDACTED]"),
                Arguments.of("git clone https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r",
                        "git clone https://[REDACTED]@github.com/o/r"),
                Arguments.of("gh auth login --with-token gho_16C7e42F292c6912E7710c838347Ae178B4a",
                        "gh auth login --with-token [REDACTED]"),
                Arguments.of("GH=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "GH=[REDACTED]"),
                Arguments.of("slack post xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "slack post [REDACTED]"),
                Arguments.of("psql postgres://admin:s3cr3t!@db.prod:5432/app -c 'select 1'",
                        "psql postgres://admin:***@db.prod:5432/app -c 'select 1'"),
                Arguments.of("mysql -u root --password=hunter2 app", "mysql -u root --password=[REDACTED] app"),
                Arguments.of("mysqldump --password hunter2 app", "mysqldump --password [REDACTED] app"),
                Arguments.of("mysql -u root -phunter2 -h db app", "mysql -u root -p[REDACTED] -h db app"),
                Arguments.of("PGPASSWORD=hunter2 psql -h db -U app", "PGPASSWORD=[REDACTED] psql -h db -U app"),
                Arguments.of("DEPLOY_TOKEN=abc123 CLIENT_SECRET='x y' DB_PASSWORD=\"p w\" ./deploy.sh",
                        "DEPLOY_TOKEN=[REDACTED] CLIENT_SECRET=[REDACTED] DB_PASSWORD=[REDACTED] ./deploy.sh"),
                Arguments.of("API_KEY=abcdef node app.js", "API_KEY=[REDACTED] node app.js"),
                Arguments.of("host=db user=app password=hunter2 dbname=x", "host=db user=app password=[REDACTED] dbname=x"),
                Arguments.of("cat <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nEOF",
                        "cat <<EOF\n-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----\nEOF"),
                Arguments.of("echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                        "echo [REDACTED]"),
                Arguments.of("{\"password\":\"hunter2\",\"user\":\"app\"}", "{\"password\":\"[REDACTED]\",\"user\":\"app\"}"),
                // What must stay as it is.
                Arguments.of("kubectl get secrets -n prod", "kubectl get secrets -n prod"),
                Arguments.of("kubectl get secret db-password -o name", "kubectl get secret db-password -o name"),
                Arguments.of("ls -la /var/log && mkdir -p /tmp/x", "ls -la /var/log && mkdir -p /tmp/x"),
                Arguments.of("mysql -u root -p app", "mysql -u root -p app"),
                Arguments.of("mysql --password -u root", "mysql --password -u root"),
                Arguments.of("echo $GITHUB_TOKEN | gh auth login --with-token", "echo $GITHUB_TOKEN | gh auth login --with-token"),
                Arguments.of("GITHUB_TOKEN=$GITHUB_TOKEN make release", "GITHUB_TOKEN=$GITHUB_TOKEN make release"),
                Arguments.of("TOKEN_FILE=/run/secrets/t ./run", "TOKEN_FILE=/run/secrets/t ./run"),
                Arguments.of("SELECT id, password_hash FROM users WHERE id = 7", "SELECT id, password_hash FROM users WHERE id = 7"),
                Arguments.of("psql postgres://app@db.prod/app", "psql postgres://app@db.prod/app"),
                Arguments.of("git push origin main --force-with-lease", "git push origin main --force-with-lease"),
                Arguments.of("rm -rf /tmp/AKIA-not-a-key", "rm -rf /tmp/AKIA-not-a-key"),
                Arguments.of("the bearer of bad news", "the bearer of bad news"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void redactsSecretsAndKeepsTheRest(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }

    @Test
    void redactsEveryStringOfNestedData() {
        Object tree = redactor.redactTree(Map.of(
                "command", "PGPASSWORD=x psql",
                "env", Map.of("list", List.of("ok", "API_KEY=abc")),
                "count", 3));
        assertThat(tree).isEqualTo(Map.of(
                "command", "PGPASSWORD=[REDACTED] psql",
                "env", Map.of("list", List.of("ok", "API_KEY=[REDACTED]")),
                "count", 3));
    }

    @Test
    void everyRuleHasASecretGroupAndAName() {
        assertThat(Redactor.RULES).allSatisfy(rule -> {
            assertThat(rule.name()).isNotBlank();
            assertThat(rule.pattern().pattern()).contains("(?<secret>");
        });
        assertThat(Redactor.RULES).extracting(Redactor.Rule::name).doesNotHaveDuplicates();
    }
}
