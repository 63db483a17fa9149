package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRecognizerTest {

    private final CredentialRecognizer recognizer = new CredentialRecognizer();
    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), nested);
    }

    private Verb verb(String program, String... args) {
        List<Operation> ops = run(program, args);
        assertThat(ops).hasSize(1);
        return ops.getFirst().verb();
    }

    @Test
    void readingSecretFilesIsCredential() {
        for (String file : List.of("~/.aws/credentials", "~/.ssh/id_rsa", "~/.ssh/id_ed25519", ".env", ".env.production",
                "~/.kube/config", "~/.docker/config.json", "~/.netrc", "~/.git-credentials", "terraform.tfstate",
                "/etc/shadow", "server.key", "cert.p12", "config/secrets.yaml", "credentials.json",
                "service-account-prod.json", "~/.config/gh/hosts.yml", "~/.config/gcloud/application_default_credentials.json")) {
            List<Operation> ops = run("cat", file);
            assertThat(ops).as(file).singleElement().satisfies(op -> {
                assertThat(op.verb()).isEqualTo(Verb.CREDENTIAL);
                assertThat(op.environment()).isEqualTo(Tier.LOCAL);
            });
        }
    }

    @Test
    void ordinaryFilesAndTemplatesArePlainReads() {
        for (String file : List.of("README.md", ".gitignore", ".env.example", ".env.sample", ".env.template",
                "~/.ssh/id_rsa.pub", "~/.ssh/known_hosts", "~/.aws/config", "你好.txt")) {
            assertThat(verb("cat", file)).as(file).isEqualTo(Verb.READ);
        }
    }

    @Test
    void patternReadersSkipThePattern() {
        assertThat(verb("grep", "-n", "password", "src/auth.py")).isEqualTo(Verb.READ);
        assertThat(verb("grep", "AWS_SECRET", ".env")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("grep", "-e", ".env", "notes.txt")).isEqualTo(Verb.READ);
        assertThat(verb("awk", "-F=", "{print $2}", ".env")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("rg", "-r", "token", "~/.aws")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("head", "-n", "5", "~/.ssh/id_rsa")).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void stdinOnlyIsARead() {
        Operation op = run("head", "-5").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.READ);
        assertThat(op.resource().type()).isEqualTo("stdin");
    }

    @Test
    void environmentDumps() {
        assertThat(verb("printenv")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("env")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("export", "-p")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("set")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("printenv", "HOME")).isEqualTo(Verb.READ);
        assertThat(verb("printenv", "GITHUB_TOKEN")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("set", "-euo", "pipefail")).isEqualTo(Verb.EXECUTE);
    }

    @Test
    void sourcingDotenvLoadsSecrets() {
        assertThat(verb("source", ".env")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb(".", ".env.local")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("source", "venv/bin/activate")).isEqualTo(Verb.EXECUTE);
    }

    @Test
    void vaultReadsAreCredentialsOnTheVaultHost() {
        Operation op = run("vault", "kv", "get", "-address=https://vault.prod.internal:8200", "secret/payments").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(op.resource().name()).isEqualTo("secret/payments");
        assertThat(op.resource().locator("host")).isEqualTo("vault.prod.internal");
        assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
        Invocation withEnv = Invocation.of("vault", "read", "secret/db").withEnv(Map.of("VAULT_ADDR", "https://vault.stg.example.com"));
        assertThat(recognizer.recognize(withEnv, nested).getFirst().resource().locator("host")).isEqualTo("vault.stg.example.com");
        assertThat(verb("vault", "kv", "list", "secret/")).isEqualTo(Verb.READ);
        assertThat(verb("vault", "status")).isEqualTo(Verb.READ);
        Operation destroy = run("vault", "kv", "destroy", "-versions=1", "secret/app").getFirst();
        assertThat(destroy.verb()).isEqualTo(Verb.DELETE);
        assertThat(destroy.reversible()).isFalse();
    }

    @Test
    void otherSecretStores() {
        assertThat(verb("op", "read", "op://vault/item/field")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("op", "item", "get", "AWS")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("op", "item", "list")).isEqualTo(Verb.READ);
        assertThat(verb("security", "find-generic-password", "-s", "github", "-w")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("security", "find-generic-password", "-s", "github")).isEqualTo(Verb.READ);
        assertThat(verb("pass", "show", "aws/prod")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("pass", "aws/prod")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("pass", "ls")).isEqualTo(Verb.READ);
        assertThat(verb("gpg", "--decrypt", "x.gpg")).isEqualTo(Verb.CREDENTIAL);
        assertThat(verb("gpg", "--list-keys")).isEqualTo(Verb.READ);
    }
}
