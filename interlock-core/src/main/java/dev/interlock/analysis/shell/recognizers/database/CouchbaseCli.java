package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Couchbase: {@code couchbase-cli SUBCOMMAND -c host:8091} administers a cluster (lists read; {@code bucket-flush}
 * empties a bucket, {@code bucket-delete} removes it, node and user management change the cluster or who may use it),
 * and {@code cbq -e URL -s "N1QL"} sends N1QL, which the SQL analyzer reads like any SQL. The cluster is {@code -c} or
 * {@code -e}; a loopback address is a sandbox on this machine.
 */
final class CouchbaseCli {

    private static final Set<String> CLI_VALUED = Set.of("-c", "--cluster", "-u", "--username", "-p", "--password",
            "--bucket", "--bucket-type", "--bucket-ramsize", "--client-cert", "--client-key", "--cacert", "--config-path");
    private static final Set<String> CBQ_VALUED = Set.of("-e", "--engine", "-u", "--user", "-p", "--password", "-s",
            "--script", "-f", "--file", "-c", "--credentials", "-t", "--timeout", "-o", "--output", "--cacert", "--cert", "--key");

    private static final Action READ = Action.read("cluster");
    private static final Action CLUSTER = Action.update("cluster", "changes the cluster's nodes or settings");
    private static final Action ACCESS = Action.grant("user", "changes Couchbase users, roles or passwords");
    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("bucket-flush", new Action(Verb.DELETE, "bucket", Scope.ALL, true, false, "deletes every document in the bucket")),
            Map.entry("bucket-delete", Action.delete("bucket", "deletes the bucket and its documents")),
            Map.entry("bucket-create", Action.create("bucket", "")), Map.entry("bucket-edit", Action.update("bucket", "")),
            Map.entry("bucket-compact", Action.update("bucket", "compacts the bucket")),
            Map.entry("server-add", CLUSTER), Map.entry("server-readd", CLUSTER), Map.entry("rebalance", CLUSTER),
            Map.entry("rebalance-stop", CLUSTER), Map.entry("failover", CLUSTER), Map.entry("recovery", CLUSTER),
            Map.entry("node-init", CLUSTER), Map.entry("cluster-init", CLUSTER), Map.entry("reset-cipher-suites", CLUSTER),
            Map.entry("enable-developer-preview", CLUSTER), Map.entry("node-to-node-encryption", CLUSTER),
            Map.entry("xdcr-setup", CLUSTER), Map.entry("xdcr-replicate", CLUSTER), Map.entry("eventing-function-setup", CLUSTER),
            Map.entry("backup-service", CLUSTER), Map.entry("analytics-link-setup", CLUSTER), Map.entry("ssl-manage", CLUSTER),
            Map.entry("collection-manage", Action.update("collection", "creates, edits or drops scopes and collections")),
            Map.entry("user-manage", ACCESS), Map.entry("admin-role-manage", ACCESS), Map.entry("group-manage", ACCESS),
            Map.entry("reset-admin-password", ACCESS), Map.entry("master-password", ACCESS),
            Map.entry("server-list", READ), Map.entry("server-info", READ), Map.entry("bucket-list", READ),
            Map.entry("host-list", READ), Map.entry("rebalance-status", READ), Map.entry("server-eshell",
                    new Action(Verb.EXECUTE, "cluster", Scope.ONE, false, true, "opens an Erlang shell on the server")));
    /** Flags that make a managing subcommand only list ({@code user-manage --list}, {@code collection-manage --list-scopes}). */
    private static final Set<String> LISTING = Set.of("--list", "--list-scopes", "--list-collections", "--my-roles", "--get",
            "--cluster-cert-info", "--node-cert-info", "--list-replications", "--settings", "--status");

    private CouchbaseCli() {
    }

    static Operation cli(Invocation inv) {
        ParsedArgs p = inv.parse(CLI_VALUED);
        String command = p.words().isEmpty() ? "help" : p.words().getFirst();
        Action action = COMMANDS.get(command);
        boolean lists = p.flags().keySet().stream().anyMatch(LISTING::contains) || command.startsWith("setting-") && p.flags().keySet()
                .stream().allMatch(f -> CLI_VALUED.contains(f));
        Operation.Builder b;
        if (lists || command.equals("help")) {
            b = READ.on(DatabaseOps.SYSTEM, "", inv, "couchbase-cli " + command);
        } else if (action != null) {
            b = action.on(DatabaseOps.SYSTEM, p.value("--bucket").orElse(""), inv, "couchbase-cli " + command);
        } else {
            // setting-* and the other managing commands change the cluster's configuration
            b = CLUSTER.on(DatabaseOps.SYSTEM, "", inv, "couchbase-cli " + command).confidence(Confidence.INFERRED);
        }
        return DatabaseOps.locateClient(List.of(b.build()), host(p.value("-c", "--cluster"), inv), inv).getFirst();
    }

    static List<Operation> cbq(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(CBQ_VALUED);
        List<Operation> ops = new ArrayList<>();
        for (String statement : DatabaseOps.values(p, "-s", "--script")) {
            ops.addAll(DatabaseOps.statements(statement, DatabaseOps.literal(inv, statement), "mysql", inv, nested));
        }
        p.value("-f", "--file").ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, "", f)));
        if (!p.has("-s", "--script", "-f", "--file")) {
            ops.addAll(inv.stdin().map(s -> DatabaseOps.statements(s, true, "mysql", inv, nested))
                    .orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        DatabaseTarget target = host(p.value("-e", "--engine").or(() -> p.positional(0)), inv);
        return DatabaseOps.locateClient(ops, target, inv);
    }

    /** {@code couchbase://h}, {@code http://h:8093} or {@code h:8091}: the host alone. */
    private static DatabaseTarget host(java.util.Optional<String> value, Invocation inv) {
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, value, true, inv);
        return new DatabaseTarget(dev.interlock.environment.Hosts.of(target.host()), target.database(), target.uncertain());
    }
}
