package dev.interlock.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTargetsTest {

    static Operation located(String target) {
        return SqlTargets.locate(List.of(Operation.builder("database", Verb.DELETE).build()), target).getFirst();
    }

    @Test
    void connectionStringsNameHostAndDatabase() {
        assertThat(located("postgres://app@db.prod.internal:5432/orders?sslmode=require").resource().locators())
                .containsEntry("host", "db.prod.internal").containsEntry("database", "orders");
        assertThat(located("jdbc:mysql://mysql-stg.internal/shop").resource().locators())
                .containsEntry("host", "mysql-stg.internal").containsEntry("database", "shop");
        assertThat(located("host=db.prod.internal dbname=billing").resource().locator("host")).isEqualTo("db.prod.internal");
        assertThat(located("db.prod.internal").resource().locator("host")).isEqualTo("db.prod.internal");
        assertThat(SqlTargets.dialectOf("postgresql://x/y")).isEqualTo("postgresql");
    }

    @Test
    void locatorsTheAnalysisFoundWin() {
        Operation named = Operation.builder("database", Verb.DELETE).locator("database", "other").build();
        assertThat(SqlTargets.locate(List.of(named), "postgres://h/app").getFirst().resource().locator("database")).isEqualTo("other");
    }
}
