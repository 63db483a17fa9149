package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.database.SqlShells;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbatools, the SQL Server administration module, beyond a cmdlet's verb: each cmdlet acts on the instance its
 * {@code -SqlInstance} (or {@code -Source}) names, placed through the inventory like {@code sqlcmd -S}. A database
 * copied with {@code Copy-DbaDatabase} carries its rows out of the source; logins exported or copied carry their
 * password hashes; {@code Set-DbaSpConfigure} is {@code sp_configure}, judged as that SQL. {@code Get-Dba…} and
 * {@code Test-Dba…} only look. The verbs not in the table are {@link WindowsServerCmdlets}' to judge.
 */
final class DbaToolsCmdlets {

    private DbaToolsCmdlets() {
    }

    /** What one cmdlet does, beyond what its verb says. */
    private enum Kind { COPIES_DATABASE, REVEALS_LOGINS, CONFIGURES, REMOVES_DATABASE }

    private static final Map<String, Kind> TABLE = Map.ofEntries(
            Map.entry("copy-dbadatabase", Kind.COPIES_DATABASE),
            // CREATE LOGIN scripts carry the password hashes (and SIDs) that let anyone log in as those accounts
            Map.entry("export-dbalogin", Kind.REVEALS_LOGINS), Map.entry("copy-dbalogin", Kind.REVEALS_LOGINS),
            Map.entry("export-dbauser", Kind.REVEALS_LOGINS), Map.entry("export-dbacredential", Kind.REVEALS_LOGINS),
            Map.entry("copy-dbacredential", Kind.REVEALS_LOGINS), Map.entry("export-dbalinkedserver", Kind.REVEALS_LOGINS),
            Map.entry("copy-dbalinkedserver", Kind.REVEALS_LOGINS), Map.entry("export-dbadbmasterkey", Kind.REVEALS_LOGINS),
            Map.entry("set-dbaspconfigure", Kind.CONFIGURES),
            Map.entry("remove-dbadatabase", Kind.REMOVES_DATABASE));

    /** dbatools' names of the server options whose SQL name differs ({@code Set-DbaSpConfigure -Name XPCmdShellEnabled}). */
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("xpcmdshellenabled", "xp_cmdshell"), Map.entry("oleautomationproceduresenabled", "Ole Automation Procedures"),
            Map.entry("isclrenabled", "clr enabled"), Map.entry("clrstrictsecurity", "clr strict security"),
            Map.entry("adhocdistributedqueriesenabled", "Ad Hoc Distributed Queries"),
            Map.entry("crossdbownershipchaining", "cross db ownership chaining"),
            Map.entry("defaulttraceenabled", "default trace enabled"), Map.entry("c2auditmode", "c2 audit mode"),
            Map.entry("commoncriteriacomplianceenabled", "common criteria compliance enabled"),
            Map.entry("externalscriptsenabled", "external scripts enabled"));

    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&=])\\s*((?:Get|Test|Find|Measure|Copy|Export|Set|Remove)-Dba\\w+)\\b([^|;\\n}]*)");
    private static final Pattern INSTANCE = Pattern.compile("(?i)-(?:SqlInstance|Source|ServerInstance)\\s+['\"]?(?!\\$)([^'\"\\s,]+)");
    private static final Pattern DESTINATION = Pattern.compile("(?i)-Destination\\s+['\"]?(?!\\$)([^'\"\\s,]+)");
    private static final Pattern DATABASE = Pattern.compile("(?i)-Database(?:Name)?\\s+['\"]?([^'\"\\s,]+)");
    private static final Pattern OPTION = Pattern.compile("(?i)-(?:Name|ConfigName)\\s+['\"]?([^'\"\\s]+)['\"]?");
    private static final Pattern VALUE = Pattern.compile("(?i)-Value\\s+['\"]?(\\$true|\\$false|\\d+)");

    /** Whether the table here judges {@code cmdlet}, so that the family rule of {@link WindowsServerCmdlets} leaves it alone. */
    static boolean owns(String cmdlet) {
        return TABLE.containsKey(cmdlet.toLowerCase(Locale.ROOT));
    }

    static List<Operation> operations(String code, Invocation inv, Nested nested) {
        if (!Regex.find(code, "(?i)-Dba")) {
            return List.of(); // the usual PowerShell line has no dbatools cmdlet
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            String cmdlet = m.group(1);
            String rest = m.group(2);
            String lower = cmdlet.toLowerCase(Locale.ROOT);
            String host = host(INSTANCE, rest);
            String database = find(DATABASE, rest);
            Kind kind = TABLE.get(lower);
            if (kind == null) {
                if (Regex.find(lower, "^(get|test|find|measure)-")) {
                    ops.add(placed(Operation.builder(DatabaseOps.SYSTEM, Verb.READ).resource("database", database)
                            .note(cmdlet + " only reports"), host, inv));
                }
                continue;
            }
            switch (kind) {
                case COPIES_DATABASE -> {
                    // the rows leave the source for the destination; there they create (with -Force, replace) the database
                    ops.add(placed(Operation.builder(DatabaseOps.SYSTEM, Verb.READ).resource("database", database).scope(Scope.ALL)
                            .locator(DatabaseOps.COPIES_DATA, "database")
                            .note(cmdlet + " copies every row of " + (database.isEmpty() ? "the databases" : database) + " to another instance"), host, inv));
                    boolean force = Regex.find(rest, "(?i)\\s-Force\\b");
                    ops.add(placed(Operation.builder(DatabaseOps.SYSTEM, force ? Verb.REPLACE : Verb.CREATE).resource("database", database)
                            .stateful(force).reversible(!force)
                            .note(cmdlet + (force ? " overwrites " : " creates ") + "the database at the destination"), host(DESTINATION, rest), inv));
                }
                case REVEALS_LOGINS -> ops.add(placed(Operation.builder(DatabaseOps.SYSTEM, Verb.CREDENTIAL).resource("login", "").scope(Scope.MANY)
                        .note(cmdlet + " writes out logins with their password hashes or stored secrets"), host, inv));
                case CONFIGURES -> ops.addAll(configure(cmdlet, rest, host, inv, nested));
                case REMOVES_DATABASE -> ops.add(placed(Operation.builder(DatabaseOps.SYSTEM, Verb.DELETE).resource("database", database)
                        .scope(Scope.ALL).stateful(true).reversible(false).note(cmdlet + " drops the database"), host, inv));
            }
        }
        return ops;
    }

    /** {@code Set-DbaSpConfigure -Name X -Value V} is {@code EXEC sp_configure 'X', V}, judged as SQL on the instance. */
    private static List<Operation> configure(String cmdlet, String rest, String host, Invocation inv, Nested nested) {
        String option = find(OPTION, rest);
        String value = find(VALUE, rest).toLowerCase(Locale.ROOT).replace("$true", "1").replace("$false", "0");
        if (option.isEmpty() || value.isEmpty()) {
            return List.of(placed(Operation.builder(DatabaseOps.SYSTEM, Verb.UPDATE).resource("server", option)
                    .note(cmdlet + " changes a server option"), host, inv));
        }
        String name = OPTIONS.getOrDefault(option.toLowerCase(Locale.ROOT), option).replace("'", "''");
        List<Operation> ops = new ArrayList<>();
        for (Operation op : nested.sql("EXEC sp_configure '" + name + "', " + value, "sqlserver", inv)) {
            ops.add(host.isEmpty() ? op : op.toBuilder().locator("host", host).build());
        }
        return ops;
    }

    private static Operation placed(Operation.Builder b, String host, Invocation inv) {
        b.confidence(Confidence.INFERRED).evidence(inv.evidence());
        return (host.isEmpty() ? b : b.locator("host", host)).build();
    }

    private static String host(Pattern flag, String rest) {
        String named = find(flag, rest);
        return named.isEmpty() ? "" : SqlShells.hostName(named);
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
