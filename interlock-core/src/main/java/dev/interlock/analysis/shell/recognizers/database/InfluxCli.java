package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * InfluxDB's {@code influx}. The 2.x CLI names a resource and a verb ({@code bucket delete}, {@code query}, {@code
 * auth list}, which prints API tokens); the 1.x shell runs InfluxQL given with {@code -execute}. Points are the data:
 * {@code influx delete} and dropping a bucket or measurement lose them. The server is {@code --host} ({@code -host} in
 * 1.x) or {@code INFLUX_HOST}.
 */
final class InfluxCli {

    private static final Set<String> VALUED = Set.of("--host", "-host", "--org", "-o", "--org-id", "--token", "-t",
            "--name", "-n", "--id", "-i", "--bucket", "-b", "--bucket-id", "--start", "--stop", "--predicate", "-p",
            "-database", "-execute", "-username", "-password", "-port", "-format", "-precision", "-path", "--file", "-f",
            "--configs-path", "--active-config", "-c", "--retention", "-r", "--description", "-d", "--format");
    private static final Action READ = Action.read("bucket");
    private static final Action POINTS = new Action(Verb.DELETE, "points", Scope.MANY, true, false, "deletes points");
    /** API tokens printed in clear. */
    private static final Action TOKENS = new Action(Verb.CREDENTIAL, "token", Scope.MANY, false, true, "prints API tokens");
    private static final Action ACCESS = Action.grant("user", "changes InfluxDB users, tokens or permissions");
    /** By "resource verb" or the resource alone. */
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("bucket delete", Action.delete("bucket", "deletes the bucket and its points")),
            Map.entry("bucket create", Action.create("bucket", "")), Map.entry("bucket update", Action.update("bucket", "")),
            Map.entry("org delete", Action.delete("org", "deletes the organization and everything in it")),
            Map.entry("org create", Action.create("org", "")), Map.entry("org update", Action.update("org", "")),
            Map.entry("delete", POINTS), Map.entry("write", Action.update("points", "writes points")),
            Map.entry("restore", new Action(Verb.REPLACE, "bucket", Scope.MANY, true, false, "restores data from a backup")),
            Map.entry("backup", READ), Map.entry("query", READ), Map.entry("ping", READ), Map.entry("version", READ),
            Map.entry("config", READ), Map.entry("completion", READ), Map.entry("export", READ),
            Map.entry("auth list", TOKENS), Map.entry("auth find", TOKENS),
            Map.entry("auth", ACCESS), Map.entry("user", ACCESS), Map.entry("v1 auth", ACCESS), Map.entry("org members", ACCESS),
            Map.entry("task run", Action.update("task", "runs a task")), Map.entry("task", Action.update("task", "")),
            Map.entry("apply", Action.update("bucket", "applies a template")), Map.entry("stacks", Action.update("stack", "")),
            Map.entry("secret", Action.update("secret", "")), Map.entry("remote", Action.update("remote", "")),
            Map.entry("replication", Action.update("replication", "")), Map.entry("dashboards", READ),
            Map.entry("setup", Action.create("org", "sets up a new instance")));
    /** Verbs of the 2.x CLI that only look. */
    private static final Set<String> LOOKS = Set.of("list", "ls", "find", "log", "logs", "retry-failed");

    private InfluxCli() {
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--host", "-host")
                .or(() -> java.util.Optional.ofNullable(inv.env().get("INFLUX_HOST"))), true, inv);
        target = new DatabaseTarget(dev.interlock.environment.Hosts.of(target.host()), p.value("-database", "--bucket", "-b")
                .orElse(""), target.uncertain());
        if (p.has("-execute")) {
            return DatabaseOps.locateClient(List.of(influxQl(p.value("-execute").orElse(""), inv)), target, inv).getFirst();
        }
        List<String> words = p.words();
        if (words.isEmpty()) {
            return DatabaseOps.locateClient(List.of(DatabaseOps.session(inv, target.database())), target, inv).getFirst();
        }
        String two = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.getFirst();
        Action action = COMMANDS.containsKey(two) ? COMMANDS.get(two)
                : words.size() > 1 && LOOKS.contains(words.get(1)) ? READ : COMMANDS.get(words.getFirst());
        String name = p.value("--name", "-n", "--bucket", "-b").orElse("");
        Operation.Builder b;
        if (action == null) {
            b = DatabaseOps.op(inv, Verb.UNKNOWN, "bucket", name).confidence(Confidence.INFERRED).note("unrecognized influx command " + two);
        } else if (words.getFirst().equals("query") && Regex.matches(String.join(" ", words), "(?s).*\\|>\\s*(to|experimental\\.to)\\s*\\(.*")) {
            b = DatabaseOps.op(inv, Verb.UPDATE, "points", name).note("the Flux query writes its result with to()");
        } else {
            b = action.on(DatabaseOps.SYSTEM, name, inv, "influx " + two);
            if (words.getFirst().equals("delete") && !p.has("--predicate", "-p")) {
                b.scope(Scope.ALL).note("deletes every point in the time range");
            }
            if (words.getFirst().equals("backup")) {
                DatabaseAdminTools.dataCopy(b, true).note("copies the instance's data to a local directory");
            }
        }
        return DatabaseOps.locateClient(List.of(b.build()), target, inv).getFirst();
    }

    /** InfluxQL of the 1.x shell, by its first words. */
    private static Operation influxQl(String q, Invocation inv) {
        String s = q.trim().toUpperCase(java.util.Locale.ROOT);
        if (Regex.matches(s, "(?s)DROP\\s+DATABASE\\s+.*")) {
            String name = q.trim().split("\\s+").length > 2 ? q.trim().split("\\s+")[2] : "";
            return DatabaseOps.teardown(inv, "database", name, "drops the database " + name);
        }
        Operation.Builder b;
        if (Regex.matches(s, "(?s)(GRANT|REVOKE|CREATE\\s+USER|SET\\s+PASSWORD|DROP\\s+USER)\\b.*")) {
            b = DatabaseOps.op(inv, Verb.GRANT, "user", "");
        } else if (Regex.matches(s, "(?s)(DROP|DELETE)\\b.*")) {
            b = DatabaseOps.op(inv, Verb.DELETE, "measurement", "").scope(Scope.MANY).stateful(true).reversible(false);
        } else if (Regex.matches(s, "(?s)(SELECT|SHOW|EXPLAIN)\\b.*") && !Regex.matches(s, "(?s).*\\bINTO\\b.*")) {
            b = DatabaseOps.op(inv, Verb.READ, "measurement", "");
        } else {
            b = DatabaseOps.op(inv, Verb.UPDATE, "database", "");
        }
        return b.note("InfluxQL: " + q.trim()).build();
    }
}
