package dev.interlock.analysis.shell.recognizers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFilesTest {

    @Test
    void aNamePatternNamesSecretsWherever() {
        assertThat(SecretFiles.isSecret("/home/dev/.ssh/id_*")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/keys/*.pem")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/k8s/kubeconfig*")).isTrue();
    }

    @Test
    void aBareStarReadsSecretsOnlyWhereTheDirectorySaysSo() {
        assertThat(SecretFiles.isSecret("/home/dev/.aws/*")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/.kube/*")).isTrue();
        assertThat(SecretFiles.isSecret("/etc/kubernetes/*")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/secrets/*")).isTrue();
        // a name that is secret in any directory (kubeconfig) says nothing about this one
        assertThat(SecretFiles.isSecret("/home/dev/app/libs-release-local/com/acme/payments/*")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/deploy/*")).isFalse();
    }

    @Test
    void bracketExpressionsAreReadAsTheShellReadsThem() {
        assertThat(SecretFiles.isSecret("/home/dev/.ssh/id_[er]*")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/.ssh/id_[!x]sa")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/.en[v]")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/src/[a-c]*.py")).isFalse();
    }

    @Test
    void textThatOnlyLooksLikeAGlobNeverBreaksTheCheck() {
        // a jq filter (gh pr list -q '.[].number') and sets holding regex syntax
        assertThat(SecretFiles.isSecret("/home/dev/app/.[].number")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/[]]x")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/[&&^\\q]")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/[")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/x[z-a]")).isFalse();
    }

    @Test
    void dataFilesInADirectoryOfSecretsAreSecrets() {
        assertThat(SecretFiles.isSecret("/home/dana/projects/churn/secrets/bq-prod-etl-sa.json")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/config/credentials/prod.yaml")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/.secrets/prod/db-password.txt")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/secrets/README.md")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/secrets/package.json")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/modules/secrets/main.tf")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/src/secrets/manager.py")).isFalse();
    }

    @Test
    void serviceAccountKeysAreNamedInMoreThanOneWay() {
        assertThat(SecretFiles.isSecret("/home/dev/app/etl-sa.json")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/deploy/prod-service-account.json")).isTrue();
        assertThat(SecretFiles.isSecret("/home/dev/app/i18n/ar-sa.json")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/tsconfig.json")).isFalse();
    }

    @Test
    void mailServersKeepLoginsAndSigningKeysInTheirOwnFiles() {
        assertThat(SecretFiles.isSecret("/etc/dovecot/users")).isTrue();
        assertThat(SecretFiles.isSecret("/etc/dovecot/dovecot-sql.conf.ext")).isTrue();
        assertThat(SecretFiles.isSecret("/etc/opendkim/keys/example.com/mail202405.private")).isTrue();
        assertThat(SecretFiles.isSecret("/var/lib/rspamd/dkim/example.com.mail.private")).isTrue();
        assertThat(SecretFiles.isSecret("/etc/postfix/sasl_passwd.db")).isTrue();
        assertThat(SecretFiles.isSecret("/etc/exim4/passwd.client")).isTrue();
        // the public DKIM record and the servers' ordinary settings hold no secret
        assertThat(SecretFiles.isSecret("/etc/opendkim/keys/example.com/mail202405.txt")).isFalse();
        assertThat(SecretFiles.isSecret("/etc/postfix/main.cf")).isFalse();
        assertThat(SecretFiles.isSecret("/etc/dovecot/conf.d/10-auth.conf")).isFalse();
        assertThat(SecretFiles.isSecret("/home/dev/app/src/private.ts")).isFalse();
    }
}
