package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL Server's bulk and deployment tools. {@code bcp T out FILE} writes every row of T to a file here (a copy of the
 * data, like a dump), {@code queryout} the rows of its query, {@code in} loads a file into the table, {@code format}
 * only describes it. {@code sqlpackage /Action:Publish} changes the target's schema to the dacpac's (with
 * {@code /p:BlockOnPossibleDataLoss=false} or {@code DropObjectsNotInSource=true} it may drop data), {@code Import}
 * creates a database from a bacpac, {@code Export} copies the source's rows into a bacpac here; the reports and
 * scripts only read. Both act on the server their {@code -S}/{@code /TargetServerName} names.
 */
public final class SqlServerTools implements Recognizer {

    private static final Set<String> BCP_VALUED = Set.of("-S", "-d", "-U", "-P", "-f", "-e", "-F", "-L", "-b", "-t", "-r",
            "-i", "-o", "-a", "-h", "-m", "-K", "-C", "-V", "-l");

    /** sqlpackage's actions: what each does to its target (Publish, Import) or its source (Export, Extract). */
    private static final Map<String, Action> ACTIONS = Map.of(
            "publish", Action.update("schema", "publishes a dacpac: the target's schema is changed to match"),
            "import", Action.create("database", "imports a bacpac into a new database"),
            "export", Action.read("database"),
            "extract", Action.read("schema"),
            "deployreport", Action.read("schema"),
            "driftreport", Action.read("schema"),
            "script", Action.read("schema"));

    /** sqlpackage's short parameter names. */
    private static final Map<String, String> SHORT = Map.of("a", "action", "tsn", "targetservername", "tdn", "targetdatabasename",
            "tcs", "targetconnectionstring", "ssn", "sourceservername", "sdn", "sourcedatabasename", "scs", "sourceconnectionstring",
            "tf", "targetfile", "sf", "sourcefile");

    @Override
    public Set<String> programs() {
        return Set.of("bcp", "bcp.exe", "sqlpackage", "sqlpackage.exe", "SqlPackage.exe", "SqlPackage");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-v", "/?", "-?", "/Version:True")) {
            return List.of();
        }
        return inv.program().toLowerCase(Locale.ROOT).startsWith("bcp") ? bcp(inv, nested) : sqlpackage(inv);
    }

    private static List<Operation> bcp(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(BCP_VALUED);
        String object = p.positional(0).orElse("");
        String direction = p.positional(1).orElse("").toLowerCase(Locale.ROOT);
        String file = p.positional(2).orElse("");
        // Orders.dbo.Customers: its catalog is the database, unless -d names one
        String database = p.value("-d").orElse(object.chars().filter(c -> c == '.').count() == 2 ? Regex.before(object, "\\.") : "");
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("-S").map(SqlShells::hostName), true, inv).withDatabase(database);
        List<Operation> ops = new ArrayList<>();
        switch (direction) {
            case "out" -> ops.add(DatabaseOps.op(inv, Verb.READ, "table", object).scope(Scope.ALL).locator(DatabaseOps.COPIES_DATA, "rows")
                    .note("bcp out writes every row of " + object + " to " + file + " on this machine").build());
            case "queryout" -> {
                for (Operation op : DatabaseOps.statements(object, DatabaseOps.literal(inv, object), "sqlserver", inv, nested)) {
                    ops.add(DatabaseOps.returnsRows(op) ? DatabaseOps.rowsWrittenTo(op, file) : op);
                }
            }
            case "in" -> ops.add(DatabaseOps.op(inv, Verb.UPDATE, "table", object).scope(Scope.MANY)
                    .note("bcp in loads the rows of " + file + " into " + object).build());
            case "format" -> ops.add(DatabaseOps.op(inv, Verb.READ, "table", object).note("bcp format only describes the table's columns").build());
            default -> ops.add(DatabaseOps.unknown(inv, "bcp with no known direction (in, out, queryout, format)"));
        }
        return DatabaseOps.locateClient(ops, target, inv);
    }

    private static List<Operation> sqlpackage(Invocation inv) {
        Map<String, String> params = new HashMap<>();
        Map<String, String> properties = new HashMap<>();
        for (String w : inv.words()) {
            if (!(w.startsWith("/") || w.startsWith("-")) || w.indexOf(':') < 0) {
                continue;
            }
            String key = w.substring(1, w.indexOf(':')).toLowerCase(Locale.ROOT);
            String value = w.substring(w.indexOf(':') + 1);
            if (key.equals("p") || key.equals("properties")) {
                int eq = value.indexOf('=');
                if (eq > 0) {
                    properties.put(value.substring(0, eq).toLowerCase(Locale.ROOT), value.substring(eq + 1).toLowerCase(Locale.ROOT));
                }
            } else {
                params.put(SHORT.getOrDefault(key, key), value);
            }
        }
        String actionName = params.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        Action action = ACTIONS.get(actionName);
        if (action == null) {
            return List.of(DatabaseOps.unknown(inv, "sqlpackage with no known /Action"));
        }
        // Export and Extract read the source; the others act on the target
        boolean source = actionName.equals("export") || actionName.equals("extract");
        String side = source ? "source" : "target";
        DatabaseTarget target = DatabaseTarget.fromUrl(params.getOrDefault(side + "connectionstring", ""));
        target = DatabaseOps.flag(target, Optional.ofNullable(params.get(side + "servername")).map(SqlShells::hostName), true, inv);
        target = DatabaseOps.flag(target, Optional.ofNullable(params.get(side + "databasename")), false, inv);
        Operation.Builder b = action.on(DatabaseOps.SYSTEM, target.database(), inv, "sqlpackage /Action:" + params.get("action") + " only reads or reports")
                .confidence(Confidence.INFERRED);
        boolean allData = actionName.equals("export") || actionName.equals("extract")
                && "true".equals(properties.get("extractalltabledata"));
        if (allData) {
            b.scope(Scope.ALL).locator(COPIES_DATA, "bacpac").note("sqlpackage /Action:" + params.get("action")
                    + " copies every row of " + target.database() + " into " + params.getOrDefault("targetfile", "a file") + " on this machine");
        }
        if (actionName.equals("publish") && ("false".equals(properties.get("blockonpossibledataloss"))
                || "true".equals(properties.get("dropobjectsnotinsource")) || "true".equals(properties.get("createnewdatabase")))) {
            b.stateful(true).reversible(false).note("publishes a dacpac with data-loss protection off: tables and columns may be dropped with their rows");
        }
        return DatabaseOps.locate(List.of(b.build()), target, inv);
    }

    private static final String COPIES_DATA = DatabaseOps.COPIES_DATA;
}
