package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * InfluxDB's CLIs, a time-series database like any other: {@code influx} (2.x: buckets, tokens, tasks, {@code delete}
 * of points; 1.x: InfluxQL in {@code -execute}) and {@code influxdb3}. {@code auth list} prints every token's value, so
 * it is a {@code credential} read; creating a token or adding an org member is a {@code grant}; dropping a bucket loses
 * its data. Where comes from {@code --host}/{@code -host} (or {@code INFLUX_HOST}): {@code localhost} is a local sandbox.
 * A 2.x command without a host uses the active connection profile, which cannot be seen, so it stays unplaced.
 */
public final class InfluxCli implements Recognizer {

    private static final Action CREDENTIALS = new Action(Verb.CREDENTIAL, "token", Scope.MANY, false, true,
            "prints the tokens with their values");
    private static final Action GRANT = Action.grant("token", "changes who may read or write the InfluxDB data");
    private static final Action DROP = new Action(Verb.DELETE, "bucket", Scope.ALL, true, false, "deletes the bucket with all its data");

    /** {@code influx} 2.x subcommands (two words, else one) that do something other than read. */
    private static final Map<String, Action> V2 = Map.ofEntries(
            Map.entry("auth list", CREDENTIALS), Map.entry("auth ls", CREDENTIALS), Map.entry("auth find", CREDENTIALS),
            Map.entry("v1 auth", CREDENTIALS),
            Map.entry("auth create", GRANT), Map.entry("auth delete", GRANT), Map.entry("auth active", GRANT),
            Map.entry("auth inactive", GRANT), Map.entry("v1 auth create", GRANT), Map.entry("v1 auth delete", GRANT),
            Map.entry("v1 auth set-active", GRANT), Map.entry("v1 auth set-inactive", GRANT),
            Map.entry("v1 auth set-password", new Action(Verb.CREDENTIAL, "password", Scope.ONE, false, true, "sets a password")),
            Map.entry("user password", new Action(Verb.CREDENTIAL, "password", Scope.ONE, false, true, "sets a user's password")),
            Map.entry("org members", Action.read("org")), Map.entry("org members add", Action.grant("org", "adds a member")),
            Map.entry("org members remove", Action.grant("org", "removes a member")),
            Map.entry("user create", Action.grant("user", "creates a user")), Map.entry("user delete", Action.grant("user", "deletes a user")),
            Map.entry("user update", Action.update("user", "")), Map.entry("setup", Action.grant("instance", "sets up the instance with an operator token")),
            Map.entry("bucket create", Action.create("bucket", "")), Map.entry("bucket update", Action.update("bucket", "")),
            Map.entry("bucket delete", DROP), Map.entry("bucket-schema create", Action.create("bucket-schema", "")),
            Map.entry("bucket-schema update", Action.update("bucket-schema", "")),
            Map.entry("org create", Action.create("org", "")), Map.entry("org update", Action.update("org", "")),
            Map.entry("org delete", new Action(Verb.DELETE, "org", Scope.ALL, true, false, "deletes the org with its buckets")),
            Map.entry("write", Action.update("points", "writes points")), Map.entry("write dryrun", Action.read("points")),
            Map.entry("task create", Action.update("task", "")), Map.entry("task update", Action.update("task", "")),
            Map.entry("task delete", Action.delete("task", "")), Map.entry("task retry-failed", Action.update("task", "reruns failed runs")),
            Map.entry("task run", Action.read("task")), Map.entry("task run retry", Action.update("task", "reruns a run")),
            Map.entry("secret update", Action.update("secret", "")), Map.entry("secret delete", Action.delete("secret", "")),
            Map.entry("apply", Action.update("template", "applies a template")), Map.entry("stacks init", Action.create("stack", "")),
            Map.entry("stacks update", Action.update("stack", "")), Map.entry("stacks rm", Action.delete("stack", "")),
            Map.entry("stacks remove", Action.delete("stack", "")), Map.entry("stacks delete", Action.delete("stack", "")),
            Map.entry("telegrafs create", Action.update("telegraf", "")), Map.entry("telegrafs update", Action.update("telegraf", "")),
            Map.entry("telegrafs rm", Action.delete("telegraf", "")),
            Map.entry("remote create", Action.create("remote", "")), Map.entry("remote update", Action.update("remote", "")),
            Map.entry("remote delete", Action.delete("remote", "")),
            Map.entry("replication create", Action.create("replication", "")),
            Map.entry("replication update", Action.update("replication", "")),
            Map.entry("replication delete", Action.delete("replication", "")),
            Map.entry("v1 dbrp create", Action.create("dbrp", "")), Map.entry("v1 dbrp update", Action.update("dbrp", "")),
            Map.entry("v1 dbrp delete", Action.delete("dbrp", "")),
            Map.entry("restore", new Action(Verb.REPLACE, "bucket", Scope.ALL, true, false, "replaces data with a backup's")));

    /** {@code influxdb3} (3.x): the first word says what, the second on what. */
    private static final Map<String, Verb> V3 = Map.of("create", Verb.CREATE, "delete", Verb.DELETE, "update", Verb.UPDATE,
            "write", Verb.UPDATE, "enable", Verb.UPDATE, "disable", Verb.UPDATE, "install", Verb.UPDATE);

    private static final Set<String> VALUED = Set.of("--host", "--org", "-o", "--org-id", "--token", "-t", "--configs-path",
            "--active-config", "-c", "--name", "-n", "--id", "-i", "--bucket", "-b", "--bucket-id", "--start", "--stop",
            "--predicate", "-p", "--description", "-d", "--retention", "-r", "--file", "-f", "--format", "--precision",
            "--user", "-u", "--password", "--shard-group-duration", "--schema-type", "--limit", "--skip", "--http-debug",
            "-host", "-port", "-username", "-password", "-database", "-execute", "-format", "-precision", "-import", "-path",
            "-H", "--database", "--language", "--output", "--permission", "--expiry", "--table");

    @Override
    public Set<String> programs() {
        return Set.of("influx", "influxdb3");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "-version")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String url = p.value("--host", "-H").or(() -> p.value("-host").map(h -> h + p.value("-port").map(x -> ":" + x).orElse("")))
                .orElse(inv.env().getOrDefault(inv.program().equals("influxdb3") ? "INFLUXDB3_HOST_URL" : "INFLUX_HOST", ""));
        boolean v1 = inv.program().equals("influx") && (p.has("-execute", "-import", "-host", "-database", "-username")
                || words.isEmpty());
        if (v1 && url.isEmpty()) {
            url = "localhost"; // the 1.x shell connects to this machine unless told otherwise
        }
        String host = Hosts.of(url.contains("://") ? url : "http://" + url);
        List<Operation> ops = new ArrayList<>();
        if (words.size() > 0 && words.getFirst().equals("config")) {
            Verb verb = words.size() < 2 || Set.of("list", "ls").contains(words.get(1)) ? Verb.READ : Verb.UPDATE;
            return List.of(LocalFiles.local(inv, Operation.builder("influx", verb).resource("cli-config", p.value("--config-name", "-n")
                    .orElse(words.size() > 2 ? words.get(2) : "")).evidence(inv.evidence()), "the CLI's own connection profiles").build());
        }
        if (v1) {
            Optional<String> statements = p.value("-execute");
            if (statements.isPresent()) {
                for (String s : statements.get().split(";")) {
                    if (!s.isBlank()) {
                        ops.add(influxql(inv, s.trim(), p.value("-database").orElse("")));
                    }
                }
            } else if (p.has("-import")) {
                ops.add(Action.update("points", "imports points from a file").on(DatabaseOps.SYSTEM, p.value("-path").orElse(""), inv).build());
            } else {
                ops.add(DatabaseOps.session(inv, p.value("-database").orElse("")));
            }
        } else if (inv.program().equals("influxdb3")) {
            Verb verb = words.isEmpty() ? Verb.READ : V3.getOrDefault(words.getFirst(), words.getFirst().equals("serve") ? Verb.EXECUTE : Verb.READ);
            String type = words.size() > 1 ? words.get(1) : "database";
            if (verb == Verb.EXECUTE) {
                return List.of(LocalFiles.execute(inv, "influxdb3", "runs an InfluxDB server on this machine"));
            }
            boolean token = type.equals("token");
            Verb v = token && (verb == Verb.CREATE || verb == Verb.DELETE) ? Verb.GRANT : verb;
            boolean drop = v == Verb.DELETE && (type.equals("database") || type.equals("table"));
            ops.add(Operation.builder(DatabaseOps.SYSTEM, v).resource(type, p.value("--database", "-d").orElse(words.size() > 2 ? words.get(2) : ""))
                    .scope(drop ? Scope.ALL : Scope.ONE).stateful(drop).reversible(!drop).evidence(inv.evidence()).build());
        } else {
            String two = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.getFirst();
            String three = words.size() > 2 ? two + " " + words.get(2) : two;
            Action row = V2.getOrDefault(three, V2.getOrDefault(two, V2.getOrDefault(words.getFirst(), Action.read(words.getFirst()))));
            if (words.getFirst().equals("delete")) {
                // the points matching --predicate between --start and --stop; without a predicate, all of them
                boolean all = !p.has("--predicate", "-p");
                row = new Action(Verb.DELETE, "points", all ? Scope.ALL : Scope.MANY, true, false,
                        all ? "deletes every point in the time range" : "deletes the points the predicate matches");
            }
            if (two.equals("bucket update") && p.has("--retention", "-r")) {
                // a shorter retention drops the points older than it at once
                row = new Action(Verb.UPDATE, "bucket", Scope.MANY, true, false, "changes the retention: older points are dropped");
            }
            if (words.getFirst().equals("query") && String.join(" ", words).matches("(?s).*\\|>\\s*(experimental\\.)?to\\s*\\(.*")) {
                row = Action.update("points", "the Flux query writes its result with to()");
            }
            String name = p.value("--name", "-n", "--bucket", "-b", "--id", "-i").orElse(p.value("--org", "-o").orElse(""));
            Operation.Builder b = row.on(DatabaseOps.SYSTEM, name, inv);
            if (words.getFirst().equals("backup")) {
                b.locator(DatabaseOps.COPIES_DATA, "rows").note("copies the instance's data to a local directory");
            }
            ops.add(b.build());
        }
        return ops.stream().map(o -> host.isEmpty() ? o : o.toBuilder().locator("host", host).build()).toList();
    }

    /** One InfluxQL statement: its first words say what it does. */
    private static Operation influxql(Invocation inv, String statement, String database) {
        String s = statement.toUpperCase(Locale.ROOT);
        Action row;
        if (s.startsWith("SELECT") && !s.contains(" INTO ") || s.startsWith("SHOW") || s.startsWith("EXPLAIN")) {
            row = Action.read("measurement");
        } else if (s.matches("(CREATE|DROP) USER.*|GRANT.*|REVOKE.*|SET PASSWORD.*")) {
            row = s.startsWith("SET PASSWORD") ? new Action(Verb.CREDENTIAL, "password", Scope.ONE, false, true, "sets a password")
                    : Action.grant("user", "changes who may read or write");
        } else if (s.matches("DROP (DATABASE|RETENTION POLICY|SHARD).*")) {
            row = new Action(Verb.DELETE, "database", Scope.ALL, true, false, "drops it with all its data");
        } else if (s.startsWith("DROP") || s.startsWith("DELETE")) {
            row = new Action(Verb.DELETE, "measurement", s.contains(" WHERE ") ? Scope.MANY : Scope.ALL, true, false, "deletes stored points");
        } else if (s.startsWith("CREATE")) {
            row = Action.create("database", "");
        } else {
            row = Action.update("database", ""); // ALTER, KILL QUERY, SELECT … INTO
        }
        return row.on(DatabaseOps.SYSTEM, database, inv).build();
    }
}
