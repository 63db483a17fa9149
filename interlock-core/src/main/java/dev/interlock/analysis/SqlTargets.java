package dev.interlock.analysis;

import dev.interlock.analysis.shell.recognizers.database.DatabaseTarget;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;

/** Connection strings ({@code postgres://db.prod.internal/app}) name the database host and database of SQL operations. */
public final class SqlTargets {

    private SqlTargets() {
    }

    /** Adds {@code host} and {@code database} locators from {@code target} to operations that do not have them. */
    public static List<Operation> locate(List<Operation> ops, String target) {
        if (target.isBlank()) {
            return ops;
        }
        DatabaseTarget parsed = DatabaseTarget.fromUrl(target);
        // A bare host name ("db.prod.internal") is not a URL; it still names the host.
        String host = parsed.host().isEmpty() && parsed.database().isEmpty() ? target.strip() : parsed.host();
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            Operation.Builder b = op.toBuilder();
            if (op.resource().locator("host").isEmpty()) {
                b.locator("host", host);
            }
            if (op.resource().locator("database").isEmpty()) {
                b.locator("database", parsed.database());
            }
            out.add(b.build());
        }
        return out;
    }

    /** {@code postgres://} → postgresql, {@code mysql://} → mysql, {@code sqlite:} → sqlite, else "". */
    public static String dialectOf(String target) {
        String t = target.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("postgres")) {
            return "postgresql";
        }
        if (t.startsWith("mysql") || t.startsWith("mariadb")) {
            return "mysql";
        }
        if (t.startsWith("sqlite")) {
            return "sqlite";
        }
        return "";
    }
}
