package dev.interlock.analysis.shell.recognizers;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    private final CommandTable table = CommandTable.builder()
            .add("secrets", "list-scopes list-secrets", read("secret"))
            .add("secrets", "get-secret", credential("secret"))
            .add("", "build", local("project"))
            .build();

    @Test
    void theLongestCommandWins() {
        CommandTable.Found found = table.find(List.of("secrets", "get-secret", "etl", "pw")).orElseThrow();
        assertThat(found.command()).isEqualTo("secrets get-secret");
        assertThat(found.words()).isEqualTo(2);
        assertThat(found.act().verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(table.find(List.of("secrets", "put-secret"))).isEmpty();
    }

    @Test
    void anUnlistedCommandIsJudgedByItsWord() {
        assertThat(CommandTable.guess("list-runs", "job").verb()).isEqualTo(Verb.READ);
        assertThat(CommandTable.guess("permanent-delete", "cluster").verb()).isEqualTo(Verb.DELETE);
        assertThat(CommandTable.guess("permanent-delete", "cluster").stateful()).isTrue();
        assertThat(CommandTable.guess("resize", "cluster").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void aLocalActRunsOnThisMachine() {
        Operation op = table.find(List.of("build")).orElseThrow().act().operation(Invocation.of("sam", "build"), "cloudformation", "")
                .build();
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(read("stack").operation(Invocation.of("sam", "logs"), "cloudformation", "s").build().environment())
                .isEqualTo(Tier.UNKNOWN);
    }
}
