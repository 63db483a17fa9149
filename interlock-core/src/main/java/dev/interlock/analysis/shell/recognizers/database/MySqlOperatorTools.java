package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools MySQL operators run beside the client: online schema changes ({@code gh-ost}, {@code
 * pt-online-schema-change}: a dry run unless {@code --execute}), Percona Toolkit (reports only read; {@code pt-kill}
 * only prints unless {@code --kill}/{@code --kill-query}; {@code pt-archiver} deletes the rows it archives;
 * {@code pt-query-digest} reads its logs but {@code --review}/{@code --history} write its findings into a table) and
 * orchestrator's topology commands ({@code topology}, {@code clusters}, {@code which-…} read; {@code relocate},
 * {@code graceful-master-takeover}, {@code forget} change the replication topology). They act on the server their DSN
 * ({@code h=host,D=db,t=table}), {@code --host} or {@code -i instance} names; the schema change itself is judged as
 * the {@code ALTER TABLE} it runs.
 */
public final class MySqlOperatorTools implements Recognizer {

    private static final Set<String> VALUED = Set.of("--host", "-h", "--database", "-D", "--table", "-t", "--alter",
            "--user", "-u", "--port", "-P", "--socket", "-S", "--source", "--dest", "--where", "--busy-time", "--idle-time",
            "--match-command", "--match-user", "--match-db", "--match-info", "--match-state", "--victims", "--run-time",
            "--interval", "--limit", "--chunk-size", "--max-load", "--critical-load", "--defaults-file", "-F",
            "--config", "-c", "-i", "-d", "-a", "-s", "--databases", "--tables", "--replicate", "--recursion-method",
            "--max-lag", "--throttle-control-replicas", "--serve-socket-file", "--panic-flag-file", "--conf",
            "--login-path", "--charset", "--progress", "--check-interval", "--ignore-user", "--log", "--review",
            "--history", "--type", "--filter", "--group-by", "--order-by", "--since", "--until", "--output");

    /** Percona Toolkit programs that report and change nothing. */
    private static final Set<String> PERCONA_READERS = Set.of("pt-query-digest", "pt-mysql-summary", "pt-summary",
            "pt-duplicate-key-checker", "pt-index-usage", "pt-variable-advisor", "pt-config-diff", "pt-diskstats",
            "pt-ioprofile", "pt-pmp", "pt-mext", "pt-stalk", "pt-sift", "pt-align", "pt-fingerprint", "pt-visual-explain",
            "pt-slave-find", "pt-replica-find", "pt-table-usage", "pt-upgrade", "pt-mongodb-summary", "pt-pg-summary",
            "pt-mongodb-query-digest", "pt-secure-collect", "pt-k8s-debug-collector", "pt-galera-log-explainer");

    private static final Action REPORTS = Action.read("server");
    private static final Action TOPOLOGY_CHANGE = Action.update("replication", "changes the replication topology");

    private static Action reads(String type, String note) {
        return new Action(Verb.READ, type, Scope.ONE, false, true, note);
    }

    /** orchestrator's commands; {@code which-…} and {@code is-…} questions read, as does anything in the first group. */
    private static final Map<String, Action> ORCHESTRATOR = orchestratorCommands();

    private static Map<String, Action> orchestratorCommands() {
        Map<String, Action> m = new java.util.HashMap<>();
        for (String c : ("clusters clusters-alias all-clusters-masters all-instances topology topology-tabulated "
                + "topology-tags instance api search find replication-analysis raft-leader raft-health "
                + "raft-leader-hostname last-pseudo-gtid tags tag-value tag-exists downtimed check-global-recoveries "
                + "recently-active-cluster-recovery recently-active-instance-recovery get-cluster-heuristic-lag "
                + "mysql-cluster-domain locate-gtid-errant get-candidate-replica help "
                // read-only names only the HTTP API has
                + "cluster cluster-info cluster-master cluster-osc-replicas instance-replicas health status "
                + "maintenance audit audit-recovery replication-analysis-changelog blocked-recoveries").split(" ")) {
            m.put(c, Action.read("topology"));
        }
        for (String c : ("relocate relocate-replicas take-siblings take-master move-up move-up-replicas move-below "
                + "move-equivalent repoint repoint-replicas make-co-master regroup-replicas enable-gtid disable-gtid "
                + "reset-master-gtid-remove-own-uuid skip-query stop-replica start-replica restart-replica reset-replica "
                + "stop-slave start-slave restart-slave reset-slave detach-replica reattach-replica "
                + "detach-replica-master-host reattach-replica-master-host set-read-only set-writeable flush-binary-logs "
                + "enable-semi-sync-master disable-semi-sync-master enable-semi-sync-replica disable-semi-sync-replica "
                + "kill-query recover recover-lite graceful-master-takeover graceful-master-takeover-auto "
                + "force-master-failover force-master-takeover gtid-errant-inject-empty gtid-errant-reset-master "
                + "raft-elect-leader").split(" ")) {
            m.put(c, TOPOLOGY_CHANGE);
        }
        for (String c : ("begin-downtime end-downtime begin-maintenance end-maintenance register-candidate "
                + "register-hostname-unresolve deregister-hostname-unresolve disable-global-recoveries "
                + "enable-global-recoveries ack-cluster-recoveries ack-all-recoveries ack-instance-recoveries tag untag "
                + "submit-masters-to-kv-stores discover async-discover submit-pool-instances").split(" ")) {
            m.put(c, Action.update("orchestrator", "changes what orchestrator knows or will do about the instance"));
        }
        m.put("forget", new Action(Verb.DELETE, "orchestrator", Scope.ONE, false, true,
                "forgets the instance until it is discovered again"));
        m.put("forget-cluster", new Action(Verb.DELETE, "orchestrator", Scope.ALL, false, true,
                "forgets every instance of the cluster"));
        m.put("purge-binary-logs", new Action(Verb.DELETE, "binary-logs", Scope.MANY, true, false,
                "purges the instance's binary logs"));
        return Map.copyOf(m);
    }

    /**
     * What one of orchestrator's commands does; its HTTP API names the same commands as the first word after
     * {@code /api/} ({@code /api/graceful-master-takeover/CLUSTER/HOST/PORT}), where a GET changes as much as the CLI.
     */
    public static Optional<Action> orchestratorCommand(String c) {
        return Optional.ofNullable(ORCHESTRATOR.get(c))
                .or(() -> c.startsWith("which-") || c.startsWith("is-") ? Optional.of(Action.read("topology")) : Optional.empty());
    }

    @Override
    public Set<String> programs() {
        Set<String> all = new HashSet<>(PERCONA_READERS);
        all.addAll(List.of("gh-ost", "pt-online-schema-change", "pt-table-sync", "pt-kill", "pt-archiver", "pt-heartbeat",
                "pt-table-checksum", "pt-slave-restart", "pt-replica-restart", "pt-slave-delay", "pt-deadlock-logger",
                "pt-fk-error-logger", "orchestrator-client", "orchestrator"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        Invocation cleaned = DatabaseClientRecognizer.withoutPasswords(inv);
        ParsedArgs p = cleaned.parse(VALUED);
        String program = inv.program();
        if (program.startsWith("orchestrator")) {
            return orchestrator(inv, p, nested);
        }
        DatabaseTarget target = dsnTarget(p, inv);
        String table = p.value("--table", "-t").or(() -> dsn(p, "t")).orElse("");
        boolean schemaChange = program.equals("gh-ost") || program.equals("pt-online-schema-change");
        if (schemaChange && p.has("--execute")) {
            return DatabaseOps.locateClient(schemaChange(inv, p, target, table, nested), target, inv);
        }
        Action action = switch (program) {
            case "gh-ost", "pt-online-schema-change" ->
                    reads("table", program + " without --execute only checks the change (a dry run)");
            case "pt-table-sync" -> p.has("--execute")
                    ? Action.update("table", "changes rows to match the other server").scope(Scope.MANY)
                    : reads("table", "prints the differences");
            case "pt-kill" -> p.has("--kill", "--kill-query")
                    ? Action.update("connection", "kills the matching connections or queries").scope(Scope.MANY)
                    : reads("connection", "only prints the matching queries (no --kill)");
            case "pt-archiver" -> p.has("--dry-run") || p.has("--no-delete")
                    ? reads("table", "copies rows without deleting them")
                    : new Action(Verb.DELETE, "table", Scope.MANY, true, false, "deletes the rows it archives from the source");
            case "pt-heartbeat" -> p.has("--update", "--create-table", "--stop")
                    ? Action.update("table", "writes heartbeat rows")
                    : reads("replication", "reports replication delay");
            case "pt-table-checksum" -> p.has("--explain") ? REPORTS
                    : Action.update("table", "writes checksums into the replicated checksum table").scope(Scope.MANY);
            case "pt-slave-restart", "pt-replica-restart" -> Action.update("replication", "restarts replication, skipping errors");
            case "pt-slave-delay" -> Action.update("replication", "stops and starts replication to keep a replica behind");
            case "pt-query-digest" -> p.has("--create-review-table", "--create-history-table")
                    ? Action.create("table", "creates the review or history table and writes the query classes into it")
                    : p.has("--review", "--history")
                            ? Action.update("table", "writes the query classes into the review or history table").scope(Scope.MANY)
                            : REPORTS;
            case "pt-deadlock-logger", "pt-fk-error-logger" -> p.has("--dest")
                    ? Action.create("table", "writes the errors it finds into a table") : REPORTS;
            default -> REPORTS;
        };
        String name = table.isEmpty() ? target.database() : table;
        return DatabaseOps.locateClient(List.of(action.on(DatabaseOps.SYSTEM, name, inv, program).build()), target, inv);
    }

    /** The ALTER TABLE an online schema change runs, judged like the statement itself. */
    private static List<Operation> schemaChange(Invocation inv, ParsedArgs p, DatabaseTarget target, String table, Nested nested) {
        Optional<String> alter = p.value("--alter");
        String qualified = target.database().isEmpty() ? table : target.database() + "." + table;
        List<Operation> ops = alter.isEmpty() || table.isEmpty() ? List.of()
                : DatabaseOps.statements("ALTER TABLE " + qualified + " " + alter.get(), DatabaseOps.literal(inv, alter.get()),
                        "mysql", inv, nested);
        if (ops.isEmpty()) {
            return List.of(Action.update("table", "").on(DatabaseOps.SYSTEM, qualified, inv,
                    inv.program() + " --execute changes the table").build());
        }
        return ops;
    }

    private static List<Operation> orchestrator(Invocation inv, ParsedArgs p, Nested nested) {
        Optional<String> command = p.value("-c");
        if (command.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String c = command.get();
        Action action = orchestratorCommand(c)
                .orElseGet(() -> new Action(Verb.UNKNOWN, "topology", Scope.ONE, false, true, "unrecognized orchestrator command " + c));
        String instance = p.value("-i").or(() -> p.value("-d")).map(Hosts::of).orElse("");
        String name = instance.isEmpty() ? p.value("-a").orElse("") : instance;
        Operation op = action.on(DatabaseOps.SYSTEM, name, inv, "orchestrator " + c).build();
        return DatabaseOps.locate(List.of(op), DatabaseTarget.NONE.withHost(instance), inv);
    }

    /** The server a Percona or gh-ost command names: {@code --host}/{@code --database} or a DSN's {@code h=}/{@code D=}. */
    private static DatabaseTarget dsnTarget(ParsedArgs p, Invocation inv) {
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--host", "-h").or(() -> dsn(p, "h")), true, inv);
        return DatabaseOps.flag(target, p.value("--database", "-D").or(() -> dsn(p, "D")), false, inv);
    }

    /**
     * A key of the DSN given as an operand or with {@code --source}, else with {@code --review}/{@code --history}, the
     * server pt-query-digest writes to ({@code h=db-1,D=shop,t=orders}).
     */
    private static Optional<String> dsn(ParsedArgs p, String key) {
        List<String> dsns = new ArrayList<>(p.words());
        p.value("--source").ifPresent(dsns::add);
        p.value("--review").ifPresent(dsns::add);
        p.value("--history").ifPresent(dsns::add);
        for (String d : dsns) {
            for (String part : d.split(",")) {
                if (part.startsWith(key + "=") && part.length() > key.length() + 1) {
                    return Optional.of(part.substring(key.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
