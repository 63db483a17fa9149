package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;

/**
 * SQL a cloud CLI sends to a managed database ({@code gcloud spanner databases execute-sql --sql},
 * {@code aws rds-data execute-statement --sql}, {@code aws athena start-query-execution --query-string}): the
 * statements decide the verb, as they would from psql, so a SELECT in prod is a read and an UPDATE a change. The
 * statements are placed where the cloud command is (project, profile, region, database).
 */
public final class CloudSql {

    private CloudSql() {
    }

    /** The statements' operations carrying {@code placed}'s locators; {@code placed} itself when there are none. */
    public static List<Operation> statements(String sql, boolean literal, Operation placed, Invocation inv, Nested nested) {
        return placedAs(DatabaseOps.statements(sql, literal, "", inv, nested), placed);
    }

    /** Operations a client's text produced, given {@code placed}'s locators they lack; {@code placed} when there are none. */
    public static List<Operation> placedAs(List<Operation> ops, Operation placed) {
        if (ops.isEmpty()) {
            return List.of(placed);
        }
        return ops.stream().map(op -> {
            Operation.Builder b = op.toBuilder();
            for (Map.Entry<String, String> l : placed.resource().locators().entrySet()) {
                if (op.resource().locator(l.getKey()).isEmpty()) {
                    b.locator(l.getKey(), l.getValue());
                }
            }
            return b.build();
        }).toList();
    }
}
