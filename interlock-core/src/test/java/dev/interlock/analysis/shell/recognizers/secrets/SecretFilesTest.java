package dev.interlock.analysis.shell.recognizers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretFilesTest {

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
}
