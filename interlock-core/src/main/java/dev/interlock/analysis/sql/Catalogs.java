package dev.interlock.analysis.sql;

import dev.interlock.model.Operation;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A table named with three parts ({@code dev_catalog.sales.orders} in Spark, Databricks and Trino; a database's name in
 * SQL Server; a project in BigQuery) names its catalog first: the {@code catalog} locator, which the inventory places
 * like a database's name, so {@code OPTIMIZE dev_catalog.sales.orders} is dev work where nothing else names the
 * environment (and {@code prod_catalog.…} is production's even on a client that names nothing).
 */
final class Catalogs {

    private Catalogs() {
    }

    private static final Set<String> TYPES = Set.of("table", "view", "snapshot", "orphan-files", "procedure");
    private static final Pattern THREE_PARTS = Pattern.compile("([A-Za-z_][\\w$-]*)\\.[A-Za-z_][\\w$]*\\.[A-Za-z_][\\w$]*.*");

    static Operation placed(Operation op) {
        if (!TYPES.contains(op.resource().type()) || !op.resource().locator("catalog").isEmpty()) {
            return op;
        }
        String name = op.resource().name();
        if (name.indexOf('.') < 0) {
            return op; // the common case, before any pattern work
        }
        var m = THREE_PARTS.matcher(name);
        return m.matches() ? op.toBuilder().locator("catalog", m.group(1)).build() : op;
    }
}
