package dev.interlock.analysis.shell.recognizers.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlShellsTest {

    @Test
    void serverNamesLoseTheirProtocolPortAndInstance() {
        assertThat(SqlShells.hostName("tcp:sql.prod.internal,1433")).isEqualTo("sql.prod.internal");
        assertThat(SqlShells.hostName("sql-prod-01\\SQLEXPRESS")).isEqualTo("sql-prod-01");
        assertThat(SqlShells.hostName("trino.prod.internal:8080")).isEqualTo("trino.prod.internal");
        assertThat(SqlShells.hostName("localhost")).isEqualTo("localhost");
    }

    @Test
    void everyClientsStatementAndTargetFlagsTakeAValue() {
        for (SqlShells.Client c : SqlShells.CLIENTS) {
            assertThat(c.valued()).as(c.program()).containsAll(c.query()).containsAll(c.file()).containsAll(c.host())
                    .containsAll(c.url()).containsAll(c.database());
            assertThat(c.query()).as(c.program()).isNotEmpty();
        }
    }
}
